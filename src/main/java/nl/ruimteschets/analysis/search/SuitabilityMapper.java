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

    /** The footprint of the asked size and shape centred on (x, y). */
    public static Polygon footprint(SearchRequest r, double x, double y) {
        return r.footprintAt(x, y);
    }

    /**
     * The map at this cell size (100 m or the coarse 400 m).
     *
     * @throws CancellationException when {@code cancelled} turns true (checked between transforms)
     */
    public synchronized SuitabilityMap map(SearchRequest r, double cell, BooleanSupplier cancelled) {
        ActivityProfile p = r.profile();
        Stopwatch sw = new Stopwatch();
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
        // A fixed pad (the deposition reach plus a 5-km footprint) keeps the layer rasters' grid, and so
        // the cached rasters, the same while the planner changes profile and size.
        final int pad = Math.max(Math.max(Math.max(touch.h, pr.h), aandacht == null ? 0 : aandacht.h),
                Math.max(depositionHalfSize(r, cell), (int) Math.ceil(LAYER_PAD_M / cell)));
        // The noise contour (here), the deposition kernel and the layer rasters (on the pool) do not depend
        // on each other: made side by side, the first map of a new world comes sooner.
        Future<Kernel> depositionJob = pool.submit(() -> deposition(r, fp, cell));
        Future<SearchWorld.Rasters> layersJob = pool.submit(() -> world.rasters(pos.grow(pad)));
        Kernel contour;
        Kernel deposition;
        SearchWorld.Rasters layers0;
        try {
            contour = noiseContour(r, fp, cell);
            sw.lap("noise kernel");
            check(cancelled);
            deposition = await(depositionJob, cancelled);
            layers0 = await(layersJob, cancelled);
        } finally {
            depositionJob.cancel(true);
            layersJob.cancel(true);
        }
        sw.lap("deposition kernel and layer rasters");
        // A noise contour wider than the pad (tens of km: not a real profile) gets rasters of its own.
        final int padded = Math.max(pad, contour.h);
        final SearchWorld.Rasters layers = padded == pad ? layers0 : world.rasters(pos.grow(padded));
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
        List<Task> tasks = new ArrayList<>();
        tasks.add(new Task(0, touch, "hard", layers.hard()));                        // hard overlap (shares·cells)
        tasks.add(new Task(1, pr, "limit", layers.limitValue()));                    // PR limit-value objects
        tasks.add(new Task(2, contour, "zones", layers.zones()));                    // contour ∩ zones
        tasks.add(new Task(3, contour, "outside", layers.sensitiveOutsideZones()));  // objects outside zones in contour
        if (aandacht != null) tasks.add(new Task(4, aandacht, "sensitive", layers.sensitive()));
        tasks.add(new Task(5, deposition, "receptors", layers.receptors()));
        tasks.add(new Task(6, f, "plots", layers.plots()));
        tasks.add(new Task(7, touch, null, occupied));                               // not cached: changes with the scenario
        double[][] res = correlateAll(pos, layers, tasks, padded, 8, cancelled);
        sw.lap("correlations");
        double[] distanceKm = parentDistanceKm(r, pos, f);
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

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) throw new CancellationException();
    }

    /** One criterion to compute: a kernel against a layer raster (cached spectrum under {@code cacheName}, null: not cached). */
    private record Task(int slot, Kernel kernel, String cacheName, double[] layer) { }

    /**
     * Every task's criterion at every position, in {@code slots} result slots (zeros for an empty layer).
     * Tasks with the same kernel size share a transform plan and are paired, two per inverse transform
     * ({@link Correlation#correlatePair}); a kernel used twice in a pair is transformed once. The largest
     * plans go first so the pool's threads finish together.
     */
    private double[][] correlateAll(RasterGrid pos, SearchWorld.Rasters cache, List<Task> tasks, int pad, int slots,
                                    BooleanSupplier cancelled) {
        double[][] res = new double[slots][];
        List<Task> todo = new ArrayList<>();
        for (Task t : tasks) {
            if (isZero(t.layer())) res[t.slot()] = new double[pos.size()];
            else todo.add(t);
        }
        todo.sort(java.util.Comparator.comparingInt((Task t) -> -t.kernel().h)
                .thenComparingInt(t -> System.identityHashCode(t.kernel())));
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < todo.size(); ) {
            Task a = todo.get(i);
            Task b = i + 1 < todo.size() && todo.get(i + 1).kernel().h == a.kernel().h ? todo.get(i + 1) : null;
            i += b == null ? 1 : 2;
            jobs.add(pool.submit(() -> {
                Correlation c = new Correlation(pos.nx(), pos.ny(), a.kernel().h);
                double[] ka = c.kernelSpectrum(a.kernel().values());
                if (b == null) {
                    res[a.slot()] = c.correlate(spectrum(c, a, cache, pos, pad), ka);
                    return;
                }
                double[] kb = b.kernel() == a.kernel() ? ka : c.kernelSpectrum(b.kernel().values());
                double[][] two = c.correlatePair(spectrum(c, a, cache, pos, pad), ka, spectrum(c, b, cache, pos, pad), kb);
                res[a.slot()] = two[0];
                res[b.slot()] = two[1];
            }));
        }
        try {
            for (Future<?> j : jobs) await(j, cancelled);
        } finally {
            for (Future<?> j : jobs) j.cancel(true);
        }
        for (int i = 0; i < slots; i++) if (res[i] == null) res[i] = new double[pos.size()];
        return res;
    }

    /**
     * A layer's spectrum for this plan. It is kept with the rasters (key: layer, grid, kernel size), so a
     * new profile or size transforms only its kernel and the product back.
     */
    private static double[] spectrum(Correlation c, Task t, SearchWorld.Rasters cache, RasterGrid pos, int pad) {
        if (t.cacheName() == null) return c.layerSpectrum(t.layer(), pad);
        return cache.spectrum(t.cacheName() + "/" + pos.nx() + "x" + pos.ny() + "/" + c.h + "/" + pad,
                () -> c.layerSpectrum(t.layer(), pad));
    }

    /** The future's value, polling {@code cancelled} while it runs. */
    private static <T> T await(Future<T> f, BooleanSupplier cancelled) {
        try {
            while (true) {
                try {
                    return f.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (cancelled.getAsBoolean()) throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
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
        int h = depositionHalfSize(r, cell);
        int w = 2 * h + 1;
        double[] v = new double[w * w];
        if (e.noxKgYr() <= 0 && e.nh3KgYr() <= 0) return new Kernel(1, new double[9]);
        // The offsets within reach, evaluated through the nitrogen model's own code (direction-aware kernel,
        // area source, hot stacks): the map then screens the same deposition the engine computes.
        double reach = OpsTable.MAX_DISTANCE_M + r.radiusM();
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

    /** The deposition kernel's half size: one size for every footprint up to 5 km across, so the receptors' spectrum is transformed once. */
    private static int depositionHalfSize(SearchRequest r, double cell) {
        return Math.max((int) Math.ceil(LAYER_PAD_M / cell), (int) Math.ceil((OpsTable.MAX_DISTANCE_M + 2 * r.radiusM()) / cell));
    }

    /**
     * Distance from a footprint at each position to the parent cluster, km (null without a parent): the
     * nearest of the footprint's edge cells in a distance transform of the cluster, less half a cell, so
     * an elongated or turned footprint reaches as far as it does.
     */
    private double[] parentDistanceKm(SearchRequest r, RasterGrid pos, Kernel footprint) {
        List<Geometry> cluster = world.clusterGeometries(r.parentCluster());
        if (cluster.isEmpty()) return null;
        // Reaching a footprint beyond the positions on every side, so an edge cell never falls off the grid.
        Envelope e = pos.grow(footprint.h + 1).envelope();
        for (Geometry g : cluster) e.expandToInclude(g.getEnvelopeInternal());
        RasterGrid all = RasterGrid.covering(e, pos.cell());
        RasterGrid.Coverage cov = all.new Coverage();
        for (Geometry g : cluster) cov.add(g);
        double[] shares = cov.shares();
        boolean[] seed = new boolean[shares.length];
        for (int i = 0; i < seed.length; i++) seed[i] = shares[i] > 0;
        double[] d = DistanceTransform.distances(seed, all.nx(), all.ny());
        int[][] edge = footprint.edgeOffsets();
        double[] out = new double[pos.size()];
        java.util.Arrays.fill(out, Double.MAX_VALUE);
        int di = (int) Math.round((pos.x0() - all.x0()) / pos.cell()), dj = (int) Math.round((pos.y0() - all.y0()) / pos.cell());
        int nx = pos.nx();
        // Offset by offset over whole rows: a minimum over contiguous arrays, which the JIT vectorises.
        for (int[] o : edge) {
            for (int j = 0; j < pos.ny(); j++) {
                int src = (j + dj + o[1]) * all.nx() + di + o[0], dst = j * nx;
                for (int i = 0; i < nx; i++) out[dst + i] = Math.min(out[dst + i], d[src + i]);
            }
        }
        for (int i = 0; i < out.length; i++) out[i] = Math.max(0, (out[i] - 0.5) * pos.cell()) / 1000.0;
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

        /** Offsets (a, b) of the cells the footprint touches that border a cell it does not (its outline). */
        int[][] edgeOffsets() {
            int w = 2 * h + 1;
            List<int[]> out = new ArrayList<>();
            for (int b = 0; b < w; b++) {
                for (int a = 0; a < w; a++) {
                    if (values[b * w + a] <= 0) continue;
                    boolean edge = a == 0 || b == 0 || a == w - 1 || b == w - 1 || values[b * w + a - 1] <= 0
                            || values[b * w + a + 1] <= 0 || values[(b - 1) * w + a] <= 0 || values[(b + 1) * w + a] <= 0;
                    if (edge) out.add(new int[] {a - h, b - h});
                }
            }
            return out.isEmpty() ? new int[][] {{0, 0}} : out.toArray(new int[0][]);
        }

        double sum() {
            double s = 0;
            for (double v : values) s += v;
            return s;
        }
    }
}
