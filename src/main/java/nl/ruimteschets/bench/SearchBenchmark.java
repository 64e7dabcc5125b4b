package nl.ruimteschets.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.search.Criterion;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.analysis.search.SearchRequest;
import nl.ruimteschets.analysis.search.SearchWorld;
import nl.ruimteschets.analysis.search.SiteSearch;
import nl.ruimteschets.analysis.search.SuitabilityMap;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Site search on a province-sized area (55 × 55 km around Rotterdam-Moerdijk, 100 m grid, ≈ 300,000
 * positions) in the {@link BenchWorld} with 1,000,000 footprints: time to the first coarse map and to the
 * full map (cold: layer rasters built; warm: a changed size reusing them), the top K exact, the engine
 * one position at a time (extrapolated from a sample) and the map-to-engine agreement on the top K and
 * on a random sample. Not a test: it prints figures.
 *
 * <p>Run: {@code java -Xmx1500m -cp target/ruimteschets.jar nl.ruimteschets.bench.SearchBenchmark [footprints] [K] [sample]}
 * (defaults 1000000 20 200).
 */
public final class SearchBenchmark {
    private SearchBenchmark() { }

    public static void main(String[] args) {
        int footprints = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int sample = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        System.out.printf(Locale.ROOT, "search benchmark: %,d footprints, top %d, sample %d, max heap %d MB, %d cores%n",
                footprints, k, sample, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        List<Layer> layers = new ArrayList<>(BenchWorld.build(footprints, 7));
        layers.add(clusters());
        AnalysisContext context = new AnalysisContext(layers);
        double buildS = secs(t0);
        t0 = System.nanoTime();
        SearchWorld world = new SearchWorld(context);
        double worldS = secs(t0);
        System.out.printf(Locale.ROOT, "world + engine indexes %.1f s; search world (object classes) %.2f s%n", buildS, worldS);

        ActivityProfile profile = ActivityCatalogue.defaults().stream().filter(p -> p.name().startsWith("Waterstof")).findFirst().orElseThrow();
        double cx = BenchWorld.CLUSTERS[0][0], cy = BenchWorld.CLUSTERS[0][1];
        Geometry area = Rd.FACTORY.toGeometry(new Envelope(cx - 27_500, cx + 27_500, cy - 27_500, cy + 27_500));
        SearchRequest req = new SearchRequest(profile, 60, area, false, "Rotterdam-Moerdijk", null,
                SearchRequest.defaultWeights(), 100, k, List.of());
        SiteSearch search = new SiteSearch(world);
        try {
            run(search, req, "cold (layer rasters built)");
            SearchRequest changed = new SearchRequest(profile, 80, area, false, "Rotterdam-Moerdijk", null,
                    SearchRequest.defaultWeights(), 100, k, List.of());
            run(search, changed, "warm (size changed to 80 ha)");
            SuitabilityMap map = run(search, req, "warm (back to 60 ha)");
            // What the planner meets after changing a layer: a new search world (rasters and spectra made
            // again) in a running app, whose code the first search already warmed.
            long w0 = System.nanoTime();
            SiteSearch rebuilt = new SiteSearch(new SearchWorld(context));
            double rebuiltS = secs(w0);
            try {
                run(rebuilt, req, String.format(Locale.ROOT, "new world in a warm JVM (object classes %.2f s before; layer rasters built again)", rebuiltS));
            } finally {
                rebuilt.close();
            }

            // First with the search's engines fresh (their first locations pay the models' warm-up), then again.
            long a = System.nanoTime();
            List<RankedLocation> top = search.rank(map, () -> false);
            double topS = secs(a);
            a = System.nanoTime();
            search.rank(map, () -> false);
            double topWarmS = secs(a);
            System.out.printf(Locale.ROOT, "top %d exact (exact engine per location, two side by side; %d locations ranked): first %.2f s, "
                    + "again %.2f s (goal <= 1 s)%n", k, top.size(), topS, topWarmS);

            // The engine one position at a time, on a random sample of valid positions, extrapolated.
            Random rnd = new Random(11);
            int[] valid = validPositions(map);
            int[] pick = new int[Math.min(sample, valid.length)];
            for (int i = 0; i < pick.length; i++) pick[i] = valid[rnd.nextInt(valid.length)];
            List<RankedLocation> exact = new ArrayList<>();
            a = System.nanoTime();
            for (int i = 0; i < pick.length; i++) exact.add(search.evaluateAt(map, pick[i], 10_000 + i));
            double perPos = secs(a) / Math.max(1, pick.length);
            double allS = perPos * map.grid().size();
            System.out.printf(Locale.ROOT, "engine one by one: %.1f ms per position -> %,d positions would take %.0f s (%.1f h); "
                    + "map speed-up %.0fx (against the warm full map)%n", perPos * 1000, map.grid().size(), allS, allS / 3600,
                    allS / lastFullS);

            agreement("top " + k, top.stream().filter(l -> l.plotName() == null).toList());
            agreement("random sample of " + pick.length, exact);
        } finally {
            search.close();
        }
    }

    private static double lastFullS;

    private static SuitabilityMap run(SiteSearch search, SearchRequest r, String label) {
        long a = System.nanoTime();
        SuitabilityMap coarse = search.map(r, SearchRequest.COARSE_CELL_M, () -> false);
        double coarseS = secs(a);
        SuitabilityMap fine = search.map(r, r.cellM(), () -> false);
        double fullS = secs(a);
        lastFullS = fullS - coarseS;
        System.out.printf(Locale.ROOT, "%s: first coarse map (%d m, %,d positions) %.2f s (goal <= 1 s); full map (%d m, %,d positions, "
                + "%,d valid) %.2f s after start (goal <= 5 s), fine pass alone %.2f s%n", label, (int) SearchRequest.COARSE_CELL_M,
                coarse.grid().size(), coarseS, (int) r.cellM(), fine.grid().size(), fine.validCount(), fullS, lastFullS);
        return fine;
    }

    private static int[] validPositions(SuitabilityMap m) {
        int n = 0;
        int[] out = new int[m.grid().size()];
        for (int i = 0; i < out.length; i++) if (m.valid(i)) out[n++] = i;
        return Arrays.copyOf(out, n);
    }

    /** Median and worst relative difference per criterion, and Spearman of map vs exact score. */
    private static void agreement(String label, List<RankedLocation> locs) {
        SiteSearch.Agreement a = SiteSearch.agreement(locs);
        System.out.printf(Locale.ROOT, "agreement, %s (%d positions): Spearman rho of scores %.3f%n", label, a.positions(), a.spearman());
        Map<Criterion, double[]> mw = new EnumMap<>(a.medianWorst());
        for (Map.Entry<Criterion, double[]> e : mw.entrySet()) {
            double[] sp = spearmanOf(locs, e.getKey());
            System.out.printf(Locale.ROOT, "  %-32s median rel. diff %6.1f %%, worst %6.1f %%, rank correlation %.3f%n", e.getKey().key(),
                    100 * e.getValue()[0], 100 * e.getValue()[1], sp[0]);
        }
    }

    private static double[] spearmanOf(List<RankedLocation> locs, Criterion c) {
        List<RankedLocation> on = locs.stream().filter(l -> !l.mapValues().isEmpty()).toList();
        double[] m = on.stream().mapToDouble(l -> l.mapValues().get(c)).toArray();
        double[] e = on.stream().mapToDouble(l -> l.exactValues().get(c)).toArray();
        return new double[] {SiteSearch.spearman(m, e)};
    }

    /** Cluster contours (1.2 km around each bench cluster site) so the parent-distance criterion has a parent. */
    static Layer clusters() {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < BenchWorld.CLUSTERS.length; i++) {
            out.add(new Feature(i + 1, Rd.FACTORY.createPoint(new Coordinate(BenchWorld.CLUSTERS[i][0], BenchWorld.CLUSTERS[i][1]))
                    .buffer(1200, 16), new Object[] {BenchWorld.CLUSTER_NAMES[i]}));
        }
        return new Layer("Clusters", LayerRole.CLUSTER, List.of(new Field("cluster", FieldType.TEXT)), out,
                Map.of(Layer.MAP_CLUSTER, "cluster"), "synthetisch", null);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
