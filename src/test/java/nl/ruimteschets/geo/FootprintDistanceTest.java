package nl.ruimteschets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class FootprintDistanceTest {

    @Test
    void agreesWithJtsForBuildingsAllAroundAConcaveFootprintWithAHole() {
        Polygon outer = Rd.FACTORY.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1000, 0),
            new Coordinate(1000, 1000), new Coordinate(500, 400), new Coordinate(0, 1000), new Coordinate(0, 0)});
        Geometry footprint = outer.difference(Rd.FACTORY.createPoint(new Coordinate(500, 150)).buffer(60));
        FootprintDistance fd = new FootprintDistance(footprint);
        Random rnd = new Random(3);
        for (int i = 0; i < 5000; i++) {
            double cx = -1500 + rnd.nextDouble() * 4000, cy = -1500 + rnd.nextDouble() * 4000;
            if (i % 5 == 0) { // many near the hole and the notch, where edges cross
                cx = 440 + rnd.nextDouble() * 120;
                cy = 90 + rnd.nextDouble() * 350;
            }
            double w = 8 + rnd.nextDouble() * 32;
            Geometry building = Rd.FACTORY.createPoint(new Coordinate(cx, cy)).buffer(w / 2, 1).getEnvelope();
            assertEquals(footprint.distance(building), fd.distance(building), 1e-6, "building at " + cx + "," + cy);
        }
    }
}
