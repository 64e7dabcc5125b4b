package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.GeoPackageWriter;
import nl.ruimteschets.io.ShapefileWriter;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the import flow as a user would: ImportFlow.run is called from the test thread and returns at
 * once; the test waits for each window by id and works its controls with the robot.
 */
@ExtendWith(ApplicationExtension.class)
class ImportFlowTest {
    static final Locale DUTCH = Locale.forLanguageTag("nl");
    @TempDir Path dir;
    Stage owner;
    final List<Layer> imported = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 300, 200));
        stage.show();
    }

    /** Five RD squares with a .prj (RD New), fields naam and cluster; the fourth is a bow-tie to repair. */
    Path shapefile(String base) throws Exception {
        return shapefile(base, 155000, 463000, 50);
    }

    Path shapefile(String base, double x0, double y, double size) throws Exception {
        WKTReader wkt = new WKTReader();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double x = x0 + i * 2 * size;
            double x1 = x + size;
            double y1 = y + size;
            String ring = i == 3
                    ? x + " " + y + ", " + x1 + " " + y1 + ", " + x1 + " " + y + ", " + x + " " + y1 + ", " + x + " " + y
                    : x + " " + y + ", " + x1 + " " + y + ", " + x1 + " " + y1 + ", " + x + " " + y1 + ", " + x + " " + y;
            features.add(new Feature(i + 1, wkt.read("POLYGON((" + ring + "))"), new Object[] {"Kavel " + i, "Oost"}));
        }
        Path shp = dir.resolve(base + ".shp");
        new ShapefileWriter().write(shp, base, List.of(new Field("naam", FieldType.TEXT),
                new Field("cluster", FieldType.TEXT)), features, ProgressListener.NONE);
        assertTrue(Files.exists(dir.resolve(base + ".prj")));
        return shp;
    }

    /** Waits until the node is on a showing window, as a robot click needs it, not merely in a scene graph. */
    static <T extends Node> T waitFor(FxRobot robot, String query, Class<T> type) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> lookupNow(robot, query));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(query).queryAs(type);
    }

    /** Whether the node is on a showing window; the lookup runs on the FX thread, never beside a scene-graph change. */
    private static boolean lookupNow(FxRobot robot, String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).match((Node n) -> onShowingWindow(n)).tryQuery().isPresent())
                .get(10, TimeUnit.SECONDS);
    }

    /** A node of a window closing meanwhile loses its scene, which is no match, not an error. */
    private static boolean onShowingWindow(Node n) {
        try {
            javafx.scene.Scene scene = n.getScene();
            return scene != null && scene.getWindow() != null && scene.getWindow().isShowing()
                    && org.testfx.util.NodeQueryUtils.isVisible().test(n);
        } catch (NullPointerException e) {
            return false;
        }
    }

    @Test
    void userNamesTheLayerChoosesARoleAndSeesTheReport(FxRobot robot) throws Exception {
        Path shp = shapefile("kavels");
        ImportFlow.run(owner, shp, DUTCH, Set.of("Kavels", "Wegen"), imported::add);

        TextField name = waitFor(robot, "#importName", TextField.class);
        Button ok = robot.lookup("#importOk").queryAs(Button.class);
        assertEquals("kavels", name.getText(), "the file's base name is the default");
        assertTrue(ok.isDisabled(), "'kavels' clashes with the existing layer 'Kavels'");
        assertTrue(robot.lookup("#importNameError").queryAs(Label.class).getText().contains("kavels"));

        robot.clickOn("#importName").push(KeyCode.CONTROL, KeyCode.A).write("Uitgifte oost");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Uitgifte oost", name.getText());
        assertFalse(ok.isDisabled());
        assertEquals("", robot.lookup("#importNameError").queryAs(Label.class).getText());

        robot.clickOn("#importRole").clickOn("Uitgeefbare kavel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(LayerRole.AVAILABLE_PLOT, robot.lookup("#importRole").queryAs(ChoiceBox.class).getValue());
        ComboBox<?> cluster = robot.lookup("#importMap-cluster").queryAs(ComboBox.class);
        assertEquals("cluster", cluster.getValue(), "preset from the guessed mapping");
        assertEquals("—", robot.lookup("#importMap-area_ha").queryAs(ComboBox.class).getValue());

        robot.clickOn("#importOk");
        TextArea report = waitFor(robot, "#importReportText", TextArea.class);
        assertEquals(1, imported.size());
        Layer layer = imported.get(0);
        assertEquals("Uitgifte oost", layer.name());
        assertEquals(LayerRole.AVAILABLE_PLOT, layer.role());
        assertEquals(5, layer.features().size());
        assertEquals(Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster"), layer.fieldMapping());
        String shown = report.getText();
        assertTrue(shown.contains("5 van 5 gelezen objecten"), shown);
        assertTrue(shown.contains("EPSG:28992"), shown);
        assertTrue(shown.contains("Herstelde objecten (id): 4"), shown);
        assertFalse(robot.lookup("#importDialog").tryQuery().isPresent(), "the dialog closed");
        assertFalse(robot.lookup("#importProgress").tryQuery().isPresent(), "the progress window closed");
        robot.clickOn("#importReportClose");
    }

    @Test
    void englishReportAndCancellingTheDialogAddsNothing(FxRobot robot) throws Exception {
        Path shp = shapefile("zones");
        ImportFlow.run(owner, shp, Locale.ENGLISH, Set.of(), imported::add);
        waitFor(robot, "#importOk", Button.class);
        robot.clickOn("#importCancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#importDialog").tryQuery().isPresent());

        ImportFlow.run(owner, shp, Locale.ENGLISH, Set.of(), imported::add);
        waitFor(robot, "#importOk", Button.class);
        assertTrue(robot.lookup("Layer name").tryQuery().isPresent(), "English labels");
        robot.clickOn("#importOk");
        String shown = waitFor(robot, "#importReportText", TextArea.class).getText();
        assertTrue(shown.contains("Imported 5 of 5 features"), shown);
        assertEquals(1, imported.size());
        assertEquals(LayerRole.BASEMAP, imported.get(0).role());
    }

    @Test
    void corruptFileShowsAReadableErrorAndDeliversNoLayer(FxRobot robot) throws Exception {
        Path shp = shapefile("kapot");
        Files.writeString(shp, "dit is geen shapefile ".repeat(20), StandardCharsets.US_ASCII);
        ImportFlow.run(owner, shp, DUTCH, Set.of(), imported::add);
        DialogPane error = waitFor(robot, "#importError", DialogPane.class);
        assertTrue(error.getContentText().contains("kapot.shp"), error.getContentText());
        assertTrue(error.getContentText().contains("geen shapefile"), error.getContentText());
        assertFalse(error.getContentText().contains("Exception"), "no stack trace or class names");
        assertTrue(imported.isEmpty());
        assertFalse(robot.lookup("#importDialog").tryQuery().isPresent());
    }

    @Test
    void failureDuringTheLoadShowsTheMessageAndTheCrsOverrideFixesIt(FxRobot robot) throws Exception {
        Path shp = shapefile("wereld", 5.1, 52.1, 0.001); // degrees, and without a .prj nothing says so
        Files.delete(dir.resolve("wereld.prj"));
        ImportFlow.run(owner, shp, Locale.ENGLISH, Set.of(), imported::add);
        waitFor(robot, "#importOk", Button.class);
        robot.clickOn("#importOk");
        DialogPane error = waitFor(robot, "#importError", DialogPane.class);
        String shown = error.getContentText();
        assertTrue(shown.contains("wereld.shp") && shown.contains("no coordinate"), shown);
        assertTrue(imported.isEmpty());
        assertFalse(robot.lookup("#importReport").tryQuery().isPresent());
        robot.clickOn("Close");

        ImportFlow.run(owner, shp, Locale.ENGLISH, Set.of(), imported::add);
        waitFor(robot, "#importOk", Button.class);
        robot.clickOn("#importCrs").clickOn("EPSG:4326 (WGS 84)");
        robot.clickOn("#importOk");
        String report = waitFor(robot, "#importReportText", TextArea.class).getText();
        assertTrue(report.contains("EPSG:4326"), report);
        assertEquals(5, imported.get(0).features().size());
        assertEquals(28992, imported.get(0).features().get(0).geometry().getSRID());
    }

    @Test
    void geoPackageTableChoiceRefreshesTheFieldMapping(FxRobot robot) throws Exception {
        Path gpkg = dir.resolve("bron.gpkg");
        List<Feature> two = nl.ruimteschets.io.LayerLoader.load(shapefile("tmp"), null, null, LayerRole.BASEMAP, null,
                null, null, ProgressListener.NONE).features().subList(0, 2);
        new GeoPackageWriter().write(gpkg, "kavels", List.of(new Field("naam", FieldType.TEXT),
                new Field("cluster", FieldType.TEXT)), two, ProgressListener.NONE);
        List<Feature> zones = List.of(new Feature(1, two.get(0).geometry(), new Object[] {"Zone A", "geluidzone"}));
        new GeoPackageWriter().write(gpkg, "zones", List.of(new Field("omschrijving", FieldType.TEXT),
                new Field("type", FieldType.TEXT)), zones, ProgressListener.NONE);

        ImportFlow.run(owner, gpkg, DUTCH, Set.of(), imported::add);
        waitFor(robot, "#importOk", Button.class);
        robot.clickOn("#importRole").clickOn("Geluidzone");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("naam", robot.lookup("#importMap-name").queryAs(ComboBox.class).getValue());
        assertEquals("—", robot.lookup("#importMap-kind").queryAs(ComboBox.class).getValue());
        robot.clickOn("#importTable").clickOn("zones");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("omschrijving", robot.lookup("#importMap-name").queryAs(ComboBox.class).getValue());
        assertEquals("type", robot.lookup("#importMap-kind").queryAs(ComboBox.class).getValue());
        robot.clickOn("#importOk");
        waitFor(robot, "#importReportText", TextArea.class);
        Layer layer = imported.get(0);
        assertEquals(LayerRole.NOISE_ZONE, layer.role());
        assertEquals(1, layer.features().size());
        assertEquals("geluidzone", layer.text(layer.features().get(0), Layer.MAP_KIND));
    }

    @Test
    void cancellingTheProgressWindowStopsTheLoadAndAddsNothing(FxRobot robot) throws Exception {
        Path shp = shapefile("traag");
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        ImportFlow.Loader real = ImportFlow.loader;
        // A load that reports progress and runs until the listener says cancelled, like a huge file would.
        ImportFlow.loader = (file, table, name, role, mapping, epsg, encoding, progress) -> {
            try {
                for (long done = 0; ; done++) {
                    progress.progress(done % 100, 100);
                    progress.checkCancelled();
                    Thread.sleep(5);
                }
            } finally {
                stopped.countDown();
            }
        };
        try {
            ImportFlow.run(owner, shp, DUTCH, Set.of(), imported::add);
            waitFor(robot, "#importOk", Button.class);
            robot.clickOn("#importOk");
            javafx.scene.control.ProgressBar bar = waitFor(robot, "#importProgressBar", javafx.scene.control.ProgressBar.class);
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> bar.getProgress() >= 0); // bound to the task
            robot.clickOn("#importProgressCancel");
            assertTrue(stopped.await(5, TimeUnit.SECONDS), "the load saw the cancel");
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(robot.lookup("#importProgress").tryQuery().isPresent());
            assertFalse(robot.lookup("#importReport").tryQuery().isPresent());
            assertFalse(robot.lookup("#importError").tryQuery().isPresent());
            assertTrue(imported.isEmpty());
        } finally {
            ImportFlow.loader = real;
        }
    }
}
