package nl.ruimteschets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ReprojectionTest {
    /** Amersfoort reference point of the RD system (DOMAIN.md §5). */
    static final double RD_X = 155000, RD_Y = 463000, LAT = 52.15517440, LON = 5.38720621;

    /** Metres between two WGS84 points (spherical; exact enough at sub-metre distances). */
    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1) * Math.cos(Math.toRadians((lat1 + lat2) / 2));
        return r * Math.hypot(dLat, dLon);
    }

    @Test
    void amersfootReferencePointIsWithinHalfAMetreBothWays() {
        double[] wgs = new Reprojection(28992, 4326).transform(RD_X, RD_Y);
        double error = metres(wgs[1], wgs[0], LAT, LON);
        double[] rd = Reprojection.toRd(4326).transform(LON, LAT);
        double back = Math.hypot(rd[0] - RD_X, rd[1] - RD_Y);
        System.out.printf("Amersfoort RD->WGS84 error %.3f m; WGS84->RD error %.3f m%n", error, back);
        // proj4j uses the 7-parameter Helmert shift; RDNAPTRANS would need the NTv2 grid (STACK.md §4).
        assertTrue(error < 0.5, "RD->WGS84 error " + error);
        assertTrue(back < 0.5, "WGS84->RD error " + back);
    }

    @Test
    void roundTripThroughWebMercatorAndUtmKeepsMillimetres() throws Exception {
        Geometry g = new WKTReader().read("POLYGON((61000 442200, 62000 442200, 62000 443200, 61000 442200))");
        for (int epsg : new int[] {3857, 25831, 32631, 4258}) {
            Geometry there = new Reprojection(28992, epsg).transform(g);
            Geometry back = Reprojection.toRd(epsg).transform(there);
            assertEquals(0.0, back.getCoordinates()[1].distance(g.getCoordinates()[1]), 0.01, "via EPSG:" + epsg);
            assertEquals(28992, back.getSRID());
        }
    }
}
