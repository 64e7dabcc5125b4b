package nl.ruimteschets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.ruimteschets.model.Feature;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

class PackedEnvelopesTest {

    @Test
    void everyFeatureTouchingAQueryIsFoundIncludingHugeOnes() {
        Random rnd = new Random(5);
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double x = rnd.nextDouble() * 100_000, y = rnd.nextDouble() * 100_000, s = rnd.nextDouble() < 0.001 ? 40_000 : 5 + rnd.nextDouble() * 50;
            fs.add(new Feature(i, box(x, y, s), new Object[0]));
        }
        fs.add(new Feature(-1, Rd.FACTORY.createPoint(new Coordinate(50_000, 50_000)), new Object[0]));
        fs.add(new Feature(-2, Rd.FACTORY.createPolygon(), new Object[0])); // empty: never found
        PackedEnvelopes p = new PackedEnvelopes(fs);
        for (int q = 0; q < 50; q++) {
            double x = rnd.nextDouble() * 100_000, y = rnd.nextDouble() * 100_000, s = rnd.nextDouble() * 8_000;
            Envelope e = new Envelope(x, x + s, y, y + s);
            Set<Integer> expected = new TreeSet<>(), found = new TreeSet<>(), queried = new TreeSet<>();
            for (int i = 0; i < fs.size(); i++) {
                Geometry g = fs.get(i).geometry();
                if (!g.isEmpty() && g.getEnvelopeInternal().intersects(e)) expected.add(i);
            }
            int[] spans = p.spans(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
            for (int k = 0; k < spans.length; k += 2) {
                for (int pos = spans[k]; pos < spans[k + 1]; pos++) {
                    if (p.intersects(pos, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())) found.add(p.feature(pos));
                }
            }
            assertEquals(expected, found, "spans of " + e);
            p.query(e, pos -> queried.add(p.feature(pos)));
            assertEquals(expected, queried, "query " + e);
        }
    }

    @Test
    void envelopesAndAreasAreThoseOfTheGeometries() {
        List<Feature> fs = List.of(new Feature(1, box(155_000, 463_000, 10), new Object[0]),
                new Feature(2, Rd.FACTORY.createPoint(new Coordinate(5, 5)), new Object[0]),
                new Feature(3, Rd.FACTORY.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(4, 3)}), new Object[0]));
        PackedEnvelopes p = new PackedEnvelopes(fs);
        assertEquals(155_000, p.minX(0), 0.02, "RD metres held to centimetres");
        assertEquals(463_010, p.maxY(0), 0.02);
        assertEquals(100, p.area(0), 1e-3, "m²");
        assertEquals(0, p.area(1));
        assertEquals(2, p.centreX(2), 1e-6);
        assertEquals(1.5, p.halfHeight(2), 1e-6);
    }

    private static Geometry box(double x, double y, double s) {
        return Rd.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + s, y),
            new Coordinate(x + s, y + s), new Coordinate(x, y + s), new Coordinate(x, y)});
    }
}
