package nl.ruimteschets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.search.SearchRequest;
import nl.ruimteschets.analysis.search.SearchWorld;
import nl.ruimteschets.analysis.search.SiteSearch;
import nl.ruimteschets.analysis.search.SuitabilityMap;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Site search on a province-sized area (55 × 55 km, 100 m grid, astride the west edge of the footprints) whose sensitive-object layer stays in
 * PostGIS: the {@link BigLayerBenchmark}'s 10,000,000 footprints. Prints the time to the coarse and the
 * full map (the layer rasters stream the objects in the grid from the database, cold and again after a
 * new search world), the ranked locations, how many objects were read, and the most heap in use while it
 * ran (sampled every 20 ms), against the app's 1 GB. Not a test: it prints figures.
 *
 * <p>Run against a schema made by {@link BigLayerBenchmark} (it generates the table when missing):
 * <pre>java -Xmx1g -cp target/ruimteschets.jar nl.ruimteschets.bench.DatabaseSearchBenchmark postgresql://user@host:port/db?schema=big</pre>
 * (password from PGPASSWORD or ~/.pgpass).
 */
public final class DatabaseSearchBenchmark {
    private DatabaseSearchBenchmark() { }

    public static void main(String[] args) throws Exception {
        PgLocation loc = PgLocation.parse(args[0]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Project project;
        long t0 = System.nanoTime();
        try (PostgisStorage storage = PostgisStorage.connect(loc, null)) {
            project = storage.load();
        }
        Layer big = project.layer(BigLayerBenchmark.TABLE).orElseThrow();
        if (!big.inDatabase() || big.role() != LayerRole.SENSITIVE) throw new IllegalStateException("no sensitive layer in the database");
        List<Layer> layers = new ArrayList<>(project.layers());
        layers.add(BenchWorld.zones());
        layers.add(SearchBenchmark.clusters());
        AnalysisContext context = new AnalysisContext(layers);
        System.out.printf(Locale.ROOT, "database search benchmark: %s with ~%,d footprints in the database; project and engine %.1f s; "
                + "max heap %d MB, %d cores, load average %.2f%n", BigLayerBenchmark.TABLE, big.featureCount(), secs(t0),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ActivityProfile profile = ActivityCatalogue.defaults().stream().filter(p -> p.name().startsWith("Waterstof")).findFirst().orElseThrow();
        // Astride the footprints' west edge (x = 13 km): their dwellings every 85 m leave no free position
        // inside the field, so the free half to the west is what gets ranked.
        double cx = 13_000, cy = BenchWorld.CLUSTERS[0][1];
        Geometry area = Rd.FACTORY.toGeometry(new Envelope(cx - 27_500, cx + 27_500, cy - 27_500, cy + 27_500));
        SearchRequest req = new SearchRequest(profile, 60, area, false, BenchWorld.CLUSTER_NAMES[0], null,
                SearchRequest.defaultWeights(), 100, 20, List.of());
        for (String label : List.of("cold", "new search world (rasters streamed again)")) {
            SearchWorld world = new SearchWorld(context);
            AtomicLong read = new AtomicLong();
            world.progress((layer, done, expected) -> read.accumulateAndGet(done, Math::max));
            SiteSearch search = new SiteSearch(world);
            try {
                System.gc();
                peak.set(0);
                long a = System.nanoTime();
                SuitabilityMap coarse = search.map(req, SearchRequest.COARSE_CELL_M, () -> false);
                double coarseS = secs(a);
                SuitabilityMap fine = search.map(req, req.cellM(), () -> false);
                double fineS = secs(a);
                int ranked = search.rank(fine, () -> false).size();
                double allS = secs(a);
                System.out.printf(Locale.ROOT, "%s: coarse map %.1f s, full map %.1f s (%,d positions, %,d valid), top %d ranked %.1f s; "
                                + "%,d objects read per grid; peak heap in use %d MB (goal < 1024 MB)%n", label, coarseS, fineS,
                        fine.grid().size(), fine.validCount(), ranked, allS, read.get(), peak.get() >> 20);
                if (coarse.validCount() == 0) System.out.println("  (no valid position on the coarse map)");
            } finally {
                search.close();
            }
        }
        sampler.interrupt();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
