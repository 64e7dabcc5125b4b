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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import nl.ruimteschets.io.ConflictException;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStorage.ConnectionState;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;

/** The PostGIS store against a real PostgreSQL + PostGIS (a throwaway cluster; skipped without one). */
class PostgisStorageTest {
    @TempDir Path dir;

    private static int schemas;

    private static synchronized String freshSchema() {
        return "t" + ProcessHandle.current().pid() + "_" + (schemas++);
    }

    /** A new schema holding the sample project. */
    private static String seededSchema(PostgisTestServer pg) throws Exception {
        String schema = freshSchema();
        try (ProjectStorage seed = open(pg, schema)) {
            seed.save(SampleProject.build());
        }
        return schema;
    }

    /** Both clients' models follow colleagues' changes (applied under the model's lock, as the app does on its thread). */
    private static void follow(ProjectStorage store, Project model, List<Change> arrived) {
        store.subscribe(changes -> changes.forEach(ch -> {
            synchronized (model) {
                ch.apply(model);
            }
            arrived.add(ch);
        }), s -> { });
    }

    private static ProjectStorage open(PostgisTestServer pg, String schema) throws InputException {
        return ProjectStorage.open(pg.url(schema), pg.prompt());
    }

    @Test
    void copiesTheSampleGeoPackageToPostgisAndBackWithoutLoss() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        Project sample = SampleProject.build();
        sample.scenarios().get(0).addAnnotation(new nl.ruimteschets.model.Annotation("n1", 1, "Let op: ontsluiting", 65000,
                430000, 65500.0, 430400.0), -1);
        sample.scenarios().get(0).addAnnotation(new nl.ruimteschets.model.Annotation("n2", 2, "tab\t'quote\"", 66000, 431000), -1);
        Path gpkg = dir.resolve("a.gpkg");
        try (ProjectStorage g = ProjectStorage.open(gpkg.toString(), null)) {
            g.save(sample);
        }
        Project fromFile = ProjectStorage.open(gpkg.toString(), null).load();
        String schema = freshSchema();
        try (ProjectStorage db = open(pg, schema)) {
            db.save(fromFile);
        }
        Project fromDb;
        try (ProjectStorage db = open(pg, schema)) {
            fromDb = db.load();
        }
        Path back = dir.resolve("b.gpkg");
        try (ProjectStorage g = ProjectStorage.open(back.toString(), null)) {
            g.save(fromDb);
        }
        Project again = ProjectStorage.open(back.toString(), null).load();
        assertFalse(fromFile.layers().isEmpty());
        assertEquals(2, fromDb.scenarios().get(0).annotations().size());
        assertEquals(ProjectDigest.of(fromFile), ProjectDigest.of(fromDb));
        assertEquals(ProjectDigest.of(fromFile), ProjectDigest.of(again));

