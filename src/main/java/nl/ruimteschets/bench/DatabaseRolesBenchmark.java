package nl.ruimteschets.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.geo.WholeLayers;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The live loop of a project whose layers of every role stay in PostGIS (e.g. the sample copied there and
 * marked with {@code layers URL --in-database NAME}) against the same layers read into memory: per
 * candidate of the first scenario, the first answer and a drag of the whole candidate in steps of 5 m, run
 * in turn (database, memory, database, memory; the second round is the figure compared), p50/p95 per edit
 * and how many edits waited for the database. Not a test: it prints figures.
 *
 * <p>Run: {@code PGPASSWORD=… java -Xmx1g -cp target/ruimteschets.jar nl.ruimteschets.bench.DatabaseRolesBenchmark URL [steps]}
 * (default 100 steps).
 */
public final class DatabaseRolesBenchmark {
    private DatabaseRolesBenchmark() { }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Project project;
        try (PostgisStorage storage = PostgisStorage.connect(PgLocation.parse(args[0]), null)) {
            project = storage.load();
        }
        List<Layer> db = project.layers();
        List<Layer> memory = new ArrayList<>();
        StringBuilder roles = new StringBuilder();
        for (Layer l : db) {
            memory.add(WholeLayers.read(l, Long.MAX_VALUE));
            if (l.inDatabase()) roles.append(roles.length() == 0 ? "" : ", ").append(l.role());
        }
        long t0 = System.nanoTime();
        AnalysisContext dbContext = new AnalysisContext(db);
        double dbBuildMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        AnalysisContext memContext = new AnalysisContext(memory);
        double memBuildMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "database roles benchmark: layers in the database: %s; engine context %.0f ms (database) / "
                + "%.0f ms (memory); %d steps of 5 m; %d cores, load average %.2f%n", roles, dbBuildMs, memBuildMs, steps,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        ScenarioEngine dbEngine = new ScenarioEngine(dbContext, Runnable::run, r -> { });
        ScenarioEngine memEngine = new ScenarioEngine(memContext, Runnable::run, r -> { });
        long version = 1;
        for (Candidate c : project.scenarios().get(0).candidates()) {
            if (c.profileName() == null) continue;
            long a = System.nanoTime();
            dbEngine.compute(snapshot(project, c), version++);
            double firstMs = (System.nanoTime() - a) / 1e6;
            memEngine.compute(snapshot(project, c), version++);
            long waits = waits(dbContext);
            double[][] dbMs = new double[2][], memMs = new double[2][];
            for (int round = 0; round < 2; round++) {
                dbMs[round] = drag(dbEngine, project, c, steps, version);
                version += steps;
                memMs[round] = drag(memEngine, project, c, steps, version);
                version += steps;
            }
            System.out.printf(Locale.ROOT, "%s: first answer from the database %.0f ms; drag, database p50 %.2f / p95 %.2f ms | "
                            + "in memory p50 %.2f / p95 %.2f ms; %d edits waited for the database%n", c.name(), firstMs,
                    pct(dbMs[1], 50), pct(dbMs[1], 95), pct(memMs[1], 50), pct(memMs[1], 95), waits(dbContext) - waits);
        }
    }

    private static long waits(AnalysisContext context) {
        long n = 0;
        for (LayerRole r : context.roles()) for (TileCache t : context.tiled(r)) n += t.waits();
        return n;
    }

    private static double[] drag(ScenarioEngine engine, Project p, Candidate c, int steps, long version) {
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            Candidate moved = c.withGeometry(AffineTransformation.translationInstance(5.0 * (i + 1), 0).transform(c.geometry()));
            long a = System.nanoTime();
            engine.compute(snapshot(p, moved), version + i);
            ms[i] = (System.nanoTime() - a) / 1e6;
        }
        return ms;
    }

    private static ScenarioEngine.Snapshot snapshot(Project p, Candidate c) {
        return new ScenarioEngine.Snapshot(List.of(c), p.profiles(), List.copyOf(p.clusters().values()));
    }

    private static double pct(double[] ms, int q) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(q / 100.0 * s.length) - 1)];
    }
}
