package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.io.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start-up order that {@code --exit-after-shown} measures: the window counts as up once its map
 * shows the project's layers for the current view, and only then does the engine start, so the numbers
 * follow the map instead of slowing it down.
 */
@ExtendWith(ApplicationExtension.class)
class FirstDrawingTest {
    private MainWindow window;
    private final AtomicBoolean drawn = new AtomicBoolean();
    private final AtomicBoolean mapUpToDateThen = new AtomicBoolean();
    private final AtomicReference<ScenarioResult> resultThen = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(SampleProject.build(), null));
        window.map().whenDrawn(() -> {
            mapUpToDateThen.set(window.map().baseUpToDate());
            resultThen.set(window.lastResult());
            drawn.set(true);
        });
    }

    @Test
    void theMapIsDrawnFirstAndThenTheEngineStarts() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, drawn::get);
        assertTrue(mapUpToDateThen.get(), "the map showed the layers for its view when it counted as drawn");
        assertNull(resultThen.get(), "no engine result before the map was on screen");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.lastResult() != null);
    }
}
