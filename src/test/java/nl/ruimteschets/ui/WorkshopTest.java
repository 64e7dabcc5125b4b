package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A facilitator pins notes on the map (tool A), saves the state (Ctrl+B) and compares; all undoable, all shown. */
@ExtendWith(ApplicationExtension.class)
class WorkshopTest {
    @TempDir Path tmp;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Project p = SampleProject.build();
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.show(stage, new Session(p, null));
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.lastResult() != null && !window.computing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Scenario current() { return window.session().scenario().orElseThrow(); }

    private Point2D onMap(double fx, double fy) {
        var b = window.map().localToScreen(window.map().getBoundsInLocal());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    @Test
    void aNoteIsPlacedWithAKeyAClickAndItsTextThenUndoneAndRedone(FxRobot robot) throws Exception {
        settle();
        Candidate c = current().candidates().get(0);
        robot.interact(() -> window.map().zoomTo(c.footprint().getEnvelopeInternal()));
        robot.clickOn(window.map());
        robot.type(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MapTools.Tool.ANNOTATE, window.tools().tool(), "key A picks the notes tool");

        robot.clickOn(onMap(0.3, 0.3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#annotationText").tryQuery().isPresent());
        robot.clickOn("#annotationText").write("Ontsluiting via de Maasvlakteweg?");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> current().annotations().size() == 1);
        Annotation first = current().annotations().get(0);
        assertEquals(1, first.number());
        assertEquals("Ontsluiting via de Maasvlakteweg?", first.text());
        assertNull(first.arrowX(), "a click gives a note without an arrow");
        assertEquals(List.of(first), window.map().annotations(), "shown on the map");

        // A drag from the note's place to a candidate gives it an arrow.
        robot.moveTo(onMap(0.75, 0.2)).press(MouseButton.PRIMARY).moveTo(onMap(0.6, 0.4)).moveTo(onMap(0.5, 0.5))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#annotationText").tryQuery().isPresent());
        robot.clickOn("#annotationText").write("Hier komt de kade");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> current().annotations().size() == 2);
        Annotation second = current().annotations().get(1);
        assertEquals(2, second.number());
        assertNotNull(second.arrowX(), "a drag gives the note an arrow");
        var centre = window.map().viewport();
        assertEquals(centre.toWorldX(window.map().getWidth() * 0.5), second.arrowX(), centre.metresPerPixel() * 3, "arrow tip where the drag ended");

        robot.interact(() -> window.undo());
        assertEquals(List.of(first), current().annotations(), "undo takes the last note away");
        assertEquals(1, window.map().annotations().size());
        robot.interact(() -> window.redo());
        assertEquals(2, current().annotations().size());
        assertEquals(2, window.map().annotations().size());

        // Clicking a note with the tool edits it; emptying the text removes it (undoable).
        Point2D at = window.map().localToScreen(window.map().viewport().toScreenX(first.x()), window.map().viewport().toScreenY(first.y()));
        robot.clickOn(at);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#annotationText").tryQuery().isPresent());
        robot.clickOn("#annotationText").push(KeyCode.CONTROL, KeyCode.A).type(KeyCode.BACK_SPACE).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> current().annotations().size() == 1);
        assertEquals("Hier komt de kade", current().annotations().get(0).text());
        robot.interact(() -> window.undo());
        assertEquals(2, current().annotations().size());
        robot.interact(() -> window.present());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.map().annotations().size() == 2);
        Snapshots.write(window.map().getScene(), "presentation-notes");
        robot.interact(() -> window.leavePresentation());
    }

    @Test
    void ctrlBSavesTheStateAsANewTimedScenarioAlsoInPresentationMode(FxRobot robot) throws Exception {
        settle();
        int before = window.session().project().scenarios().size();
        robot.clickOn(window.map());
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        List<Scenario> all = window.session().project().scenarios();
        assertEquals(before + 1, all.size(), "one key, one new scenario");
        Scenario snap = all.get(all.size() - 1);
        assertTrue(snap.name().matches("Voorbeeld – stand \\d\\d:\\d\\d"), snap.name());
        assertEquals("Voorbeeld", window.session().scenarioName(), "the room goes on in the scenario it was in");
        assertEquals(current().candidates(), snap.candidates());

        // Later edits leave the saved state as it was; going back to it is choosing it.
        Candidate gone = current().candidates().get(0);
        robot.interact(() -> window.perform(new nl.ruimteschets.model.change.CandidateChanges.Remove("Voorbeeld", gone.id()), null));
        assertTrue(snap.candidates().contains(gone));

        robot.interact(() -> window.present());
        settle();
        robot.clickOn("#presentSnapshot");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 2, window.session().project().scenarios().size(), "the presentation button saves once");
        robot.press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 3, window.session().project().scenarios().size(), "Ctrl+B works while presenting, once");
        assertEquals(before + 3, window.session().project().scenarios().stream().map(Scenario::name).distinct().count(),
                "snapshots within one minute get their own names");
        robot.interact(() -> window.undo());
        assertEquals(before + 2, window.session().project().scenarios().size(), "a snapshot is undone like any edit");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theComparisonDrawsContoursColoursItsDifferencesAndWritesItsReport(FxRobot robot) throws Exception {
        settle();
        // Two scenarios that differ only by a candidate's profile: the maps must still differ.
        Scenario base = current();
        Scenario other = ScenarioChanges.copy(base, "Ander profiel");
        Candidate c = other.candidates().get(0);
        String profile = c.profileName().equals("Zware industrie") ? "Chemie (Brzo)" : "Zware industrie";
        other.replace(new Candidate(c.id(), c.name(), c.kind(), c.parentCluster(), c.geometry(), c.pointAreaHa(), profile,
                c.overrides(), c.notes()));
        robot.interact(() -> window.perform(new ScenarioChanges.Add(other, -1), null));
        ComparisonView[] v = new ComparisonView[1];
        robot.interact(() -> v[0] = window.compare());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !v[0].table().getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        List<MapCanvas> maps = v[0].maps();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> maps.stream().allMatch(MapCanvas::baseUpToDate));
        assertTrue(v[0].table().getColumns().get(0).getText().length() > 0);
        for (List<String> row : v[0].table().getItems()) assertTrue(!row.get(0).contains("(ha) (ha)"), row.get(0));

        // Δ cells coloured: some row differs, and its Δ cell is styled better or worse.
        var cells = robot.lookup(".delta-better").queryAll();
        var worse = robot.lookup(".delta-worse").queryAll();
        assertTrue(!cells.isEmpty() || !worse.isEmpty(), "a different profile changes some indicator, coloured by its direction");
        for (var n : cells) assertTrue(((TableCell<?, ?>) n).getStyle().contains("#1b5e20"), "better is green");
        for (var n : worse) assertTrue(((TableCell<?, ?>) n).getStyle().contains("#b71c1c"), "worse is red");

        Path pdf = tmp.resolve("vergelijking.pdf");
        boolean[] done = {false};
        robot.interact(() -> v[0].writeReport(pdf, () -> done[0] = true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done[0]);
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
            assertTrue(text.contains("Vergelijking van scenario's"), "the comparison report, from the app");
            assertTrue(text.contains("Ander profiel") && text.contains("kaartbeeld zoals op het scherm"), text);
        }
        assertTrue(Files.size(pdf) > 10_000);
        robot.interact(() -> v[0].stage().close());
    }

    @Test
    void theReportFromTheAppShowsThePlannersViewAtItsScale(FxRobot robot) throws Exception {
        settle();
        Candidate c = current().candidates().get(0);
        robot.interact(() -> window.map().zoomTo(c.footprint().getEnvelopeInternal()));
        Path pdf = tmp.resolve("rapport.pdf");
        boolean[] done = {false};
        robot.interact(() -> window.report("pdf", pdf, () -> done[0] = true));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> done[0]);
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
            assertTrue(text.contains("kaartbeeld zoals op het scherm"), "one map, of the view on screen: " + text);
            var m = java.util.regex.Pattern.compile("schaal 1:([\\d.]+)").matcher(text);
            assertTrue(m.find(), text);
            assertTrue(Long.parseLong(m.group(1).replace(".", "")) <= 50_000, "zoomed in on one candidate: " + m.group(1));
        }
    }
}
