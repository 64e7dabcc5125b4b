package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
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

    @Test
    void aBowTieIsShownRepairedWhileDrawingAndSaysWhatWasRepaired(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.map().zoomTo(new Envelope(101000, 107000, 408000, 414000)));
        robot.clickOn("#tool-EXPANSION");
        // Two triangles of 25 ha meeting in the middle: the outline as drawn encloses 0 ha.
        double[][] corners = {{103000, 410000}, {104000, 411000}, {104000, 410000}, {103000, 411000}};
        robot.press(KeyCode.SHIFT); // no snapping
        for (double[] c : corners) robot.clickOn(screen(c[0], c[1]));
        robot.release(KeyCode.SHIFT);
        String drawing = robot.lookup("#statusText").queryAs(Label.class).getText();
        // The clicks land on whole pixels: the two triangles enclose 50 ha give or take a little.
        assertTrue(drawing.contains("de lijn kruist zichzelf") && ha(drawing, "oppervlakte ([0-9.,]+) ha") > 49,
                "while drawing the repaired area shows: " + drawing);
        int before = window.session().scenario().orElseThrow().candidates().size();
        robot.type(KeyCode.ENTER);
        settle();
        String done = robot.lookup("#statusText").queryAs(Label.class).getText();
        assertTrue(ha(done, "getekend ([0-9.,]+) ha, na herstel") < 1 && ha(done, "na herstel ([0-9.,]+) ha") > 49,
                "the planner is told what was repaired: " + done);
        var cands = window.session().scenario().orElseThrow().candidates();
        assertEquals(before + 1, cands.size());
        assertEquals(50, cands.get(cands.size() - 1).grossAreaHa(), 1.0);
    }

    /** The Dutch number after a pattern's group, e.g. "49,8". */
    private static double ha(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        if (!m.find()) return Double.NaN;
        return Double.parseDouble(m.group(1).replace(".", "").replace(',', '.'));
    }

    @Test
    void theCursorLabelStaysInsideTheMap() {
        double[] at = MapTools.labelPosition("12,35 km  ·  1.234,5 ha", 795, 5, 800, 600);
        assertTrue(at[0] >= 0 && at[0] + at[2] <= 800, "inside on the right");
        assertTrue(at[1] >= 13, "inside at the top");
        at = MapTools.labelPosition("3 m", 100, 300, 800, 600);
        assertEquals(112, at[0], 0.01, "right of the cursor when there is room");
    }

    @Test
    void identifyFillsAPanelThatFollowsTheClicks(FxRobot robot) throws Exception {
        settle();
        var clusters = window.session().project().layers(nl.ruimteschets.model.LayerRole.CLUSTER).get(0);
        org.locationtech.jts.geom.Point inside = clusters.features().get(0).geometry().getInteriorPoint();
        robot.interact(() -> window.map().zoomTo(clusters.features().get(0).geometry().getEnvelopeInternal()));
        robot.clickOn("#tool-IDENTIFY");
        robot.clickOn(screen(inside.getX(), inside.getY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#identifyDialog").tryQuery().isEmpty(), "no modal box");
        String where = robot.lookup("#identifyWhere").queryAs(Label.class).getText();
        assertTrue(where.matches("RD \\d+ \\d+"), "RD coordinates without thousands separators: " + where);
        assertTrue(robot.lookup("#identifyPanel").queryAs(javafx.scene.Node.class).isVisible());
        assertTrue(robot.lookup(clusters.name() + " — Clustercontour").tryQuery().isPresent()
                || robot.lookup("#identifyPanel .label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().startsWith(clusters.name() + " — ")), "the cluster under the click is listed");
        robot.clickOn(screen(inside.getX() + 50, inside.getY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!where.equals(robot.lookup("#identifyWhere").queryAs(Label.class).getText()), "the panel follows the next click");
        robot.clickOn("#identifyClose");
        assertTrue(robot.lookup("#identifyPanel").tryQuery().isEmpty(), "closed");
    }

    @Test
    void undoInPresentationModeSaysWhatWasUndone(FxRobot robot) throws Exception {
        settle();
        Candidate first = window.session().scenario().orElseThrow().candidates().get(0);
        robot.interact(() -> window.session().perform(new nl.ruimteschets.model.change.CandidateChanges.Replace(
                window.session().scenarioName(), first.withName("Andere naam"), "change.candidate.properties")));
        robot.interact(window::present);
        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first.name(), window.session().scenario().orElseThrow().candidates().get(0).name(), "Ctrl+Z undoes while presenting");
        Label note = robot.lookup("#presentationFeedback").queryAs(Label.class);
        assertTrue(note.isVisible(), "the room sees that something was undone");
        assertEquals("Ongedaan gemaakt: " + window.text("change.candidate.properties"), note.getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !note.isVisible()); // and it goes away by itself
        robot.interact(window::leavePresentation);
    }

    @Test
    void escClosesTheComparison(FxRobot robot) throws Exception {
        settle();
        robot.interact(() -> window.session().perform(new nl.ruimteschets.model.change.ScenarioChanges.Add(
                nl.ruimteschets.model.change.ScenarioChanges.copy(window.session().scenario().orElseThrow(), "Tweede"), -1)));
        ComparisonView[] v = new ComparisonView[1];
        robot.interact(() -> v[0] = window.compare());
        assertTrue(v[0].stage().isShowing());
        robot.interact(() -> v[0].stage().requestFocus());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !v[0].stage().isShowing());
    }

    /** Opens the layer's attribute table, types {@code text} in the feature's cell of {@code column} and presses Enter. */
    private javafx.scene.control.TableView<nl.ruimteschets.model.Feature> typeInCell(FxRobot robot, nl.ruimteschets.model.Layer layer,
            nl.ruimteschets.model.Feature feature, int column, String text) {
        robot.interact(() -> window.layerActions().table(layer));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<nl.ruimteschets.model.Feature> table = robot.lookup("#attributeTable")
                .queryAs(javafx.scene.control.TableView.class);
        robot.interact(() -> {
            table.getScene().getWindow().requestFocus();
            table.requestFocus();
            table.edit(table.getItems().indexOf(feature), table.getColumns().get(column));
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField editorField = robot.lookup("#attributeTable .text-field").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            editorField.setText(text);
            editorField.fireEvent(new javafx.event.ActionEvent()); // Enter in the cell
        });
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    @Test
    void aPlannerCorrectsANameInTheAttributeTableAndCanUndoIt(FxRobot robot) throws Exception {
        settle();
        nl.ruimteschets.model.Layer clusters = window.session().project().layers(nl.ruimteschets.model.LayerRole.CLUSTER).get(0);
        int field = -1;
        for (int i = 0; i < clusters.fields().size(); i++) {
            if (clusters.fields().get(i).type() == nl.ruimteschets.model.FieldType.TEXT) { field = i; break; }
        }
        assertTrue(field >= 0, "the sample's clusters have a text field");
        int column = field + 1; // after the id column
        nl.ruimteschets.model.Feature first = clusters.features().get(0);
        Object old = first.value(field);
        javafx.scene.control.TableView<nl.ruimteschets.model.Feature> table = typeInCell(robot, clusters, first, column, "Gecorrigeerde naam");
        int f = field;
        java.util.function.Supplier<Object> value = () -> window.session().project().layer(clusters.name()).orElseThrow()
                .features().stream().filter(x -> x.id() == first.id()).findFirst().orElseThrow().value(f);
        assertEquals("Gecorrigeerde naam", value.get(), "the correction is a change of the project");
        assertEquals("Gecorrigeerde naam", table.getItems().stream().filter(x -> x.id() == first.id()).findFirst().orElseThrow()
                .value(field), "the table shows it");
        assertEquals("change.layer.value", window.session().history().undoDescriptionKey());
        robot.interact(() -> window.undo());
        assertEquals(old, value.get(), "and it can be undone");
        assertEquals(old, table.getItems().stream().filter(x -> x.id() == first.id()).findFirst().orElseThrow().value(field));
        robot.interact(() -> window.layerActions().tables().forEach(v -> v.stage().close()));
    }

    @Test
    void aYesNoAttributeIsEditedInTheTableAndCanBeUndone(FxRobot robot) throws Exception {
        settle();
        nl.ruimteschets.model.Layer natura = window.session().project().layers(nl.ruimteschets.model.LayerRole.NATURA2000).get(0);
        int field = natura.fieldIndex("stikstofgevoelig");
        assertEquals(nl.ruimteschets.model.FieldType.BOOLEAN, natura.fields().get(field).type());
        nl.ruimteschets.model.Feature first = natura.features().get(0);
        Object old = first.value(field);
        String typed = Boolean.TRUE.equals(old) ? "nee" : "ja";
        typeInCell(robot, natura, first, field + 1, typed);
        java.util.function.Supplier<Object> value = () -> window.session().project().layer(natura.name()).orElseThrow()
                .features().stream().filter(x -> x.id() == first.id()).findFirst().orElseThrow().value(field);
        assertEquals(!Boolean.TRUE.equals(old), value.get(), "\"" + typed + "\" is a yes/no value of the project");
        java.nio.file.Path saved = java.nio.file.Files.createTempDirectory("rs-attr").resolve("ja-nee.gpkg");
        nl.ruimteschets.io.ProjectStore.save(window.session().project(), saved);
        Object reopened = nl.ruimteschets.io.ProjectStore.open(saved).layer(natura.name()).orElseThrow().features().stream()
                .filter(x -> x.id() == first.id()).findFirst().orElseThrow().value(field);
        assertEquals(value.get(), reopened, "saved in the project file like any other value");
        assertEquals("change.layer.value", window.session().history().undoDescriptionKey());
        robot.interact(() -> window.undo());
        assertEquals(old, value.get(), "and it can be undone");
        robot.interact(() -> window.layerActions().tables().forEach(v -> v.stage().close()));
    }

    @Test
    void yesNoAndDatesAreReadAsTyped() throws Exception {
        Locale dutch = Locale.forLanguageTag("nl");
        assertEquals(Boolean.TRUE, AttributeTable.parse("Ja", nl.ruimteschets.model.FieldType.BOOLEAN, dutch));
        assertEquals(Boolean.FALSE, AttributeTable.parse("false", nl.ruimteschets.model.FieldType.BOOLEAN, dutch));
        assertEquals(java.time.LocalDate.of(2024, 3, 31), AttributeTable.parse("2024-03-31", nl.ruimteschets.model.FieldType.DATE, dutch));
        assertEquals(java.time.LocalDate.of(2024, 3, 31), AttributeTable.parse("31-3-2024", nl.ruimteschets.model.FieldType.DATE, dutch));
        for (String bad : java.util.List.of("misschien", "2024-02-30", "31/3/2024")) {
            nl.ruimteschets.model.FieldType type = bad.equals("misschien") ? nl.ruimteschets.model.FieldType.BOOLEAN
                    : nl.ruimteschets.model.FieldType.DATE;
            org.junit.jupiter.api.Assertions.assertThrows(java.text.ParseException.class, () -> AttributeTable.parse(bad, type, dutch), bad);
        }
    }
}
