package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;
import nl.ruimteschets.render.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Comparing scenarios: synchronised maps, the table of differences, the swipe view; the report from the menu path. */
@ExtendWith(ApplicationExtension.class)
class ComparisonTest {
    @TempDir Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Project p = SampleProject.build();
        Scenario fewer = ScenarioChanges.copy(p.scenarios().get(0), "Zonder satelliet");
        fewer.remove(fewer.candidates().get(fewer.candidates().size() - 1).id());
        p.scenarios().add(fewer);
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(p, null));
    }

    @Test
    void mapsMoveTogetherAndTheTableShowsDifferences(FxRobot robot) throws Exception {
        ComparisonView[] v = new ComparisonView[1];
        robot.interact(() -> v[0] = window.compare());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !v[0].table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<MapCanvas> maps = v[0].maps();
        assertEquals(2, maps.size());
        Viewport before = maps.get(1).viewport();
        robot.moveTo(maps.get(0)).press(MouseButton.PRIMARY).moveBy(100, 30).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(maps.get(1).viewport().centerX() != before.centerX(), "panning one map pans the other");
        assertEquals(maps.get(0).viewport().centerX(), maps.get(1).viewport().centerX(), 1e-6);
        List<String> netHa = v[0].table().getItems().get(0);
        assertEquals("Δ Zonder satelliet", v[0].table().getColumns().get(3).getText());
        assertTrue(netHa.get(3).startsWith("-"), "one satellite fewer: negative Δ ha " + netHa);

        robot.interact(() -> v[0].swipeSlider().setValue(0.25));
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle clip = (Rectangle) v[0].swipeTop().getClip();
        assertEquals(v[0].swipeTop().getWidth() * 0.25, clip.getWidth(), 1e-6, "the slider moves the swipe edge");
        for (MapCanvas m : maps) assertEquals(window.locale(), m.legendLocale(), "the legend speaks the app's language");
        assertEquals(window.locale(), v[0].swipeTop().legendLocale());
        Snapshots.write(v[0].stage().getScene(), "comparison-swipe");
        robot.interact(() -> v[0].stage().close());
    }

    @Test
    void theReportMenuPathWritesAPdf(FxRobot robot) throws Exception {
        Path pdf = tmp.resolve("rapport.pdf");
        boolean[] done = {false};
        robot.interact(() -> window.report("pdf", pdf, () -> done[0] = true));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> done[0]);
        assertTrue(Files.size(pdf) > 10_000);
    }
}
