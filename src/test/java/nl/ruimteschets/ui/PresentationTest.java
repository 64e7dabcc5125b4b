package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A facilitator's workshop: F5, big figures, scenario keys, sketching still works, Esc back. */
@ExtendWith(ApplicationExtension.class)
class PresentationTest {
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Project p = SampleProject.build();
        Scenario copy = ScenarioChanges.copy(p.scenarios().get(0), "Alleen uitbreidingen");
        copy.remove(copy.candidates().get(copy.candidates().size() - 1).id());
        p.scenarios().add(copy);
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(p, null));
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.lastResult() != null && !window.computing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void presentSwitchScenariosSketchAndLeave(FxRobot robot) throws Exception {
        settle();
        Candidate first = window.session().scenario().orElseThrow().candidates().get(0);
        robot.interact(() -> window.select(first.id()));
        robot.interact(() -> window.map().requestFocus());
        robot.type(KeyCode.F5);
        settle();
        assertTrue(window.presenting());
        assertTrue(stage.isFullScreen(), "one screen: the window itself goes full screen");
        assertTrue(robot.lookup("#presentation").tryQuery().isPresent());
        assertFalse(robot.lookup("#layerPanel").tryQuery().isPresent(), "editing chrome is hidden");
        var figures = robot.lookup(".presentation-figure").queryAllAs(Label.class);
        assertFalse(figures.isEmpty());
        for (Label l : figures) {
            Font f = l.getFont();
            assertTrue(f.getSize() >= 28, "figures readable from the back of the room: " + f.getSize());
        }
        assertTrue(figures.stream().anyMatch(l -> l.getText().endsWith("ha")), "net hectares of the selected candidate");

        robot.type(KeyCode.DIGIT2);
        settle();
        assertEquals("Alleen uitbreidingen", window.session().scenarioName(), "key 2 switches to the second scenario");
        assertTrue(robot.lookup("#presentScenario2").tryQuery().isPresent());
        robot.clickOn("#presentScenario1");
        settle();
        assertEquals("Voorbeeld", window.session().scenarioName(), "big buttons switch too");

        // Sketching goes on in the room: a click on a candidate in the map selects it.
        Candidate c = window.session().scenario().orElseThrow().candidates().get(0);
        robot.interact(() -> window.map().zoomTo(c.footprint().getEnvelopeInternal()));
        var centre = c.footprint().getInteriorPoint();
        Point2D at = window.map().localToScreen(window.map().viewport().toScreenX(centre.getX()),
                window.map().viewport().toScreenY(centre.getY()));
        robot.interact(() -> window.select(null));
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(c.id(), window.map().selectedId());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.presenting());
        assertFalse(stage.isFullScreen());
        assertTrue(robot.lookup("#layerPanel").tryQuery().isPresent(), "back in the planner");
        assertTrue(window.map().getScene() == stage.getScene(), "the map is back in the planner window");
    }
}