        try (Connection c = pg.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM pg_indexes WHERE schemaname = ? AND indexdef LIKE '%USING gist%'")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(fromFile.layers().size() + 2, rs.getInt(1), "a GiST index per layer and on rs_candidate and rs_annotation");
            }
        }
        try (Connection c = pg.admin(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT srid FROM public.geometry_columns WHERE f_table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(28992, rs.getInt(1));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void qgisFindsEveryLayersStyleInPublicLayerStylesAndItFollowsTheLayersChanges() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        Project sample = SampleProject.build();
        String layer = sample.layers().get(0).name();
        // QGIS's own query for a layer's default style (QgsPostgresProvider::loadStyle)
        String qgis = "SELECT styleqml::text FROM public.layer_styles WHERE f_table_catalog = 'rs_test' AND f_table_schema = ? "
                + "AND f_table_name = ? AND f_geometry_column = 'geom' AND useasdefault AND (type IS NULL OR type = 'Vector') "
                + "ORDER BY update_time DESC LIMIT 1";
        try (Connection c = pg.admin()) {
            for (var l : sample.layers()) {
                assertTrue(query(c, qgis, schema, l.name()).contains("<renderer-v2"), "a QML style for " + l.name());
            }
            assertTrue(query(c, qgis, schema, "rs_candidate").contains("naam"), "candidates labelled with their name");
            try (PreparedStatement ps = c.prepareStatement("SELECT xpath_exists('//se:PolygonSymbolizer', stylesld, "
                    + "ARRAY[ARRAY['se', 'http://www.opengis.net/se']]) FROM public.layer_styles WHERE f_table_schema = ? "
                    + "AND f_table_name = 'rs_candidate'")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next() && rs.getBoolean(1), "an SLD for other clients");
                }
            }
        }
        try (ProjectStorage db = open(pg, schema)) {
            db.load();
            // a planner recolours the layer: QGIS sees the new fill
            db.write(new nl.ruimteschets.model.change.LayerChanges.Display(layer,
                    new nl.ruimteschets.model.LayerDisplay(true, 0.5, 0x12345680, 0x000000FF, null)), false);
            try (Connection c = pg.admin()) {
                String qml = query(c, qgis, schema, layer);
                assertTrue(qml.contains("value=\"18,52,86,128\""), qml);
                assertTrue(qml.contains("<layerOpacity>0.5</layerOpacity>"), qml);
            }
            db.write(new nl.ruimteschets.model.change.LayerChanges.Remove(layer), false);
            try (Connection c = pg.admin()) {
                assertEquals("", query(c, qgis, schema, layer), "the style left with the layer");
            }
        }
    }

    /** The first column of the first row as text, "" when there is none. */
    private static String query(Connection c, String sql, String... params) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    @Test
    void hostileLayerAndFieldNamesAreQuotedNotExecuted() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        GeometryFactory gf = new GeometryFactory();
        String name = "x\"; DROP TABLE rs_meta; --";
        List<Field> fields = List.of(new Field("a'b\"c", FieldType.TEXT), new Field("Hoogte", FieldType.REAL),
                new Field("when", FieldType.DATE), new Field("ok", FieldType.BOOLEAN), new Field("n", FieldType.INTEGER));
        List<Feature> features = new ArrayList<>();
        features.add(new Feature(7, gf.createPoint(new Coordinate(100000, 400000)),
                new Object[] {"tab\there\nnewline \\ back", 1.5, java.time.LocalDate.of(2024, 2, 29), true, 42L}));
        features.add(new Feature(9, gf.createPoint(new Coordinate(100001, 400001)), new Object[] {null, null, null, null, null}));
        Project p = new Project();
        p.putLayer(new Layer(name, LayerRole.SENSITIVE, fields, features, Map.of(), "s", new ImportReport()));
        String schema = freshSchema() + " \"quoted\"";
        try (ProjectStorage db = open(pg, schema)) {
            db.save(p);
            assertEquals(ProjectDigest.of(p), ProjectDigest.of(db.load()));
        }
    }

    @Test
    void aColleaguesEditArrivesAndAConcurrentEditOfTheSameCandidateIsRefusedWithTheNewerState() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        try (ProjectStorage a = open(pg, schema); ProjectStorage b = open(pg, schema)) {
            Project pa = a.load(), pb = b.load();
            List<Change> arrivedAtB = new CopyOnWriteArrayList<>();
            follow(b, pb, arrivedAtB);
            String scenario = pa.scenarios().get(0).name();
            Candidate c = pa.scenarios().get(0).candidates().get(0);
            Candidate moved = c.withGeometry(shift(c.geometry(), 250));
            Change edit = new CandidateChanges.Replace(scenario, moved, "change.candidate.geometry");
            a.write(edit, false);
            edit.apply(pa);
            waitFor(() -> !arrivedAtB.isEmpty(), "B hears A's edit");
            synchronized (pb) {
                assertTrue(pb.scenario(scenario).orElseThrow().candidates().stream()
                        .anyMatch(x -> x.id().equals(c.id()) && x.geometry().equalsExact(moved.geometry())));
            }

            // B edits the same candidate from the state before A's edit (as if it had not heard yet)
            ProjectStorage late = open(pg, schema);
            try {
                late.load();
                Candidate renamed = c.withName("Andere naam");
                // A edits again first
                a.write(new CandidateChanges.Replace(scenario, moved.withName("Naam van A"), "change.candidate.properties"), false);
                ConflictException x = assertThrows(ConflictException.class,
                        () -> late.write(new CandidateChanges.Replace(scenario, renamed, "change.candidate.properties"), false));
                assertTrue(x.getMessage().contains(System.getProperty("user.name")), x.getMessage());
                Project shown = new Project();
                shown.scenarios().add(new nl.ruimteschets.model.Scenario(scenario, ""));
                x.newer().forEach(ch -> ch.apply(shown));
                assertEquals("Naam van A", shown.scenario(scenario).orElseThrow().candidates().get(0).name());
            } finally {
                late.close();
            }
        }
    }

    @Test
    void twoPlannersEditingTheSameNoteOrLayerLookAtTheSameTime_theSecondIsToldAndSeesTheFirst() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        String scenario;
        nl.ruimteschets.model.Annotation note = new nl.ruimteschets.model.Annotation("n-1", 1, "Ontsluiting via de A15?", 65000, 430000);
        try (ProjectStorage a = open(pg, schema); ProjectStorage b = open(pg, schema)) {
            Project pa = a.load();
            scenario = pa.scenarios().get(0).name();
            a.write(new nl.ruimteschets.model.change.AnnotationChanges.Add(scenario, note, -1), false);
            Project pb = b.load(); // B sees the note as A wrote it
            assertEquals(1, pb.scenario(scenario).orElseThrow().annotations().size());

            // both change its text, each from the version they saw; A is first
            a.write(new nl.ruimteschets.model.change.AnnotationChanges.Replace(scenario, note.withText("A: via de A15")), false);
            ConflictException x = assertThrows(ConflictException.class, () -> b.write(
                    new nl.ruimteschets.model.change.AnnotationChanges.Replace(scenario, note.withText("B: via het spoor")), false));
            assertEquals("pg.conflict.note", x.userMessage().key());
            assertTrue(x.getMessage(java.util.Locale.forLanguageTag("nl")).contains(System.getProperty("user.name")), x.getMessage());
            x.newer().forEach(ch -> ch.apply(pb));
            assertEquals("A: via de A15", pb.scenario(scenario).orElseThrow().annotations().get(0).text(), "B sees A's text");
            // having seen it, B's next edit goes through; A's removal from the older version is refused
            b.write(new nl.ruimteschets.model.change.AnnotationChanges.Replace(scenario, note.withText("B: via het spoor")), false);
            ConflictException gone = assertThrows(ConflictException.class, () -> a.write(
                    new nl.ruimteschets.model.change.AnnotationChanges.Remove(scenario, note.id()), false));
            assertEquals("pg.conflict.note", gone.userMessage().key());

            // the same for a layer's look: A recolours it, B's recolour from the older version is refused
            String layer = pa.layers().get(0).name();
            a.write(new nl.ruimteschets.model.change.LayerChanges.Display(layer,
                    new nl.ruimteschets.model.LayerDisplay(true, 0.8, 0x11223380, 0x000000FF, null)), false);
            ConflictException look = assertThrows(ConflictException.class, () -> b.write(
                    new nl.ruimteschets.model.change.LayerChanges.Display(layer,
                            new nl.ruimteschets.model.LayerDisplay(false, 0.3, 0x44556680, 0x000000FF, null)), false));
            assertEquals("pg.conflict.layer", look.userMessage().key());
            look.newer().forEach(ch -> ch.apply(pb));
            assertEquals(0x11223380, pb.displays().get(layer).fill(), "B sees A's colour");
        }
        // and an attribute value edited in the table reaches the database
        try (ProjectStorage a = open(pg, schema); ProjectStorage b = open(pg, schema)) {
            Project pa = a.load();
            Layer l = pa.layers().stream().filter(x -> !x.fields().isEmpty() && !x.features().isEmpty()).findFirst().orElseThrow();
            int textField = -1;
            for (int i = 0; i < l.fields().size(); i++) if (l.fields().get(i).type() == FieldType.TEXT) textField = i;
            org.junit.jupiter.api.Assumptions.assumeTrue(textField >= 0, "the sample has a layer with a text field");
            long fid = l.features().get(0).id();
            a.write(new nl.ruimteschets.model.change.LayerChanges.EditValue(l.name(), fid, textField, "gecorrigeerd"), false);
            Project pb = b.load();
            Layer lb = pb.layer(l.name()).orElseThrow();
            final int tf = textField;
            assertEquals("gecorrigeerd", lb.features().stream().filter(f -> f.id() == fid).findFirst().orElseThrow().value(tf));
        }
    }

    @Test
    void undoDoesNotOverwriteAColleaguesLaterEdit() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        try (ProjectStorage a = open(pg, schema); ProjectStorage b = open(pg, schema)) {
            Project pa = a.load();
            Project pb = b.load();
            List<Change> arrivedAtA = new CopyOnWriteArrayList<>();
            follow(a, pa, arrivedAtA);
            String scenario = pa.scenarios().get(0).name();
            Candidate c = pa.scenarios().get(0).candidates().get(0);
            Change mine = new CandidateChanges.Replace(scenario, c.withName("A"), "change.candidate.properties");
            a.write(mine, false);
            Change undoMine;
            synchronized (pa) {
                undoMine = mine.apply(pa);
            }
            // B saw A's edit and changes the candidate again
            b.subscribe(changes -> changes.forEach(ch -> {
                synchronized (pb) {
                    ch.apply(pb);
                }
            }), s -> { });
            waitFor(() -> pb.scenario(scenario).orElseThrow().candidates().get(0).name().equals("A"), "B hears A");
            b.write(new CandidateChanges.Replace(scenario, c.withName("B"), "change.candidate.properties"), false);
            waitFor(() -> !arrivedAtA.isEmpty(), "A hears B");
            ConflictException x = assertThrows(ConflictException.class, () -> a.write(undoMine, true));
            assertTrue(x.userMessage().key().equals("pg.conflict.undo"), x.userMessage().key());

            // an undo of an edit nobody touched since goes through
            Candidate other = pa.scenarios().get(0).candidates().get(1);
            Change second = new CandidateChanges.Replace(scenario, other.withName("A2"), "change.candidate.properties");
            a.write(second, false);
            Change undoSecond;
            synchronized (pa) {
                undoSecond = second.apply(pa);
            }
            a.write(undoSecond, true);
        }
    }

    /** A login role with {@code rights} on every table of the project; the project's URL for it. */
    private static String loginRole(PostgisTestServer pg, String schema, String role, String password, String rights) throws Exception {
        pg.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; END IF; END $$");
        pg.sql("GRANT USAGE ON SCHEMA \"" + schema + "\" TO " + role);
        pg.sql("GRANT " + rights + " ON ALL TABLES IN SCHEMA \"" + schema + "\" TO " + role);
        return "postgresql://" + role + "@127.0.0.1:" + pg.port() + "/rs_test?schema=" + schema;
    }

    @Test
    void aReadOnlyRoleOpensButIsToldOnEdit() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        String url = loginRole(pg, schema, "kijker", "alleen-lezen", "SELECT");
        try (ProjectStorage ro = ProjectStorage.open(url, (l, u) -> "alleen-lezen".toCharArray())) {
            Project p = ro.load();
            assertFalse(p.scenarios().isEmpty());
            Candidate c = p.scenarios().get(0).candidates().get(0);
            InputException x = assertThrows(InputException.class, () -> ro.write(
                    new CandidateChanges.Replace(p.scenarios().get(0).name(), c.withName("x"), "change.candidate.properties"), false));
            assertEquals("pg.readonly", x.userMessage().key());
            assertFalse(x.getMessage(java.util.Locale.forLanguageTag("nl")).contains("SQL"));
        }
    }

    @Test
    void aRoleThatMayInsertButNotUpdateCandidatesOpensReadOnly() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        String url = loginRole(pg, schema, "aanvuller", "geen-update", "SELECT, INSERT, DELETE");
        try (ProjectStorage s = ProjectStorage.open(url, (l, u) -> "geen-update".toCharArray())) {
            Project p = s.load();
            // moving or renaming a candidate is an UPDATE: the planner is told on opening, not on the first drag
            assertTrue(((PostgisStorage) s).isReadOnly(), "opened read-only");
            Candidate c = p.scenarios().get(0).candidates().get(0);
            InputException x = assertThrows(InputException.class, () -> s.write(
                    new CandidateChanges.Replace(p.scenarios().get(0).name(), c.withName("x"), "change.candidate.properties"), false));
            assertEquals("pg.readonly", x.userMessage().key());
        }
    }

    @Test
    void aWrongPasswordIsSaidInWordsAndNeverShown() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        InputException x = assertThrows(InputException.class,
                () -> ProjectStorage.open(pg.url(freshSchema()), (l, u) -> "geheim-fout".toCharArray()));
        assertEquals("pg.connect.auth", x.userMessage().key());
        assertFalse(x.getMessage().contains("geheim-fout"));
        InputException inUrl = assertThrows(InputException.class,
                () -> ProjectStorage.open("postgresql://postgres:geheim@127.0.0.1:" + pg.port() + "/rs_test?schema=x", null));
        assertEquals("pg.url.password", inUrl.userMessage().key());
        assertFalse(inUrl.getMessage().contains("geheim"));
    }

    @Test
    void sslmodeRequireAgainstAServerWithoutSslIsRefusedInWords() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require(); // the throwaway cluster runs without SSL
        String base = pg.url(freshSchema());
        InputException x = assertThrows(InputException.class, () -> ProjectStorage.open(base + "&sslmode=require", pg.prompt()));
        assertEquals("pg.connect.ssl", x.userMessage().key());
        String nl = x.getMessage(java.util.Locale.forLanguageTag("nl"));
        assertTrue(nl.contains("versleutelde verbinding") && nl.contains("127.0.0.1"), nl);
        assertFalse(nl.contains("PSQL") || nl.contains("Exception") || nl.contains("does not support"), nl);
        assertThrows(InputException.class, () -> ProjectStorage.open(base + "&sslmode=verify-full", pg.prompt()));
        // the same address without the demand connects (sslmode=disable is passed on too)
        try (ProjectStorage ok = ProjectStorage.open(base + "&sslmode=disable", pg.prompt())) {
            ok.save(new Project());
        }
    }

    @Test
    void aLostConnectionIsReportedRefusesEditsAndCatchesUpAfterReconnecting() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seededSchema(pg);
        try (ProjectStorage a = open(pg, schema); ProjectStorage b = open(pg, schema)) {
            Project pa = a.load();
            b.load();
            List<ConnectionState> states = new CopyOnWriteArrayList<>();
            a.subscribe(changes -> changes.forEach(ch -> {
                synchronized (pa) {
                    ch.apply(pa);
                }
            }), states::add);
            // the server drops A's sessions (as a restart or network cut would)
            pg.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Ruimteschets' "
                    + "AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'idle' "
                    + "AND query LIKE 'LISTEN%'");
            waitFor(() -> states.contains(ConnectionState.LOST), "A notices the lost connection");
            String scenario = pa.scenarios().get(0).name();
            Candidate c;
            synchronized (pa) {
                c = pa.scenarios().get(0).candidates().get(0);
            }
            // meanwhile B edits; A misses the notification but catches up on reconnecting
            b.write(new CandidateChanges.Replace(scenario, c.withName("tijdens storing"), "change.candidate.properties"), false);
            waitFor(() -> states.lastIndexOf(ConnectionState.CONNECTED) > states.indexOf(ConnectionState.LOST), "A reconnects");
            waitFor(() -> {
                synchronized (pa) {
                    return pa.scenario(scenario).orElseThrow().candidates().get(0).name().equals("tijdens storing");
                }
            }, "A caught up");
            a.write(new CandidateChanges.Replace(scenario, c.withName("weer verbonden"), "change.candidate.properties"), false);
        }
    }

    static Geometry shift(Geometry g, double dx) {
        return AffineTransformation.translationInstance(dx, 0).transform(g);
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
