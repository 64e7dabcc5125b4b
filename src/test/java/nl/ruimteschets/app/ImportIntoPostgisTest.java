package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.StreamedLayer;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import FILE} into a PostGIS project as a GIS colleague runs it: streamed into a new table in one
 * transaction; above the in-database threshold the layer stays in the database with all rows and values; a file
 * that breaks halfway leaves no half table and the project as it was. Skipped without a PostgreSQL server.
 */
class ImportIntoPostgisTest {
    @TempDir Path dir;

    @AfterEach
    void reset() {
        System.clearProperty("org.postgresql.pgpassfile");
        System.clearProperty("ruimteschets.pg.inDatabaseAbove");
    }

    @Test
    void aBigFileBecomesADatabaseLayerAndABrokenOneLeavesNothing() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        pg.usePgpassIn(dir);
        System.setProperty("ruimteschets.pg.inDatabaseAbove", "1000");

        // the source: a GeoPackage table of 4,000 buildings (one without a geometry, which an import skips)
        Project src = new Project();
        src.putLayer(CopyDatabaseLayerTest.buildings());
        Path file = dir.resolve("panden.gpkg");
        ProjectStore.save(src, file);
        Layer source = ProjectStore.open(file).layer("gebouwen").orElseThrow();

        String schema = "pgimport_" + ProcessHandle.current().pid();
        String url = pg.url(schema);
        CliTest.Run run = CliTest.cli("import", url, file.toString(), "--role", "SENSITIVE", "--table", "gebouwen");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("3999") || run.out().contains("3.999") || run.out().contains("3,999"), run.out());

        Project there;
        try (ProjectStorage s = ProjectStorage.open(url, pg.prompt())) {
            there = s.load();
        }
        Layer imported = there.layer("panden").orElseThrow();
        assertTrue(imported.inDatabase(), "above the threshold the layer stays in the database");
        assertTrue(imported.features().isEmpty());
        assertEquals(3_999, imported.featureCount());
        assertEquals(source.fields(), imported.fields());
        Map<Long, Feature> byId = new HashMap<>();
        ((StreamedLayer) imported.remote()).scan(f -> byId.put(f.id(), f), ProgressListener.NONE);
        assertEquals(3_999, byId.size());
        for (Feature f : source.features()) {
            if (f.geometry() == null) continue;
            Feature g = byId.get(f.id());
            assertTrue(g != null && g.geometry().equalsExact(f.geometry()), "geometry of " + f.id());
            assertEquals(java.util.Arrays.asList(f.values()), java.util.Arrays.asList(g.values()), "values of " + f.id());
        }
        try (Connection c = pg.admin(); ResultSet rs = c.createStatement().executeQuery("SELECT "
                + "(SELECT type FROM geometry_columns WHERE f_table_schema = '" + schema + "' AND f_table_name = 'panden'), "
                + "(SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema + "' AND tablename = 'panden' AND indexdef LIKE '%gist%'), "
                + "(SELECT in_database FROM " + schema + ".rs_layer_storage WHERE layer_table = 'panden'), "
                + "(SELECT count(*) FROM public.layer_styles WHERE f_table_schema = '" + schema + "' AND f_table_name = 'panden'), "
                + "(SELECT role FROM " + schema + ".rs_layer_role WHERE layer_table = 'panden'), "
                + "(SELECT Find_SRID('" + schema + "', 'panden', 'geom'))")) {
            rs.next();
            assertEquals("MULTIPOLYGON", rs.getString(1), "one geometry type, as QGIS wants");
            assertEquals(1, rs.getInt(2), "GiST index");
            assertTrue(rs.getBoolean(3), "marked to stay in the database");
            assertEquals(1, rs.getInt(4), "QGIS style");
            assertEquals("SENSITIVE", rs.getString(5));
            assertEquals(28992, rs.getInt(6));
        }

        // below the threshold the same file is an ordinary layer, read into memory when the project opens
        System.setProperty("ruimteschets.pg.inDatabaseAbove", "10000");
        CliTest.Run small = CliTest.cli("import", url, file.toString(), "--role", "SENSITIVE", "--table", "gebouwen", "--layer", "klein");
        assertEquals(0, small.code(), small.err());
        try (ProjectStorage s = ProjectStorage.open(url, pg.prompt())) {
            Layer klein = s.load().layer("klein").orElseThrow();
            assertFalse(klein.inDatabase());
            assertEquals(3_999, klein.features().size());
        }

        // the same file with a damaged geometry two thirds in: the import fails after streaming rows, and rolls back
        Path broken = dir.resolve("kapot.gpkg");
        Files.copy(file, broken);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + broken); Statement st = c.createStatement()) {
            // the R-tree triggers call GeoPackage functions plain SQLite lacks: a hand edit without them
            List<String> triggers = new java.util.ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
                while (rs.next()) triggers.add(rs.getString(1));
            }
            for (String t : triggers) st.executeUpdate("DROP TRIGGER \"" + t + "\"");
            st.executeUpdate("UPDATE gebouwen SET geom = X'4750000100000000DEADBEEF' WHERE fid = 2700");
        }
        CliTest.Run bad = CliTest.cli("import", url, broken.toString(), "--role", "SENSITIVE", "--table", "gebouwen");
        assertNotEquals(0, bad.code());
        assertFalse((bad.out() + bad.err()).contains("Exception"), bad.err());
        assertTrue(bad.err().contains("2.700") && bad.err().contains("kapot.gpkg"), "the message names the damaged object: " + bad.err());
        String messageLine = bad.err().lines().filter(l -> l.contains("kapot.gpkg")).findFirst().orElseThrow();
        assertFalse(messageLine.contains("%)"), "the message starts on a line of its own, not after the progress: " + bad.err());
        try (Connection c = pg.admin(); ResultSet rs = c.createStatement().executeQuery("SELECT "
                + "(SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = 'kapot'), "
                + "(SELECT count(*) FROM " + schema + ".rs_layer_role WHERE layer_table = 'kapot')")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no half table");
            assertEquals(0, rs.getInt(2), "no role row");
        }
        try (ProjectStorage s = ProjectStorage.open(url, pg.prompt())) {
            assertEquals(List.of("panden", "klein"), s.load().layers().stream().map(Layer::name).toList(), "the project as it was");
        }
    }
}
