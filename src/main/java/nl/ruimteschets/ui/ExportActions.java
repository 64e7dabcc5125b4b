package nl.ruimteschets.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.io.AtomicFiles;
import nl.ruimteschets.io.Exports;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.report.MapImage;
import nl.ruimteschets.report.PdfReport;
import nl.ruimteschets.report.Report;
import org.locationtech.jts.geom.Envelope;

/**
 * What leaves the app: the scenario's candidates, contours and notes as Shapefile, GeoPackage or GeoJSON,
 * the map as PNG, the PDF report and indicator CSV, and the comparison window. Long writes run on
 * their own thread on a copy of the project.
 *
 * <p>FX thread only (apart from the file work it starts).
 */
final class ExportActions {
    private final MainWindow window;

    ExportActions(MainWindow window) {
        this.window = window;
    }

    void exportDialog(String format) {
        Scenario s = window.session().scenario().orElse(null);
        if (s == null) return;
        Path target;
        if (format.equals("shp")) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(window.text("menu.export.shp"));
            java.io.File dir = dc.showDialog(window.stage());
            if (dir == null) return;
            target = dir.toPath();
        } else {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(Exports.safeName(s.name()) + "." + format);
            java.io.File f = fc.showSaveDialog(window.stage());
            if (f == null) return;
            target = f.toPath();
        }
        export(format, target);
    }

    /** Exports the scenario's candidates, their computed contours and the workshop notes; returns the files written. */
    List<Path> export(String format, Path target) {
        Session session = window.session();
        Scenario s = session.scenario().orElseThrow();
        List<Path> written = new ArrayList<>();
        try {
            ScenarioResult r = window.lastResult();
            Exports.Table cands = Exports.candidates(s, session.project(), r);
            Exports.Table contours = r == null ? null : Exports.contours(s.name(), r);
            Exports.Table notes = Exports.annotations(s);
            switch (format) {
                case "shp" -> {
                    Files.createDirectories(target);
                    written.addAll(Exports.shapefile(cands, target));
                    if (contours != null && !contours.isEmpty()) written.addAll(Exports.shapefile(contours, target));
                    if (!notes.isEmpty()) written.addAll(Exports.shapefile(notes, target));
                }
                case "gpkg" -> {
                    written.addAll(Exports.geoPackage(cands, target));
                    if (contours != null && !contours.isEmpty()) written.addAll(Exports.geoPackage(contours, target));
                    if (!notes.isEmpty()) written.addAll(Exports.geoPackage(notes, target));
                }
                default -> {
                    written.addAll(Exports.geoJson(cands, target, true));
                    if (contours != null && !contours.isEmpty()) {
                        String name = target.getFileName().toString().replaceFirst("(\\.[^.]*)?$", "_contouren.geojson");
                        written.addAll(Exports.geoJson(contours, target.resolveSibling(name), true));
                    }
                    if (!notes.isEmpty()) {
                        String name = target.getFileName().toString().replaceFirst("(\\.[^.]*)?$", "_notities.geojson");
                        written.addAll(Exports.geoJson(notes, target.resolveSibling(name), true));
                    }
                }
            }
            window.notify(java.text.MessageFormat.format(window.text("export.done"), written.size(), target));
        } catch (IOException | RuntimeException e) {
            window.error(window.text("error.export"), target + ": " + e.getMessage());
        }
        return written;
    }

    void exportPngDialog() {
        TextInputDialog width = new TextInputDialog("3840");
        width.initOwner(window.stage());
        width.setTitle(window.text("menu.export.png"));
        width.setHeaderText(window.text("png.widthQuestion"));
        Dialogs.localize(width, window.bundle());
        int w;
        try {
            w = Integer.parseInt(width.showAndWait().orElse("").trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (w < 200 || w > 16_000) {
            window.notify(window.text("png.widthRange"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("kaart.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        java.io.File f = fc.showSaveDialog(window.stage());
        if (f != null) exportPng(f.toPath(), w);
    }

    /**
     * Writes the map view at a chosen width in pixels (height in the view's proportion): layers,
     * candidates, legend, scale bar and north arrow, drawn off the FX thread.
     */
    void exportPng(Path file, int width) {
        Session session = window.session();
        MapCanvas map = window.map();
        Project copy = FileActions.snapshot(session.project());
        Scenario s = copy.scenario(session.scenarioName()).orElseThrow();
        Envelope area = map.viewport().worldBounds();
        int height = (int) Math.max(1, Math.round(width * map.getHeight() / Math.max(1, map.getWidth())));
        Thread t = new Thread(() -> {
            try {
                // Written beside and moved into place: a half-written PNG never carries the name.
                Path temp = AtomicFiles.tempBeside(file, ".png");
                javax.imageio.ImageIO.write(MapImage.render(copy, s, area, width, height, window.locale()), "png", temp.toFile());
                AtomicFiles.moveIntoPlace(temp, file);
                Platform.runLater(() -> window.notify(java.text.MessageFormat.format(window.text("export.done"), 1, file)));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> window.error(window.text("error.export"), file + ": " + e.getMessage()));
            }
        }, "ruimteschets-png");
        t.setDaemon(true);
        t.start();
    }

    /** Opens the comparison of the project's scenarios (two to four side by side, table, swipe). */
    ComparisonView compare() {
        Session session = window.session();
        if (session.project().scenarios().size() < 2) {
            window.notify(window.text("compare.needTwo"));
            return null;
        }
        return ComparisonView.show(window.stage(), window.bundle(), window.locale(), FileActions.snapshot(session.project()),
                window.projectName(), window.map().viewport());
    }

    void reportDialog(String format) {
        Scenario s = window.session().scenario().orElse(null);
        if (s == null) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(Exports.safeName(s.name()) + "." + format);
        java.io.File f = fc.showSaveDialog(window.stage());
        if (f != null) report(format, f.toPath(), null);
    }

    /**
     * Writes the scenario on screen as a PDF report or an indicator CSV, in the background;
     * {@code done} runs on the FX thread afterwards (tests).
     */
    void report(String format, Path target, Runnable done) {
        Session session = window.session();
        Project copy = FileActions.snapshot(session.project());
        Scenario s = copy.scenario(session.scenarioName()).orElseThrow();
        String name = window.projectName();
        Envelope view = window.map().viewport().worldBounds();
        window.statusBar().engine("file.saving");
        Thread t = new Thread(() -> {
            try {
                // The report's map shows what the planner has on screen.
                Report r = Report.of(copy, name, List.of(s), window.locale()).withView(view);
                if (format.equals("pdf")) PdfReport.write(r, target);
                else r.writeCsv(target);
                Platform.runLater(() -> {
                    window.notify(java.text.MessageFormat.format(window.text("export.done"), 1, target));
                    window.statusBar().engine("engine.ready");
                    if (done != null) done.run();
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> window.error(window.text("error.export"), target + ": " + e.getMessage()));
            }
        }, "ruimteschets-report");
        t.setDaemon(true);
        t.start();
    }
}
