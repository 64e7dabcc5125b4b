package nl.ruimteschets.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.io.postgis.PgConnector;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.io.postgis.PostgisTiledLayer;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Envelope;

/**
 * A footprint layer too big for memory, left in PostGIS: for a candidate in a new area the footprints
 * within the models' reach come from the table's GiST index by tile ({@link PostgisTiledLayer}), the engine
 * is built on that window plus the in-memory Natura 2000 (550,000 vertices), zones and contours, and a
 * vertex drag then runs on memory alone. Prints the first answer (fetch, engine build, first compute) for
 * three new areas, drag p50/p95 and heap. A missing table is made first ({@link #CREATE}: 10,000,000 rows
 * by generate_series, a GiST index; minutes).
 *
 * <pre>PGPASSWORD=… java -Xmx1g -cp target/ruimteschets.jar nl.ruimteschets.bench.BigLayerBenchmark \
 *     'postgresql://postgres@127.0.0.1:5432/db?schema=big' footprints 300</pre>
 */
public final class BigLayerBenchmark {
    /** Reach of the models around a candidate for sensitive objects (gifwolk 1.5 km, noise contours a few km). */
    static final double REACH_M = 4000;
    /** Extra margin fetched so a drag of a few hundred metres needs no new fetch. */
    static final double SLACK_M = 1000;

    /**
     * 10,000,000 footprints over the RD extent of the Netherlands: a jittered grid of 3,163 x 3,162 cells
     * (85 m x 95 m), each a 10-24 m by 8-20 m rectangle, deterministic (hashes of the id). %1$s is the
     * quoted schema.table, %2$s the quoted schema.
     */
    static final String CREATE = """
            CREATE SCHEMA IF NOT EXISTS %2$s;
            CREATE UNLOGGED TABLE %1$s AS
            SELECT i AS fid,
                   ST_MakeEnvelope(x, y, x + 10 + (h %% 15), y + 8 + ((h / 15) %% 13), 28992) AS geom,
                   (ARRAY['zeer kwetsbaar','beperkt kwetsbaar','kwetsbaar'])[1 + (h %% 3)] AS kwetsbaarheid
            FROM (SELECT i, 13000 + (i %% 3163) * 85.0 + (abs(hashint4(i::int)) %% 40) AS x,
                         306000 + (i / 3163) * 95.0 + (abs(hashint4(i::int + 7)) %% 40) AS y,
                         abs(hashint4(i::int + 13)) AS h
                  FROM generate_series(0, 9999999) AS i) t;
            ALTER TABLE %1$s ADD PRIMARY KEY (fid);
            CREATE INDEX ON %1$s USING gist (geom);
            ANALYZE %1$s;
            """;

    private BigLayerBenchmark() { }

