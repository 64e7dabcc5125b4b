package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The planner window at laptop and desktop size, before and after presentation mode: the map keeps
 * most of the width, no label in the panels is cut off ("…"), and in presentation mode every figure
 * and the disclaimer are on screen. Snapshots are written to the temp directory for a look.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutTest {
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(Locale.forLanguageTag("nl"));
        nl.ruimteschets.model.Project p = SampleProject.build();
        // more layers than the list shows: it then scrolls, and its rows must still fit its width
        nl.ruimteschets.model.Layer towns = p.layers().stream().filter(l -> l.name().equals("Gemeenten")).findFirst().orElseThrow();
        for (int i = 1; i <= 4; i++) {
            p.layers().add(0, new nl.ruimteschets.model.Layer("Gemeenten " + i, towns.role(), towns.fields(), towns.features(),
                    towns.fieldMapping(), towns.source(), towns.report()));
        }
        window.show(stage, new Session(p, null));
    }

    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void everythingFitsBeforeAndAfterPresenting(int width, int height, FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lastResult() != null && !window.computing());
        Candidate first = window.session().scenario().orElseThrow().candidates().get(0);
        robot.interact(() -> window.select(first.id()));
        WaitForAsyncUtils.waitForFxEvents();
        double[] before = window.centrePane().getDividerPositions();
        checkPlanner(width, "main");

        robot.interact(window::present);
        // Full screen fills the virtual screen; the room's screen is as large as the size under test.
        robot.interact(() -> {
            stage.setFullScreen(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.select(first.id()));
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(width + "-f5");
        double sceneHeight = stage.getScene().getHeight();
        List<Node> figures = new ArrayList<>(robot.lookup(".presentation-figure").queryAll());
        assertTrue(figures.size() >= 3, "candidate and balance figures are shown");
        for (Node n : figures) assertInside(n, sceneHeight, "figure " + ((Labeled) n).getText());
        Labeled note = robot.lookup("#presentationNote").queryAs(Labeled.class);
        assertInside(note, sceneHeight, "the disclaimer");

        robot.interact(window::leavePresentation);
        WaitForAsyncUtils.waitForFxEvents();
        double[] after = window.centrePane().getDividerPositions();
        for (int i = 0; i < before.length; i++) assertEquals(before[i], after[i], 0.01, "the panels come back as they were");
        checkPlanner(width, "esc");
    }

    private void checkPlanner(int width, String name) throws Exception {
        snapshot(width + "-" + name);
        double mapWidth = window.map().getWidth();
        assertTrue(mapWidth > stage.getScene().getWidth() * 0.4, "the map keeps most of the window: " + mapWidth);
        List<String> cut = new ArrayList<>();
        for (String id : new String[] {"#indicatorPanel", "#candidateSheet", "#layerPanel"}) {
            Node root = stage.getScene().lookup(id);
            collectCut(root, cut);
        }
        assertEquals(List.of(), cut, "labels cut off at " + width + " px");
        javafx.scene.control.ListView<?> layers = (javafx.scene.control.ListView<?>) stage.getScene().lookup("#layerPanel .list-view");
        for (Node bar : layers.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar sb && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertFalse(sb.isVisible(), "the layer list scrolls sideways at " + width + " px: its sliders are hidden");
            }
        }
        double listRight = layers.localToScene(layers.getBoundsInLocal()).getMaxX();
        for (Node slider : layers.lookupAll(".slider")) {
            if (!slider.isVisible() || slider.getScene() == null) continue;
            double right = slider.localToScene(slider.getBoundsInLocal()).getMaxX();
            assertTrue(right <= listRight + 0.5, "an opacity slider reaches past the layer list: " + right + " > " + listRight);
        }
        // Moerdijk's nitrogen figures list six Natura 2000 areas in one value: the names beside it stay whole
        Candidate moerdijk = window.session().scenario().orElseThrow().candidates().stream()
                .filter(c -> c.name().startsWith("Moerdijk")).findFirst().orElseThrow();
        String selected = window.map().selectedId();
        org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
        robot.interact(() -> window.select(moerdijk.id()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.computing()
                && robot.lookup("#indCandidateName").tryQuery().map(l -> ((Labeled) l).getText().equals(moerdijk.name())).orElse(false)
                && robot.lookup("#ind-nitrogen-insensitive").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(width + "-" + name + "-moerdijk");
        List<String> broken = new ArrayList<>();
        collectBrokenWords(stage.getScene().lookup("#indicatorPanel"), broken);
        assertEquals(List.of(), broken, "words broken over lines at " + width + " px");
        if (selected != null) robot.interact(() -> window.select(selected));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Wrapped labels narrower than their longest word, which JavaFX then breaks letter by letter. */
    private static void collectBrokenWords(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.isWrapText() && l.getText() != null && !l.getText().isBlank()) {
            double room = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset();
            for (String word : l.getText().split("\\s+")) {
                Text t = new Text(word);
                t.setFont(l.getFont());
                if (t.getLayoutBounds().getWidth() > room + 1) {
                    out.add("'" + word + "' in '" + l.getText() + "' (" + Math.round(room) + " px)");
                    break;
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectBrokenWords(c, out);
    }

    private static void collectCut(Node n, List<String> out) {
        if (!n.isVisible()) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.getText() != null && !t.getText().equals(l.getText()) && (t.getText().endsWith("…") || t.getText().endsWith("..."))) {
                    out.add(l.getText() + " → " + t.getText());
                }
            }
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collectCut(c, out);
    }

    private static void assertInside(Node n, double sceneHeight, String what) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertTrue(n.isVisible() && b.getMaxY() <= sceneHeight + 0.5, what + " is on screen: bottom " + b.getMaxY() + " of " + sceneHeight);
    }

    private void snapshot(String name) throws Exception {
        Snapshots.write(stage.getScene(), "layout-" + name);
    }
}
