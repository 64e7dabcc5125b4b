package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.io.CancelledException;
import nl.ruimteschets.io.Exports;
import nl.ruimteschets.io.FeatureReader;
import nl.ruimteschets.io.GeoJsonReader;
import nl.ruimteschets.io.GeoPackageReader;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.ShapefileReader;
import nl.ruimteschets.io.postgis.BigLayers;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * {@code export --layer} of a layer that stays in the database (PostGIS, and the GeoPackage it was copied to) writes
 * every row with its attributes and geometry to GeoPackage, Shapefile and GeoJSON, streamed from the database
 * (before, the layer's empty in-memory list gave an empty file without a word). Read back with the project's readers
 * and, where GDAL is installed, with {@code ogrinfo -so}. A cancelled export leaves no file. Skipped without a
 * PostgreSQL server; the GDAL checks without ogrinfo (said on stdout).
 */
class ExportDatabaseLayerTest {
    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    @TempDir Path dir;

    @AfterEach
    void forgetPgpass() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    private static String schema(String what) {
        return "exportdb_" + what + "_" + ProcessHandle.current().pid();
    }

    /** A PostGIS project holding the 4,000 buildings of {@link CopyDatabaseLayerTest#buildings()}, kept in the database. */
    private static String databaseProject(PostgisTestServer pg, String what) throws Exception {
        Project original = SampleProject.build();
        original.putLayer(CopyDatabaseLayerTest.buildings());
        String url = pg.url(schema(what));
        try (ProjectStorage s = ProjectStorage.open(url, pg.prompt())) {
            s.save(original);
        }
        try (Connection con = pg.admin()) {
            BigLayers.keep(con, schema(what), "gebouwen", true);
        }
        try (ProjectStorage s = ProjectStorage.open(url, pg.prompt())) {
            Layer kept = s.load().layer("gebouwen").orElseThrow();
            assertTrue(kept.inDatabase() && kept.features().isEmpty(), "the layer stays in the database");
        }
        return url;
    }

    @Test
    void everyRowOfADatabaseLayerReachesEachFormat() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        pg.usePgpassIn(dir);
        String url = databaseProject(pg, "formats");
        List<Feature> expected = CopyDatabaseLayerTest.buildings().features();
        List<Field> fields = CopyDatabaseLayerTest.buildings().fields();

        Path gpkg = dir.resolve("gebouwen.gpkg");
        CliTest.Run toGpkg = CliTest.cli("export", url, "--layer", "gebouwen", "--gpkg", gpkg.toString());
        assertEquals(0, toGpkg.code(), toGpkg.err());
        assertTrue(toGpkg.out().contains("4000") || toGpkg.out().contains("4.000") || toGpkg.out().contains("4,000"), toGpkg.out());
        try (GeoPackageReader r = GeoPackageReader.open(gpkg, "gebouwen")) {
            sameRows(expected, fields, read(r), 0.0, "GeoPackage");
        }

        Path shpDir = dir.resolve("shp");
        CliTest.Run toShp = CliTest.cli("export", url, "--layer", "gebouwen", "--shp", shpDir.toString());
        assertEquals(0, toShp.code(), toShp.err());
        Path shp = shpDir.resolve("gebouwen.shp");
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            sameRows(expected, fields, read(r), 1e-6, "Shapefile");
        }

        Path json = dir.resolve("gebouwen.geojson");
        CliTest.Run toJson = CliTest.cli("export", url, "--layer", "gebouwen", "--geojson", json.toString(), "--rd");
        assertEquals(0, toJson.code(), toJson.err());
        try (GeoJsonReader r = GeoJsonReader.open(json)) {
            sameRows(expected, fields, read(r), 1e-3, "GeoJSON");
        }

        // the same layer after a copy to a GeoPackage, where it stays in the file and is read through its R-tree
        Path project = dir.resolve("project.gpkg");
        CliTest.Run copy = CliTest.cli("copy", url, project.toString());
        assertEquals(0, copy.code(), copy.err());
        Path fromFile = dir.resolve("uit_bestand.geojson");
        CliTest.Run fromGpkg = CliTest.cli("export", project.toString(), "--layer", "gebouwen", "--geojson", fromFile.toString(), "--rd");
        assertEquals(0, fromGpkg.code(), fromGpkg.err());
        try (GeoJsonReader r = GeoJsonReader.open(fromFile)) {
            sameRows(expected, fields, read(r), 1e-3, "GeoJSON from a GeoPackage-kept layer");
        }

        if (!Files.isExecutable(OGRINFO)) {
            Assumptions.abort("ogrinfo not installed: GDAL check of the exported files skipped");
        }
        for (Path written : List.of(gpkg, shp, json)) {
            String info = ogrinfo(written);
            System.out.println("ogrinfo -so of the streamed export " + written.getFileName() + ":\n" + info);
            assertTrue(info.contains("Feature Count: 4000"), info);
            assertTrue(info.contains("Polygon"), info);
            assertTrue(info.contains("bouwjaar:") && info.contains("gemeten:") && info.contains("kwetsbaar:"), info);
        }
    }

    @Test
    void aCancelledExportOfADatabaseLayerLeavesNoFile() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        pg.usePgpassIn(dir);
        String url = databaseProject(pg, "cancel");
        Path out = Files.createDirectories(dir.resolve("uit"));
        try (ProjectStorage s = ProjectStorage.open(url, pg.prompt())) {
            Exports.Table table = Exports.layer(s.load().layer("gebouwen").orElseThrow());
            ProgressListener stopHalfway = new ProgressListener() {
                private volatile boolean stop;
                @Override public void progress(long done, long total) { stop |= done >= 2_000; }
                @Override public boolean isCancelled() { return stop; }
            };
            assertThrows(CancelledException.class, () -> Exports.geoPackage(table, out.resolve("a.gpkg"), stopHalfway));
            assertThrows(CancelledException.class, () -> Exports.shapefile(table, out, stopHalfway));
            assertThrows(CancelledException.class, () -> Exports.geoJson(table, out.resolve("a.geojson"), true, stopHalfway));
        }
        try (var left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "no half file and no temp file left");
        }
    }

    private static List<Feature> read(FeatureReader r) throws Exception {
        List<Feature> out = new ArrayList<>();
        for (Feature f; (f = r.next()) != null; ) out.add(new Feature(f.id(), f.geometry(), byName(r.fields(), f)));
        return out;
    }

    /** The values in the order of {@link CopyDatabaseLayerTest#buildings()}'s fields, found by name. */
    private static Object[] byName(List<Field> readFields, Feature f) {
        List<String> names = List.of("naam", "bouwjaar", "hoogte", "kwetsbaar", "gemeten");
        Object[] v = new Object[names.size()];
        for (int i = 0; i < readFields.size(); i++) {
            int at = names.indexOf(readFields.get(i).name());
            if (at >= 0) v[at] = f.value(i);
        }
        return v;
    }

    private static void sameRows(List<Feature> expected, List<Field> fields, List<Feature> actual, double tolerance, String format) {
        assertEquals(expected.size(), actual.size(), format + ": every row is written");
        for (int i = 0; i < expected.size(); i++) {
            Feature e = expected.get(i), a = actual.get(i);
            String where = format + " row " + (i + 1);
            for (int k = 0; k < fields.size(); k++) {
                if (e.value(k) instanceof Double d && a.value(k) instanceof Number n) {
                    assertEquals(d, n.doubleValue(), 1e-6, where + " " + fields.get(k).name()); // a .dbf keeps 6 decimals
                } else {
                    assertEquals(text(e.value(k)), text(a.value(k)), where + " " + fields.get(k).name());
                }
            }
            Geometry eg = e.geometry(), ag = a.geometry();
            if (eg == null) {
                assertTrue(ag == null || ag.isEmpty(), where + ": a row without geometry stays without");
                continue;
            }
            assertNotNull(ag, where + ": geometry");
            Envelope ee = eg.getEnvelopeInternal(), ae = ag.getEnvelopeInternal();
            assertEquals(ee.getMinX(), ae.getMinX(), tolerance + 1e-9, where);
            assertEquals(ee.getMaxY(), ae.getMaxY(), tolerance + 1e-9, where);
            assertEquals(eg.getArea(), ag.getArea(), Math.max(1e-6, tolerance * 100), where);
        }
    }

    /** A value as text, so a GeoPackage's Boolean, a shapefile's Long and a GeoJSON number compare alike. */
    private static String text(Object v) {
        if (v == null) return null;
        if (v instanceof Number n) return Long.toString(n.longValue());
        if (v instanceof java.util.Date d) return new java.sql.Date(d.getTime()).toLocalDate().toString();
        return v.toString();
    }

    private static String ogrinfo(Path file) throws Exception {
        Process p = new ProcessBuilder(OGRINFO.toString(), "-so", "-al", file.toString()).redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), info);
        assertFalse(info.isBlank());
        return info;
    }

}
