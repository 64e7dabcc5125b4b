package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Map actions that used to go wrong without a word: tool keys after a menu, bow-tie sketches, identify, measuring. */
@ExtendWith(ApplicationExtension.class)
class MapActionsTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(SampleProject.build(), null));
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.lastResult() != null && !window.computing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screen(double x, double y) {
        MapCanvas m = window.map();
        return m.localToScreen(m.viewport().toScreenX(x), m.viewport().toScreenY(y));
    }

    @Test
    void toolKeysWorkAfterAMenuButNotWhileTyping(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("Beeld");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.U);
        assertEquals(MapTools.Tool.EXPANSION, window.tools().tool(), "U chooses the expansion tool after a menu was used");
        robot.type(KeyCode.M);
        assertEquals(MapTools.Tool.MEASURE, window.tools().tool());

        Candidate first = window.session().scenario().orElseThrow().candidates().get(0);
        robot.interact(() -> window.select(first.id()));
        TextField name = robot.lookup("#prop-name").queryAs(TextField.class);
        robot.clickOn(name);
        robot.type(KeyCode.U);
        assertEquals(MapTools.Tool.MEASURE, window.tools().tool(), "typing in a field never switches tools");
        assertTrue(name.getText().toLowerCase(Locale.ROOT).contains("u"));
    }
}
