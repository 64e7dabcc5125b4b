package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Candidate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Two planner windows on one PostGIS project, driven by the robot: what one draws appears in the other,
 * what the other then drags appears in the first, and the first planner's undo does not overwrite the
 * colleague's later edit (it is told why). Screenshots of both windows go to the folder named by
 * {@code -Druimteschets.shots} (default: the test's temp folder). Skipped without a PostgreSQL server.
 */
@ExtendWith(ApplicationExtension.class)
class SharedProjectTest {
    @TempDir static Path tmp;
    private MainWindow a;
    private MainWindow b;
    private Stage stageA;
    private Stage stageB;

    private static final Session[] sessions = new Session[2];

    /** The database work happens before the windows open (JavaFX's start has a time limit). */
    @BeforeAll
    static void sharedProject() throws Exception {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
        PostgisTestServer pg = PostgisTestServer.require();
        String url = pg.url("gedeeld_" + ProcessHandle.current().pid());
        try (ProjectStorage seed = ProjectStorage.open(url, pg.prompt())) {
            seed.save(SampleProject.build());
        }
        for (int i = 0; i < 2; i++) {
            ProjectStorage storage = ProjectStorage.open(url, pg.prompt());
            ((nl.ruimteschets.io.postgis.PostgisStorage) storage).setAuthor(i == 0 ? "Anna" : "Bram");
            sessions[i] = Session.of(storage.load(), storage);
        }
    }

    @Start
    void start(Stage primary) {
        // Both windows on stages of their own: TestFX hands the same primary stage to the next test class,
        // which must not inherit these 640-px windows (its toolbar buttons would not fit).
        stageA = new Stage();
        a = open(stageA, sessions[0], 0);
        stageB = new Stage();
        b = open(stageB, sessions[1], 640);
    }

    /** A Dutch planner window of 640 × 760 at {@code x} on its own stage (also used by SharedImportTest). */
    static MainWindow open(Stage stage, Session session, double x) {
        MainWindow w = new MainWindow(Locale.forLanguageTag("nl"));
        w.show(stage, session);
        stage.setX(x);
        stage.setY(0);
        stage.setWidth(640);
        stage.setHeight(760);
        return w;
    }

    @AfterEach
    void closeB(FxRobot robot) {
        robot.interact(() -> {
            a.session().close();
            b.session().close();
            stageA.close();
            stageB.close();
        });
    }

    private static Point2D screen(MainWindow w, double x, double y) {
        MapCanvas m = w.map();
        return m.localToScreen(m.viewport().toScreenX(x), m.viewport().toScreenY(y));
    }

    private static List<Candidate> candidates(MainWindow w) {
        return w.session().scenario().orElseThrow().candidates();
    }

    private static Optional<Candidate> find(MainWindow w, String id) {
        return candidates(w).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Waits (polling, at most 20 s) until the condition holds, then for the FX events it caused. */
    static void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void settle(MainWindow w) {
        waitUntil("the engine delivered", () -> w.lastResult() != null && !w.computing());
    }

    @Test
    void eachWindowShowsTheOthersEditsLive(FxRobot robot) throws Exception {
        settle(a);
        settle(b);
        Envelope view = new Envelope(101000, 107000, 408000, 414000);
        robot.interact(() -> {
            a.map().zoomTo(view);
            b.map().zoomTo(view);
        });
        // Planner A draws a square expansion.
        robot.clickOn((javafx.scene.Node) robot.lookup("#tool-EXPANSION").match((javafx.scene.Node n) -> n.getScene().getWindow() == a.map().getScene().getWindow())
                .query());
        robot.interact(() -> {
            Stage sa = (Stage) a.map().getScene().getWindow();
            sa.toFront();
            sa.requestFocus();
            a.map().requestFocus();
        });
        robot.press(KeyCode.SHIFT);
        for (double[] c : new double[][] {{103000, 410000}, {104000, 410000}, {104000, 411000}, {103000, 411000}}) {
            robot.clickOn(screen(a, c[0], c[1]));
        }
        robot.release(KeyCode.SHIFT);
        robot.type(KeyCode.ENTER);
        settle(a);
        int before = SampleProject.build().scenarios().get(0).candidates().size();
        assertEquals(before + 1, candidates(a).size(), "A drew a candidate");
        Candidate drawn = candidates(a).get(candidates(a).size() - 1);

        // It appears in B's window, with its indicators computed there.
        waitUntil("B shows A's candidate", () -> find(b, drawn.id()).isPresent());
        settle(b);
        assertEquals(drawn.geometry(), find(b, drawn.id()).orElseThrow().geometry());
        assertTrue(b.lastResult().candidates().stream().anyMatch(r -> r.candidate().id().equals(drawn.id())),
                "B's engine computed the colleague's candidate");
        assertEquals("Anna", b.map().authors().apply(drawn.id()), "B's map names the author of the new candidate");

        // Planner B drags its north-east corner; A sees the new shape.
        robot.interact(() -> {
            stageB.toFront();
            stageB.requestFocus();
        });
        robot.clickOn((javafx.scene.Node) robot.lookup("#tool-EDIT").match((javafx.scene.Node n) -> n.getScene().getWindow() == stageB).query());
        robot.interact(() -> {
            b.map().zoomTo(view);
            b.select(drawn.id());
            b.map().requestFocus();
        });
        robot.moveTo(screen(b, 104000, 411000)).press(MouseButton.PRIMARY).moveBy(30, -30).moveBy(30, -30)
                .release(MouseButton.PRIMARY);
        settle(b);
        Candidate dragged = find(b, drawn.id()).orElseThrow();
        assertTrue(dragged.grossAreaHa() > drawn.grossAreaHa() + 5, "B moved the corner out");
        waitUntil("A shows B's drag", () -> find(a, drawn.id()).orElseThrow().geometry().equals(dragged.geometry()));
        settle(a);
        assertEquals("Bram", a.map().authors().apply(drawn.id()), "A's map names who changed it last");

        shoot(robot, "shared-A.png", "shared-B.png");

        // A's undo would remove a candidate B changed since: refused in words, B's version stays.
        robot.interact(() -> {
            Stage sa = (Stage) a.map().getScene().getWindow();
            sa.toFront();
            sa.requestFocus();
            a.map().requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil("A is told", () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        String told = robot.lookup("#errorDialog").queryAs(DialogPane.class).getContentText();
        assertTrue(told.contains("overschrijven"), told);
        assertEquals(dragged.geometry(), find(a, drawn.id()).orElseThrow().geometry());
        assertEquals(dragged.geometry(), find(b, drawn.id()).orElseThrow().geometry());
    }

    private void shoot(FxRobot robot, String nameA, String nameB) throws Exception {
        Path dir = Path.of(System.getProperty("ruimteschets.shots", tmp.toString()));
        java.nio.file.Files.createDirectories(dir);
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[2];
        robot.interact(() -> {
            img[0] = a.map().getScene().snapshot(null);
            img[1] = stageB.getScene().snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(nameA).toFile());
        ImageIO.write(SwingFXUtils.fromFXImage(img[1], null), "png", dir.resolve(nameB).toFile());
    }
}
