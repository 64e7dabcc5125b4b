package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import nl.ruimteschets.app.Cli;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workshop notes survive save and open, old project files without them still open, and they export as points GDAL reads. */
class AnnotationStoreTest {
    @TempDir Path dir;

    static final Annotation WITH_ARROW = new Annotation("a1", 1, "Ontsluiting via de A15? ë", 62_000, 437_000, 63_500.5, 436_200.0);
    static final Annotation PLAIN = new Annotation("a2", 2, "Hier geen woningen", 61_000, 438_000);

    static Project withNotes() {
        Project p = SampleProject.build();
        Scenario s = p.scenarios().get(0);
        s.addAnnotation(WITH_ARROW, -1);
        s.addAnnotation(PLAIN, -1);
        return p;
    }

    @Test
    void notesRoundTripThroughSaveAndOpenPerScenario() throws Exception {
        Project p = withNotes();
        Scenario other = new Scenario("Zonder notities", "");
        p.scenarios().add(other);
        Path file = dir.resolve("project.gpkg");
        ProjectStore.save(p, file);
        Project back = ProjectStore.open(file);
        assertEquals(List.of(WITH_ARROW, PLAIN), back.scenarios().get(0).annotations());
        assertEquals(List.of(), back.scenario("Zonder notities").orElseThrow().annotations());
        assertTrue(back.layer(ProjectStore.ANNOTATION).isEmpty(), "the notes table is not shown as a map layer");
        // Saved again over itself (the table is replaced, not doubled).
        ProjectStore.save(back, file);
        assertEquals(2, ProjectStore.open(file).scenarios().get(0).annotations().size());
    }

    @Test
    void aProjectFileFromBeforeNotesOpensWithoutThem() throws Exception {
        Path file = dir.resolve("old.gpkg");
        ProjectStore.save(withNotes(), file);
        try (GeoPackage gp = GeoPackageManager.open(file.toFile())) {
            gp.deleteTable(ProjectStore.ANNOTATION); // as written by a version without rs_annotation
        }
        Project old = ProjectStore.open(file);
        assertEquals(SampleProject.build().scenarios().get(0).candidates().size(), old.scenarios().get(0).candidates().size());
        assertEquals(List.of(), old.scenarios().get(0).annotations());
    }

    @Test
    void notesExportAsAPointLayerInEveryFormatAndFromTheCommandLine() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")), "ogrinfo not installed: GDAL cross-check skipped");
        Project p = withNotes();
        Scenario s = p.scenarios().get(0);
        Exports.Table t = Exports.annotations(s);
        Path shpDir = Files.createDirectories(dir.resolve("shp"));
        Path shp = Exports.shapefile(t, shpDir).get(0);
        Path gpkg = Exports.geoPackage(t, dir.resolve("notities.gpkg")).get(0);
        Path json = Exports.geoJson(t, dir.resolve("notities.geojson"), true).get(0);
        for (Path f : List.of(shp, gpkg, json)) {
            String info = GeoPackageGdalTest.ogrinfo("-al", f.toString());
            assertTrue(info.contains("Geometry: Point"), f + ": " + info);
            assertTrue(info.contains("Feature Count: 2"), f + ": " + info);
            assertTrue(info.contains("Ontsluiting via de A15? ë"), "text in UTF-8: " + info);
            assertTrue(info.contains("Hier geen woningen"), info);
        }
        String shpInfo = GeoPackageGdalTest.ogrinfo("-al", shp.toString());
        assertTrue(shpInfo.contains("POINT (62000 437000)"), "RD coordinates kept: " + shpInfo);
        assertTrue(shpInfo.contains("63500.5"), "arrow tip as attributes: " + shpInfo);

        Path project = dir.resolve("p.gpkg");
        ProjectStore.save(p, project);
        Path cliOut = dir.resolve("cli.gpkg");
        int rc = Cli.run("export", project.toString(), "--annotations", s.name(),
                "--gpkg", cliOut.toString());
        assertEquals(0, rc);
        String cli = GeoPackageGdalTest.ogrinfo("-al", "-so", cliOut.toString());
        assertTrue(cli.contains("Feature Count: 2") && cli.contains("Point"), cli);
    }
}
