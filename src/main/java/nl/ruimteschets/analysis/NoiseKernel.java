package nl.ruimteschets.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CNOSSOS-EU long-term attenuation A(d, G, h_s) = 100 − L_LT for a point source of the generic
 * industry spectrum with a receptor at 5 m (DOMAIN.md §1.3), from NoiseModelling runs shipped in
 * {@code nl/ruimteschets/noise/}. Interpolates linearly in log10(d) between table distances; in G
 * between neighbouring rows of the fine table ({@code nm_attenuation_fine_g.csv}, G every 0.05 — CNOSSOS
 * is strongly non-linear at the low G of ports and water); in source height linearly between its 5 and
 * 10 m rows (clamped outside). Below 10 m it uses the 10 m value. Beyond 5 km the fine rows are continued
 * by the drop of the coarse h_s 5 m rows (G every 0.25) and the extension rows to 40 km; beyond 40 km the
 * last segment's slope in log10(d) (no industrial source matters there).
 *
 * <p>Immutable and thread-safe; load once.
 */
public final class NoiseKernel {
    static final double[] GROUND = {0, 0.25, 0.5, 0.75, 1};

    /** Per ground factor: log10 distances and attenuations, ascending. */
    private final double[][] logD = new double[GROUND.length][];
    private final double[][] att = new double[GROUND.length][];

    private NoiseKernel(Map<Double, TreeMap<Double, Double>> rows) {
        for (int g = 0; g < GROUND.length; g++) {
            TreeMap<Double, Double> r = rows.get(GROUND[g]);
            if (r == null) throw new IllegalStateException("no kernel rows for G = " + GROUND[g]);
            logD[g] = new double[r.size()];
            att[g] = new double[r.size()];
            int i = 0;
            for (Map.Entry<Double, Double> e : r.entrySet()) {
                logD[g][i] = Math.log10(e.getKey());
                att[g][i++] = 100.0 - e.getValue();
            }
        }
    }

    private static volatile NoiseKernel shared;

    /** The shipped kernel (loaded once). */
    public static NoiseKernel load() {
        NoiseKernel k = shared;
        if (k == null) {
            Map<Double, TreeMap<Double, Double>> rows = new TreeMap<>();
            read("nm_attenuation.csv", rows, false);
            read("nm_attenuation_ext.csv", rows, true);
            k = new NoiseKernel(rows);
            k.readFine();
            shared = k;
        }
        return k;
    }

    /** Fine rows: G every 0.05 at h_s 5 and 10 m, 10–5000 m. */
    static final double FINE_STEP = 0.05;
    static final double[] HEIGHTS = {5, 10};
    private static final int FINE_ROWS = 21;
    private double[] fineLogD;
    private final double[][][] fineAtt = new double[HEIGHTS.length][FINE_ROWS][];

    /** Attenuation in dB at distance d (m) over ground G (0–1) from a source at h_s (m), receptor at 5 m. */
    public double attenuation(double distanceM, double g, double sourceHeightM) {
        double gg = Math.max(0, Math.min(1, g)) / FINE_STEP;
        int lo = Math.min(FINE_ROWS - 2, (int) Math.floor(gg + 1e-9));
        double t = Math.max(0, gg - lo);
        double h = Math.max(HEIGHTS[0], Math.min(HEIGHTS[1], sourceHeightM));
        double th = (h - HEIGHTS[0]) / (HEIGHTS[1] - HEIGHTS[0]);
        double d = Math.max(distanceM, 10.0);
        double ld = Math.log10(Math.min(d, 5000.0));
        double a = mix(fine(0, lo, ld), fine(0, lo + 1, ld), t);
        if (th > 0) a = a * (1 - th) + th * mix(fine(1, lo, ld), fine(1, lo + 1, ld), t);
        if (d > 5000) a += coarse(d, g) - coarse(5000, g); // the far drop of the coarse rows
        return a;
    }

    private static double mix(double a, double b, double t) {
        return t == 0 ? a : a + (b - a) * t;
    }

    private double fine(int h, int g, double ld) {
        double[] x = fineLogD, y = fineAtt[h][g];
        if (ld <= x[0]) return y[0];
        int i = java.util.Arrays.binarySearch(x, ld);
        if (i >= 0) return y[i];
        int hi = Math.min(-i - 1, x.length - 1);
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (ld - x[lo]) / (x[hi] - x[lo]);
    }

