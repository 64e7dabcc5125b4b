package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsTableTest {
    final OpsTable t = OpsTable.load();

    /** Rows of a shipped CSV: substance, height, heat, type, distance_km, value. */
    static List<String[]> rows(String name) throws Exception {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                OpsTableTest.class.getResourceAsStream("/nl/ruimteschets/ops/" + name), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String l; (l = r.readLine()) != null; ) if (!l.isBlank()) out.add(l.split(","));
        }
        return out;
    }

    static boolean pointWithoutHeat(String[] c) {
        return "point".equals(c[3]) && Double.parseDouble(c[2]) == 0;
    }

    @Test
    void reproducesEveryPointRowOfBothTablesWithinFivePercent() throws Exception {
        int checked = 0;
        for (RingStatistic stat : RingStatistic.values()) {
            for (String[] c : rows(stat.resource)) {
                if (!pointWithoutHeat(c)) continue;
                Substance s = Substance.fromCsv(c[0]);
                double h = Double.parseDouble(c[1]), d = Double.parseDouble(c[4]) * 1000, want = Double.parseDouble(c[5]);
                double got = t.depositionPerTonne(stat, s, h, d);
                assertEquals(want, got, 0.05 * want, () -> String.join(",", c));
                // The lookup kernel the model actually uses must reproduce the rows too.
                assertEquals(want, t.kernel(stat, s, h).at(d), 0.05 * want, () -> "kernel " + String.join(",", c));
                checked++;
            }
        }
        assertEquals(2 * 18 * 14, checked, "2 tables × 18 point cases without heat × 14 rings");
    }

    @Test
    void meanAndMaxEntryPointsReadTheirOwnTables() {
        assertEquals(17.36, t.depositionPerTonne(Substance.NOX, 5, 100), 1e-9);
        assertEquals(31.72, t.maxDepositionPerTonne(Substance.NOX, 5, 100), 1e-9);
    }

    @Test
    void monotoneDecreasingBetweenRingsWhereTheTableIs() throws Exception {
        double[] heights = {2, 3.5, 5, 7, 10, 15, 20, 25, 30, 40, 50, 60, 75, 90, 100, 125, 150};
        double[] rings = {100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 25000};
        int intervals = 0;
        for (Substance s : Substance.values()) {
            for (double h : heights) {
                for (int i = 0; i + 1 < rings.length; i++) {
                    double a = t.depositionPerTonne(s, h, rings[i]), b = t.depositionPerTonne(s, h, rings[i + 1]);
                    if (!(a > b) || !decreasingAtBracketingHeights(s, h, rings[i], rings[i + 1])) continue;
                    intervals++;
                    double prev = a;
                    for (int k = 1; k <= 50; k++) {
                        double d = rings[i] + (rings[i + 1] - rings[i]) * k / 50.0;
                        double v = t.depositionPerTonne(s, h, d);
                        assertTrue(v <= prev, s + " h=" + h + " d=" + d);
                        prev = v;
                    }
                }
            }
        }
        assertTrue(intervals > 350, "most of the table decreases: " + intervals);
    }

    /** Between table heights the value is a linear mix; it decreases where both neighbours do. */
    private boolean decreasingAtBracketingHeights(Substance s, double h, double d0, double d1) {
        double[] table = {2, 5, 10, 20, 30, 50, 75, 100, 150};
        for (double th : table) {
            if (Math.abs(th - h) < 1e-9) return true;
        }
        for (int j = 0; j + 1 < table.length; j++) {
            if (table[j] < h && h < table[j + 1]) {
                return t.depositionPerTonne(s, table[j], d0) > t.depositionPerTonne(s, table[j], d1)
                        && t.depositionPerTonne(s, table[j + 1], d0) > t.depositionPerTonne(s, table[j + 1], d1);
            }
        }
        return false;
    }

    @Test
    void logLogBetweenRingsLinearBetweenHeights() {
        // Midway in log distance between the 1.5 and 2 km rings the power law gives the geometric mean.
        double g = Math.sqrt(0.2189 * 0.1375);
        assertEquals(g, t.depositionPerTonne(Substance.NOX, 5, Math.sqrt(1500 * 2000.0)), 1e-9 * g);
        // Halfway between 5 and 10 m at a ring: the arithmetic mean of the two rows.
        assertEquals((0.4228 + t.depositionPerTonne(Substance.NOX, 10, 1000)) / 2,
                t.depositionPerTonne(Substance.NOX, 7.5, 1000), 1e-12);
    }

    @Test
    void clampsHeightAndDistanceAndCutsAt25Km() {
        assertEquals(t.depositionPerTonne(Substance.NH3, 2, 100), t.depositionPerTonne(Substance.NH3, 2, 10), 0);
        assertEquals(t.depositionPerTonne(Substance.NH3, 2, 100), t.depositionPerTonne(Substance.NH3, 2, 0), 0);
        assertEquals(t.depositionPerTonne(Substance.NH3, 2, 500), t.depositionPerTonne(Substance.NH3, 0.5, 500), 0);
        assertEquals(t.depositionPerTonne(Substance.NOX, 150, 500), t.depositionPerTonne(Substance.NOX, 300, 500), 0);
        assertEquals(0.01456, t.depositionPerTonne(Substance.NH3, 5, 25_000), 1e-12);
        assertEquals(0.0, t.depositionPerTonne(Substance.NH3, 5, 25_000.5));
        assertEquals(0.0, t.kernel(RingStatistic.MEAN, Substance.NH3, 5).at(25_001));
        assertEquals(0.0, t.depositionPerTonne(Substance.NH3, 5, Double.NaN));
    }

    @Test
    void linearInEmission() {
        DepositionKernel nox = t.kernel(RingStatistic.MEAN, Substance.NOX, 20);
        DepositionKernel nh3 = t.kernel(RingStatistic.MEAN, Substance.NH3, 20);
        for (double d : new double[] {120, 777, 3210, 24_000}) {
            double one = nox.combine(3, nh3, 0.5).at(d), two = nox.combine(6, nh3, 1).at(d);
            assertEquals(2 * one, two, 1e-12 * two);
            assertEquals(3 * nox.at(d) + 0.5 * nh3.at(d), one, 1e-12 * one);
        }
    }

    @Test
    void units() {
        assertEquals(21_739, Substance.NOX.molNPerTonne(), 1);
        assertEquals(21_739, Substance.MOL_N_PER_TONNE_NOX, 1);
        assertEquals(58_824, Substance.NH3.molNPerTonne(), 1);
        assertEquals(58_824, Substance.MOL_N_PER_TONNE_NH3, 1);
        assertEquals(21_739 + 58_824, new NitrogenEmission(1000, 1000, 5).molNPerYr(), 2);
    }
}
