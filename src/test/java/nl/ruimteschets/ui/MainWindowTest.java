package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.scene.control.CheckBox;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.render.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;
    private Project project;

    @Start
    void start(Stage stage) {
        project = SampleProject.build();
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, project, "Ruimteschets — test");
    }

    @Test
    void showsEverySampleLayerWithADutchHeading(FxRobot robot) {
        assertEquals(project.layers().size(), window.map().layers().size());
        javafx.scene.control.ListView<?> list = robot.lookup("#layerPanel .list-view").queryAs(javafx.scene.control.ListView.class);
        assertEquals(project.layers().size(), list.getItems().size(), "every layer has a row in the panel");
        assertTrue(robot.lookup("#layerPanel .check-box").queryAllAs(CheckBox.class).size() > 3);
        assertTrue(robot.lookup("Kaartlagen").tryQuery().isPresent());
    }

    @Test
    void dragPansAndWheelZoomsTheMap(FxRobot robot) {
        Viewport before = window.map().viewport();
        robot.moveTo(window.map()).press(MouseButton.PRIMARY).moveBy(120, 40).release(MouseButton.PRIMARY);
        Viewport panned = window.map().viewport();
        assertNotEquals(before.centerX(), panned.centerX());
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        assertNotEquals(panned.metresPerPixel(), window.map().viewport().metresPerPixel(), "the wheel changes the scale");
    }
}
