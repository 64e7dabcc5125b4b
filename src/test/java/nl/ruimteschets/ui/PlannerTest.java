package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.Exports;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The planner's whole loop through the real window with robot clicks: draw an expansion on the sample
 * map, watch the indicators, drag a vertex, undo and redo, save and reopen, import a shapefile through
 * the dialog, switch to English.
 */
@ExtendWith(ApplicationExtension.class)
class PlannerTest {
    @TempDir
    static Path tmp;
    private MainWindow window;
    /** The window a language switch put in place of {@link #window}. */
    private MainWindow switched;
    private Stage stage;

    @BeforeAll
    static void isolatedHome() {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(Locale.forLanguageTag("nl"));
        window.onLanguageSwitch(w -> switched = w);
        window.show(stage, new Session(SampleProject.build(), null));
    }

    private Point2D screen(double x, double y) {
        MapCanvas m = window.map();
        return m.localToScreen(m.viewport().toScreenX(x), m.viewport().toScreenY(y));
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.lastResult() != null && !window.computing());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the engine did not deliver", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private List<Candidate> candidates() {
        return window.session().scenario().orElseThrow().candidates();
    }

    /** Draws a 1 km square south-east of Moerdijk with the expansion tool and returns it. */
    private Candidate drawSquare(FxRobot robot) {
        robot.interact(() -> window.map().zoomTo(new Envelope(101000, 107000, 408000, 414000)));
        robot.clickOn("#tool-EXPANSION");
        robot.interact(() -> window.map().requestFocus());
        double[][] corners = {{103000, 410000}, {104000, 410000}, {104000, 411000}, {103000, 411000}};
        robot.press(KeyCode.SHIFT); // no snapping: the test wants exact corners
        for (double[] c : corners) robot.clickOn(screen(c[0], c[1]));
        robot.release(KeyCode.SHIFT);
        robot.type(KeyCode.ENTER);
        settle();
        return candidates().get(candidates().size() - 1);
    }

    @Test
    void drawDragUndoRedoWithLiveIndicators(FxRobot robot) {
        settle();
        int before = candidates().size();
        Candidate c = drawSquare(robot);
        assertEquals(before + 1, candidates().size());
        assertEquals(CandidateKind.EXPANSION, c.kind());
        assertEquals(100, c.grossAreaHa(), 2, "a 1 km square drawn by clicks, within a pixel or so");
        assertEquals("Rotterdam-Moerdijk", c.parentCluster(), "nearest cluster by default");
        assertEquals(c.id(), window.map().selectedId(), "a new candidate is selected");
        String gross = label(robot, "#ind-grossHa");
        assertTrue(gross.startsWith("10") || gross.startsWith("99"), gross);
        String noise = label(robot, "#ind-noise-contour");
        assertTrue(window.title().startsWith("*"), "unsaved mark in the title");

        // Drag the north-east corner 80 px further out: the indicators follow.
        Point2D ne = screen(104000, 411000);
        robot.moveTo(ne).press(MouseButton.PRIMARY).moveBy(40, -40).moveBy(40, -40).release(MouseButton.PRIMARY);
        settle();
        Candidate dragged = candidates().get(candidates().size() - 1);
        assertTrue(dragged.grossAreaHa() > c.grossAreaHa() + 5, "the corner moved out: " + dragged.grossAreaHa());
        assertNotEquals(gross, label(robot, "#ind-grossHa"));
        assertNotEquals(noise, label(robot, "#ind-noise-contour"), "the noise contour grows with the area");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        settle();
        assertEquals(c.geometry(), candidates().get(candidates().size() - 1).geometry(), "undo restores the square");
        assertEquals(gross, label(robot, "#ind-grossHa"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        settle();
        assertEquals(dragged.geometry(), candidates().get(candidates().size() - 1).geometry(), "redo moves the corner again");
    }

    @Test
    void saveReopenAndFindTheCandidate(FxRobot robot) throws Exception {
        settle();
        Candidate c = drawSquare(robot);
        Path file = tmp.resolve("planner.gpkg");
        robot.interact(() -> window.saveTo(file, null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.session().dirty());
        assertEquals(file, window.session().file());
        assertTrue(!window.title().startsWith("*"), window.title());

        Project reopened = ProjectStore.open(file);
        Candidate back = reopened.scenario("Voorbeeld").orElseThrow().candidates().stream()
                .filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
        assertEquals(c.name(), back.name());
        assertEquals(c.grossAreaHa(), back.grossAreaHa(), 1e-6);

        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> file.equals(window.session().file()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(candidates().stream().anyMatch(x -> x.id().equals(c.id())), "the candidate is back after reopening");
    }

    @Test
    void hidingALayerIsAnUndoStepAndIsSavedWithTheProject(FxRobot robot) throws Exception {
        settle();
        List<nl.ruimteschets.model.Layer> layers = window.session().project().layers();
        String top = layers.get(layers.size() - 1).name(); // the panel lists the top layer first
        javafx.scene.Node row = robot.lookup("#layerPanel .list-cell").nth(0).query();
        robot.clickOn(robot.from(row).lookup(".check-box").queryAs(javafx.scene.control.CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.map().layer(top).visible(), top + " hidden");
        assertTrue(window.title().startsWith("*"), "a changed look is unsaved work: " + window.title());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.map().layer(top).visible(), "undo shows it again");
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.map().layer(top).visible(), "redo hides it");

        Path file = tmp.resolve("looks.gpkg");
        robot.interact(() -> window.saveTo(file, null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.session().dirty());
        assertTrue(!ProjectStore.open(file).displays().get(top).visible(), "saved hidden");
        robot.interact(() -> window.open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> file.equals(window.session().file()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.map().layer(top).visible(), "hidden again after reopening");
    }

    @Test
    void exportsCandidatesAndContoursThatOgrinfoReads(FxRobot robot) throws Exception {
        settle();
        drawSquare(robot);
        Path dir = tmp.resolve("export");
        List<Path>[] written = new List[1];
        robot.interact(() -> written[0] = window.export("shp", dir));
        assertTrue(Files.exists(dir.resolve("kandidaten_Voorbeeld.shp")), written[0].toString());
        assertTrue(Files.exists(dir.resolve("contouren_Voorbeeld.prj")), "computed contours are exported too");
        Path png = tmp.resolve("kaart.png");
        robot.interact(() -> window.exportPng(png, 1600));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(png)); // moved into place when complete
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1600, img.getWidth(), "the chosen resolution");
        Path ogrinfo = Path.of("/usr/bin/ogrinfo");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ogrinfo), "ogrinfo not installed: GDAL cross-check skipped");
        Process p = new ProcessBuilder(ogrinfo.toString(), "-al", "-so", dir.resolve("contouren_Voorbeeld.shp").toString())
                .redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), info);
        assertTrue(info.contains("Amersfoort / RD New"), info);
        assertTrue(info.contains("Polygon"), info);
        assertTrue(info.contains("soort") && info.contains("opp_ha"), info);
        int count = Integer.parseInt(info.replaceAll("(?s).*Feature Count: (\\d+).*", "$1"));
        assertTrue(count >= candidates().size() * 2, "noise and safety contours per candidate: " + count);
    }

    @Test
    void importAShapefileThroughTheDialog(FxRobot robot) throws Exception {
        settle();
        Path dir = Files.createDirectories(tmp.resolve("shp"));
        Feature plot = new Feature(1, Rd.FACTORY.createPolygon(new Coordinate[] {new Coordinate(105000, 412000),
            new Coordinate(105500, 412000), new Coordinate(105500, 412500), new Coordinate(105000, 412000)}),
                new Object[] {"Kavel Oost"});
        Exports.shapefile(new Exports.Table("kavels_test", List.of(new Field("naam", FieldType.TEXT)), List.of(plot)), dir);
        int layers = window.session().project().layers().size();
        for (int i = 0; i < 6; i++) { // let the first engine count a few versions
            Candidate c = candidates().get(0);
            String name = "Stap " + i;
            robot.interact(() -> window.session().perform(new nl.ruimteschets.model.change.CandidateChanges.Replace("Voorbeeld",
                    c.withName(name), "change.candidate.properties")));
            settle();
        }
        robot.interact(() -> window.importFile(dir.resolve("kavels_test.shp")));
        ImportFlowTest.waitFor(robot, "#importOk", javafx.scene.control.Button.class);
        robot.clickOn("#importRole");
        // The sample's layer panel shows the same words as a role badge: pick from the open list.
        robot.clickOn(robot.lookup(".context-menu .label")
                .match(org.testfx.matcher.control.LabeledMatchers.hasText("Uitgeefbare kavel")).queryLabeled());
        robot.clickOn("#importOk");
        ImportFlowTest.waitFor(robot, "#importReportClose", javafx.scene.control.Button.class);
        robot.clickOn("#importReportClose");
        assertEquals(layers + 1, window.session().project().layers().size());
        assertEquals(LayerRole.AVAILABLE_PLOT, window.session().project().layer("kavels_test").orElseThrow().role());
        assertNotNull(window.map().layer("kavels_test"), "the new layer is on the map");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(layers, window.session().project().layers().size(), "an import is one undo step");

        // Each layer change rebuilds the engine; its results must still reach the panel, however many
        // edits the previous engine had counted.
        Candidate first = candidates().get(0);
        robot.interact(() -> {
            window.select(first.id());
            window.session().perform(new nl.ruimteschets.model.change.CandidateChanges.Replace("Voorbeeld",
                    first.withName("Na de import"), "change.candidate.properties"));
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Na de import".equals(label(robot, "#indCandidateName")));
    }

    @Test
    void switchesToEnglishKeepingTheWork(FxRobot robot) {
        settle();
        Candidate c = drawSquare(robot);
        robot.clickOn("Taal").clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();
        MainWindow english = switched;
        assertNotEquals(window, english);
        assertTrue(robot.lookup("Map layers").tryQuery().isPresent());
        assertTrue(robot.lookup("File").tryQuery().isPresent());
        assertTrue(english.session().scenario().orElseThrow().candidates().stream().anyMatch(x -> x.id().equals(c.id())));
        robot.clickOn("Language").clickOn("Nederlands");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Kaartlagen").tryQuery().isPresent());
    }
}
