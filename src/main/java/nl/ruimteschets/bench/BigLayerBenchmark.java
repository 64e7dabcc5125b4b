package nl.ruimteschets.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.ModelSettings;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.io.postgis.BigLayers;
import nl.ruimteschets.io.postgis.PgConnector;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * A footprint layer too big for memory, left in PostGIS, as the app uses it: a project schema whose
 * 10,000,000-footprint table is marked to stay in the database ({@link BigLayers}), opened through
 * {@link PostgisStorage} (the layer arrives without features), the engine built once on it plus the
 * in-memory Natura 2000 (550,000 vertices), zones and contours. For three new areas it prints the first
 * answer (the tiles within the models' reach and their ring fetched through the GiST index, then the
 * computation), then a vertex drag right after arriving, beside the same drag with the footprints within
 * 6 km held in memory (run in turn, twice each: the second round compares the two on an equally warm JIT),
 * a drag of the whole candidate across tile edges (the next tiles prefetched while dragging) with
 * p50/p95/p99 and how many steps had to wait for the database, and the heap after GC. For each database
 * drag it prints what ran beside its steps ({@link StepCosts}: tile loading, GC pauses, JIT compiling);
 * {@code -Dbench.memFirst=true} runs the in-memory drag of round 1 before arriving, so the area's code paths
 * are compiled before the database path is timed: what is left of round 1's extra cost is the arrival's.
 *
 * <p>Without arguments it starts a throwaway cluster ({@code .ci/pg-cluster}, as the tests do), generates
 * the table with generate_series (printing how long that took) and stops the cluster at the end:
 * <pre>./mvnw -B -ntp -q -DskipTests package &amp;&amp; java -Xmx1g -cp target/ruimteschets.jar nl.ruimteschets.bench.BigLayerBenchmark</pre>
 * With a URL ({@code postgresql://user@host:port/db?schema=big}, password from PGPASSWORD or ~/.pgpass) it
 * uses that schema and generates the table only when missing, so one generated cluster serves many runs:
 * <pre>PGPASSWORD=$(.ci/pg-cluster start /tmp/rs-big 55714) java -Xmx1g -cp target/ruimteschets.jar \
 *     nl.ruimteschets.bench.BigLayerBenchmark 'postgresql://postgres@127.0.0.1:55714/rs_test?schema=big'
 * ... (later runs: the same java command with the same PGPASSWORD) ...; .ci/pg-cluster stop /tmp/rs-big</pre>
 */
public final class BigLayerBenchmark {
    static final String TABLE = "footprints";
    static final int ROWS = 10_000_000;

    /**
     * 10,000,000 footprints over the RD extent of the Netherlands: a jittered grid of 3,163 x 3,162 cells
     * (85 m x 95 m), each a 10-24 m by 8-20 m rectangle, deterministic (hashes of the id), in grid order
     * (so a tile's rows lie together on disk, as after CLUSTER). %1$s is the quoted schema.table.
     */
    static final String CREATE = """
            CREATE UNLOGGED TABLE %1$s AS
            SELECT i::bigint AS fid,
                   ST_MakeEnvelope(x, y, x + 10 + (h %% 15), y + 8 + ((h / 15) %% 13), 28992)::geometry(Polygon, 28992) AS geom,
                   (ARRAY['zeer kwetsbaar','beperkt kwetsbaar','kwetsbaar'])[1 + (h %% 3)] AS kwetsbaarheid
            FROM (SELECT i, 13000 + (i %% 3163) * 85.0 + (abs(hashint4(i::int)) %% 40) AS x,
                         306000 + (i / 3163) * 95.0 + (abs(hashint4(i::int + 7)) %% 40) AS y,
                         abs(hashint4(i::int + 13)) AS h
                  FROM generate_series(0, %2$d) AS i) t;
            ALTER TABLE %1$s ADD PRIMARY KEY (fid);
            CREATE INDEX ON %1$s USING gist (geom);
            """;

    private BigLayerBenchmark() { }

    public static void main(String[] args) throws Exception {
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        if (args.length > 0 && !args[0].equals("-")) {
            run(PgLocation.parse(args[0]), null, steps);
            return;
        }
        withThrowawayCluster("big", (loc, prompt) -> run(loc, prompt, steps));
    }

    /** A benchmark's work on a project location in a database. */
    @FunctionalInterface
    interface OnCluster {
        void run(PgLocation loc, PgConnector.PasswordPrompt prompt) throws Exception;
    }

    /** Runs {@code work} on schema {@code schema} of a throwaway cluster ({@code .ci/pg-cluster}), stopped afterwards. */
    static void withThrowawayCluster(String schema, OnCluster work) throws Exception {
        Path script = Path.of(".ci/pg-cluster").toAbsolutePath();
        Path dir = Files.createTempDirectory("rs-bigbench");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(script.toString(), "start", dir.toString(), String.valueOf(port)).start();
        String password = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("no throwaway cluster: " + err);
        System.out.printf(Locale.ROOT, "throwaway PostgreSQL cluster on 127.0.0.1:%d in %s%n", port, dir);
        try {
            work.run(PgLocation.parse("postgresql://postgres@127.0.0.1:" + port + "/rs_test?schema=" + schema),
                    (l, u) -> password.toCharArray());
        } finally {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /**
     * Makes the 10,000,000-footprint table in the project schema of {@code loc} unless it is there, marked to
     * stay in the database as a sensitive-object layer; a schema without a project first gets {@code project}.
     */
    static void ensureFootprints(PgLocation loc, PgConnector.PasswordPrompt prompt, Project project) throws Exception {
        PgConnector connector = new PgConnector(loc, prompt);
        try (Connection c = connector.connect()) {
            if (exists(c, loc.schema(), TABLE)) return;
            if (!exists(c, loc.schema(), "rs_layer_role")) {
                try (PostgisStorage st = PostgisStorage.connect(loc, prompt)) {
                    st.save(project); // the rs_* tables
                }
            }
            String q = quote(loc.schema()) + "." + quote(TABLE);
            long t = System.nanoTime();
            try (var st = c.createStatement()) {
                st.execute(String.format(Locale.ROOT, CREATE, q, ROWS - 1));
            }
            long t1 = System.nanoTime();
            BigLayers.keep(c, loc.schema(), TABLE, true); // measure (one pass), ANALYZE, list in rs_layer_storage
            long t2 = System.nanoTime();
            try (var ps = c.prepareStatement("INSERT INTO " + quote(loc.schema()) + ".rs_layer_role (layer_table, role, "
                    + "field_mapping, source, import_report, display_order) VALUES (?, 'SENSITIVE', ?, ?, '{}', "
                    + "(SELECT coalesce(max(display_order) + 1, 0) FROM " + quote(loc.schema()) + ".rs_layer_role))")) {
                ps.setString(1, TABLE);
                ps.setString(2, "{\"" + Layer.MAP_VULNERABILITY + "\":\"kwetsbaarheid\"}");
                ps.setString(3, "generate_series (BigLayerBenchmark)");
                ps.executeUpdate();
            }
            System.out.printf(Locale.ROOT, "generated %s: %,d footprints with primary key and GiST index in %.1f s, "
                    + "measured and analysed for the layer list in %.1f s%n", q, ROWS, (t1 - t) / 1e9, (t2 - t1) / 1e9);
        }
    }

    private static boolean exists(Connection c, String schema, String table) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT to_regclass(format('%I.%I', ?::text, ?::text)) IS NOT NULL")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void run(PgLocation loc, PgConnector.PasswordPrompt prompt, int steps) throws Exception {
        ensureFootprints(loc, prompt, new Project());
        Map<String, ActivityProfile> profiles = new LinkedHashMap<>();
        for (ActivityProfile a : ActivityCatalogue.defaults()) profiles.put(a.name(), a);
        String profile = "Chemie (Brzo)";
        List<Cluster> clusters = List.of(new Cluster("Rotterdam-Moerdijk", List.of(), 400, 1200, 300, 0.6, ""));
        try (PostgisStorage storage = PostgisStorage.connect(loc, prompt)) {
            long t0 = System.nanoTime();
            Project project = storage.load();
            double openMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            Layer big = project.layer(TABLE).orElseThrow();
            if (!big.inDatabase()) throw new IllegalStateException(TABLE + " was read into memory");
            List<Layer> layers = new ArrayList<>(project.layers());
            layers.add(BenchWorld.natura2000(new java.util.Random(8), 550_000));
            layers.add(BenchWorld.zones());
            layers.add(BenchWorld.contours());
            AnalysisContext context = new AnalysisContext(layers, ModelSettings.DEFAULTS);
            ScenarioEngine engine = new ScenarioEngine(context, Runnable::run, r -> { });
            TileCache tiles = context.tiled(LayerRole.SENSITIVE).get(0);
            System.out.printf(Locale.ROOT, "project opened in %.0f ms with %s in the database (~%,d footprints, largest %.0f m); "
                            + "engine built in %.0f ms (with the in-memory Natura 2000); tiles %.0f m, cache bound %,d features; "
                            + "max heap %d MB%n", openMs, TABLE,
                    big.featureCount(), big.remote().maxFeatureSize(), (System.nanoTime() - t0) / 1e6, tiles.tileSize(),
                    tiles.maxFeatures(), Runtime.getRuntime().maxMemory() >> 20);
            double[][] areas = {{58500, 445000}, {120000, 480000}, {190000, 330000}};
            long version = 1;
            // The first computation of a session loads kernels and tables and compiles: not an area's cost.
            long w = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                engine.compute(snapshot(EngineBenchmark.candidate("a", 240_000 + i * 500, 620_000, 0, profile), profiles, clusters), version++);
            }
            System.out.printf(Locale.ROOT, "engine warm-up (20 candidates north of the footprints, tiles there empty): %.0f ms%n",
                    (System.nanoTime() - w) / 1e6);
            for (double[] at : areas) {
                Candidate first = EngineBenchmark.candidate("a", at[0], at[1], 0, profile);
                double[][] db = new double[2][], memory = new double[2][];
                // -Dbench.memFirst=true: the in-memory drag runs before arriving, so this area's code paths
                // (overlays with its zones, its kernels) are compiled before the database path is timed.
                boolean memFirst = Boolean.getBoolean("bench.memFirst");
                Mem mem = memFirst ? Mem.of(big, first, layers, tiles.tileSize()) : null;
                if (memFirst) {
                    mem.engine().compute(snapshot(first, profiles, clusters), version++);
                    memory[0] = vertexDrag(mem.engine(), at, profile, profiles, clusters, steps, version, null);
                    version += steps;
                }
                long fetched = tiles.fetchedTiles();
                long a = System.nanoTime();
                ScenarioResult r = engine.compute(snapshot(first, profiles, clusters), version++);
                double firstMs = (System.nanoTime() - a) / 1e6;
                System.out.printf(Locale.ROOT, "new area (%.0f, %.0f): first answer %.0f ms (goal <= 1000 ms), %d tiles fetched, "
                                + "%,d footprints cached; %d in the gifwolk area, %d in the noise contour%n", at[0], at[1], firstMs,
                        tiles.fetchedTiles() - fetched, tiles.cachedFeatures(), r.candidates().get(0).safety().gifwolkCount(),
                        r.candidates().get(0).noise().sensitiveCount());
                // Right after arriving, as a planner would: the first drag starts at once.
                long waits = tiles.waits();
                StepCosts[] costs = {new StepCosts(), new StepCosts()};
                db[0] = vertexDrag(engine, at, profile, profiles, clusters, steps, version, costs[0]);
                version += steps;
                if (!memFirst) {
                    mem = Mem.of(big, first, layers, tiles.tileSize());
                    mem.engine().compute(snapshot(first, profiles, clusters), version++);
                    memory[0] = vertexDrag(mem.engine(), at, profile, profiles, clusters, steps, version, null);
                    version += steps;
                }
                db[1] = vertexDrag(engine, at, profile, profiles, clusters, steps, version, costs[1]);
                version += steps;
                memory[1] = vertexDrag(mem.engine(), at, profile, profiles, clusters, steps, version, null);
                version += steps;
                long dbWaits = tiles.waits() - waits;
                for (int round = 0; round < 2; round++) {
                    System.out.printf(Locale.ROOT, "  vertex drag (%d steps of 5 m), round %d%s: database %s | in memory %s  (goal p95 <= 16 ms)%n",
                            steps, round + 1, round == 0 ? " (right after arriving)" : "", figures(db[round]), figures(memory[round]));
                    System.out.printf(Locale.ROOT, "    database round %d: %s%n", round + 1, costs[round].summary());
                }
                System.out.printf(Locale.ROOT, "  %d database steps waited for the database; in memory%s: %,d footprints within 6 km%n",
                        dbWaits, memFirst ? " (dragged first, before arriving)" : "", mem.footprints());
                // The whole candidate dragged 30 m a step east: 9 km over 300 steps, across nine tile edges.
                double[] move = new double[steps];
                waits = tiles.waits();
                for (int i = 0; i < steps; i++) {
                    Candidate moved = first.withGeometry(AffineTransformation.translationInstance(30.0 * (i + 1), 0)
                            .transform(first.geometry()));
                    long s = System.nanoTime();
                    engine.compute(snapshot(moved, profiles, clusters), version++);
                    move[i] = (System.nanoTime() - s) / 1e6;
                }
                print("move drag", steps + " steps of 30 m", move, tiles.waits() - waits);
            }
            System.gc();
            long heap = EngineBenchmark.usedHeap();
            System.out.printf(Locale.ROOT, "heap in use after GC %d MB (goal < 1024 MB); %,d footprints in %d cached tiles, "
                            + "%d tiles fetched in %d queries%n", heap >> 20, tiles.cachedFeatures(),
                    tiles.cachedTiles(), tiles.fetchedTiles(), tiles.queries());
        }
    }

    /** The 300-step vertex drag at {@code at}: each step's time in ms; {@code costs}, when given, samples what ran beside each step. */
    private static double[] vertexDrag(ScenarioEngine engine, double[] at, String profile, Map<String, ActivityProfile> profiles,
                                       List<Cluster> clusters, int steps, long version, StepCosts costs) {
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            Candidate dragged = EngineBenchmark.candidate("a", at[0], at[1], (i + 1) % 60 * 5.0, profile);
            if (costs != null) costs.before();
            long s = System.nanoTime();
            engine.compute(snapshot(dragged, profiles, clusters), version + i);
            ms[i] = (System.nanoTime() - s) / 1e6;
            if (costs != null) costs.after(ms[i]);
        }
        return ms;
    }

    /**
     * The comparison: an engine with the footprints within 6 km of the candidate held in memory (as an
     * imported layer would be), read in one query straight from the table, so the engine's tile cache
     * queues nothing more.
     */
    private record Mem(ScenarioEngine engine, int footprints) {
        static Mem of(Layer big, Candidate first, List<Layer> layers, double tileSize) throws Exception {
            List<Feature> near = within(big, first, 6_000, tileSize);
            List<Layer> memLayers = new ArrayList<>(layers);
            memLayers.set(memLayers.indexOf(big), big.inMemory(near));
            return new Mem(new ScenarioEngine(new AnalysisContext(memLayers, ModelSettings.DEFAULTS), Runnable::run, done -> { }),
                    near.size());
        }
    }

    /** The footprints anchored in the tiles within {@code reach} of the candidate, read in one query (no cache, no prefetch). */
    private static List<Feature> within(Layer big, Candidate c, double reach, double tileSize) throws Exception {
        Envelope e = new Envelope(c.geometry().getEnvelopeInternal());
        e.expandBy(reach);
        double margin = big.remote().maxFeatureSize();
        List<long[]> keys = new ArrayList<>();
        for (long x = (long) Math.floor((e.getMinX() - margin) / tileSize); x <= (long) Math.floor(e.getMaxX() / tileSize); x++) {
            for (long y = (long) Math.floor((e.getMinY() - margin) / tileSize); y <= (long) Math.floor(e.getMaxY() / tileSize); y++) {
                keys.add(new long[] {x, y});
            }
        }
        List<Feature> out = new ArrayList<>();
        big.remote().tiles(tileSize, keys).values().forEach(out::addAll);
        return out;
    }

    private static String figures(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %5.2f / p95 %5.2f / p99 %5.2f ms",
                EngineBenchmark.pct(sorted, 50), EngineBenchmark.pct(sorted, 95), EngineBenchmark.pct(sorted, 99));
    }

    /** @param waits steps that waited for the database, or -1 when the layer is in memory */
    private static void print(String what, String how, double[] ms, long waits) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s (%s): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (goal p95 <= 16 ms)%s%n", what, how,
                EngineBenchmark.pct(sorted, 50), EngineBenchmark.pct(sorted, 95), EngineBenchmark.pct(sorted, 99),
                waits < 0 ? "" : "; " + waits + " steps waited for the database");
    }

    private static String quote(String ident) {
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    private static ScenarioEngine.Snapshot snapshot(Candidate c, Map<String, ActivityProfile> profiles, List<Cluster> clusters) {
        return new ScenarioEngine.Snapshot(List.of(c), profiles, clusters);
    }
}
