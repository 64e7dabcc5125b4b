package nl.ruimteschets.io.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * A sensitive-object layer that stays in PostGIS ({@link BigLayers}, {@link PostgisTiledLayer}, the
 * engine's {@link TileCache}) against the same layer in memory, on a throwaway cluster.
 */
class BigLayerTest {
    private static int schemas;

    private static synchronized String freshSchema() {
        return "big" + ProcessHandle.current().pid() + "_" + (schemas++);
    }

    /**
     * 12,000 buildings around (60000, 445000): 10-40 m footprints with a vulnerability class and a name,
     * and 40 housing blocks up to 350 m wide, so features reach across tile edges.
     */
    static Layer buildings() {
        Random rnd = new Random(14);
        String[] classes = {"zeer kwetsbaar", "kwetsbaar", "beperkt kwetsbaar"};
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < 12_040; i++) {
            double x = 54_000 + rnd.nextDouble() * 12_000, y = 439_000 + rnd.nextDouble() * 12_000;
            double w = i < 12_000 ? 10 + rnd.nextDouble() * 30 : 100 + rnd.nextDouble() * 250;
            double h = i < 12_000 ? 10 + rnd.nextDouble() * 30 : 100 + rnd.nextDouble() * 250;
            fs.add(new Feature(i + 1, Rd.FACTORY.toGeometry(new Envelope(x, x + w, y, y + h)),
                    new Object[] {classes[rnd.nextInt(3)], "object " + (i + 1)}));
        }
        return new Layer("gebouwen", LayerRole.SENSITIVE, List.of(new Field("klasse", FieldType.TEXT), new Field("naam", FieldType.TEXT)),
                fs, Map.of(Layer.MAP_VULNERABILITY, "klasse", Layer.MAP_NAME, "naam"), "test", null);
    }

    /** A project schema holding the buildings, marked to stay in the database; returns its storage. */
    private static String bigSchema(PostgisTestServer pg, Layer layer) throws Exception {
        String schema = freshSchema();
        Project p = new Project();
        p.putLayer(layer);
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            st.save(p);
        }
        try (Connection c = pg.admin()) {
            BigLayers.keep(c, schema, layer.name(), true);
        }
        return schema;
    }

    /** The layer as a project in a fresh schema gives it back when opened: marked to stay in the database. */
    private static Layer reopened(Layer layer) throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = bigSchema(pg, layer);
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            return st.load().layer(layer.name()).orElseThrow();
        }
    }

    private static Candidate candidate(String id, double x, double y, double dx) {
        double side = 900;
        return new Candidate(id, id, CandidateKind.EXPANSION, "C", Rd.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side + dx, y + side),
            new Coordinate(x, y + side), new Coordinate(x, y)}), 0, null, null, "");
    }

    private static List<CandidateResult> compute(List<Layer> layers, List<Candidate> cands, String profile) {
        Map<String, ActivityProfile> profiles = new LinkedHashMap<>();
        for (ActivityProfile a : ActivityCatalogue.defaults()) profiles.put(a.name(), a);
        List<Candidate> withProfile = cands.stream().map(c -> new Candidate(c.id(), c.name(), c.kind(), c.parentCluster(),
                c.geometry(), 0, profile, null, "")).toList();
        ScenarioEngine engine = new ScenarioEngine(new AnalysisContext(layers), Runnable::run, r -> { });
        return engine.compute(new ScenarioEngine.Snapshot(withProfile, profiles,
                List.of(new Cluster("C", List.of(), 100, 200, 50, 0.6, ""))), 1).candidates();
    }

    @Test
    void aLayerInTheDatabaseGivesTheSameIndicatorsAsInMemory() throws Exception {
        Layer memory = buildings();
        Layer inDb = reopened(memory);
        assertTrue(inDb.inDatabase(), "a layer marked in rs_layer_storage stays in the database");
        assertTrue(inDb.features().isEmpty(), "nothing of it is read into memory");
        assertEquals(12_040, inDb.featureCount());
        assertTrue(inDb.remote().maxFeatureSize() >= 100, "the housing blocks are measured: " + inDb.remote().maxFeatureSize());

        List<Candidate> cands = List.of(candidate("a", 59_000, 444_000, 0), candidate("b", 61_700, 446_300, 120),
                candidate("c", 53_000, 438_500, 40), candidate("d", 65_500, 450_400, 0));
        for (String profile : List.of("Chemie (Brzo)", "Tankopslag", "Lichte bedrijvigheid / logistiek (dag)")) {
            List<CandidateResult> a = compute(List.of(memory), cands, profile);
            List<CandidateResult> b = compute(List.of(inDb), cands, profile);
            for (int i = 0; i < cands.size(); i++) {
                var sa = a.get(i).safety();
                var sb = b.get(i).safety();
                String what = profile + " candidate " + cands.get(i).id();
                assertEquals(sa.limitConflicts(), sb.limitConflicts(), what + ": PR conflicts");
                assertEquals(sa.weighCount(), sb.weighCount(), what);
                assertEquals(sa.brandCount(), sb.brandCount(), what);
                assertEquals(sa.explosieCount(), sb.explosieCount(), what);
                assertEquals(sa.gifwolkCount(), sb.gifwolkCount(), what);
                assertEquals(sa.prConstrainedHa(), sb.prConstrainedHa(), 1e-9, what);
                assertEquals(a.get(i).noise().sensitiveCount(), b.get(i).noise().sensitiveCount(), what + ": noise");
                assertEquals(a.get(i).noise().sensitiveHa(), b.get(i).noise().sensitiveHa(), 1e-6, what + ": noise ha");
                assertEquals(a.get(i).netHa(), b.get(i).netHa(), 1e-9, what + ": net ha");
            }
        }
        // The check is not empty: the near candidate has objects in every contour.
        CandidateResult near = compute(List.of(inDb), cands, "Chemie (Brzo)").get(0);
        assertTrue(near.safety().gifwolkCount() > 100 && near.safety().weighCount() + near.safety().limitConflicts().size() > 0,
                "objects around the candidate: " + near.safety());
    }

    @Test
    void thePlannerChoosesWhereALayerStays() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = bigSchema(pg, buildings());
        PgLocation loc = PgLocation.parse(pg.url(schema));
        BigLayers.mark(loc, pg.prompt(), "gebouwen", false);
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            Layer l = st.load().layer("gebouwen").orElseThrow();
            assertFalse(l.inDatabase(), "marked to be read into memory");
            assertEquals(12_040, l.features().size());
        }
        BigLayers.mark(loc, pg.prompt(), "gebouwen", true);
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            assertTrue(st.load().layer("gebouwen").orElseThrow().inDatabase(), "marked to stay in the database again");
        }
        nl.ruimteschets.model.InputException e = assertThrows(nl.ruimteschets.model.InputException.class,
                () -> BigLayers.mark(loc, pg.prompt(), "bestaat niet", true));
        assertTrue(e.getMessage().contains("bestaat niet"), e.getMessage());
    }

    @Test
    void theTileCacheStaysWithinItsBoundAndStillFindsEverything() throws Exception {
        Layer memory = buildings();
        Layer inDb = reopened(memory);
        LayerIndex all = new LayerIndex(memory);
        TileCache cache = new TileCache(inDb, 500, 3_000);
        Random rnd = new Random(3);
        for (int i = 0; i < 40; i++) {
            double x = 54_000 + rnd.nextDouble() * 11_000, y = 439_000 + rnd.nextDouble() * 11_000;
            Envelope area = new Envelope(x, x + 1_200, y, y + 1_200);
            Set<Long> got = new HashSet<>();
            int n = 0;
            for (LayerIndex li : cache.near(area)) {
                for (Feature f : li.candidates(area)) {
                    got.add(f.id());
                    n++;
                }
            }
            Set<Long> expected = new HashSet<>();
            for (Feature f : all.candidates(area)) expected.add(f.id());
            assertEquals(expected, got, "area " + i);
            assertEquals(got.size(), n, "no feature twice");
            assertTrue(cache.cachedFeatures() <= cache.maxFeatures(),
                    "cache holds " + cache.cachedFeatures() + " features, bound " + cache.maxFeatures());
        }
        assertTrue(cache.fetchedTiles() > cache.cachedTiles(), "tiles were dropped and fetched again");
    }

    @Test
    void aBigTableStaysInTheDatabaseAndIsKeptOnSaveAndStreamedIntoAFile(@TempDir Path dir) throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = freshSchema();
        Project p = new Project();
        p.putLayer(buildings());
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            st.save(p);
        }
        String before = System.getProperty("ruimteschets.pg.inDatabaseAbove");
        System.setProperty("ruimteschets.pg.inDatabaseAbove", "5000");
        Project opened;
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            opened = st.load();
            assertTrue(opened.layer("gebouwen").orElseThrow().inDatabase(), "12,040 rows > 5,000: stays in the database");
            st.save(opened); // Save of the whole project keeps the table where it is
        } finally {
            if (before == null) System.clearProperty("ruimteschets.pg.inDatabaseAbove");
            else System.setProperty("ruimteschets.pg.inDatabaseAbove", before);
        }
        try (Connection c = pg.admin(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM \"" + schema + "\".gebouwen), "
                     + "(SELECT in_database FROM \"" + schema + "\".rs_layer_storage WHERE layer_table = 'gebouwen')")) {
            rs.next();
            assertEquals(12_040, rs.getLong(1), "the table survived Save");
            assertTrue(rs.getBoolean(2), "listed in rs_layer_storage, so it stays with the default threshold too");
        }
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            assertTrue(st.load().layer("gebouwen").orElseThrow().inDatabase());
        }
        // Saved as a file, the table is streamed into it and stays out of memory there too.
        Path file = dir.resolve("kopie.gpkg");
        ProjectStore.save(opened, file);
        Layer inFile = ProjectStore.open(file).layer("gebouwen").orElseThrow();
        assertTrue(inFile.inDatabase(), "marked in the file's rs_layer_storage");
        assertEquals(12_040, inFile.featureCount());
    }
}
