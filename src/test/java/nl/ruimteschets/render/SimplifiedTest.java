package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.ruimteschets.geo.Rd;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

class SimplifiedTest {

    @Test
    void farViewsGetFewerVerticesThatStayWithinHalfAPixel() {
        Polygon wobbly = wobbly(10_000, 5_000);
        Simplified s = Simplified.of(wobbly);
        assertNotNull(s);
        int previous = Integer.MAX_VALUE;
        for (double mpp : new double[] {2, 8, 30, 120, 500}) {
            float[][] rings = s.rings(mpp);
            if (rings == null) continue; // only the original is fine enough
            int n = rings[0].length / 2;
            assertTrue(n <= previous, "coarser with distance");
            previous = n;
            // Every kept vertex is an original one, and every original vertex is near the kept outline.
            LineString kept = ring(rings[0], s.ox, s.oy);
            double worst = 0;
            for (Coordinate c : wobbly.getExteriorRing().getCoordinates()) {
                worst = Math.max(worst, kept.distance(Rd.FACTORY.createPoint(c)));
            }
            assertTrue(worst <= mpp / 2 + 0.01, "within half a pixel at " + mpp + " m/px: " + worst);
        }
        assertTrue(s.rings(500)[0].length / 2 < 500, "a province view strokes hundreds, not thousands");
    }

    @Test
    void smallFeaturesAreNotSimplified() {
        assertNull(Simplified.of(Rd.FACTORY.createPoint(new Coordinate(0, 0)).buffer(10, 8)));
    }

    @Test
    void douglasPeuckerKeepsARingsCorners() {
        float[] square = {0, 0, 5, 0.01f, 10, 0, 10, 5, 10, 10, 0, 10, 0, 5, 0, 0};
        float[] out = Simplified.douglasPeucker(square, 0.5, true);
        assertTrue(out.length / 2 == 5, "four corners and the closing vertex, was " + out.length / 2);
    }

    private static Polygon wobbly(int n, double r) {
        Coordinate[] cs = new Coordinate[n + 1];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n, rr = r * (1 + 0.2 * Math.sin(5 * t) + 0.01 * rnd.nextDouble());
            cs[i] = new Coordinate(150_000 + rr * Math.cos(t), 450_000 + rr * Math.sin(t));
        }
        cs[n] = cs[0];
        return Rd.FACTORY.createPolygon(cs);
    }

    private static LineString ring(float[] xy, double ox, double oy) {
        Coordinate[] cs = new Coordinate[xy.length / 2];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(ox + xy[i * 2], oy + xy[i * 2 + 1]);
        return Rd.FACTORY.createLineString(cs);
    }

}
