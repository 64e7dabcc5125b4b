package nl.ruimteschets.analysis;

import static nl.ruimteschets.analysis.NitrogenFixtures.area;
import static nl.ruimteschets.analysis.NitrogenFixtures.box;
import static nl.ruimteschets.analysis.NitrogenFixtures.candidate;
import static nl.ruimteschets.analysis.NitrogenFixtures.model;
import static nl.ruimteschets.analysis.NitrogenFixtures.natura;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import org.junit.jupiter.api.Test;

class NitrogenModelTest {
    final OpsTable ops = OpsTable.load();
    final NitrogenEmission emission = new NitrogenEmission(20_000, 10_000, 5); // 20 t NOx, 10 t NH₃ at 5 m

    /** Hand computation: the emission spread evenly over the square, integrated on a 10 m grid straight from the table. */
    final DirectionalKernel nox = ops.directionalKernel(Substance.NOX, 5, 0), nh3 = ops.directionalKernel(Substance.NH3, 5, 0);

    double handIntegral(double x0, double y0, double size, double px, double py) {
        int n = (int) (size / 10);
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dx = px - (x0 + (i + 0.5) * 10), dy = py - (y0 + (j + 0.5) * 10);
                s += 20 * nox.atOffset(dx, dy) + 10 * nh3.atOffset(dx, dy);
            }
        }
        return s / (n * n);
    }

    @Test
    void maxOnASquareTwoKmFromA100HaCandidateMatchesTheHandComputation() {
        NitrogenModel m = model(natura(area("Duinen", "714", box(3000, -500, 5000, 1500))));
        NitrogenIndicators r = m.evaluate(candidate(box(0, 0, 1000, 1000)), emission);
        // The maximum sits in the first hexagon column inside the area (east of the candidate; the wind
        // rose moves it along that column, towards the north-east).
        assertTrue(r.maxX() >= 3000 && r.maxX() < 3000 + HexLattice.COLUMN_SPACING_M, "x " + r.maxX());
        assertTrue(r.maxY() > 0 && r.maxY() < 1500, "y " + r.maxY());
        assertEquals("Duinen", r.maxArea());
        // A 10 m integral over the square, cell by cell with bearing, agrees with the model's 100 m cells.
        double hand = handIntegral(0, 0, 1000, r.maxX(), r.maxY());
        assertEquals(hand, r.maxDepositionMolHaYr(), 0.03 * hand);
        // And it is the highest of the first column by that integral too.
        for (double y = -400; y <= 1400; y += HexLattice.ROW_SPACING_M) {
            assertTrue(handIntegral(0, 0, 1000, r.maxX(), y) <= hand * 1.02, "y " + y);
        }
    }

    /**
     * The cell split against OPS's own 1 km² area-source rows. From 1.5 km outward; at 25 km the per-cell
     * 25 km cut (AERIUS's) removes the far half of the source, which OPS's area row does not.
     */
    @Test
    void ringMeanAroundA1km2CandidateIsCloseToOpsAreaSourceRows() throws Exception {
        AreaSource src = AreaSource.of(box(-500, -500, 500, 500));
        for (Substance s : Substance.values()) {
            DepositionKernel k = ops.kernel(RingStatistic.MEAN, s, 5);
            for (String[] c : OpsTableTest.rows("ops_table_mean.csv")) {
                double d = Double.parseDouble(c[4]) * 1000;
                if (!"area_1km_square".equals(c[3]) || Substance.fromCsv(c[0]) != s || d < 1500 || d > 20_000) continue;
                double mean = 0;
                for (int b = 0; b < 36; b++) {
                    double a = Math.toRadians(10 * b);
                    mean += src.deposition(k, d * Math.sin(a), d * Math.cos(a)) / 36;
                }
                double want = Double.parseDouble(c[5]);
                assertEquals(want, mean, 0.05 * want, s + " at " + d + " m");
            }
        }
    }

    @Test
    void lumpedBlocksStayWithinOnePercentOfEveryCellSummed() throws Exception {
        // A 160-ha L-shaped site: receptors from just outside to 20 km, all around.
        AreaSource src = AreaSource.of(new org.locationtech.jts.io.WKTReader().read(
                "POLYGON((0 0, 2000 0, 2000 500, 600 500, 600 1500, 0 1500, 0 0))"));
        DepositionKernel k = ops.kernel(RingStatistic.MEAN, Substance.NOX, 5)
                .combine(1, ops.kernel(RingStatistic.MEAN, Substance.NH3, 5), 0.3);
        for (double d : new double[] {200, 900, 1_600, 2_500, 4_000, 5_200, 8_000, 20_000}) {
            for (int b = 0; b < 16; b++) {
                double a = Math.toRadians(22.5 * b + 7);
                double px = 1000 + (1000 + d) * Math.cos(a), py = 750 + (750 + d) * Math.sin(a);
                double fine = src.fineDeposition(k, px, py);
                assertEquals(fine, src.deposition(k, px, py), 0.01 * fine, "at " + d + " m, bearing " + (22.5 * b + 7));
            }
        }
    }

    @Test
    void linearInEmission() {
        NitrogenModel m = model(natura(area("A", "1071", box(2000, -3000, 8000, 3000))));
        Candidate c = candidate(box(0, 0, 800, 600));
        NitrogenIndicators one = m.evaluate(c, new NitrogenEmission(1000, 300, 12));
        NitrogenIndicators two = m.evaluate(c, new NitrogenEmission(2000, 600, 12));
        assertEquals(2 * one.maxDepositionMolHaYr(), two.maxDepositionMolHaYr(), 1e-12 * two.maxDepositionMolHaYr());
        // Totals differ by more than 2× only because more hexagons pass the 0.005 cut; compare one hexagon.
        Map<Long, Double> a = new HashMap<>(), b = new HashMap<>();
        m.evaluate(c, new NitrogenEmission(1000, 300, 12), null, RingStatistic.MEAN, (id, x, y, d) -> a.put(id, d));
        m.evaluate(c, new NitrogenEmission(2000, 600, 12), null, RingStatistic.MEAN, (id, x, y, d) -> b.put(id, d));
        a.forEach((id, d) -> assertEquals(2 * d, b.get(id), 1e-12 * d));
    }

    @Test
    void nothingBeyond25Km() {
        NitrogenModel far = model(natura(area("Ver", "714", box(26_000, -5000, 30_000, 5000))));
        NitrogenIndicators r = far.evaluate(candidate(box(0, 0, 1000, 1000)), new NitrogenEmission(1e6, 1e6, 2));
        assertEquals(0.0, r.maxDepositionMolHaYr());
        assertEquals(0, r.hexagonsAboveCut());
        assertTrue(r.areas().isEmpty());
        assertTrue(Double.isNaN(r.maxX()));

        // An area straddling 25 km: no reported hexagon lies beyond 25 km from every part of the candidate.
        NitrogenModel straddle = model(natura(area("Rand", "714", box(20_000, -5000, 30_000, 5000))));
        double[] farthest = {0};
        straddle.evaluate(candidate(box(0, 0, 1000, 1000)), new NitrogenEmission(1e6, 1e6, 2), null,
                RingStatistic.MEAN, (id, x, y, d) -> farthest[0] = Math.max(farthest[0], x - 1000));
        assertTrue(farthest[0] > 24_000 && farthest[0] <= 25_000, "farthest " + farthest[0]);
    }

    @Test
    void overlapWithNatura2000IsAHardConflict() {
        NitrogenModel m = model(natura(area("Kust", "714", box(900, 0, 2000, 1000))));
        NitrogenIndicators r = m.evaluate(candidate(box(0, 0, 1000, 1000)), emission);
        assertEquals(10.0, r.overlapHa(), 1e-9);
        assertTrue(r.hardConflict());
        NitrogenIndicators clear = m.evaluate(candidate(box(-3000, 0, -2000, 1000)), emission);
        assertEquals(0.0, clear.overlapHa());
    }

    @Test
    void kdwExceedanceOnlyWithABackground() {
        NitrogenModel m = model(natura(area("Heide", "1071", box(1500, 0, 3500, 1000)),
                area("Zandplaat", null, box(1500, 2000, 3500, 3000))));
        Candidate c = candidate(box(0, 0, 1000, 1000));
        NitrogenIndicators none = m.evaluate(c, emission);
        assertNull(none.kdwExceededHexagons());
        assertNull(none.kdwNewlyExceededHexagons());

        int[] heideAbove15 = {0}, heideCounted = {0};
        NitrogenIndicators near = m.evaluate(c, emission, 1056.0, RingStatistic.MEAN, (id, x, y, d) -> {
            if (y < 1500) {
                heideCounted[0]++;
                if (d > 15.0) heideAbove15[0]++;
            }
        });
        assertEquals(heideAbove15[0], near.kdwExceededHexagons(), "1056 + contribution > 1071 exactly where contribution > 15");
        assertEquals(heideAbove15[0], near.kdwNewlyExceededHexagons());
        assertTrue(heideAbove15[0] > 0 && heideAbove15[0] < heideCounted[0]);
        assertEquals(near.hexagonsAboveCut() - heideCounted[0], near.hexagonsWithoutKdw(), "unknown KDW is never exceeded");

        NitrogenIndicators over = m.evaluate(c, emission, 1200.0, RingStatistic.MEAN, null);
        assertEquals(heideCounted[0], over.kdwExceededHexagons());
        assertEquals(0, over.kdwNewlyExceededHexagons());
    }

    @Test
    void indicatorsAddUpAndCarryTheLabel() {
        NitrogenModel m = model(natura(area("A", "714", box(2000, 0, 4000, 2000)), area("B", "1071", box(-6000, 0, -4000, 2000))));
        double[] sum = {0};
        int[] n = {0};
        NitrogenIndicators r = m.evaluate(candidate(box(0, 0, 1000, 1000)), emission, null, RingStatistic.MEAN,
                (id, x, y, d) -> { sum[0] += d; n[0]++; assertTrue(d >= NitrogenModel.CUT_MOL_HA_YR); });
        assertEquals(sum[0], r.totalDepositionMolYr(), 1e-9 * sum[0]);
        assertEquals(n[0], r.hexagonsAboveCut());
        assertEquals(n[0], r.haAboveCut(), 0);
        assertEquals(2, r.areas().size());
        assertEquals("A", r.areas().get(0).name(), "the nearer area first");
        assertEquals(r.maxDepositionMolHaYr(), r.areas().get(0).maxDepositionMolHaYr());
        assertEquals(n[0], r.areas().get(0).hexagonsAboveCut() + r.areas().get(1).hexagonsAboveCut());
        assertEquals("indicatief (screening), geen AERIUS-berekening", r.label());
        assertEquals("indicative (screening), not an AERIUS calculation", r.labelEn());
        NitrogenIndicators worst = m.evaluate(candidate(box(0, 0, 1000, 1000)), emission, null, RingStatistic.MAX, null);
        assertTrue(worst.maxDepositionMolHaYr() > 1.3 * r.maxDepositionMolHaYr(), "ring max is the worst-direction bound");
    }

    @Test
    void emissionFromOverridesElseProfileTimesNetHectares() {
        ActivityProfile p = new ActivityProfile("zwaar", "", 65, 5, false, 0, 0, 0, 0, 300, 20, 30, 0.7, "");
        Candidate plain = candidate(box(0, 0, 1000, 1000));
        NitrogenEmission e = NitrogenModel.emission(plain, p, 70);
        assertEquals(21_000, e.noxKgYr(), 1e-9);
        assertEquals(1_400, e.nh3KgYr(), 1e-9);
        assertEquals(30, e.heightM());
        Candidate over = new Candidate("c", "C", CandidateKind.EXPANSION, "", box(0, 0, 1000, 1000), 0, "zwaar",
                new CandidateOverrides(null, 5_000.0, null, null), "");
        NitrogenEmission o = NitrogenModel.emission(over, p, 70);
        assertEquals(5_000, o.noxKgYr(), 1e-9);
        assertEquals(1_400, o.nh3KgYr(), 1e-9);
    }
}
