package nl.ruimteschets.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OPS-LT source–receptor tables (DOMAIN.md §3.4; provenance in {@code nl/ruimteschets/ops/README.txt}):
 * deposition in mol N/ha/yr per t/yr emitted, as a function of substance, emission height, heat content
 * and distance, and — from the per-bearing table — of the bearing from source to receptor.
 *
 * <p>Inputs: the shipped CSVs (ring mean, ring max, per-bearing factors); the point-source rows feed the
 * kernels (the 1 km² area rows are not used: candidates are split into cells instead).
 * Guarantees:
 * <ul>
 * <li>at the table's own heights and rings the table value is returned exactly; between rings log–log
 *     (power-law) interpolation;</li>
 * <li>between heights a monotone cubic (PCHIP) through the logarithm of the deposition at all table
 *     heights of that ring, which follows the table's shape (tested against held-out rows: within ×1.25
 *     from 1 km, where linear interpolation is off up to ×1.6); heights clamped to 2–150 m;</li>
 * <li>heat content (MW): the cold value times the table's hot/cold ratio, interpolated linearly in heat
 *     between 0, 5 and 20 MW (clamped at 20) and in height between the hot rows at 50 and 100 m (clamped
 *     outside). The table has hot rows for NOx only; NH₃ from a hot stack gets the NOx ratio (plume rise
 *     lifts both);</li>
 * <li>direction: {@link #directionalKernel} gives mean(d) × factor(d, θ) from {@code ops_table_bearing.csv},
 *     factors interpolated linearly in height, in heat (as above), in log distance and in bearing. Where the
 *     reference says the rings are spiky — within 0.75 km of stacks of 20 m or more and of hot stacks —
 *     the factor is 1 (the ring mean), blending into the 1 km ring's factors;</li>
 * <li>below 0.1 km the 0.1 km value; {@link #depositionPerTonne} is zero beyond 25 km (AERIUS cut-off).</li>
 * </ul>
 * Failure: a missing or malformed resource throws {@link IllegalStateException} on {@link #load()}.
 * Thread safety: immutable after loading; the kernel caches are concurrent, so all methods are thread-safe.
 */
public final class OpsTable {
    public static final double MIN_DISTANCE_M = 100.0;
    public static final double MAX_DISTANCE_M = 25_000.0;
    public static final double MIN_HEIGHT_M = 2.0;
    public static final double MAX_HEIGHT_M = 150.0;
    /** Heat content beyond the table's largest hot row is clamped to it. */
    public static final double MAX_HEAT_MW = 20.0;
    /** Within this distance of tall (≥ 20 m) or hot stacks the per-bearing rings are spiky (reference README). */
    static final double SPIKY_WITHIN_M = 750.0;
    static final double SPIKY_FROM_HEIGHT_M = 20.0;
    static final int BEARINGS = 36;

    private static volatile OpsTable shared;

    /** Ring values per statistic and substance. */
    private final Map<RingStatistic, Map<Substance, Rows>> rows;
    /** Per-bearing factors per substance. */
    private final Map<Substance, Factors> factors;
    private final double[] ringsM;
    private final Map<String, DepositionKernel> kernels = new ConcurrentHashMap<>();
    private final Map<String, DirectionalKernel> directional = new ConcurrentHashMap<>();

    /**
     * Cold point rows (heights ascending, values [height][ring]) and hot rows keyed by height then heat
     * (values per ring).
     */
    private record Rows(double[] heights, double[][] cold, TreeMap<Double, TreeMap<Double, double[]>> hot) { }

    /** Factors [height][ring][bearing] of the cold rows, and hot rows by height then heat: [ring][bearing]. */
    private record Factors(double[] heights, double[][][] cold, TreeMap<Double, TreeMap<Double, double[][]>> hot) { }

    private OpsTable(Map<RingStatistic, Map<Substance, Rows>> rows, Map<Substance, Factors> factors, double[] ringsM) {
        this.rows = rows;
        this.factors = factors;
        this.ringsM = ringsM;
    }

    /** The shipped tables, loaded once per JVM. */
    public static OpsTable load() {
        OpsTable t = shared;
        if (t == null) {
            synchronized (OpsTable.class) {
                if (shared == null) {
                    Map<RingStatistic, Map<Substance, Rows>> g = new EnumMap<>(RingStatistic.class);
                    double[][] rings = new double[1][];
                    for (RingStatistic s : RingStatistic.values()) g.put(s, readRows(s.resource, rings));
                    shared = new OpsTable(g, readFactors("ops_table_bearing.csv", rings[0]), rings[0]);
                }
                t = shared;
            }
        }
        return t;
    }

    /** Ring-mean deposition, mol N/ha/yr per t/yr, of a point source without heat. */
    public double depositionPerTonne(Substance s, double heightM, double distanceM) {
        return depositionPerTonne(RingStatistic.MEAN, s, heightM, distanceM);
    }

    /** Ring-maximum ("worst direction") deposition, mol N/ha/yr per t/yr. */
    public double maxDepositionPerTonne(Substance s, double heightM, double distanceM) {
        return depositionPerTonne(RingStatistic.MAX, s, heightM, distanceM);
    }

    public double depositionPerTonne(RingStatistic stat, Substance s, double heightM, double distanceM) {
        return depositionPerTonne(stat, s, heightM, 0, distanceM);
    }

    /** Ring value, mol N/ha/yr per t/yr, for a stack with heat content (MW); 0 beyond 25 km. */
    public double depositionPerTonne(RingStatistic stat, Substance s, double heightM, double heatMw, double distanceM) {
        if (!(distanceM <= MAX_DISTANCE_M)) return 0.0; // also rejects NaN
        return atDistance(ringsM, ringValues(stat, s, heightM, heatMw), distanceM);
    }

    /** A distance lookup table of the kernel for one statistic, substance and height, no heat (cached). */
    public DepositionKernel kernel(RingStatistic stat, Substance s, double heightM) {
        return kernel(stat, s, heightM, 0);
    }

    /** A distance lookup table of the ring kernel with heat content (cached). */
    public DepositionKernel kernel(RingStatistic stat, Substance s, double heightM, double heatMw) {
        if (kernels.size() > 256) kernels.clear(); // heights come from a free field: keep the cache bounded (20 KB each)
        return kernels.computeIfAbsent(stat + "/" + s + "/" + heightM + "/" + heatMw, k -> {
            double[] ring = ringValues(stat, s, heightM, heatMw);
            return DepositionKernel.tabulate(d -> d <= MAX_DISTANCE_M ? atDistance(ringsM, ring, d) : 0.0);
        });
    }

    /** The direction-aware ring-mean kernel, mol N/ha/yr per t/yr (cached; about 1 MB each). */
    public DirectionalKernel directionalKernel(Substance s, double heightM, double heatMw) {
        if (directional.size() > 32) directional.clear();
        return directional.computeIfAbsent(s + "/" + heightM + "/" + heatMw, k -> {
            double[] mean = ringValues(RingStatistic.MEAN, s, heightM, heatMw);
            return DirectionalKernel.tabulate(ringsM, mean, factors(s, heightM, heatMw));
        });
    }

    /**
     * The NOx kernel plus {@code nh3PerNox} × the NH₃ kernel, in mol N/ha/yr per t NOx/yr: the deposition sums then
     * read one table per cell instead of two. Cached by height, heat and the ratio rounded to 9 significant digits
     * (in a drag the ratio stays the profile's, so the table is built once; about 1 MB each).
     */
    public DirectionalKernel directionalKernel(double heightM, double heatMw, double nh3PerNox) {
        double ratio = new java.math.BigDecimal(nh3PerNox).round(new java.math.MathContext(9)).doubleValue();
        DirectionalKernel nox = directionalKernel(Substance.NOX, heightM, heatMw); // outside computeIfAbsent: no nested update
        DirectionalKernel nh3 = directionalKernel(Substance.NH3, heightM, heatMw);
        if (directional.size() > 32) directional.clear();
        return directional.computeIfAbsent("NOX+NH3/" + heightM + "/" + heatMw + "/" + ratio, k -> nox.combine(1, nh3, ratio));
    }

    /** Per-ring values of a statistic for a stack of this height and heat. */
    double[] ringValues(RingStatistic stat, Substance s, double heightM, double heatMw) {
        Rows r = rows.get(stat).get(s);
        double h = clampHeight(heightM);
        double[] out = new double[ringsM.length];
        double[] column = new double[r.heights.length];
        for (int i = 0; i < out.length; i++) {
            for (int k = 0; k < column.length; k++) column[k] = r.cold[k][i];
            out[i] = logPchip(r.heights, column, h);
        }
        double q = Math.min(MAX_HEAT_MW, Math.max(0, heatMw));
        if (q > 0) {
            // NH₃ has no hot rows: plume rise lifts it as it lifts NOx, so it takes the NOx ratio.
            Rows hotSource = r.hot.isEmpty() ? rows.get(stat).get(Substance.NOX) : r;
            double[] ratio = heatRatio(hotSource, h, q);
            for (int i = 0; i < out.length; i++) out[i] *= ratio[i];
        }
        return out;
    }

    /** Hot / cold per ring at height h: linear in heat between the hot rows, linear in height between hot heights. */
    private double[] heatRatio(Rows r, double h, double q) {
        double[] hs = r.hot.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double hh = Math.max(hs[0], Math.min(hs[hs.length - 1], h));
        int hi = upper(hs, hh);
        int lo = hs[hi] == hh || hi == 0 ? hi : hi - 1;
        double t = hi == lo ? 0 : (hh - hs[lo]) / (hs[hi] - hs[lo]);
        double[] a = ratioAt(r, hs[lo], q), b = ratioAt(r, hs[hi], q);
        double[] out = new double[a.length];
        for (int i = 0; i < out.length; i++) out[i] = a[i] + t * (b[i] - a[i]);
        return out;
    }

    private double[] ratioAt(Rows r, double hotHeight, double q) {
        int hk = indexOf(r.heights, hotHeight);
        TreeMap<Double, double[]> byHeat = new TreeMap<>(r.hot.get(hotHeight));
        double[] cold = r.cold[hk];
        byHeat.put(0.0, cold);
        return lerpByKey(byHeat, q, cold, true);
    }

    /** Per-ring per-bearing factors for a stack of this height and heat. */
    double[][] factors(Substance s, double heightM, double heatMw) {
        Factors f = factors.get(s);
        double h = clampHeight(heightM);
        int hi = upper(f.heights, h);
        int lo = f.heights[hi] == h || hi == 0 ? hi : hi - 1;
        double t = hi == lo ? 0 : (h - f.heights[lo]) / (f.heights[hi] - f.heights[lo]);
        double[][] out = new double[ringsM.length][BEARINGS];
        for (int i = 0; i < ringsM.length; i++) {
            for (int b = 0; b < BEARINGS; b++) out[i][b] = f.cold[lo][i][b] + t * (f.cold[hi][i][b] - f.cold[lo][i][b]);
        }
        double q = Math.min(MAX_HEAT_MW, Math.max(0, heatMw));
        if (q > 0 && !f.hot.isEmpty()) {
            // Shift the cold pattern by (hot − cold) at the hot rows' heights, interpolated in height and heat.
            double[] hs = f.hot.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double hh = Math.max(hs[0], Math.min(hs[hs.length - 1], h));
            int hHi = upper(hs, hh);
            int hLo = hs[hHi] == hh || hHi == 0 ? hHi : hHi - 1;
            double th = hHi == hLo ? 0 : (hh - hs[hLo]) / (hs[hHi] - hs[hLo]);
            double[][] dLo = hotShift(f, hs[hLo], q), dHi = hotShift(f, hs[hHi], q);
            for (int i = 0; i < ringsM.length; i++) {
                for (int b = 0; b < BEARINGS; b++) out[i][b] += dLo[i][b] + th * (dHi[i][b] - dLo[i][b]);
            }
        }
        boolean spiky = h >= SPIKY_FROM_HEIGHT_M || q > 0;
        for (int i = 0; i < ringsM.length; i++) {
            for (int b = 0; b < BEARINGS; b++) {
                if (spiky && ringsM[i] <= SPIKY_WITHIN_M) out[i][b] = 1.0;
                out[i][b] = Math.max(0, out[i][b]); // a wind rose has no negative share
            }
        }
        return out;
    }

    private double[][] hotShift(Factors f, double hotHeight, double q) {
        double[][] cold = f.cold[indexOf(f.heights, hotHeight)];
        TreeMap<Double, double[][]> byHeat = f.hot.get(hotHeight);
        Map.Entry<Double, double[][]> lo = byHeat.floorEntry(q), hi = byHeat.ceilingEntry(q);
        double q0 = lo == null ? 0 : lo.getKey();
        double[][] v0 = lo == null ? cold : lo.getValue();
        double q1 = hi == null ? q0 : hi.getKey();
        double[][] v1 = hi == null ? v0 : hi.getValue();
        double t = q1 == q0 ? 0 : (q - q0) / (q1 - q0);
        double[][] out = new double[ringsM.length][BEARINGS];
        for (int i = 0; i < ringsM.length; i++) {
            for (int b = 0; b < BEARINGS; b++) out[i][b] = v0[i][b] + t * (v1[i][b] - v0[i][b]) - cold[i][b];
        }
        return out;
    }

    /** Linear interpolation between keyed vectors (as ratios to {@code base} when asked), clamped at the ends. */
    private static double[] lerpByKey(TreeMap<Double, double[]> byKey, double key, double[] base, boolean asRatio) {
        Map.Entry<Double, double[]> lo = byKey.floorEntry(key), hi = byKey.ceilingEntry(key);
        if (lo == null) lo = hi;
        if (hi == null) hi = lo;
        double t = hi.getKey().equals(lo.getKey()) ? 0 : (key - lo.getKey()) / (hi.getKey() - lo.getKey());
        double[] out = new double[base.length];
        for (int i = 0; i < out.length; i++) {
            double a = lo.getValue()[i], b = hi.getValue()[i];
            if (asRatio) {
                double c = Math.max(base[i], 1e-12);
                a /= c;
                b /= c;
            }
            out[i] = a + t * (b - a);
        }
        return out;
    }

    static double clampHeight(double h) {
        return Math.max(MIN_HEIGHT_M, Math.min(MAX_HEIGHT_M, Double.isFinite(h) ? h : MIN_HEIGHT_M));
    }

    /**
     * Monotone cubic (Fritsch–Carlson / PCHIP) interpolation of ln(value) against x, clamped outside; exact
     * at the knots. Non-positive values are floored at 1e-12 so the logarithm exists.
     */
    static double logPchip(double[] xs, double[] values, double x) {
        int n = xs.length;
        if (x <= xs[0]) return values[0];
        if (x >= xs[n - 1]) return values[n - 1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.log(Math.max(values[i], 1e-12));
        int k = upper(xs, x) - 1;
        if (xs[k + 1] == x) return values[k + 1];
        double[] slope = new double[n - 1];
        for (int i = 0; i < n - 1; i++) slope[i] = (y[i + 1] - y[i]) / (xs[i + 1] - xs[i]);
        double m0 = pchipTangent(xs, slope, k), m1 = pchipTangent(xs, slope, k + 1);
        double hk = xs[k + 1] - xs[k], t = (x - xs[k]) / hk;
        double t2 = t * t, t3 = t2 * t;
        double v = (2 * t3 - 3 * t2 + 1) * y[k] + (t3 - 2 * t2 + t) * hk * m0 + (-2 * t3 + 3 * t2) * y[k + 1]
                + (t3 - t2) * hk * m1;
        return Math.exp(v);
    }

    private static double pchipTangent(double[] xs, double[] slope, int i) {
        if (i == 0) return slope[0];
        if (i == slope.length) return slope[slope.length - 1];
        double a = slope[i - 1], b = slope[i];
        if (a * b <= 0) return 0;
        double h0 = xs[i] - xs[i - 1], h1 = xs[i + 1] - xs[i];
        double w1 = 2 * h1 + h0, w2 = h1 + 2 * h0;
        return (w1 + w2) / (w1 / a + w2 / b);
    }

    /** Log–log interpolation between the bracketing rings; exact at the rings; below the first ring its value. */
    static double atDistance(double[] ds, double[] vs, double d) {
        if (d <= ds[0]) return vs[0];
        int i = upper(ds, d);
        if (ds[i] == d) return vs[i];
        if (d > ds[ds.length - 1]) i = ds.length - 1; // extrapolate the last segment's power law
        double x0 = ds[i - 1], x1 = ds[i], y0 = vs[i - 1], y1 = vs[i];
        if (y0 <= 0 || y1 <= 0) return Math.max(0, y0 + (y1 - y0) * (d - x0) / (x1 - x0)); // log undefined: stay linear
        double p = Math.log(y1 / y0) / Math.log(x1 / x0);
        return y0 * Math.pow(d / x0, p);
    }

    /** Index of the first element ≥ v (clamped to the last index). */
    private static int upper(double[] a, double v) {
        for (int i = 0; i < a.length; i++) if (a[i] >= v) return i;
        return a.length - 1;
    }

    private static int indexOf(double[] a, double v) {
        for (int i = 0; i < a.length; i++) if (a[i] == v) return i;
        throw new IllegalStateException("OPS table has hot rows at " + v + " m but no cold row there");
    }

    /** substance → height → heat → distance (m) → value, from the point rows of a table. */
    private interface RowSink {
        void accept(Substance s, double height, double heat, double distanceM, String[] cells);
    }

    private static void readCsv(String name, String expectedHeader, RowSink sink) {
        try (InputStream in = OpsTable.class.getResourceAsStream("/nl/ruimteschets/ops/" + name)) {
            if (in == null) throw new IllegalStateException("OPS table resource missing: " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith(expectedHeader)) {
                throw new IllegalStateException("unexpected OPS table header in " + name + ": " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] c = line.split(",");
                if (!"point".equals(c[3])) continue;
                sink.accept(Substance.fromCsv(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]),
                        Double.parseDouble(c[4]) * 1000.0, c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) throw e;
            throw new IllegalStateException("malformed OPS table " + name, e);
        }
    }

    private static Map<Substance, Rows> readRows(String name, double[][] ringsOut) {
        // substance → (height, heat) → distance → value
        Map<Substance, TreeMap<Double, TreeMap<Double, TreeMap<Double, Double>>>> raw = new EnumMap<>(Substance.class);
        readCsv(name, "substance,height_m,heat_mw,source_type,distance_km,deposition", (s, h, q, d, c) ->
                raw.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(h, k -> new TreeMap<>())
                        .computeIfAbsent(q, k -> new TreeMap<>()).put(d, Double.parseDouble(c[5])));
        Map<Substance, Rows> out = new EnumMap<>(Substance.class);
        for (Substance s : Substance.values()) {
            var byHeight = raw.get(s);
            if (byHeight == null || byHeight.isEmpty()) throw new IllegalStateException(name + " has no rows for " + s);
            double[] rings = ringsOf(name, byHeight);
            if (ringsOut[0] == null) ringsOut[0] = rings;
            else if (!java.util.Arrays.equals(ringsOut[0], rings)) throw new IllegalStateException(name + ": rings differ");
            double[] hs = byHeight.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[][] cold = new double[hs.length][];
            TreeMap<Double, TreeMap<Double, double[]>> hot = new TreeMap<>();
            for (int i = 0; i < hs.length; i++) {
                for (var e : byHeight.get(hs[i]).entrySet()) {
                    double[] v = e.getValue().values().stream().mapToDouble(Double::doubleValue).toArray();
                    if (e.getKey() == 0.0) cold[i] = v;
                    else hot.computeIfAbsent(hs[i], k -> new TreeMap<>()).put(e.getKey(), v);
                }
                if (cold[i] == null) throw new IllegalStateException(name + ": no cold row at " + hs[i] + " m for " + s);
            }
            out.put(s, new Rows(hs, cold, hot));
        }
        return out;
    }

    private static double[] ringsOf(String name, TreeMap<Double, TreeMap<Double, TreeMap<Double, Double>>> byHeight) {
        java.util.Set<Double> rings = byHeight.firstEntry().getValue().firstEntry().getValue().keySet();
        for (var h : byHeight.values()) {
            for (var q : h.values()) {
                if (!q.keySet().equals(rings)) throw new IllegalStateException(name + ": rings differ between rows");
            }
        }
        return rings.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<Substance, Factors> readFactors(String name, double[] rings) {
        Map<Substance, TreeMap<Double, TreeMap<Double, double[][]>>> raw = new EnumMap<>(Substance.class);
        readCsv(name, "substance,height_m,heat_mw,source_type,distance_km,bearing_deg,deposition_mol_n_per_ha_yr,"
                + "ring_mean_mol_n_per_ha_yr,factor", (s, h, q, d, c) -> {
                    int ring = java.util.Arrays.binarySearch(rings, d);
                    double bearing = Double.parseDouble(c[5]);
                    int b = (int) Math.round(bearing / 10.0);
                    if (ring < 0 || b < 0 || b >= BEARINGS || Math.abs(b * 10.0 - bearing) > 1e-9) {
                        throw new IllegalStateException(name + ": unexpected ring or bearing " + d + " m, " + bearing);
                    }
                    raw.computeIfAbsent(s, k -> new TreeMap<>()).computeIfAbsent(h, k -> new TreeMap<>())
                            .computeIfAbsent(q, k -> new double[rings.length][BEARINGS])[ring][b] = Double.parseDouble(c[8]);
                });
        Map<Substance, Factors> out = new EnumMap<>(Substance.class);
        for (Substance s : Substance.values()) {
            var byHeight = raw.get(s);
            if (byHeight == null) throw new IllegalStateException(name + " has no rows for " + s);
            double[] hs = byHeight.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[][][] cold = new double[hs.length][][];
            TreeMap<Double, TreeMap<Double, double[][]>> hot = new TreeMap<>();
            for (int i = 0; i < hs.length; i++) {
                for (var e : byHeight.get(hs[i]).entrySet()) {
                    if (e.getKey() == 0.0) cold[i] = e.getValue();
                    else hot.computeIfAbsent(hs[i], k -> new TreeMap<>()).put(e.getKey(), e.getValue());
                }
                if (cold[i] == null) throw new IllegalStateException(name + ": no cold row at " + hs[i] + " m for " + s);
            }
            out.put(s, new Factors(hs, cold, hot));
        }
        return out;
    }
}
