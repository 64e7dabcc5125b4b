package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.ShapefileWriter;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.geo.Rd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A planner imports a file into an open shared (PostGIS) project through the app's import dialog: with the
 * in-database threshold set low, the file streams into the database and the new layer shows in this window and
 * in a colleague's as a layer that stays in the database; no feature reached either window's heap, this window
 * shows it once (its own notification does not add it again) and the import is not an undo step. Screenshots
 * go to {@code -Druimteschets.shots} (default: the test's temp folder). Skipped without a PostgreSQL server.
 */
@ExtendWith(ApplicationExtension.class)
class SharedImportTest {
    @TempDir static Path tmp;
    private static final Session[] sessions = new Session[2];
    private static String schema;
    private MainWindow a;
    private MainWindow b;
    private Stage stageA;
    private Stage stageB;

    @BeforeAll
    static void sharedProject() throws Exception {
        System.setProperty("ruimteschets.home", tmp.resolve("home").toString());
        PostgisTestServer pg = PostgisTestServer.require();
        schema = "appimport_" + ProcessHandle.current().pid();
        String url = pg.url(schema);
        try (ProjectStorage seed = ProjectStorage.open(url, pg.prompt())) {
            seed.save(SampleProject.build());
        }
        for (int i = 0; i < 2; i++) {
            ProjectStorage storage = ProjectStorage.open(url, pg.prompt());
            ((PostgisStorage) storage).setAuthor(i == 0 ? "Anna" : "Bram");
            sessions[i] = Session.of(storage.load(), storage);
        }
        System.setProperty("ruimteschets.pg.inDatabaseAbove", "1000");
    }

    @AfterAll
    static void resetThreshold() {
        System.clearProperty("ruimteschets.pg.inDatabaseAbove");
    }

    @Start
    void start(Stage primary) {
        stageA = new Stage();
        a = SharedProjectTest.open(stageA, sessions[0], 0);
        stageB = new Stage();
        b = SharedProjectTest.open(stageB, sessions[1], 640);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            a.session().close();
            b.session().close();
            stageA.close();
            stageB.close();
        });
    }

    /** 2,500 building squares in RD New, as a shapefile with a .prj. */
    private static Path buildings() throws Exception {
        List<Feature> fs = new ArrayList<>();
        for (int i = 1; i <= 2_500; i++) {
            double x = 103_000 + (i % 50) * 60, y = 409_000 + (i / 50) * 60;
            fs.add(new Feature(i, Rd.FACTORY.toGeometry(new Envelope(x, x + 25, y, y + 25)), new Object[] {"pand " + i}));
        }
        Path shp = tmp.resolve("panden.shp");
        new ShapefileWriter().write(shp, "panden", List.of(new Field("naam", FieldType.TEXT)), fs, ProgressListener.NONE);
        return shp;
    }

    /** Whether a label with exactly this text shows in the window's layer panel. */
    private static boolean badgeShown(FxRobot robot, Stage stage, String text) {
        return robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l && text.equals(l.getText())
                && n.getScene() != null && n.getScene().getWindow() == stage).tryQuery().isPresent();
    }

    @Test
    void importedFileBecomesADatabaseLayerHereAndInTheColleaguesWindow(FxRobot robot) throws Exception {
        Path file = buildings();
        int layersBefore = sessions[0].project().layers().size();

        // First a cancelled import: held at its first progress report until Cancel is clicked, it rolls back.
        PostgisStorage store = (PostgisStorage) a.session().shared();
        ImportFlow.runShared(stageA, file, Locale.forLanguageTag("nl"), java.util.Set.of(),
                (f, table, layer, role, mapping, epsg, enc, progress) -> store.importForWindow(f, table, layer, role, mapping, epsg, enc,
                        new ProgressListener() {
                            @Override public void progress(long done, long total) {
                                while (!progress.isCancelled()) Thread.onSpinWait();
                            }
                            @Override public boolean isCancelled() { return progress.isCancelled(); }
                        }),
                imported -> a.session().addImported(imported.layer(), imported.index()));
        robot.clickOn(ImportFlowTest.waitFor(robot, "#importOk", Button.class));
        robot.clickOn(ImportFlowTest.waitFor(robot, "#importProgressCancel", Button.class));
        javafx.scene.control.DialogPane cancelled = ImportFlowTest.waitFor(robot, "#importCancelled", javafx.scene.control.DialogPane.class);
        assertTrue(cancelled.getContentText().contains("geannuleerd") && cancelled.getContentText().contains("ongewijzigd"),
                cancelled.getContentText());
        assertEquals(layersBefore, a.session().project().layers().size(), "nothing added here");
        try (Connection c = PostgisTestServer.require().admin(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "' AND tablename = 'panden'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "no table left behind");
        }
        robot.interact(() -> ((Stage) cancelled.getScene().getWindow()).close());

        a.importFile(file);

        TextField name = ImportFlowTest.waitFor(robot, "#importName", TextField.class);
        assertEquals("panden", name.getText());
        robot.clickOn(ImportFlowTest.waitFor(robot, "#importOk", Button.class));
        TextArea report = ImportFlowTest.waitFor(robot, "#importReportText", TextArea.class);
        String shown = report.getText();
        assertTrue(shown.contains("2.500 van 2.500"), shown);
        assertTrue(shown.contains("Geometrie hersteld: 0 objecten"), "nothing repaired, said as such: " + shown);
        assertTrue(shown.contains("blijft in de database") && shown.contains("niet ongedaan te maken"),
                "the report says where the layer is and that Undo does not remove it: " + shown);

        // This window: a layer that stays in the database; its features never came into this heap.
        Layer here = a.session().project().layer("panden").orElseThrow();
        assertTrue(here.inDatabase(), "above the threshold the layer stays in the database");
        assertTrue(here.features().isEmpty(), "no feature in this window's heap");
        assertEquals(2_500, here.featureCount());
        assertFalse(a.session().history().canUndo(), "the import is not an undo step (it is stored for everyone)");

        // The colleague's window gets it through the feed, also as a database layer.
        SharedProjectTest.waitUntil("B shows the imported layer", () -> b.session().project().layer("panden").isPresent());
        Layer there = b.session().project().layer("panden").orElseThrow();
        assertTrue(there.inDatabase());
        assertTrue(there.features().isEmpty(), "no feature in the colleague's heap");

        // The notification has gone round (B has it); A's own did not add the layer a second time.
        assertEquals(layersBefore + 1, a.session().project().layers().size());
        assertEquals(1, a.session().project().layers().stream().filter(l -> l.name().equals("panden")).count());
        assertEquals(a.session().project().layers().indexOf(here),
                b.session().project().layers().indexOf(there), "the same place in the drawing order in both windows");

        // In the database: one table with every row, marked to stay there.
        PostgisTestServer pg = PostgisTestServer.require();
        try (Connection c = pg.admin(); ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM "
                + schema + ".panden), (SELECT in_database FROM " + schema + ".rs_layer_storage WHERE layer_table = 'panden')")) {
            rs.next();
            assertEquals(2_500, rs.getInt(1));
            assertTrue(rs.getBoolean(2));
        }

        robot.clickOn("#importReportClose");
        assertTrue(badgeShown(robot, stageA, "Achtergrond · database"), "A's layer panel says the layer is in the database");

        // Saved as a GeoPackage the layer stays outside memory in that file: the panel says "bestand", not "database".
        Path gpkg = tmp.resolve("kopie.gpkg");
        nl.ruimteschets.io.ProjectStore.save(b.session().project(), gpkg);
        nl.ruimteschets.model.Project copy = nl.ruimteschets.io.ProjectStore.open(gpkg);
        assertTrue(copy.layer("panden").orElseThrow().inDatabase() && copy.layer("panden").orElseThrow().remote().inFile());
        Stage[] fileStage = new Stage[1];
        robot.interact(() -> {
            fileStage[0] = new Stage();
            SharedProjectTest.open(fileStage[0], new Session(copy, gpkg), 0);
        });
        assertTrue(badgeShown(robot, fileStage[0], "Achtergrond · bestand"), "the file's layer panel says it is in the file");
        assertFalse(badgeShown(robot, fileStage[0], "Achtergrond · database"));
        robot.interact(() -> fileStage[0].close());
        Path shots = Path.of(System.getProperty("ruimteschets.shots", tmp.toString()));
        java.nio.file.Files.createDirectories(shots);
        robot.interact(() -> {
            a.map().zoomTo(new Envelope(102_500, 106_500, 408_500, 412_000));
            b.map().zoomTo(new Envelope(102_500, 106_500, 408_500, 412_000));
        });
        SharedProjectTest.waitUntil("the maps drew", () -> a.lastResult() != null && !a.computing());
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stageA.getScene().snapshot(null), null), "png",
                        shots.resolve("shared-import-a.png").toFile());
                ImageIO.write(SwingFXUtils.fromFXImage(stageB.getScene().snapshot(null), null), "png",
                        shots.resolve("shared-import-b.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
