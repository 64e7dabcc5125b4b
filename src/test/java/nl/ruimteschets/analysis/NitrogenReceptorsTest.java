package nl.ruimteschets.analysis;

import static nl.ruimteschets.analysis.NitrogenFixtures.GF;
import static nl.ruimteschets.analysis.NitrogenFixtures.area;
import static nl.ruimteschets.analysis.NitrogenFixtures.box;
import static nl.ruimteschets.analysis.NitrogenFixtures.candidate;
import static nl.ruimteschets.analysis.NitrogenFixtures.model;
import static nl.ruimteschets.analysis.NitrogenFixtures.natura;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class NitrogenReceptorsTest {

    @Test
    void hexagonsAreOneHectareAndTileThePlane() {
        Random rnd = new Random(7);
        for (int k = 0; k < 2000; k++) {
            double x = -7000 + rnd.nextDouble() * 307_000, y = 289_000 + rnd.nextDouble() * 340_000;
            long id = HexLattice.idAt(x, y);
            Polygon hex = HexLattice.polygon(id, GF);
            assertEquals(10_000.0, hex.getArea(), 1e-6);
            assertTrue(hex.buffer(1e-6).contains(GF.createPoint(new Coordinate(x, y))), x + " " + y);
            int c = HexLattice.column(id), r = HexLattice.row(id);
            assertEquals(id, HexLattice.id(c, r));
            assertEquals(id, HexLattice.idAt(HexLattice.centreX(c), HexLattice.centreY(c, r)));
        }
        assertEquals(HexLattice.id(0, 0), HexLattice.idAt(0, 0), "anchored at RD (0, 0)");
        assertEquals(HexLattice.id(-3, -2), HexLattice.idAt(HexLattice.centreX(-3), HexLattice.centreY(-3, -2)));
    }

    @Test
    void latticeIsStableBetweenEditsAndModels() {
        Geometry n2000 = box(2000, -2000, 6000, 3000);
        Map<Long, double[]> first = new HashMap<>(), second = new HashMap<>();
        model(natura(area("A", "714", n2000))).evaluate(candidate(box(0, 0, 1000, 1000)),
                new NitrogenEmission(5000, 5000, 5), null, RingStatistic.MEAN, (id, x, y, d) -> first.put(id, new double[] {x, y}));
        // Another model instance, another (moved, reshaped) candidate: the same place has the same id.
        model(natura(area("A", "714", n2000))).evaluate(candidate(box(-700, 300, 400, 900)),
                new NitrogenEmission(5000, 5000, 5), null, RingStatistic.MEAN, (id, x, y, d) -> second.put(id, new double[] {x, y}));
        assertTrue(first.size() > 1000);
        int shared = 0;
        for (Map.Entry<Long, double[]> e : first.entrySet()) {
            double[] o = second.get(e.getKey());
            if (o == null) continue;
            shared++;
            assertEquals(e.getValue()[0], o[0], 0);
            assertEquals(e.getValue()[1], o[1], 0);
        }
        assertTrue(shared > 1000);
    }

    @Test
    void onlyCentresInsideCountAndHolesAreRespected() throws Exception {
        Geometry square = box(0, 0, 10_000, 10_000); // 10,000 ha
        Natura2000Receptors rs = new Natura2000Receptors(List.of(natura(area("Groot", "714", square))));
        int n = rs.areas().get(0).hexagonCount();
        assertEquals(bruteForce(square), n);
        assertEquals(10_000, n, 200, "about one hexagon per hectare (edges alias with the lattice)");
        Geometry holed = square.difference(box(2000, 2000, 8000, 8000)); // 6,400 ha
        Natura2000Receptors rh = new Natura2000Receptors(List.of(natura(area("Ring", "714", holed))));
        Natura2000Receptors.Area a = rh.areas().get(0);
        assertEquals(bruteForce(holed), a.hexagonCount());
        assertEquals(6_400, a.hexagonCount(), 200);
        double[] xs = a.xs(), ys = a.ys();
        for (int i = 0; i < xs.length; i++) {
            assertTrue(holed.covers(GF.createPoint(new Coordinate(xs[i], ys[i]))));
            if (i > 0) assertTrue(xs[i] >= xs[i - 1], "x ascending");
        }
    }

    @Test
    void overlappingAreasCountEachHexagonOnceUnderTheLowestKdw() {
        Natura2000Receptors rs = new Natura2000Receptors(List.of(natura(
                area("Hoog", "2000", box(0, 0, 2000, 1000)),
                area("Laag", "714", box(1000, 0, 3000, 1000)))));
        int hoog = rs.areas().get(0).hexagonCount(), laag = rs.areas().get(1).hexagonCount();
        assertEquals(bruteForce(box(0, 0, 1000, 1000)), hoog, "the shared square km goes to the lower KDW");
        assertEquals(bruteForce(box(1000, 0, 3000, 1000)), laag);
    }

    /** Every lattice centre in the envelope, tested one by one. */
    static int bruteForce(Geometry g) {
        int n = 0;
        for (int c = -2; c <= g.getEnvelopeInternal().getMaxX() / HexLattice.COLUMN_SPACING_M + 2; c++) {
            for (int r = -2; r <= g.getEnvelopeInternal().getMaxY() / HexLattice.ROW_SPACING_M + 2; r++) {
                if (g.covers(GF.createPoint(new Coordinate(HexLattice.centreX(c), HexLattice.centreY(c, r))))) n++;
            }
        }
        return n;
    }
}