    /** Attenuation at h_s 5 m over ground G (0–1), from the fine rows. */
    public double attenuation(double distanceM, double g) {
        return attenuation(distanceM, g, 5.0);
    }

    /** The coarse h_s 5 m rows (G every 0.25, linear in G): only their drop beyond 5 km is used. */
    double coarse(double distanceM, double g) {
        double gg = Math.max(0, Math.min(1, g)) * 4;
        int lo = Math.min(3, (int) Math.floor(gg));
        double t = gg - lo;
        double ld = Math.log10(Math.max(distanceM, 10.0));
        double a = interpolate(lo, ld);
        return t == 0 ? a : a * (1 - t) + interpolate(lo + 1, ld) * t;
    }

    private double interpolate(int g, double ld) {
        double[] x = logD[g], y = att[g];
        int n = x.length;
        if (ld <= x[0]) return y[0];
        int i = java.util.Arrays.binarySearch(x, ld);
        if (i >= 0) return y[i];
        int hi = Math.min(-i - 1, n - 1);
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (ld - x[lo]) / (x[hi] - x[lo]);
    }

    private void readFine() {
        java.util.TreeSet<Double> dists = new java.util.TreeSet<>();
        Map<String, TreeMap<Double, Double>> rows = new TreeMap<>();
        try (InputStream in = NoiseKernel.class.getResourceAsStream("/nl/ruimteschets/noise/nm_attenuation_fine_g.csv")) {
            if (in == null) throw new IllegalStateException("missing resource nm_attenuation_fine_g.csv");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> cols = List.of(r.readLine().split(","));
            int cG = cols.indexOf("ground_g"), cD = cols.indexOf("distance_m"), cL = cols.indexOf("l_longterm_dba"),
                    cH = cols.indexOf("source_height_m"), cS = cols.indexOf("spectrum");
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                if (!f[cS].equals("industry")) continue;
                int gi = (int) Math.round(Double.parseDouble(f[cG]) / FINE_STEP);
                double d = Double.parseDouble(f[cD]);
                dists.add(d);
                rows.computeIfAbsent(Math.round(Double.parseDouble(f[cH])) + "/" + gi, k -> new TreeMap<>())
                        .put(d, Double.parseDouble(f[cL]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fineLogD = dists.stream().mapToDouble(Math::log10).toArray();
        for (int h = 0; h < HEIGHTS.length; h++) {
            for (int g = 0; g < FINE_ROWS; g++) {
                TreeMap<Double, Double> r = rows.get(Math.round(HEIGHTS[h]) + "/" + g);
                if (r == null || r.size() != fineLogD.length) {
                    throw new IllegalStateException("fine ground-factor table incomplete at h_s " + HEIGHTS[h] + ", G " + g * FINE_STEP);
                }
                fineAtt[h][g] = r.values().stream().mapToDouble(v -> 100.0 - v).toArray();
            }
        }
    }

    /** Table points (distance, L_LT for 100 dB(A)) of the industry long-term rows at h_s 5 m, for tests. */
    public static List<double[]> tablePoints(double g) {
        Map<Double, TreeMap<Double, Double>> rows = new TreeMap<>();
        read("nm_attenuation.csv", rows, false);
        List<double[]> out = new ArrayList<>();
        rows.get(g).forEach((d, a) -> out.add(new double[] {d, a}));
        return out;
    }

    /**
     * Reads industry-spectrum, h_s = 5 m, long-term rows. The extension file only adds distances
     * beyond the main table's 5 km; its overlapping 4 and 5 km rows agree with the main table.
     */
    private static void read(String name, Map<Double, TreeMap<Double, Double>> rows, boolean onlyBeyond5km) {
        try (InputStream in = NoiseKernel.class.getResourceAsStream("/nl/ruimteschets/noise/" + name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            List<String> cols = List.of(header.split(","));
            int cSpec = cols.indexOf("spectrum"), cG = cols.indexOf("ground_g"), cD = cols.indexOf("distance_m"),
                    cL = cols.indexOf("l_longterm_dba"), cH = cols.indexOf("source_height_m");
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",");
                if (f.length <= cH || !f[cSpec].equals("industry") || Double.parseDouble(f[cH]) != 5.0) continue;
                double d = Double.parseDouble(f[cD]);
                if (onlyBeyond5km && d <= 5000) continue;
                rows.computeIfAbsent(Double.parseDouble(f[cG]), k -> new TreeMap<>()).put(d, Double.parseDouble(f[cL]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
