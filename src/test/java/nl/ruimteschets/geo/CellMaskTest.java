package nl.ruimteschets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class CellMaskTest {
    final GeometryFactory gf = new GeometryFactory();

    @Test
    void areaNearManyObjectsMatchesTheExactBufferUnionWithinOnePercent() {
        Geometry footprint = gf.toGeometry(new Envelope(0, 1400, 0, 1400)); // 196 ha
        Random r = new Random(3);
        List<Envelope> objects = new ArrayList<>();
        List<Geometry> buffers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double x = r.nextDouble() * 1800 - 200, y = r.nextDouble() * 1800 - 200;
            Envelope e = new Envelope(x, x + 20, y, y + 12);
            objects.add(e);
            buffers.add(gf.toGeometry(e).buffer(100, 32));
        }
        double exact = Overlay.intersection(footprint, Overlay.union(buffers)).getArea() / 10_000;
        CellMask mask = new CellMask(footprint, 7);
        for (Envelope e : objects) mask.markNear(e, 100);
        assertEquals(exact, mask.markedHa(), exact * 0.01);
    }

    @Test
    void polygonsWithHolesAreFilledEvenOdd() throws Exception {
        Geometry footprint = new WKTReader().read("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0),"
                + " (200 200, 800 200, 800 800, 200 800, 200 200))"); // 64 ha
        CellMask mask = new CellMask(footprint, 10);
        mask.markPolygon(new WKTReader().read("POLYGON((0 0, 500 0, 500 1000, 0 1000, 0 0))"));
        assertEquals(32.0, mask.markedHa(), 1e-9, "the left half of the ring, the hole left out");
    }
}
