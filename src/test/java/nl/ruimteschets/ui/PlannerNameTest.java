package nl.ruimteschets.ui;

import static nl.ruimteschets.ui.SharedProjectTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.change.CandidateChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A planner opening a shared project for the first time is asked their name once (prefilled with the
 * login); their candidates then carry it in the database, under the candidate on the map and for a
 * colleague; the next open does not ask again; a name that looks like an address or a password is not
 * taken. Driven by the robot against a real PostGIS; skipped without a server. The planner's previous
 * name in the user's preferences is put back afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class PlannerNameTest {
    @TempDir static Path tmp;
    private static PostgisTestServer pg;
    private static String url;
    private static String schema;
    private static String previous;
    private MainWindow window;
    private Stage stage;

    @BeforeAll
    static void project() throws Exception {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
        pg = PostgisTestServer.require();
        schema = "naam_" + ProcessHandle.current().pid();
        url = pg.url(schema);
        try (ProjectStorage seed = ProjectStorage.open(url, pg.prompt())) {
            seed.save(SampleProject.build());
        }
        previous = prefs().get("plannerName", null);
        prefs().remove("plannerName");
    }

    @AfterAll
    static void putBack() {
        putBack(previous);
    }

    static Preferences prefs() {
        return Preferences.userNodeForPackage(PlannerName.class);
    }

    /** Puts the planner's name in the user's preferences back as it was before a test (none: removed). */
    static void putBack(String previous) {
        if (previous == null) prefs().remove("plannerName");
        else prefs().put("plannerName", previous);
    }

    @Start
    void start(Stage primary) {
        stage = new Stage();
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(SampleProject.build(), null));
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1366);
        stage.setHeight(768);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            window.session().close();
            stage.close();
        });
    }

    private void openShared(FxRobot robot) {
        javafx.application.Platform.runLater(() -> window.files().openLocation(url));
    }

    private void password(FxRobot robot) {
        waitUntil("the password is asked", () -> WorkshopJoinTest.showing(robot, "#databasePassword"));
        robot.interact(() -> robot.lookup("#databasePassword").queryAs(PasswordField.class)
                .setText(new String(pg.prompt().ask(null, "postgres"))));
        robot.clickOn("OK");
        waitUntil("the shared project is open", () -> window.session().shared() != null);
    }

    @Test
    void theNameIsAskedOnceAndCarriedByThePlannersCandidates(FxRobot robot) throws Exception {
        openShared(robot);
        waitUntil("the name is asked", () -> WorkshopJoinTest.showing(robot, "#plannerName"));
        TextField field = robot.lookup("#plannerName").queryAs(TextField.class);
        String login = System.getProperty("user.name");
        assertEquals(java.util.Set.of("root", "admin").contains(login) ? "" : login, field.getText(),
                "prefilled with the login when it names a person");
        robot.interact(() -> field.setText("postgresql://anna:geheim@server/db"));
        assertTrue(robot.lookup("OK").queryButton().isDisabled(), "an address is not a name");
        robot.interact(() -> field.setText("Anna de Vries"));
        assertFalse(robot.lookup("OK").queryButton().isDisabled());
        WorkshopJoinTest.snapshot(robot, field.getScene(), tmp, "planner-name-dialog.png");
        robot.clickOn("OK");
        password(robot);
        assertEquals("Anna de Vries", prefs().get("plannerName", null), "remembered");
        assertEquals("Anna de Vries", ((PostgisStorage) window.session().shared()).author());

        // Anna sketches a candidate: the database, her map and a colleague all name her
        String scenario = window.session().scenarioName();
        Candidate model = window.session().scenario().orElseThrow().candidates().get(0);
        Candidate sketch = new Candidate("anna-1", "Schets van Anna", model.kind(), model.parentCluster(),
                AffineTransformation.translationInstance(400, 400).transform(model.geometry()), 0, model.profileName(), null, "");
        robot.interact(() -> {
            window.perform(new CandidateChanges.Add(scenario, sketch, -1), null);
            org.locationtech.jts.geom.Envelope around = new org.locationtech.jts.geom.Envelope(sketch.footprint().getEnvelopeInternal());
            around.expandBy(around.getWidth(), around.getHeight()); // the name below the candidate in view
            window.map().zoomTo(around);
            window.select("anna-1");
        });
        waitUntil("written", () -> window.session().pendingWrites() == 0 && "Anna de Vries".equals(storedAuthor("anna-1")));
        assertEquals("Anna de Vries", window.map().authors().apply("anna-1"), "under her candidate");
        try (ProjectStorage colleague = ProjectStorage.open(url, pg.prompt())) {
            colleague.load();
            assertEquals("Anna de Vries", colleague.author(scenario, "anna-1"), "a colleague sees her name");
        }
        waitUntil("the map is drawn", () -> !window.computing());
        WorkshopJoinTest.snapshot(robot, stage.getScene(), tmp, "planner-name-label.png");

        // the next open does not ask again
        openShared(robot);
        password(robot);
        assertFalse(WorkshopJoinTest.showing(robot, "#plannerName"), "asked only once");
        assertEquals("Anna de Vries", ((PostgisStorage) window.session().shared()).author());
    }

    private static String storedAuthor(String id) throws Exception {
        try (var c = pg.admin(); var ps = c.prepareStatement("SELECT author FROM \"" + schema + "\".rs_candidate WHERE candidate_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
