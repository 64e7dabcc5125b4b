package nl.ruimteschets.analysis.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import nl.ruimteschets.analysis.HectareBalanceModel;
import nl.ruimteschets.analysis.NitrogenEmission;
import nl.ruimteschets.analysis.NitrogenModel;
import nl.ruimteschets.analysis.NoiseGrid;
import nl.ruimteschets.analysis.NoiseKernel;
import nl.ruimteschets.analysis.NoiseModel;
import nl.ruimteschets.analysis.NoisePropagation;
import nl.ruimteschets.analysis.OpsTable;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Computes a {@link SuitabilityMap}: every criterion at every position as a correlation of the
 * footprint's effect with a layer raster ({@link Correlation}), the effect coming from the models'
 * own code so that their refinements flow in:
 * <ul>
 * <li>noise: the governing contour (L_den 50 ∪ L_night 40) of the footprint from {@link NoisePropagation}
 *     with the CNOSSOS kernel and the parent cluster's ground factor, as a mask over offsets; zone growth =
 *     contour area − contour ∩ existing zones, noise-sensitive objects = contour ⋆ objects outside zones;</li>
 * <li>safety: the footprint grown by the PR 10⁻⁶ distance ⋆ objects with a limit value (any → excluded),
 *     grown by the widest aandachtsgebied ⋆ all sensitive objects;</li>
 * <li>nitrogen: the deposition of the footprint from the nitrogen model's own code
 *     ({@link NitrogenModel#depositionAt}: area source, direction-aware OPS kernel, hot stacks), tabulated
 *     as a 2-D array over offsets (direction matters, so it is not a radial profile) and cut at the
 *     reporting limit, ⋆ the nitrogen model's receptor hexagons: total mol N/yr;</li>
 * <li>overlap with hard constraints, candidates already in the scenario and available plots: the footprint ⋆
 *     their coverage; distance to the parent cluster by a distance transform.</li>
 * </ul>
 * Approximations: objects and receptors count at their cell, positions are cell centres, and a cell
 * partly inside a footprint counts with its share, so hard exclusions err on the careful side (a
 * position up to one cell from a constraint may be excluded). The ranked positions are re-evaluated
 * exactly ({@link SiteSearch}).
 *
 * <p>Thread safety: {@link #map} may be called from any thread, one call at a time per mapper (the noise
 * propagation it holds is confined); correlations of one call run on the given pool.
 */
public final class SuitabilityMapper {
    /** Layer rasters reach this far beyond the search area: 25 km of deposition plus a large footprint. */
    static final double LAYER_PAD_M = OpsTable.MAX_DISTANCE_M + 5_000;

    private final SearchWorld world;
    private final ExecutorService pool;
    private final NoisePropagation noise = new NoisePropagation(NoiseKernel.load());

    public SuitabilityMapper(SearchWorld world, ExecutorService pool) {
        this.world = world;
        this.pool = pool;
    }

    /** The square footprint of the asked size centred on (x, y). */
    public static Polygon footprint(SearchRequest r, double x, double y) {
        double h = r.sideM() / 2;
        return (Polygon) Rd.FACTORY.toGeometry(new Envelope(x - h, x + h, y - h, y + h));
    }

    /**
     * The map at this cell size (100 m or the coarse 400 m).
     *
     * @throws CancellationException when {@code cancelled} turns true (checked between transforms)
     */
    public synchronized SuitabilityMap map(SearchRequest r, double cell, BooleanSupplier cancelled) {
        ActivityProfile p = r.profile();
        Stopwatch sw = new Stopwatch();
        double side = r.sideM();
        Polygon fp = footprint(r, 0, 0);
        RasterGrid pos = RasterGrid.covering(r.area().getEnvelopeInternal(), cell);
        int n = pos.size();

        // Kernels over offsets, from the models.
        Kernel f = Kernel.shares(fp, cell);
        // For the hard exclusions the footprint is grown by a sub-sample's half-diagonal, so that every
        // cell it touches has a share > 0 and no overlap is missed (careful by up to a cell).
        Kernel touch = Kernel.shares(fp.buffer(0.71 * cell / RasterGrid.SUB, 8), cell);
        // Grown by a sub-sample's half-diagonal, so every cell the PR contour touches has a share > 0.
        Kernel pr = Kernel.shares(fp.buffer(p.prDistanceM() + 0.71 * cell / RasterGrid.SUB, 8), cell);
        double att = Math.max(Math.max(p.brandM(), p.explosieM()), Math.min(p.gifwolkM(), ActivityProfile.GIFWOLK_CAP_M));
        Kernel aandacht = att > 0 ? Kernel.shares(fp.buffer(att, 8), cell) : null;
        check(cancelled);
        sw.lap("footprint kernels");
        Kernel contour = noiseContour(r, fp, cell);
        sw.lap("noise kernel");
        check(cancelled);
        Kernel deposition = deposition(r, fp, cell);
        sw.lap("deposition kernel");
        check(cancelled);

        // A fixed pad (the deposition reach plus a 5-km footprint) keeps the layer rasters' grid, and so
        // the cached rasters, the same while the planner changes profile and size.
        int needed = Math.max(Math.max(Math.max(touch.h, pr.h), Math.max(contour.h, deposition.h)), aandacht == null ? 0 : aandacht.h);
        final int pad = Math.max(needed, (int) Math.ceil(LAYER_PAD_M / cell));
        SearchWorld.Rasters layers = world.rasters(pos.grow(pad));
        sw.lap("layer rasters");
        check(cancelled);
        RasterGrid big = layers.grid();
        double[] occupied = new double[big.size()];
        if (!r.occupied().isEmpty()) {
            RasterGrid.Coverage c = big.new Coverage();
            for (Geometry g : r.occupied()) c.add(g);
            occupied = c.shares();
        }
        double[] area = new RasterGrid(pos.x0(), pos.y0(), cell, pos.nx(), pos.ny()).shares(r.area());

        double cellHa = cell * cell / 10_000.0;
        // FFT round-off is ~1e-12 of the largest value: below this a sum is zero.
        final double eps = 1e-6;
        List<Future<double[]>> jobs = new ArrayList<>();
        final double[] occ = occupied;
        jobs.add(submit(() -> corr(pos, touch, layers, "hard", layers.hard(), pad)));                   // 0 hard overlap (shares·cells)
        jobs.add(submit(() -> corr(pos, pr, layers, "limit", layers.limitValue(), pad)));           // 1 PR limit-value objects
        jobs.add(submit(() -> corr(pos, contour, layers, "zones", layers.zones(), pad)));           // 2 contour ∩ zones
        jobs.add(submit(() -> corr(pos, contour, layers, "outside", layers.sensitiveOutsideZones(), pad))); // 3
        jobs.add(submit(() -> aandacht == null ? new double[n] : corr(pos, aandacht, layers, "sensitive", layers.sensitive(), pad))); // 4
        jobs.add(submit(() -> corr(pos, deposition, layers, "receptors", layers.receptors(), pad))); // 5
        jobs.add(submit(() -> corr(pos, f, layers, "plots", layers.plots(), pad)));                 // 6
        jobs.add(submit(() -> r.occupied().isEmpty() ? new double[n] : corr(pos, touch, null, null, occ, pad))); // 7
        double[][] res = new double[jobs.size()][];
        try {
            for (int i = 0; i < jobs.size(); i++) {
                while (true) {
                    try {
                        res[i] = jobs.get(i).get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        if (cancelled.getAsBoolean()) throw new CancellationException();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            for (Future<double[]> j : jobs) j.cancel(true);
        }
        sw.lap("correlations");
        double[] distanceKm = parentDistanceKm(r, pos, side);
        sw.lap("distance transform");

        Map<Criterion, float[]> crit = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) crit.put(c, new float[n]);
        byte[] excl = new byte[n];
        double contourHa = contour.sum() * cellHa, fpShares = f.sum();
        float[] growth = crit.get(Criterion.ZONE_GROWTH), noiseObjects = crit.get(Criterion.NOISE_SENSITIVE),
                objects = crit.get(Criterion.AANDACHT_OBJECTS), dep = crit.get(Criterion.DEPOSITION),
                dist = crit.get(Criterion.PARENT_DISTANCE), plots = crit.get(Criterion.AVAILABLE_PLOTS);
        for (int i = 0; i < n; i++) {
            SuitabilityMap.Exclusion e = SuitabilityMap.Exclusion.NONE;
            if (area[i] < 0.5 || (r.plotsOnly() && res[6][i] < 0.5 * fpShares)) e = SuitabilityMap.Exclusion.OUTSIDE_AREA;
            else if (res[0][i] > eps) e = SuitabilityMap.Exclusion.NATURA2000_OR_RESIDENTIAL;
            else if (res[7][i] > eps) e = SuitabilityMap.Exclusion.OCCUPIED;
            else if (res[1][i] > eps) e = SuitabilityMap.Exclusion.PR_CONFLICT;
            else if (r.maxDistanceM() != null && distanceKm != null && distanceKm[i] * 1000 > r.maxDistanceM()) {
                e = SuitabilityMap.Exclusion.TOO_FAR;
            }
            excl[i] = (byte) e.ordinal();
            if (e == SuitabilityMap.Exclusion.OUTSIDE_AREA) {
                growth[i] = noiseObjects[i] = objects[i] = dep[i] = dist[i] = plots[i] = Float.NaN;
                continue;
            }
            growth[i] = (float) Math.max(0, contourHa - res[2][i] * cellHa);
            noiseObjects[i] = (float) (res[3][i] < eps ? 0 : res[3][i]);
            objects[i] = (float) (res[4][i] < eps ? 0 : res[4][i]);
            dep[i] = (float) Math.max(0, res[5][i]);
            dist[i] = distanceKm == null ? 0f : (float) distanceKm[i];
            plots[i] = (float) Math.min(1, Math.max(0, 1 - res[6][i] / fpShares));
        }
        Map<Criterion, Double> scales = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) scales.put(c, scale(crit.get(c), excl, c)); // all: the map shows any criterion
        float[] score = new float[n];
        Criterion[] cs = Criterion.values();
        float[][] values = new float[cs.length][];
        double[] wOverScale = new double[cs.length], wt = new double[cs.length];
        double sumW = 0;
        for (Criterion c : cs) {
            values[c.ordinal()] = crit.get(c);
            wt[c.ordinal()] = r.weight(c);
            wOverScale[c.ordinal()] = r.weight(c) / scales.get(c);
            sumW += r.weight(c);
        }
        for (int i = 0; i < n; i++) {
            if (excl[i] != 0) {
                score[i] = Float.NaN;
                continue;
            }
            double cost = 0;
            for (int c = 0; c < cs.length; c++) {
                if (wOverScale[c] > 0) cost += Math.min(wt[c], Math.max(0, values[c][i]) * wOverScale[c]);
            }
            // the same formula as SuitabilityMap.score, unrolled over arrays for 300,000 positions
            score[i] = (float) (sumW == 0 ? 100.0 : 100.0 * (1 - cost / sumW));
        }
        sw.lap("scores");
        sw.print(cell);
        return new SuitabilityMap(r, pos, crit, score, excl, scales, cell > r.cellM());
    }

    /** Stage times on stderr when -Druimteschets.searchStats=true (benchmark diagnostics). */
    private static final class Stopwatch {
        private static final boolean ON = Boolean.getBoolean("ruimteschets.searchStats");
        private final StringBuilder sb = new StringBuilder();
        private long t = System.nanoTime();

        void lap(String what) {
            if (!ON) return;
            long now = System.nanoTime();
            sb.append(String.format(java.util.Locale.ROOT, " %s %.0f ms;", what, (now - t) / 1e6));
            t = now;
        }

        void print(double cell) {
            if (ON) System.err.println("  [search " + (int) cell + " m]" + sb);
        }
    }

    private Future<double[]> submit(Supplier<double[]> s) {
        return pool.submit(s::get);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException();
    }

    /**
     * One criterion at every position. The layer's spectrum is kept with the rasters (key: layer, grid,
     * kernel size), so a new profile or size transforms only its kernel and the product back.
     */
    private static double[] corr(RasterGrid pos, Kernel k, SearchWorld.Rasters cache, String name, double[] layer, int pad) {
        if (isZero(layer)) return new double[pos.size()];
        Correlation c = new Correlation(pos.nx(), pos.ny(), k.h);
        double[] spectrum = cache == null ? c.layerSpectrum(layer, pad)
                : cache.spectrum(name + "/" + pos.nx() + "x" + pos.ny() + "/" + k.h, () -> c.layerSpectrum(layer, pad));
        return c.correlate(spectrum, c.kernelSpectrum(k.values));
    }

    private static boolean isZero(double[] a) {
        for (double v : a) if (v != 0) return false;
        return true;
    }

    /** What counts as bad: the 95th percentile of the valid positions (the maximum when that is 0; 1 when all are 0). */
    private static double scale(float[] v, byte[] excl, Criterion c) {
        if (c == Criterion.AVAILABLE_PLOTS) return 1.0; // already a share
        int n = 0;
        float[] s = new float[v.length];
        for (int i = 0; i < v.length; i++) if (excl[i] == 0 && v[i] == v[i]) s[n++] = v[i];
        if (n == 0) return 1.0;
        Arrays.sort(s, 0, n);
        double p95 = s[Math.min(n - 1, (int) Math.floor(0.95 * (n - 1)))], max = s[n - 1];
        return p95 > 0 ? p95 : max > 0 ? max : 1.0;
    }

    /** The governing noise contour of the footprint (the same surface the noise model traces), as shares of cells. */
    private Kernel noiseContour(SearchRequest r, Polygon fp, double cell) {
        ActivityProfile p = r.profile();
        double g = world.context().settings().groundFactor(r.parentCluster() == null ? "" : r.parentCluster());
        NoiseGrid grid = noise.levels(fp, p.noiseLw(), g);
        double threshold = p.dayOnly() ? 50 - NoiseModel.LDEN_DAY_ONLY : Math.min(50 - NoiseModel.LDEN_24_7, 40);
        double ext = Math.max(Math.max(-grid.x0(), grid.x0() + grid.nx() * grid.cell()),
                Math.max(-grid.y0(), grid.y0() + grid.ny() * grid.cell()));
        int h = Kernel.steps((int) Math.ceil(ext / cell) + 1);
        int w = 2 * h + 1;
        double[] v = new double[w * w];
        int sub = RasterGrid.SUB;
        double step = cell / sub, share = 1.0 / (sub * sub);
        for (int b = 0; b < w; b++) {
            for (int a = 0; a < w; a++) {
                double cx = (a - h) * cell, cy = (b - h) * cell, s = 0;
                for (int u = 0; u < sub; u++) {
                    for (int t = 0; t < sub; t++) {
                        double l = grid.interpolated(cx - cell / 2 + (t + 0.5) * step, cy - cell / 2 + (u + 0.5) * step);
                        if (l >= threshold) s += share;
                    }
                }
                v[b * w + a] = s;
            }
        }
        return new Kernel(h, v);
    }

    /**
     * Deposition (mol N/ha/yr) a source of this footprint and emission causes on a 1-ha receptor at each
     * offset: the engine's area source and OPS kernel, with the engine's emission and reporting cut.
     */
    private Kernel deposition(SearchRequest r, Polygon fp, double cell) {
        ActivityProfile p = r.profile();
        Candidate probe = new Candidate("search", "search", CandidateKind.EXPANSION, r.parentCluster(), fp, 0,
                p.name(), null, "");
        NitrogenEmission e = NitrogenModel.emission(probe, p, HectareBalanceModel.netHa(probe, p, null, 0));
        // One size for every footprint up to 5 km across, so the receptors' spectrum is transformed once.
        int h = Math.max((int) Math.ceil(LAYER_PAD_M / cell), (int) Math.ceil((OpsTable.MAX_DISTANCE_M + r.sideM()) / cell));
        int w = 2 * h + 1;
        double[] v = new double[w * w];
        if (e.noxKgYr() <= 0 && e.nh3KgYr() <= 0) return new Kernel(1, new double[9]);
        // The offsets within reach, evaluated through the nitrogen model's own code (direction-aware kernel,
        // area source, hot stacks): the map then screens the same deposition the engine computes.
        double reach = OpsTable.MAX_DISTANCE_M + r.sideM() / Math.sqrt(2);
        int[] index = new int[w * w];
        double[] xs = new double[w * w], ys = new double[w * w];
        int n = 0;
        for (int b = 0; b < w; b++) {
            double y = (b - h) * cell;
            for (int a = 0; a < w; a++) {
                double x = (a - h) * cell;
                if (x * x + y * y > reach * reach) continue;
                index[n] = b * w + a;
                xs[n] = x;
                ys[n++] = y;
            }
        }
        double[] d = NitrogenModel.depositionAt(fp, e, OpsTable.load(), java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n));
        for (int i = 0; i < n; i++) if (d[i] >= NitrogenModel.CUT_MOL_HA_YR) v[index[i]] = d[i];
        return new Kernel(h, v);
    }

    /** Distance from a footprint at each position to the parent cluster, km (null without a parent). */
    private double[] parentDistanceKm(SearchRequest r, RasterGrid pos, double side) {
        List<Geometry> cluster = world.clusterGeometries(r.parentCluster());
        if (cluster.isEmpty()) return null;
        Envelope e = pos.envelope();
        for (Geometry g : cluster) e.expandToInclude(g.getEnvelopeInternal());
        RasterGrid all = RasterGrid.covering(e, pos.cell());
        RasterGrid.Coverage cov = all.new Coverage();
        for (Geometry g : cluster) cov.add(g);
        double[] shares = cov.shares();
        boolean[] seed = new boolean[shares.length];
        for (int i = 0; i < seed.length; i++) seed[i] = shares[i] > 0;
        double[] d = DistanceTransform.distances(seed, all.nx(), all.ny());
        double[] out = new double[pos.size()];
        int di = (int) Math.round((pos.x0() - all.x0()) / pos.cell()), dj = (int) Math.round((pos.y0() - all.y0()) / pos.cell());
        for (int j = 0; j < pos.ny(); j++) {
            for (int i = 0; i < pos.nx(); i++) {
                double cells = d[(j + dj) * all.nx() + (i + di)];
                out[j * pos.nx() + i] = Math.max(0, cells * pos.cell() - side / 2) / 1000.0;
            }
        }
        return out;
    }

    /** A (2h+1)² array over offsets, row-major, offset (0, 0) in the middle. */
    record Kernel(int h, double[] values) {
        static Kernel shares(Geometry g, double cell) {
            Envelope e = g.getEnvelopeInternal();
            double ext = Math.max(Math.max(-e.getMinX(), e.getMaxX()), Math.max(-e.getMinY(), e.getMaxY()));
            int h = steps((int) Math.ceil(ext / cell - 0.5) + 1);
            return new Kernel(h, RasterGrid.offsets(h, cell).shares(g));
        }

        /**
         * Kernel half-sizes go up in steps (4, 8, 16, … cells), so that small changes of size or profile
         * keep the size and the cached layer spectra stay valid.
         */
        static int steps(int h) {
            int s = 4;
            while (s < h) s *= 2;
            return s;
        }

        double sum() {
            double s = 0;
            for (double v : values) s += v;
            return s;
        }
    }
}
