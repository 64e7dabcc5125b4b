package nl.ruimteschets.analysis.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Site search: "where could this activity go?". Computes the {@link SuitabilityMap} coarse (400 m) and
 * then fine (the asked cell), picks the best K non-overlapping positions and every available plot that
 * fits, re-evaluates them with the live engine ({@link ScenarioEngine}: the same figures as a drawn
 * candidate) and ranks them by the exact score under the map's weights and scales. Reports how well
 * the map agreed with the engine on those locations.
 *
 * <p>It screens one activity at a time: the scenario's candidates only block their own footprints.
 *
 * <p>Thread safety: {@link #run} runs on the calling thread and must not run concurrently with itself;
 * {@link #submit} queues on the search's own background thread, the newest request cancelling older ones.
 */
public final class SiteSearch {
    /** How many available plots are re-evaluated at most (the best by map score). */
    static final int MAX_PLOTS = 30;
    /** Stage figures on stderr (benchmark diagnostics), as the mapper's. */
    private static final boolean STATS = Boolean.getBoolean("ruimteschets.searchStats");

    private final SearchWorld world;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, daemon("ruimteschets-search-fft"));
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("ruimteschets-search"));
    private final SuitabilityMapper mapper;
    /** Two engines, so two locations are evaluated side by side (each engine is confined to one thread at a time). */
    private final ScenarioEngine[] engines;
    private final AtomicLong latest = new AtomicLong();

    /** Receives the stages of a search; called on the search's thread. */
    public interface Listener {
        void map(SuitabilityMap map);

        void done(Result result);

        default void failed(RuntimeException e) { }

        /** How far the read of a sensitive layer in the database has come (see {@link SearchWorld.Progress}). */
        default void reading(String layer, long done, long expected) { }
    }

    /** A finished search. */
    public record Result(SuitabilityMap map, List<RankedLocation> locations, Agreement agreement, long millis) {
        public Result {
            locations = List.copyOf(locations);
        }
    }

    /**
     * Map against engine on the ranked free positions: per criterion the median and worst relative
     * difference (|map − exact| / max(|exact|, floor)), and Spearman's rank correlation of the scores.
     */
    public record Agreement(int positions, Map<Criterion, double[]> medianWorst, double spearman) {
        public Agreement {
            medianWorst = Map.copyOf(medianWorst);
        }
    }

    public SiteSearch(SearchWorld world) {
        this.world = world;
        this.mapper = new SuitabilityMapper(world, pool);
        this.engines = new ScenarioEngine[] {new ScenarioEngine(world.context(), Runnable::run, r -> { }),
            new ScenarioEngine(world.context(), Runnable::run, r -> { })};
    }

    public SearchWorld world() { return world; }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the background threads. */
    public void close() {
        latest.incrementAndGet();
        worker.shutdownNow();
        pool.shutdownNow();
    }

    /** Cancels whatever runs or waits. */
    public void cancel() {
        latest.incrementAndGet();
    }

    /** Runs the search in the background; a newer submit or {@link #cancel} stops it between stages. */
    public long submit(SearchRequest r, Listener listener) {
        long v = latest.incrementAndGet();
        worker.execute(() -> {
            BooleanSupplier cancelled = () -> latest.get() != v;
            if (cancelled.getAsBoolean()) return;
            world.progress((layer, done, expected) -> {
                if (!cancelled.getAsBoolean()) listener.reading(layer, done, expected);
            });
            try {
                Result res = run(r, cancelled, m -> {
                    if (!cancelled.getAsBoolean()) listener.map(m);
                });
                if (!cancelled.getAsBoolean()) listener.done(res);
            } catch (CancellationException e) {
                // superseded: nothing to deliver
            } catch (RuntimeException e) {
                if (!cancelled.getAsBoolean()) listener.failed(e);
            }
        });
        return v;
    }

    /** The whole search on the calling thread: coarse map, fine map (both to {@code maps}), ranked locations. */
    public Result run(SearchRequest r, BooleanSupplier cancelled, java.util.function.Consumer<SuitabilityMap> maps) {
        long t0 = System.nanoTime();
        if (r.cellM() < SearchRequest.COARSE_CELL_M) maps.accept(mapper.map(r, SearchRequest.COARSE_CELL_M, cancelled));
        SuitabilityMap fine = mapper.map(r, r.cellM(), cancelled);
        maps.accept(fine);
        List<RankedLocation> ranked = rank(fine, cancelled);
        return new Result(fine, ranked, agreement(ranked), (System.nanoTime() - t0) / 1_000_000);
    }

    /** The fine map alone (benchmarks). */
    public SuitabilityMap map(SearchRequest r, double cell, BooleanSupplier cancelled) {
        return mapper.map(r, cell, cancelled);
    }

    /** Best K free positions and the fitting plots, evaluated exactly and ranked by exact score. */
    public List<RankedLocation> rank(SuitabilityMap map, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        SearchRequest r = map.request();
        List<RankedLocation> out = new ArrayList<>();
        int[] serial = {0};
        long engineNanos = 0;
        if (!r.plotsOnly() && r.topK() > 0) {
            int[] order = bestFirst(map);
            RasterGrid grid = map.grid();
            int[][] clash = overlapOffsets(r, grid.cell());
            // Positions whose footprint would overlap one already picked: marked once per pick, so the scan
            // down the ranking skips them in constant time.
            boolean[] blocked = new boolean[grid.size()];
            int next = 0, tried = 0, clean = 0;
            // In rounds: pick the best positions not overlapping any picked before, evaluate them exactly
            // (two engines side by side), and pick more only for those the engine finds in conflict.
            while (clean < r.topK() && next < order.length && tried < 3 * r.topK() + 10) {
                List<Job> batch = new ArrayList<>();
                for (; next < order.length && batch.size() < r.topK() - clean; next++) {
                    int i = order[next];
                    if (blocked[i]) continue;
                    int pi = i % grid.nx(), pj = i / grid.nx();
                    // a conflicting position still blocks overlapping neighbours
                    for (int[] o : clash) {
                        int a = pi + o[0], b = pj + o[1];
                        if (a >= 0 && b >= 0 && a < grid.nx() && b < grid.ny()) blocked[b * grid.nx() + a] = true;
                    }
                    batch.add(new Job(SuitabilityMapper.footprint(r, grid.centreX(pi), grid.centreY(pj)), i, null, ++serial[0]));
                }
                tried += batch.size();
                long e0 = System.nanoTime();
                List<RankedLocation> evaluated = evaluateAll(map, batch, cancelled);
                engineNanos += System.nanoTime() - e0;
                for (RankedLocation loc : evaluated) {
                    if (!loc.hardConflict()) {
                        out.add(loc);
                        clean++;
                    }
                }
            }
        }
        long tFree = System.nanoTime();
        List<Job> plotJobs = new ArrayList<>();
        for (Plot p : plots(map)) plotJobs.add(new Job(p.geometry, p.mapIndex, p.name, ++serial[0]));
        // A plot the engine finds in conflict (or already taken by a candidate) is not a place to go either.
        for (RankedLocation l : evaluateAll(map, plotJobs, cancelled)) if (!l.hardConflict()) out.add(l);
        if (STATS) {
            System.err.printf(java.util.Locale.ROOT, "  [rank] %d free positions evaluated (%d clean) in %.0f ms (engine %.0f ms); %d plots in %.0f ms%n",
                    serial[0] - plotJobs.size(), out.size() - plotJobs.size(), (tFree - t0) / 1e6, engineNanos / 1e6, plotJobs.size(), (System.nanoTime() - tFree) / 1e6);
        }
        out.sort(Comparator.comparingDouble(RankedLocation::exactScore).reversed());
        List<RankedLocation> ranked = new ArrayList<>();
        for (RankedLocation l : out) ranked.add(l.withRank(ranked.size() + 1));
        return ranked;
    }

    private record Job(Geometry footprint, int mapIndex, String plotName, int serial) { }

    /** Evaluates the jobs with the two engines, half on a pool thread, half here; results in job order. */
    private List<RankedLocation> evaluateAll(SuitabilityMap map, List<Job> jobs, BooleanSupplier cancelled) {
        prefetch(jobs);
        RankedLocation[] out = new RankedLocation[jobs.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Consumer<ScenarioEngine> work = e -> {
            for (int k; (k = next.getAndIncrement()) < jobs.size(); ) {
                if (cancelled.getAsBoolean()) throw new CancellationException();
                Job j = jobs.get(k);
                out[k] = evaluate(map, j.footprint, j.mapIndex, j.plotName, j.serial, e);
            }
        };
        java.util.concurrent.Future<?> helper = jobs.size() > 1 ? pool.submit(() -> work.accept(engines[1])) : null;
        work.accept(engines[0]);
        if (helper != null) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return List.of(out);
    }

    /** How far around a location its tiles are fetched ahead: the safety distances and most of a noise contour. */
    private static final double PREFETCH_M = 2_000;

    /**
     * Queues the tiles of layers in the database around every job, so that each layer's loader fetches them
     * (layers side by side) while the engines evaluate the first locations, instead of one area at a time.
     */
    private void prefetch(List<Job> jobs) {
        AnalysisContext context = world.context();
        for (LayerRole role : context.roles()) {
            for (TileCache t : context.tiled(role)) {
                for (Job j : jobs) {
                    Envelope e = new Envelope(j.footprint().getEnvelopeInternal());
                    e.expandBy(PREFETCH_M);
                    t.prefetch(e);
                }
            }
        }
    }

    /** Valid positions, best map score first; ties by position index, so the same inputs give the same ranking. */
    private static int[] bestFirst(SuitabilityMap map) {
        float[] score = map.score();
        long[] keys = new long[score.length];
        int n = 0;
        for (int i = 0; i < score.length; i++) {
            if (!map.valid(i)) continue;
            // Scores are 0–100 (non-negative): their float bits sort as the floats do; inverted for best first.
            keys[n++] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(Math.max(0f, score[i]))) << 32) | i;
        }
        long[] sorted = Arrays.copyOf(keys, n);
        Arrays.sort(sorted);
        int[] order = new int[n];
        for (int k = 0; k < n; k++) order[k] = (int) sorted[k];
        return order;
    }

    /**
     * Cell offsets at which two footprints of the ask overlap (their interiors meet): footprints sit on
     * cell centres, so whether two overlap depends only on their offset. Each offset is tested once with
     * the exact polygons.
     */
    static int[][] overlapOffsets(SearchRequest r, double cell) {
        Polygon at0 = SuitabilityMapper.footprint(r, 0, 0);
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(at0);
        Envelope e = at0.getEnvelopeInternal();
        int hx = (int) Math.ceil(e.getWidth() / cell) + 1, hy = (int) Math.ceil(e.getHeight() / cell) + 1;
        List<int[]> out = new ArrayList<>();
        for (int b = -hy; b <= hy; b++) {
            for (int a = -hx; a <= hx; a++) {
                Polygon other = SuitabilityMapper.footprint(r, a * cell, b * cell);
                if (prepared.intersects(other) && at0.relate(other, "T********")) out.add(new int[] {a, b});
            }
        }
        return out.toArray(new int[0][]);
    }

    private record Plot(String name, Geometry geometry, int mapIndex, double mapScore) { }

    /** Available plots in the search area at least as big as asked: the asked footprint where it fits, else the plot. */
    private List<Plot> plots(SuitabilityMap map) {
        SearchRequest r = map.request();
        PreparedGeometry area = PreparedGeometryFactory.prepare(r.area());
        List<Plot> out = new ArrayList<>();
        // Plot layers in memory whole, plot layers in the database by their tiles under the search area.
        for (LayerIndex li : world.context().nearby(LayerRole.AVAILABLE_PLOT).near(r.area().getEnvelopeInternal())) {
            Layer l = li.layer();
            for (Feature f : li.candidates(r.area().getEnvelopeInternal())) {
                Geometry g = f.geometry();
                if (!(g.getArea() / 10_000.0 >= r.grossHa() * 0.999)) continue;
                Point inside = g.getInteriorPoint();
                if (!area.contains(inside)) continue;
                String name = l.text(f, Layer.MAP_NAME);
                name = name == null || name.isBlank() ? l.name() + " #" + f.id() : name;
                // Try the asked footprint on the map cell nearest the plot's interior point.
                int idx = map.grid().indexOf(inside.getX(), inside.getY());
                Geometry loc = g;
                int mapIndex = -1;
                if (idx >= 0) {
                    double cx = map.grid().centreX(idx % map.grid().nx()), cy = map.grid().centreY(idx / map.grid().nx());
                    Polygon sq = SuitabilityMapper.footprint(r, cx, cy);
                    if (g.covers(sq)) {
                        loc = sq;
                        mapIndex = idx;
                    }
                }
                double s = mapIndex >= 0 && map.valid(mapIndex) ? map.score()[mapIndex] : -1;
                out.add(new Plot(name, loc, mapIndex, s));
            }
        }
        out.sort(Comparator.comparingDouble(Plot::mapScore).reversed());
        return out.subList(0, Math.min(MAX_PLOTS, out.size()));
    }

    /** The footprint at one map position, evaluated exactly (benchmarks and agreement checks). */
    public RankedLocation evaluateAt(SuitabilityMap map, int index, int serial) {
        double x = map.grid().centreX(index % map.grid().nx()), y = map.grid().centreY(index / map.grid().nx());
        return evaluate(map, SuitabilityMapper.footprint(map.request(), x, y), index, null, serial, engines[0]);
    }

    private RankedLocation evaluate(SuitabilityMap map, Geometry footprint, int mapIndex, String plotName, int serial,
                                    ScenarioEngine engine) {
        SearchRequest r = map.request();
        CandidateKind kind = r.maxDistanceM() != null ? CandidateKind.SATELLITE : CandidateKind.EXPANSION;
        Candidate c = new Candidate("search-" + serial, plotName != null ? plotName : "Zoeklocatie " + serial, kind,
                r.parentCluster(), footprint, 0, r.profile().name(), null, "");
        ScenarioResult res = engine.compute(new ScenarioEngine.Snapshot(List.of(c),
                Map.of(r.profile().name(), r.profile()), List.of()), serial);
        CandidateResult cr = res.candidates().get(0);
        Map<Criterion, Double> exact = exactValues(cr, r);
        Map<Criterion, Double> mapValues = new EnumMap<>(Criterion.class);
        double mapScore = Double.NaN;
        if (mapIndex >= 0 && map.exclusionAt(mapIndex) != SuitabilityMap.Exclusion.OUTSIDE_AREA) {
            for (Criterion k : Criterion.values()) mapValues.put(k, (double) map.criteria().get(k)[mapIndex]);
            mapScore = map.valid(mapIndex) ? map.score()[mapIndex] : Double.NaN;
        }
        boolean conflict = cr.overlap().constrainedHa() > 0
                || (cr.safety() != null && !cr.safety().limitConflicts().isEmpty())
                || overlapsOccupied(footprint, r);
        return new RankedLocation(0, c, plotName, mapValues, mapScore, exact, map.scoreOf(exact), cr, conflict);
    }

    private static boolean overlapsOccupied(Geometry footprint, SearchRequest r) {
        for (Geometry g : r.occupied()) {
            if (g.intersects(footprint) && Overlay.intersection(g, footprint).getArea() > 100) return true;
        }
        return false;
    }

    /** The criteria from the engine's result, in the map's units. */
    Map<Criterion, Double> exactValues(CandidateResult cr, SearchRequest r) {
        Map<Criterion, Double> m = new EnumMap<>(Criterion.class);
        m.put(Criterion.ZONE_GROWTH, cr.noise() == null ? 0 : cr.noise().zoneGrowthHa());
        m.put(Criterion.NOISE_SENSITIVE, cr.noise() == null ? 0.0 : cr.noise().sensitiveCount());
        m.put(Criterion.AANDACHT_OBJECTS, cr.safety() == null ? 0.0
                : (double) Math.max(cr.safety().brandCount(), Math.max(cr.safety().explosieCount(), cr.safety().gifwolkCount())));
        m.put(Criterion.DEPOSITION, cr.nitrogen() == null ? 0 : cr.nitrogen().totalDepositionMolYr());
        List<Geometry> cluster = world.clusterGeometries(r.parentCluster());
        m.put(Criterion.PARENT_DISTANCE, cluster.isEmpty() ? 0
                : cr.candidate().footprint().distance(Overlay.union(cluster)) / 1000.0);
        double plots = cr.overlap().overlapHa().getOrDefault(LayerRole.AVAILABLE_PLOT, 0.0);
        m.put(Criterion.AVAILABLE_PLOTS, Math.max(0, 1 - plots / cr.candidate().grossAreaHa()));
        return m;
    }

    /** Agreement of map and engine over the ranked locations that lie on the map as a square. */
    public static Agreement agreement(List<RankedLocation> ranked) {
        List<RankedLocation> on = ranked.stream().filter(l -> !l.mapValues().isEmpty() && !Double.isNaN(l.mapScore())).toList();
        Map<Criterion, double[]> mw = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) {
            double[] d = new double[on.size()];
            for (int i = 0; i < d.length; i++) d[i] = relativeDifference(c, on.get(i).mapValues().get(c), on.get(i).exactValues().get(c));
            Arrays.sort(d);
            mw.put(c, d.length == 0 ? new double[] {Double.NaN, Double.NaN} : new double[] {median(d), d[d.length - 1]});
        }
        double[] a = on.stream().mapToDouble(RankedLocation::mapScore).toArray();
        double[] b = on.stream().mapToDouble(RankedLocation::exactScore).toArray();
        return new Agreement(on.size(), mw, spearman(a, b));
    }

    public static double relativeDifference(Criterion c, double map, double exact) {
        return Math.abs(map - exact) / Math.max(Math.abs(exact), c.agreementFloor());
    }

    public static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Spearman's ρ with average ranks for ties; NaN for fewer than 3 pairs. */
    public static double spearman(double[] a, double[] b) {
        if (a.length < 3) return Double.NaN;
        double[] ra = ranks(a), rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0), mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; ) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) j++;
            for (int k = i; k <= j; k++) r[idx[k]] = (i + j) / 2.0 + 1;
            i = j + 1;
        }
        return r;
    }
}
