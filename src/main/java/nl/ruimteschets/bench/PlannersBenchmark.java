package nl.ruimteschets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ruimteschets.io.ConflictException;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.io.postgis.RemoteChanges;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Several planners on one PostGIS project: N simulated clients (each its own connections, model and change
 * feed, as separate app windows would have) make {@code edits} edits each on a shared pool of candidates
 * with a random 20–80 ms pause between edits, so planners collide on the same candidate now and then.
 * Prints, per N: edits committed, conflicts detected and conflicts that occurred (from the version chain
 * of every candidate: each committed write must have produced its own next version), edits lost (a
 * version produced twice or skipped), and the propagation latency from a commit to another client's model
 * (p50/p95/max). Then open/save of the sample project through PostGIS against GeoPackage.
 *
 * <pre>PGPASSWORD=… java -cp target/ruimteschets.jar nl.ruimteschets.bench.PlannersBenchmark \
 *     'postgresql://postgres@127.0.0.1:5432/db?schema=bench' 2,8,16 200</pre>
 */
public final class PlannersBenchmark {
    private static final int POOL = 24;

    private PlannersBenchmark() { }

    public static void main(String[] args) throws Exception {
        PgLocation base = PgLocation.parse(args[0]);
        int[] ns = Arrays.stream((args.length > 1 ? args[1] : "2,8,16").split(",")).mapToInt(Integer::parseInt).toArray();
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        System.out.printf(Locale.ROOT, "PostGIS %s; %d candidates in the pool; %d edits per planner; pause 20-80 ms%n",
                base.withSchema("…"), POOL, edits);
        for (int n : ns) planners(base.withSchema(base.schema() + "_p" + n), n, edits);
        openSave(base.withSchema(base.schema() + "_sample"));
    }

    private record Attempt(String key, long base, boolean committed, long version, boolean conflict) { }

