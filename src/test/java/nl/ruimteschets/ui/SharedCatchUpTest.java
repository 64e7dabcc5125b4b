package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStorage.ConnectionState;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.change.AnnotationChanges;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.LayerChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A planner's session on a real PostGIS project meets what colleagues did behind its back: an undo the
 * database refuses only when it is written leaves the history, and after a dropped connection the notes,
 * layers and workshop colours colleagues changed meanwhile are shown and can be edited without a false
 * conflict. The colleague is plain SQL that changes rows as the app's writer does (new version, author)
 * and whose notification this session never hears. Skipped without a PostgreSQL server.
 */
class SharedCatchUpTest {
    private static int run;
    private PostgisTestServer pg;
    private String schema;
    private Session session;
    private final SharedWriterTest.FxQueue fx = new SharedWriterTest.FxQueue();
    private final List<Session.Refused> told = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        pg = PostgisTestServer.require();
        schema = "inhaal_" + ProcessHandle.current().pid() + "_" + run++;
        try (ProjectStorage seed = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            seed.save(SampleProject.build());
        }
        ProjectStorage storage = ProjectStorage.open(pg.url(schema), pg.prompt());
        session = Session.of(storage.load(), storage);
        session.subscribe(fx);
        session.onRefused(told::add);
    }

    @AfterEach
    void close() {
        if (session != null) session.close();
    }

    private String scenario() { return session.scenarioName(); }

    private Candidate candidate(int index) { return session.scenario().orElseThrow().candidates().get(index); }

    private void written() throws InterruptedException {
        fx.runUntil(() -> session.pendingWrites() == 0, "written");
    }

    private String stored(String sql, String... args) throws Exception {
        try (Connection c = pg.admin(); PreparedStatement ps = c.prepareStatement(sql.replace("S.", "\"" + schema + "\"."))) {
            for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void anUndoTheDatabaseRefusesIsToldShownAndLeavesTheHistory() throws Exception {
        Candidate first = candidate(0), second = candidate(1);
        session.perform(new CandidateChanges.Replace(scenario(), first.withName("mijn eerste"), "change.candidate.properties"));
        session.perform(new CandidateChanges.Replace(scenario(), second.withName("mijn tweede"), "change.candidate.properties"));
        written();
        // Bram renames the second candidate; this session has not heard (yet), so its own check lets the undo through.
        pg.sql("UPDATE \"" + schema + "\".rs_candidate SET name = 'naam van Bram', author = 'Bram', version = version + 1 "
                + "WHERE candidate_id = '" + second.id() + "'");
        session.undo();
        fx.runUntil(() -> !told.isEmpty(), "the planner is told");

        assertTrue(told.get(0).conflict(), told.get(0).message(Locale.forLanguageTag("nl")));
        assertTrue(told.get(0).message(Locale.forLanguageTag("nl")).contains("Bram"), told.get(0).message(Locale.forLanguageTag("nl")));
        assertEquals("naam van Bram", candidate(1).name(), "Bram's version is shown");
        assertFalse(session.history().canRedo(), "the refused undo is not offered again as a redo");
        assertTrue(session.history().canUndo(), "my other step stays");
        session.undo();
        written();
        assertEquals(first.name(), candidate(0).name());
        assertEquals(first.name(), stored("SELECT name FROM S.rs_candidate WHERE candidate_id = ?", first.id()),
                "the other step's undo reached the database");
        assertEquals(1, told.size(), "nothing else refused");
    }

    @Test
    void afterAReconnectColleaguesNotesLayersAndColoursAreShownAndMyNextEditsAreNoConflict() throws Exception {
        Candidate c = candidate(0);
        Annotation note = new Annotation("n-inhaal", 1, "mijn notitie", c.geometry().getCentroid().getX(), c.geometry().getCentroid().getY(), null, null);
        session.perform(new AnnotationChanges.Add(scenario(), note, -1));
        String layer = session.project().layers().get(0).name();
        session.perform(new LayerChanges.Display(layer, new LayerDisplay(true, 0.5, 0x336699FF, 0x000000FF, null)));
        ((PostgisStorage) session.shared()).join("Anna", 0x3366CCFF);
        written();

        // The connection drops; while it is down Bram edits the note, fades the layer and joins the workshop in red.
        pg.sql("BEGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Ruimteschets' "
                + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'; "
                + "UPDATE \"" + schema + "\".rs_annotation SET text = 'notitie van Bram', author = 'Bram', version = version + 1 "
                + "WHERE annotation_id = 'n-inhaal'; "
                + "UPDATE \"" + schema + "\".rs_layer_display SET opacity = 0.25 WHERE layer_table = '" + layer + "'; "
                + "UPDATE \"" + schema + "\".rs_layer_role SET version = version + 1 WHERE layer_table = '" + layer + "'; "
                + "INSERT INTO \"" + schema + "\".rs_participant (name, colour) VALUES ('Bram', '#FF0000FF'); COMMIT");

        fx.runUntil(() -> session.connection() == ConnectionState.CONNECTED
                && "notitie van Bram".equals(note(session).text()), "reconnected and showing Bram's note");
        assertEquals(0xFF0000FF, session.shared().authorColour("Bram"), "Bram's colour is known after reconnecting");
        assertEquals(0.25, session.project().displays().get(layer).opacity(), 1e-9, "Bram's faded layer is shown");

        session.perform(new AnnotationChanges.Replace(scenario(), note(session).withText("mijn antwoord")));
        written();
        assertTrue(told.isEmpty(), () -> "no conflict: " + told.get(0).message(Locale.forLanguageTag("nl")));
        assertEquals("mijn antwoord", stored("SELECT text FROM S.rs_annotation WHERE annotation_id = ?", "n-inhaal"));

        session.perform(new LayerChanges.Display(layer, new LayerDisplay(true, 0.75, 0x336699FF, 0x000000FF, null)));
        written();
        assertTrue(told.isEmpty(), () -> "no conflict on the layer: " + told.get(0).message(Locale.forLanguageTag("nl")));
        assertEquals(0.75, Double.parseDouble(stored("SELECT opacity FROM S.rs_layer_display WHERE layer_table = ?", layer)), 1e-9);
    }

    private static Annotation note(Session s) {
        return s.scenario().orElseThrow().annotations().stream().filter(a -> a.id().equals("n-inhaal")).findFirst().orElseThrow();
    }
}
