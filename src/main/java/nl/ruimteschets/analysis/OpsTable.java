package nl.ruimteschets.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OPS-LT source–receptor table (DOMAIN.md §3.4; provenance in {@code nl/ruimteschets/ops/README.txt}):
 * deposition in mol N/ha/yr per t/yr emitted, for point sources without heat content, as a function
 * of substance, emission height and distance.
 *
 * <p>Inputs: the shipped CSVs (ring mean and ring max); only rows with {@code source_type=point} and
 * {@code heat_mw=0} feed the kernel (hot stacks and the 1 km² area rows are not used here).
 * Guarantees: at the table's own heights and rings the table value is returned exactly; between rings
 * log–log (power-law) interpolation, between heights linear interpolation of the two interpolated
 * values; heights clamped to 2–150 m; below 0.1 km the 0.1 km value; beyond 25 km zero (AERIUS cut-off).
 * Failure: a missing or malformed resource throws {@link IllegalStateException} on {@link #load()}.
 * Thread safety: immutable after loading; the kernel cache is concurrent, so all methods are thread-safe.
 */
public final class OpsTable {
    public static final double MIN_DISTANCE_M = 100.0;
    public static final double MAX_DISTANCE_M = 25_000.0;
    public static final double MIN_HEIGHT_M = 2.0;
    public static final double MAX_HEIGHT_M = 150.0;

    private static volatile OpsTable shared;

    /** Per statistic and substance: heights ascending, distances (m) ascending, values [height][distance]. */
    private final Map<RingStatistic, Map<Substance, Grid>> grids;
    private final Map<String, DepositionKernel> kernels = new ConcurrentHashMap<>();

    private record Grid(double[] heights, double[] distancesM, double[][] values) { }

    private OpsTable(Map<RingStatistic, Map<Substance, Grid>> grids) {
        this.grids = grids;
    }

    /** The shipped table, loaded once per JVM. */
    public static OpsTable load() {
        OpsTable t = shared;
        if (t == null) {
            synchronized (OpsTable.class) {
                if (shared == null) {
                    Map<RingStatistic, Map<Substance, Grid>> g = new EnumMap<>(RingStatistic.class);
                    for (RingStatistic s : RingStatistic.values()) g.put(s, read(s.resource));
                    shared = new OpsTable(g);
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
        if (!(distanceM <= MAX_DISTANCE_M)) return 0.0; // also rejects NaN
        Grid g = grids.get(stat).get(s);
        double h = Math.max(MIN_HEIGHT_M, Math.min(MAX_HEIGHT_M, heightM));
        double d = Math.max(distanceM, g.distancesM[0]);
        int hi = upper(g.heights, h);
        double vHi = atDistance(g.distancesM, g.values[hi], d);
        if (hi == 0 || g.heights[hi] == h) return vHi;
        double vLo = atDistance(g.distancesM, g.values[hi - 1], d);
        double f = (h - g.heights[hi - 1]) / (g.heights[hi] - g.heights[hi - 1]);
        return vLo + f * (vHi - vLo);
    }

    /** A distance lookup table of the kernel for one statistic, substance and height (cached). */
    public DepositionKernel kernel(RingStatistic stat, Substance s, double heightM) {
        if (kernels.size() > 256) kernels.clear(); // heights come from a free field: keep the cache bounded (20 KB each)
        return kernels.computeIfAbsent(stat + "/" + s + "/" + heightM,
                k -> DepositionKernel.tabulate(d -> depositionPerTonne(stat, s, heightM, d)));
    }

    /** Log–log interpolation between the bracketing rings; exact at the rings. */
    private static double atDistance(double[] ds, double[] vs, double d) {
        int i = upper(ds, d);
        if (i == 0 || ds[i] == d) return vs[i];
        double x0 = ds[i - 1], x1 = ds[i], y0 = vs[i - 1], y1 = vs[i];
        if (y0 <= 0 || y1 <= 0) return y0 + (y1 - y0) * (d - x0) / (x1 - x0); // log undefined: stay linear
        double p = Math.log(y1 / y0) / Math.log(x1 / x0);
        return y0 * Math.pow(d / x0, p);
    }

    /** Index of the first element ≥ v (clamped to the last index). */
    private static int upper(double[] a, double v) {
        for (int i = 0; i < a.length; i++) if (a[i] >= v) return i;
        return a.length - 1;
    }

    private static Map<Substance, Grid> read(String name) {
        Map<Substance, TreeMap<Double, TreeMap<Double, Double>>> raw = new EnumMap<>(Substance.class);
        try (InputStream in = OpsTable.class.getResourceAsStream("/nl/ruimteschets/ops/" + name)) {
            if (in == null) throw new IllegalStateException("OPS table resource missing: " + name);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith("substance,height_m,heat_mw,source_type,distance_km,deposition")) {
                throw new IllegalStateException("unexpected OPS table header in " + name + ": " + header);
            }
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) continue;
                String[] c = line.split(",");
                if (!"point".equals(c[3]) || Double.parseDouble(c[2]) != 0.0) continue;
                raw.computeIfAbsent(Substance.fromCsv(c[0]), k -> new TreeMap<>())
                        .computeIfAbsent(Double.parseDouble(c[1]), k -> new TreeMap<>())
                        .put(Double.parseDouble(c[4]) * 1000.0, Double.parseDouble(c[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) throw e;
            throw new IllegalStateException("malformed OPS table " + name, e);
        }
        Map<Substance, Grid> out = new EnumMap<>(Substance.class);
        for (Substance s : Substance.values()) out.put(s, toGrid(name, s, raw.get(s)));
        return out;
    }

    private static Grid toGrid(String name, Substance s, TreeMap<Double, TreeMap<Double, Double>> byHeight) {
        if (byHeight == null || byHeight.isEmpty()) throw new IllegalStateException(name + " has no rows for " + s);
        TreeSet<Double> dist = new TreeSet<>(byHeight.firstEntry().getValue().keySet());
        double[] hs = new double[byHeight.size()];
        double[][] vs = new double[hs.length][];
        int i = 0;
        for (Map.Entry<Double, TreeMap<Double, Double>> e : byHeight.entrySet()) {
            if (!e.getValue().keySet().equals(dist)) {
                throw new IllegalStateException(name + ": rings differ between heights for " + s);
            }
            hs[i] = e.getKey();
            List<Double> v = new ArrayList<>(e.getValue().values());
            vs[i++] = v.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Grid(hs, dist.stream().mapToDouble(Double::doubleValue).toArray(), vs);
    }
}
