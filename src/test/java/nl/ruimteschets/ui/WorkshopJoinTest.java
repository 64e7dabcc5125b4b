package nl.ruimteschets.ui;

import static nl.ruimteschets.ui.SharedProjectTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.junit.jupiter.api.AfterEach;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A workshop on two machines, driven by the robot: the projector shows the facilitator's PostGIS project in
 * presentation mode; a laptop joins through Bestand → Deelnemen aan workshop… (address, name, colour,
 * password, scenario) and sketches; the projector shows the laptop's candidate live, in the colour chosen
 * and with the name; when the laptop leaves the workshop, its colour goes from the projector at once. Skipped
 * without a PostgreSQL server.
 */
@ExtendWith(ApplicationExtension.class)
class WorkshopJoinTest {
    @TempDir static Path tmp;
    private static String url;
    private static PostgisTestServer pg;
    private static Session projectorSession;
    private MainWindow laptop;
    private MainWindow projector;
    private Stage laptopStage;
    private Stage projectorStage;

    @BeforeAll
    static void facilitatorsProject() throws Exception {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
        pg = PostgisTestServer.require();
        url = pg.url("workshop_" + ProcessHandle.current().pid());
        Project p = SampleProject.build();
        p.scenarios().add(ScenarioChanges.copy(new Scenario("Werkgroep Noord", ""), "Werkgroep Noord"));
        try (ProjectStorage seed = ProjectStorage.open(url, pg.prompt())) {
            seed.save(p);
        }
        ProjectStorage storage = ProjectStorage.open(url, pg.prompt());
        projectorSession = Session.of(storage.load(), storage);
        projectorSession.selectScenario("Werkgroep Noord");
    }

    @Start
    void start(Stage primary) {
        laptopStage = new Stage();
        laptop = new MainWindow(Locale.forLanguageTag("nl"));
        laptop.show(laptopStage, new Session(SampleProject.build(), null));
        place(laptopStage, 0);
        projectorStage = new Stage();
        projector = new MainWindow(Locale.forLanguageTag("nl"));
        projector.show(projectorStage, projectorSession);
        place(projectorStage, 800);
    }

    private static void place(Stage s, double x) {
        s.setX(x);
        s.setY(0);
        s.setWidth(800);
        s.setHeight(760);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            laptop.session().close();
            projector.session().close();
            laptopStage.close();
            projectorStage.close();
        });
    }

    static boolean showing(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).isPresent();
    }

    @Test
    void aLaptopJoinsAndTheProjectorShowsItsSketchInItsColourWithItsName(FxRobot robot) throws Exception {
        robot.interact(() -> projector.presentation().present());
        waitUntil("the projector presents", () -> projector.presenting());

        // the join screen waits for the planner (showAndWait): opened by a later FX task, not inside interact
        javafx.application.Platform.runLater(() -> {
            laptopStage.toFront();
            laptop.workshop().join();
        });
        waitUntil("the join screen is open", () -> showing(robot, "#joinUrl"));
        Color chosen = Color.web("#7B1FA2");
        robot.interact(() -> {
            robot.lookup("#joinUrl").queryAs(ComboBox.class).getEditor().setText(url);
            robot.lookup("#joinName").queryAs(TextField.class).setText("Carla");
            robot.lookup("#joinColour").queryAs(ColorPicker.class).setValue(chosen);
        });
        snapshot(robot, robot.lookup("#joinUrl").query().getScene(), "workshop-join.png");
        robot.clickOn("OK");
        // the server wants the password: asked, never put in the address
        waitUntil("the password is asked", () -> showing(robot, "#databasePassword"));
        robot.interact(() -> robot.lookup("#databasePassword").queryAs(PasswordField.class)
                .setText(new String(pg.prompt().ask(null, "postgres"))));
        robot.clickOn("OK");
        waitUntil("the scenario is asked", () -> showing(robot, "#joinScenario"));
        robot.interact(() -> {
            DialogPane pane = robot.lookup("#joinScenario").queryAs(DialogPane.class);
            @SuppressWarnings("unchecked")
            ComboBox<String> box = (ComboBox<String>) pane.lookup(".combo-box");
            box.setValue("Werkgroep Noord");
        });
        robot.clickOn("OK");
        waitUntil("the laptop is on the project's scenario", () -> laptop.session().shared() != null
                && "Werkgroep Noord".equals(laptop.session().scenarioName()));

        // Carla sketches an expansion on the laptop
        Candidate model = laptop.session().project().scenarios().get(0).candidates().get(0);
        Candidate sketch = new Candidate("carla-1", "Schets van Carla", model.kind(), model.parentCluster(),
                AffineTransformation.translationInstance(300, 300).transform(model.geometry()), 0, model.profileName(), null, "");
        robot.interact(() -> laptop.perform(new CandidateChanges.Add("Werkgroep Noord", sketch, -1), null));

        waitUntil("the projector shows Carla's sketch", () -> projector.map().candidates().stream().anyMatch(c -> c.id().equals("carla-1")));
        assertEquals("Carla", projector.map().authors().apply("carla-1"), "named on the projector");
        waitUntil("the projector knows Carla's colour", () -> projector.map().authorColours() != null
                && projector.map().authorColours().apply("Carla") != null);
        assertEquals(WorkshopJoin.toRgba(chosen), projector.map().authorColours().apply("Carla").intValue(), "in her colour");
        assertTrue(projector.presenting(), "still presenting");
        shoot(robot);

        // Carla leaves (Bestand → Workshop verlaten): her colour goes from the projector at once
        robot.interact(() -> laptop.workshop().leave());
        waitUntil("the projector forgets Carla's colour", () -> projector.map().authorColours().apply("Carla") == null);
        waitUntil("the laptop has left", () -> !((nl.ruimteschets.io.postgis.PostgisStorage) laptop.session().shared()).joined());
        assertEquals("Carla", projector.map().authors().apply("carla-1"), "her sketch still says who made it");
        snapshot(robot, projectorStage.getScene(), "workshop-projector-after-leave.png");
    }

    /** Joining remembers the planner's name in the user's preferences: the one there before is put back. */
    private static String previousName;

    @BeforeAll
    static void keepName() {
        previousName = PlannerNameTest.prefs().get("plannerName", null);
    }

    @org.junit.jupiter.api.AfterAll
    static void putNameBack() {
        PlannerNameTest.putBack(previousName);
    }

    private static void snapshot(FxRobot robot, javafx.scene.Scene scene, String name) throws Exception {
        snapshot(robot, scene, tmp, name);
    }

    /** A picture of the scene, into {@code -Druimteschets.shots} (default: {@code tempDir}, the test's temp folder). */
    static void snapshot(FxRobot robot, javafx.scene.Scene scene, Path tempDir, String name) throws Exception {
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> img[0] = scene.snapshot(null));
        Path dir = Path.of(System.getProperty("ruimteschets.shots", tempDir.toString()));
        java.nio.file.Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name).toFile());
    }

    private void shoot(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("ruimteschets.shots", tmp.toString()));
        java.nio.file.Files.createDirectories(dir);
        javafx.scene.image.WritableImage[] img = new javafx.scene.image.WritableImage[2];
        robot.interact(() -> {
            img[0] = laptopStage.getScene().snapshot(null);
            img[1] = projectorStage.getScene().snapshot(null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve("workshop-laptop.png").toFile());
        ImageIO.write(SwingFXUtils.fromFXImage(img[1], null), "png", dir.resolve("workshop-projector.png").toFile());
    }
}
