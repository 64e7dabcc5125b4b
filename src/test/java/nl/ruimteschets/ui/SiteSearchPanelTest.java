package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The site search panel on the sample: ranked locations arrive, one click adds one as a candidate, undo takes it back. */
@ExtendWith(ApplicationExtension.class)
class SiteSearchPanelTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(SampleProject.build(), null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchShowsRankedLocationsAndAddsOneAsAnUndoableCandidate(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.lastResult() != null && !window.computing());
        robot.clickOn("Beeld");
        robot.clickOn("Locatie zoeken…");
        java.util.concurrent.atomic.AtomicReference<SiteSearchPanel> ref = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> ref.set(window.openSiteSearch())); // already open: the same panel
        SiteSearchPanel panel = ref.get();
        assertTrue(panel.isOpen());
        TableView<RankedLocation> table = robot.lookup("#search-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(panel.shownMap());
        assertFalse(panel.shownMap().coarse(), "the fine map is shown once the ranking is in");
        String status = robot.lookup("#search-status").queryAs(Label.class).getText();
        assertTrue(status.contains("Spearman"), status);
        for (RankedLocation l : table.getItems()) assertEquals(0, l.prConflicts(), "no PR conflict offered");

        int before = window.session().scenario().orElseThrow().candidates().size();
        RankedLocation first = table.getItems().get(0);
        robot.interact(() -> table.getSelectionModel().select(0));
        javafx.scene.control.Button add = robot.lookup("#search-add").queryAs(javafx.scene.control.Button.class);
        assertFalse(add.isDisabled(), "a selected row can be added");
        robot.clickOn(add);
        WaitForAsyncUtils.waitForFxEvents();
        List<Candidate> after = window.session().scenario().orElseThrow().candidates();
        assertEquals(before + 1, after.size());
        assertEquals(first.candidate().geometry(), after.get(after.size() - 1).geometry());
        // The added location is now taken: the next search no longer offers it.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !table.getItems().isEmpty()
                && table.getItems().stream().noneMatch(l -> l.candidate().geometry().equalsExact(first.candidate().geometry()))
                && robot.lookup("#search-status").queryAs(Label.class).getText().contains("Spearman"));
        robot.interact(() -> window.undo());
        assertEquals(before, window.session().scenario().orElseThrow().candidates().size());

        // A 4:1 rectangle lying east-west, in the province of Zeeland from the map's province layer.
        javafx.scene.control.ComboBox<Object> shape = robot.lookup("#search-shape").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.ComboBox<Object> area = robot.lookup("#search-area").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.ComboBox<String> province = robot.lookup("#search-province").queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(province.getItems().contains("Zeeland"), province.getItems().toString());
        robot.interact(() -> {
            shape.getSelectionModel().select(1);
            robot.lookup("#search-shape-aspect").queryAs(javafx.scene.control.TextField.class).setText("4");
            robot.lookup("#search-shape-orientation").queryAs(javafx.scene.control.TextField.class).setText("0");
            area.getSelectionModel().select(1);
            province.setValue("Zeeland");
        });
        org.locationtech.jts.geom.Geometry zeeland = nl.ruimteschets.analysis.search.SearchAreas
                .province(window.session().project().layers(), "Zeeland").orElseThrow().getValue();
        Label statusLabel = robot.lookup("#search-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            // Read on the FX thread, where the panel changes them.
            List<RankedLocation> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(table.getItems())).get();
            String text = WaitForAsyncUtils.asyncFx(statusLabel::getText).get();
            return !rows.isEmpty() && rows.stream().allMatch(l -> zeeland.contains(l.candidate().geometry().getCentroid()))
                    && rows.stream().filter(l -> l.plotName() == null).allMatch(l -> {
                        var e = l.candidate().geometry().getEnvelopeInternal();
                        return Math.abs(e.getWidth() / e.getHeight() - 4) < 0.01;
                    })
                    && text.contains("Spearman");
        });

        robot.clickOn("#search-close");
        assertFalse(panel.isOpen());
        assertTrue(robot.lookup("#search-panel").tryQuery().isEmpty(), "closing puts the indicators back");
    }
}
