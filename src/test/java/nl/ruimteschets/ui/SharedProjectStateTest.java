package nl.ruimteschets.ui;

import static nl.ruimteschets.ui.SharedProjectTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.change.CandidateChanges;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The window of a shared project tells the planner when it cannot take changes and stays as it was: a
 * read-only database role (title says so; an edit is refused in words, nothing changes) and a connection
 * the server dropped (title says so, edits refused, back to normal after reconnecting). Skipped without a
 * PostgreSQL server.
 */
@ExtendWith(ApplicationExtension.class)
class SharedProjectStateTest {
    @TempDir static Path tmp;
    private static PostgisTestServer pg;
    private static Session viewer;
    private static Session editor;
    private MainWindow ro;
    private MainWindow rw;
    private Stage roStage;
    private Stage rwStage;

    @BeforeAll
    static void project() throws Exception {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
        pg = PostgisTestServer.require();
        String schema = "staat_" + ProcessHandle.current().pid();
        try (ProjectStorage seed = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            seed.save(SampleProject.build());
        }
        pg.sql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kijker') THEN "
                + "CREATE ROLE kijker LOGIN PASSWORD 'alleen-lezen'; END IF; END $$");
        pg.sql("GRANT USAGE ON SCHEMA \"" + schema + "\" TO kijker");
        pg.sql("GRANT SELECT ON ALL TABLES IN SCHEMA \"" + schema + "\" TO kijker");
        ProjectStorage r = ProjectStorage.open("postgresql://kijker@127.0.0.1:" + pg.port() + "/rs_test?schema=" + schema,
                (l, u) -> "alleen-lezen".toCharArray());
        viewer = Session.of(r.load(), r);
        ProjectStorage w = ProjectStorage.open(pg.url(schema), pg.prompt());
        editor = Session.of(w.load(), w);
    }

    @Start
    void start(Stage primary) {
        roStage = new Stage();
        ro = new MainWindow(Locale.forLanguageTag("nl"));
        ro.show(roStage, viewer);
        rwStage = new Stage();
        rw = new MainWindow(Locale.forLanguageTag("nl"));
        rw.show(rwStage, editor);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            ro.session().close();
            rw.session().close();
            roStage.close();
            rwStage.close();
        });
    }

    private static String told(FxRobot robot, Stage owner) {
        waitUntil("the planner is told", () -> robot.lookup("#errorDialog").tryQuery()
                .filter(n -> n.getScene().getWindow().isShowing()).isPresent());
        DialogPane pane = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        String text = pane.getContentText();
        robot.interact(() -> pane.getScene().getWindow().hide());
        return text;
    }

    private static Candidate first(MainWindow w) {
        return w.session().scenario().orElseThrow().candidates().get(0);
    }

    @Test
    void aReadOnlyRoleAndALostConnectionAreSaidAndTheWindowStaysAsItWas(FxRobot robot) throws Exception {
        // read-only role: said in the title; an edit is refused in words and nothing changes
        waitUntil("the title says read-only", () -> roStage.getTitle().contains("alleen lezen"));
        Candidate before = first(ro);
        String scenario = ro.session().scenarioName();
        robot.interact(() -> ro.perform(new CandidateChanges.Remove(scenario, before.id()), null));
        String why = told(robot, roStage);
        assertTrue(why.contains("alleen bekijken"), why);
        assertEquals(before, first(ro), "nothing changed in the read-only window");
        assertEquals(0, ro.session().pendingWrites());

        // a dropped connection: said in the title, edits refused, normal again after reconnecting
        pg.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'Ruimteschets' "
                + "AND usename = 'postgres' AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
        waitUntil("the title says the connection is lost", () -> rwStage.getTitle().contains("verbinding verbroken"));
        Candidate c = first(rw);
        String s = rw.session().scenarioName();
        boolean[] refusedAtOnce = {false};
        robot.interact(() -> {
            rw.perform(new CandidateChanges.Replace(s, c.withName("tijdens storing"), "change.candidate.properties"), null);
            refusedAtOnce[0] = first(rw).equals(c);
        });
        if (refusedAtOnce[0]) {
            String lost = told(robot, rwStage);
            assertTrue(lost.contains("verbroken"), lost);
        } // else the feed reconnected already and the edit went through: nothing to refuse
        waitUntil("reconnected", () -> !rwStage.getTitle().contains("verbinding verbroken"));
        robot.interact(() -> rw.perform(new CandidateChanges.Replace(s, first(rw).withName("weer verbonden"),
                "change.candidate.properties"), null));
        waitUntil("written after reconnecting", () -> rw.session().pendingWrites() == 0);
        try (ProjectStorage check = ProjectStorage.open(((nl.ruimteschets.io.postgis.PostgisStorage) rw.session().shared()).location(),
                pg.prompt())) {
            assertEquals("weer verbonden", check.load().scenario(s).orElseThrow().candidates().get(0).name());
        }
    }
}
