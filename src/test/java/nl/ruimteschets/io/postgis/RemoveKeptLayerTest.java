package nl.ruimteschets.io.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.LayerChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a layer that stays outside memory (PostGIS table or GeoPackage table read through its R-tree) and
 * undoing or redoing that: every row comes back, with its mark, in the planner's window and a colleague's.
 * Against a throwaway PostGIS cluster.
 */
class RemoveKeptLayerTest {
    private static final String LAYER = "gebouwen";

    @TempDir
    Path dir;

    /** A project schema with the 12,040 test buildings marked to stay in the database. */
    private static String keptSchema(PostgisTestServer pg, String schema) throws Exception {
        pg.sql("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        Project p = new Project();
        p.putLayer(BigLayerTest.buildings());
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            st.save(p);
        }
        try (Connection c = pg.admin()) {
            BigLayers.keep(c, schema, LAYER, true);
        }
        return schema;
    }

    private static PostgisStorage open(PostgisTestServer pg, String schema) throws Exception {
        return (PostgisStorage) ProjectStorage.open(pg.url(schema), pg.prompt());
    }

    /** Row count and an md5 over every row as text (key, attributes, geometry), or "absent" when the table is gone. */
    private static String rows(PostgisTestServer pg, String schema, String table) throws Exception {
        try (Connection c = pg.admin()) {
            if (!PgSql.tableExists(c, schema, table)) return "absent";
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), md5(string_agg(t::text, ',' ORDER BY fid)) FROM "
                    + PgSql.table(schema, table) + " t"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + " rows, md5 " + rs.getString(2);
            }
        }
    }

    private static String mark(PostgisTestServer pg, String schema, String table) throws Exception {
        try (Connection c = pg.admin(); PreparedStatement ps = c.prepareStatement("SELECT in_database, feature_count FROM "
                + PgSql.table(schema, BigLayers.STORAGE) + " WHERE layer_table = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? "in_database=" + rs.getBoolean(1) + " count=" + rs.getLong(2) : "none";
            }
        }
    }

    private static long styleRows(PostgisTestServer pg, String schema) throws Exception {
        try (Connection c = pg.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM public.layer_styles WHERE f_table_schema = ? AND f_table_name LIKE '%gebouwen%'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The layer changes a colleague's window received (its feed wraps them). */
    private static List<Change> layerChanges(List<Change> received) {
        List<Change> out = new ArrayList<>();
        for (Change c : received) out.add(c instanceof RemoteChanges.Tolerant t ? t.change() : c);
        out.removeIf(c -> !(c instanceof LayerChanges.Add || c instanceof LayerChanges.Remove));
        return out;
    }

    @Test
    void removingAKeptLayerAndUndoingItGivesBackEveryRowInBothWindows() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = keptSchema(pg, "rmkept" + ProcessHandle.current().pid());
        String before = rows(pg, schema, LAYER);
        assertTrue(before.startsWith("12040 rows"), before);
        try (PostgisStorage planner = open(pg, schema); PostgisStorage colleague = open(pg, schema)) {
            Project mine = planner.load();
            Project theirs = colleague.load();
            Layer kept = mine.layer(LAYER).orElseThrow();
            assertTrue(kept.inDatabase() && kept.features().isEmpty(), "the layer stays in the database");
            List<Change> received = new CopyOnWriteArrayList<>();
            colleague.subscribe(received::addAll, s -> { });

            // remove: as the layer panel does (the model first, then the store)
            Change undo = new LayerChanges.Remove(LAYER).apply(mine);
            planner.write(new LayerChanges.Remove(LAYER), false);
            assertEquals("absent", rows(pg, schema, LAYER), "the layer's table is no longer listed under its name");
            assertEquals(0, styleRows(pg, schema), "QGIS finds no style for a removed layer");
            PostgisStorageTest.waitFor(() -> layerChanges(received).size() == 1, "the colleague hears of the removal");
            Change gone = layerChanges(received).get(0);
            assertEquals(new LayerChanges.Remove(LAYER), gone);
            received.get(0).apply(theirs);
            assertTrue(theirs.layer(LAYER).isEmpty());
            try (ProjectStorage fresh = open(pg, schema)) {
                Project p = fresh.load();
                assertTrue(p.layers().isEmpty(), "a window opened now lists neither the layer nor its hidden copy: " + p.layers());
            }

            // undo: the same Layer object (no features in memory) comes back with every row and its mark
            Change redo = undo.apply(mine);
            planner.write(undo, true);
            assertEquals(before, rows(pg, schema, LAYER), "every row back");
            assertEquals("in_database=true count=12040", mark(pg, schema, LAYER), "the layer is still marked to stay");
            assertEquals(1, styleRows(pg, schema), "QGIS finds the style again");
            PostgisStorageTest.waitFor(() -> layerChanges(received).size() == 2, "the colleague hears of the undo");
            Change back = layerChanges(received).get(1);
            Layer theirsBack = ((LayerChanges.Add) back).layer();
            assertTrue(theirsBack.inDatabase(), "the colleague's layer stays in the database too");
            assertEquals(12_040, theirsBack.featureCount());
            try (ProjectStorage fresh = open(pg, schema)) {
                Layer l = fresh.load().layer(LAYER).orElseThrow();
                assertTrue(l.inDatabase());
                assertEquals(12_040, l.featureCount());
            }

            // redo: gone again, for both
            redo.apply(mine);
            planner.write(redo, true);
            assertEquals("absent", rows(pg, schema, LAYER));
            PostgisStorageTest.waitFor(() -> layerChanges(received).size() == 3, "the colleague hears of the redo");
            assertEquals(new LayerChanges.Remove(LAYER), layerChanges(received).get(2));

            // a second undo still finds it
            planner.write(new LayerChanges.Add(kept, 0), true);
            assertEquals(before, rows(pg, schema, LAYER), "every row back after remove, undo, redo, undo");
        }
    }

    @Test
    void anUndoWithNothingToBringBackIsRefusedInWordsNotAnEmptyTable() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = keptSchema(pg, "rmgone" + ProcessHandle.current().pid());
        try (PostgisStorage planner = open(pg, schema)) {
            Layer kept = planner.load().layer(LAYER).orElseThrow();
            planner.write(new LayerChanges.Remove(LAYER), false);
            // someone cleaned up the hidden copy by hand
            pg.sql("DROP TABLE \"" + schema + "\".\"" + PgRemovedLayers.hiddenName(LAYER) + "\"");
            InputException e = assertThrows(InputException.class, () -> planner.write(new LayerChanges.Add(kept, 0), true));
            assertEquals("pg.layer.removed.gone", e.userMessage().key());
            assertEquals("absent", rows(pg, schema, LAYER), "no empty table in the layer's place");
        }
    }

    @Test
    void hiddenNamesFitPostgresIdentifiers() {
        String longName = "ééééééééééééééééééééééééééééééééééééééééééééééééééééééé";
        String hidden = PgRemovedLayers.hiddenName(longName);
        assertTrue(hidden.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 63, hidden);
        assertFalse(hidden.equals(PgRemovedLayers.hiddenName(longName + "x")), "two long names keep apart");
        assertEquals("rs_removed_gebouwen", PgRemovedLayers.hiddenName(LAYER));
    }

    @Test
    void aLayerKeptInAGeoPackageSurvivesRemoveSaveUndoSave() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = keptSchema(pg, "rmgpkg" + ProcessHandle.current().pid());
        Path file = dir.resolve("project.gpkg");
        try (ProjectStorage db = open(pg, schema)) {
            ProjectStore.save(db.load(), file); // streamed into the file and marked to stay there
        }
        Project p = ProjectStore.open(file);
        Layer kept = p.layer(LAYER).orElseThrow();
        assertTrue(kept.inDatabase() && kept.features().isEmpty(), "the layer stays in the file");
        String before = ProjectDigest.of(p);
        assertTrue(before.lines().count() > 12_040, "the digest holds every row");

        Change undo = new LayerChanges.Remove(LAYER).apply(p);
        ProjectStore.save(p, file);
        Project reopened = ProjectStore.open(file);
        assertTrue(reopened.layers().isEmpty(), "the removed layer is not listed on opening: " + reopened.layers());

        Change redo = undo.apply(p);
        ProjectStore.save(p, file);
        Project afterUndo = ProjectStore.open(file);
        assertTrue(afterUndo.layer(LAYER).orElseThrow().inDatabase(), "still kept in the file");
        assertEquals(before, ProjectDigest.of(afterUndo), "every row back after remove, save, undo, save");
        assertEquals(before, ProjectDigest.of(p), "the window's own layer reads every row again");

        redo.apply(p);
        ProjectStore.save(p, file);
        assertTrue(ProjectStore.open(file).layers().isEmpty(), "redo removes it again");
    }
}
