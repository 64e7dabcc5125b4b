package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.change.CandidateChanges;
import org.junit.jupiter.api.Test;

/**
 * A change the database refuses in the background for a reason that is not a colleague's version (a CHECK
 * rule of the project's table, a role that lacks UPDATE on the candidates) behaves like a conflict: the
 * screen goes back to what is stored, the refused step leaves the undo history, the planner is told in
 * words (no SQL), and the next edit works as before. Real PostGIS; skipped without a PostgreSQL server.
 */
class SharedRefusalTest {

    private static String seeded(PostgisTestServer pg, String prefix) throws Exception {
        String schema = prefix + "_" + ProcessHandle.current().pid();
        pg.sql("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        try (ProjectStorage seed = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            seed.save(SampleProject.build());
        }
        return schema;
    }

    private record Planner(Session session, SharedWriterTest.FxQueue fx, List<Session.Refused> told) {
        static Planner open(String url, nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt prompt) throws Exception {
            ProjectStorage storage = ProjectStorage.open(url, prompt);
            Session s = Session.of(storage.load(), storage);
            SharedWriterTest.FxQueue fx = new SharedWriterTest.FxQueue();
            List<Session.Refused> told = new ArrayList<>();
            s.subscribe(fx);
            s.onRefused(told::add);
            return new Planner(s, fx, told);
        }

        Candidate first() { return session.scenario().orElseThrow().candidates().get(0); }

        void rename(String name) {
            session.perform(new CandidateChanges.Replace(session.scenarioName(), first().withName(name), "change.candidate.properties"));
        }
    }

    private static String storedName(PostgisTestServer pg, String schema, String id) throws Exception {
        try (var c = pg.admin(); var ps = c.prepareStatement("SELECT name FROM \"" + schema + "\".rs_candidate WHERE candidate_id = ?")) {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aRuleOfTheDatabaseRefusingAnEditRestoresTheStoredStateAndDropsTheStep() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seeded(pg, "regel");
        pg.sql("ALTER TABLE \"" + schema + "\".rs_candidate ADD CONSTRAINT naam_kort CHECK (length(name) <= 80)");
        Planner p = Planner.open(pg.url(schema), pg.prompt());
        try {
            Candidate before = p.first();
            p.rename("een naam die veel te lang is voor de regel van dit project, want de database staat hooguit tachtig tekens toe");
            assertEquals("change.candidate.properties", p.session.history().undoDescriptionKey(), "on screen and undoable until the database answers");
            p.fx.runUntil(() -> !p.told.isEmpty(), "the planner is told");

            Session.Refused why = p.told.get(0);
            assertFalse(why.conflict(), "not a colleague's version");
            String nl = why.message(Locale.forLanguageTag("nl"));
            assertTrue(nl.contains("regel") && nl.contains("teruggedraaid"), nl);
            assertFalse(nl.contains("SQL") || nl.contains("naam_kort") || nl.contains("Exception"), nl);
            assertTrue(why.message(Locale.ENGLISH).contains("reverted"), why.message(Locale.ENGLISH));
            assertEquals(before.name(), p.first().name(), "the screen shows what is stored again");
            assertEquals(before.name(), storedName(pg, schema, before.id()));
            assertNull(p.session.history().undoDescriptionKey(), "the refused step left the undo history");
            assertFalse(p.session.history().canRedo());

            // the next edit, within the rule, is written as usual
            p.rename("korte naam");
            p.fx.runUntil(() -> p.session.pendingWrites() == 0, "written");
            assertEquals("korte naam", storedName(pg, schema, before.id()));
            assertTrue(p.session.history().canUndo());
            assertEquals(1, p.told.size(), "nothing else refused");
        } finally {
            p.session.close();
        }
    }

    @Test
    void aRoleWithoutUpdateOnTheCandidatesFoundOutLateRestoresTheStoredStateAndDropsTheStep() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = seeded(pg, "rechten");
        pg.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'invuller') THEN "
                + "CREATE ROLE invuller LOGIN PASSWORD 'geen-update'; END IF; END $$");
        pg.sql("GRANT USAGE ON SCHEMA \"" + schema + "\" TO invuller");
        pg.sql("GRANT SELECT, INSERT, DELETE ON ALL TABLES IN SCHEMA \"" + schema + "\" TO invuller");
        pg.sql("GRANT UPDATE ON ALL TABLES IN SCHEMA \"" + schema + "\" TO invuller");
        Planner p = Planner.open("postgresql://invuller@127.0.0.1:" + pg.port() + "/rs_test?schema=" + schema,
                (l, u) -> "geen-update".toCharArray());
        try {
            assertEquals(ProjectStorage.ConnectionState.CONNECTED, p.session.connection(), "opened with every right");
            // the facilitator takes the right away while the window is open: only the write finds out
            pg.sql("REVOKE UPDATE ON \"" + schema + "\".rs_candidate FROM invuller");
            Candidate before = p.first();
            p.rename("mag niet");
            p.fx.runUntil(() -> !p.told.isEmpty(), "the planner is told");

            Session.Refused why = p.told.get(0);
            assertFalse(why.conflict());
            String nl = why.message(Locale.forLanguageTag("nl"));
            assertTrue(nl.contains("schrijfrecht") && nl.contains("teruggedraaid"), nl);
            assertFalse(nl.contains("SQL") || nl.contains("permission") || nl.contains("Exception"), nl);
            assertEquals(before.name(), p.first().name(), "the screen shows what is stored again");
            assertEquals(before.name(), storedName(pg, schema, before.id()));
            assertNull(p.session.history().undoDescriptionKey(), "the refused step left the undo history");
            p.fx.runUntil(() -> p.session.connection() == ProjectStorage.ConnectionState.READ_ONLY, "the window knows it is read-only");
        } finally {
            p.session.close();
        }
    }
}