    private static void planners(PgLocation loc, int n, int edits) throws Exception {
        Project seed = SampleProject.build();
        Scenario s = seed.scenarios().get(0);
        GeometryFactory gf = new GeometryFactory();
        for (int i = 0; i < POOL; i++) {
            double x = 60000 + i * 2000, y = 420000;
            s.add(new Candidate("pool" + i, "pool " + i, CandidateKind.EXPANSION, "", gf.toGeometry(
                    new org.locationtech.jts.geom.Envelope(x, x + 600, y, y + 600)), 0, "", null, ""));
        }
        try (ProjectStorage st = ProjectStorage.open(loc.toString(), null)) {
            st.save(seed);
        }
        String scenario = s.name();
        List<PostgisStorage> stores = new ArrayList<>();
        List<Project> models = new ArrayList<>();
        List<Map<String, Long>> arrivals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PostgisStorage st = (PostgisStorage) ProjectStorage.open(loc.toString(), null);
            st.setAuthor("planner" + i);
            Project p = st.load();
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            st.subscribe(changes -> {
                long now = System.nanoTime();
                synchronized (p) {
                    for (Change c : changes) {
                        c.apply(p);
                        if (c instanceof RemoteChanges.PutCandidate put && put.candidate() != null) {
                            arrived.putIfAbsent(put.candidate().name(), now);
                        }
                    }
                }
            }, state -> { });
            stores.add(st);
            models.add(p);
            arrivals.add(arrived);
        }
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Map<String, Integer> committedBy = new ConcurrentHashMap<>();
        List<Attempt> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int who = i;
            Thread t = new Thread(() -> {
                Random rnd = new Random(42 + who);
                PostgisStorage st = stores.get(who);
                Project p = models.get(who);
                try {
                    for (int e = 0; e < edits; e++) {
                        Thread.sleep(20 + rnd.nextInt(61));
                        String id = "pool" + rnd.nextInt(POOL);
                        String name = "p" + who + "-e" + e;
                        Candidate current;
                        long baseVersion;
                        synchronized (p) {
                            current = p.scenario(scenario).orElseThrow().candidates().stream()
                                    .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
                            baseVersion = st.version(scenario, id);
                        }
                        Geometry moved = AffineTransformation.translationInstance(rnd.nextInt(11) - 5, rnd.nextInt(11) - 5)
                                .transform(current.geometry());
                        Change edit = new CandidateChanges.Replace(scenario, current.withGeometry(moved).withName(name),
                                "change.candidate.geometry");
                        try {
                            st.write(edit, false);
                            long at = System.nanoTime();
                            committedAt.put(name, at);
                            committedBy.put(name, who);
                            synchronized (p) {
                                edit.apply(p);
                            }
                            attempts.add(new Attempt(id, baseVersion, true, st.version(scenario, id), false));
                        } catch (ConflictException x) {
                            synchronized (p) {
                                x.newer().forEach(c -> c.apply(p));
                            }
                            attempts.add(new Attempt(id, baseVersion, false, -1, true));
                        }
                    }
                } catch (Exception ex) {
                    failures.incrementAndGet();
                    System.err.println("planner " + who + ": " + ex);
                } finally {
                    done.countDown();
                }
            }, "planner-" + i);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1500); // let the last notifications arrive
        for (PostgisStorage st : stores) st.close();

        // The version chain: every committed write produced a distinct next version; nothing skipped.
        Map<String, List<Long>> produced = new HashMap<>();
        int committed = 0, detected = 0, occurred = 0;
        for (Attempt a : attempts) {
            if (a.committed()) {
                committed++;
                produced.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a.version());
            }
        }
        for (Attempt a : attempts) {
            if (a.conflict()) {
                detected++;
                List<Long> v = produced.getOrDefault(a.key(), List.of());
                if (v.stream().anyMatch(x -> x > a.base())) occurred++; // someone else had moved it on
            }
        }
        int lost = 0;
        for (List<Long> v : produced.values()) {
            List<Long> sorted = v.stream().sorted().toList();
            for (int i = 0; i < sorted.size(); i++) if (sorted.get(i) != i + 2) lost++; // seed is version 1
        }
        List<Long> lat = new ArrayList<>();
        int expected = 0, seen = 0;
        for (Map.Entry<String, Long> c : committedAt.entrySet()) {
            for (int i = 0; i < n; i++) {
                if (i == committedBy.get(c.getKey())) continue;
                expected++;
                Long t = arrivals.get(i).get(c.getKey());
                if (t != null) {
                    seen++;
                    lat.add(t - c.getValue());
                }
            }
        }
        lat.sort(null);
        System.out.printf(Locale.ROOT, "N=%2d: %d attempts in %.1f s, %d committed, conflicts detected %d, occurred %d, "
                        + "edits lost %d, failures %d; propagation commit→other model p50 %.1f ms, p95 %.1f ms, max %.1f ms "
                        + "(%d of %d deliveries observed; the rest were overtaken by a newer version of the same candidate)%n",
                n, attempts.size(), seconds, committed, detected, occurred, lost, failures.get(),
                pct(lat, 0.5), pct(lat, 0.95), lat.isEmpty() ? 0 : lat.get(lat.size() - 1) / 1e6, seen, expected);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return Double.NaN;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
    }

    private static void openSave(PgLocation loc) throws Exception {
        Project sample = SampleProject.build();
        Path dir = Files.createTempDirectory("rs-bench");
        Path gpkg = dir.resolve("voorbeeld.gpkg");
        long[] gpSave = new long[5], gpOpen = new long[5], pgSave = new long[5], pgOpen = new long[5];
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            ProjectStore.save(sample, gpkg);
            gpSave[i] = System.nanoTime() - t;
            t = System.nanoTime();
            ProjectStore.open(gpkg);
            gpOpen[i] = System.nanoTime() - t;
            Files.delete(gpkg); // each save a fresh file, as the first save of a project
            try (ProjectStorage st = ProjectStorage.open(loc.toString(), null)) {
                t = System.nanoTime();
                st.save(sample);
                pgSave[i] = System.nanoTime() - t;
                t = System.nanoTime();
                st.load();
                pgOpen[i] = System.nanoTime() - t;
            }
        }
        long features = sample.layers().stream().mapToLong(l -> l.features().size()).sum();
        long vertices = sample.layers().stream().flatMap(l -> l.features().stream())
                .mapToLong(f -> f.geometry().getNumPoints()).sum();
        System.out.printf(Locale.ROOT, "Sample project (%d layers, %d features, %d vertices), median of 5: "
                        + "GeoPackage save %.0f ms, open %.0f ms; PostGIS save %.0f ms, open %.0f ms%n",
                sample.layers().size(), features, vertices, median(gpSave), median(gpOpen), median(pgSave), median(pgOpen));
        // The first save of a run also starts the libraries (SQLite's native library, the GeoPackage and JDBC
        // classes): shown apart so a cold figure is not read as the cost of writing the project.
        System.out.printf(Locale.ROOT, "  first (cold) of the 5: GeoPackage save %.0f ms, PostGIS save %.0f ms%n",
                gpSave[0] / 1e6, pgSave[0] / 1e6);
        Files.deleteIfExists(gpkg);
        Files.deleteIfExists(dir);
    }

    private static double median(long[] ns) {
        long[] c = ns.clone();
        Arrays.sort(c);
        return c[c.length / 2] / 1e6;
    }
}
