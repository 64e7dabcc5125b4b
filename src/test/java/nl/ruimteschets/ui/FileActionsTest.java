package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The unsaved-changes question during Open: "Opslaan" saves and then opens. */
@ExtendWith(ApplicationExtension.class)
class FileActionsTest {
    @TempDir
    static Path tmp;
    private MainWindow window;
    private Path first, second;

    @BeforeAll
    static void isolatedHome() {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
    }

    @Start
    void start(Stage stage) throws Exception {
        first = tmp.resolve("eerste.gpkg");
        second = tmp.resolve("tweede.gpkg");
        ProjectStore.save(SampleProject.build(), first);
        Project other = SampleProject.build();
        other.scenarios().add(new Scenario("Alleen in het tweede", ""));
        ProjectStore.save(other, second);
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(ProjectStore.open(first), first));
    }

    @Test
    void saveInTheUnsavedPromptSavesAndThenOpens(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().perform(new ScenarioChanges.Add(new Scenario("Nieuw idee", ""), -1)));
        assertTrue(window.session().dirty());
        Platform.runLater(() -> window.files().openAfterConfirm(second));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unsavedDialog").tryQuery().isPresent());
        Button save = robot.lookup("#unsavedDialog .button").queryAllAs(Button.class).stream()
                .filter(b -> "Opslaan".equals(b.getText())).findFirst().orElseThrow();
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> second.equals(window.session().file()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.session().project().scenario("Alleen in het tweede").isPresent(), "the Open went on after the save");
        assertTrue(ProjectStore.open(first).scenario("Nieuw idee").isPresent(), "the first project was saved with the change");
        assertEquals(false, window.session().dirty());
    }
}