    public static void main(String[] args) throws Exception {
        PgLocation loc = PgLocation.parse(args[0]);
        String table = args.length > 1 ? args[1] : "footprints";
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        List<Layer> rest = new ArrayList<>();
        rest.add(BenchWorld.natura2000(new java.util.Random(8), 550_000));
        rest.add(BenchWorld.zones());
        rest.add(BenchWorld.contours());
        Map<String, ActivityProfile> profiles = new java.util.LinkedHashMap<>();
        for (ActivityProfile p : ActivityCatalogue.defaults()) profiles.put(p.name(), p);
        String profile = "Chemie (Brzo)";
        List<Cluster> clusters = List.of(new Cluster("Rotterdam-Moerdijk", List.of(), 400, 1200, 300, 0.6, ""));
        try (Connection c = new PgConnector(loc, null).connect()) {
            boolean exists;
            try (var ps = c.prepareStatement("SELECT to_regclass(format('%I.%I', ?::text, ?::text)) IS NOT NULL")) {
                ps.setString(1, loc.schema());
                ps.setString(2, table);
                try (var rs = ps.executeQuery()) {
                    exists = rs.next() && rs.getBoolean(1);
                }
            }
            if (!exists) {
                long t = System.nanoTime();
                String q = quote(loc.schema()) + "." + quote(table);
                try (var st = c.createStatement()) {
                    st.execute(String.format(CREATE, q, quote(loc.schema())));
                }
                System.out.printf(Locale.ROOT, "made %s with 10,000,000 footprints and a GiST index in %.0f s%n", q,
                        (System.nanoTime() - t) / 1e9);
            }
            long rows;
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE oid = "
                    + "to_regclass('" + loc.schema().replace("'", "''") + "." + table.replace("'", "''") + "')")) {
                rows = rs.next() ? rs.getLong(1) : -1;
            }
            System.out.printf(Locale.ROOT, "PostGIS table %s.%s: ~%,d footprints; reach %.0f m + slack %.0f m; max heap %d MB%n",
                    loc.schema(), table, rows, REACH_M, SLACK_M, Runtime.getRuntime().maxMemory() >> 20);
            PostgisTiledLayer big = new PostgisTiledLayer(c, loc.schema(), table, List.of("kwetsbaarheid"),
                    LayerRole.SENSITIVE, Map.of(Layer.MAP_VULNERABILITY, "kwetsbaarheid"), 1000, 100, 400);
            double[][] areas = {{58500, 445000}, {120000, 480000}, {190000, 330000}};
            double[] ms = new double[steps];
            for (double[] at : areas) {
                long t0 = System.nanoTime();
                Candidate first = EngineBenchmark.candidate("a", at[0], at[1], 0, profile);
                Envelope area = new Envelope(first.geometry().getEnvelopeInternal());
                area.expandBy(REACH_M + SLACK_M);
                Layer window = big.window(area);
                long t1 = System.nanoTime();
                List<Layer> layers = new ArrayList<>(rest);
                layers.add(0, window);
                ScenarioEngine engine = new ScenarioEngine(new AnalysisContext(layers), Runnable::run, r -> { });
                long t2 = System.nanoTime();
                ScenarioResult r = engine.compute(snapshot(first, profiles, clusters), 1);
                long t3 = System.nanoTime();
                System.out.printf(Locale.ROOT, "new area (%.0f, %.0f): first answer %.0f ms = fetch %.0f ms (%,d footprints, "
                                + "%d tiles fetched so far) + engine build %.0f ms + compute %.0f ms; %d objects in the gifwolk area%n",
                        at[0], at[1], (t3 - t0) / 1e6, (t1 - t0) / 1e6, window.features().size(), big.fetchedTiles(),
                        (t2 - t1) / 1e6, (t3 - t2) / 1e6, r.candidates().get(0).safety().gifwolkCount());
                int warm = 50;
                for (int i = -warm; i < steps; i++) {
                    Candidate dragged = EngineBenchmark.candidate("a", at[0], at[1], (i + warm) % 60 * 5.0, profile);
                    long a = System.nanoTime();
                    // the window still covers the reach (the drag stays within the slack): memory only
                    Envelope need = new Envelope(dragged.geometry().getEnvelopeInternal());
                    need.expandBy(REACH_M);
                    if (!area.contains(need)) throw new IllegalStateException("drag left the fetched area");
                    engine.compute(snapshot(dragged, profiles, clusters), i + warm + 2);
                    if (i >= 0) ms[i] = (System.nanoTime() - a) / 1e6;
                }
                double[] sorted = ms.clone();
                Arrays.sort(sorted);
                System.gc();
                long heap = EngineBenchmark.usedHeap();
                System.out.printf(Locale.ROOT, "  drag of a vertex (%d steps of 5 m): p50 %.2f ms, p95 %.2f ms (goal p95 <= 16 ms); "
                        + "heap in use %d MB%n", steps, EngineBenchmark.pct(sorted, 50), EngineBenchmark.pct(sorted, 95), heap >> 20);
            }
        }
    }

    private static String quote(String ident) {
        return '"' + ident.replace("\"", "\"\"") + '"';
    }

    private static ScenarioEngine.Snapshot snapshot(Candidate dragged, Map<String, ActivityProfile> profiles, List<Cluster> clusters) {
        return new ScenarioEngine.Snapshot(List.of(dragged), profiles, clusters);
    }
}
