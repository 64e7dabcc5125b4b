package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real Dutch open data (Natura 2000, provinces, municipalities) through every import path a planner
 * uses: GeoPackage, shapefile, zipped shapefile, GeoJSON in WGS 84 and GeoJSON in RD without a
 * {@code crs} member. Every path must give the same features, the same names (diacritics intact:
 * Fochteloërveen) and the same area per feature to 0.01 %. Runs on the reduced copies in {@code maps/}
 * always, and on the originals in {@code ../shared/data} when present (skipped with a message otherwise).
 * Variants are written with the project's own writers, and with GDAL's ogr2ogr from the original files
 * (which keeps their invalid, overlapping parts) when it is installed.
 */
class MapDataImportTest {
    private static final Path SHARED = Path.of("../shared/data");
    private static final Path MAPS = Path.of(System.getProperty("ruimteschets.maps", "maps"));
    private static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    private static final double AREA_TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    /** A data set: where it is, and the field that names its features. */
    record DataSet(String label, Path file, String nameField) {
        @Override public String toString() { return label; }
    }

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of(new DataSet("maps/natura2000", MAPS.resolve("natura2000.geojson"), "naam")),
                Arguments.of(new DataSet("maps/provincies", MAPS.resolve("provincies.geojson"), "name")),
                Arguments.of(new DataSet("maps/gemeenten", MAPS.resolve("gemeenten.geojson"), "gemeentenaam")),
                Arguments.of(new DataSet("shared/natura2000", SHARED.resolve("natura2000/natura2000_nl_wgs84.geojson"), "naam")),
                Arguments.of(new DataSet("shared/provinces", SHARED.resolve("provinces/provinces-nl.geojson"), "name")),
                Arguments.of(new DataSet("shared/municipalities", SHARED.resolve("municipalities/gemeenten_2023.geojson"), "gemeentenaam")));
    }

    /** The sets that ogr2ogr can write from the originals. */
    static Stream<Arguments> originals() {
        return sets().filter(a -> ((DataSet) a.get()[0]).label().startsWith("shared/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void geoPackage(DataSet set) throws Exception {
        assertRoundTrip(set, new GeoPackageWriter(), "copy.gpkg");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void shapefile(DataSet set) throws Exception {
        assertRoundTrip(set, new ShapefileWriter(), "copy.shp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void zippedShapefile(DataSet set) throws Exception {
        Layer ref = reference(set);
        List<Path> files = new ShapefileWriter().write(dir.resolve("copy.shp"), "copy", ref.fields(), ref.features(),
                ProgressListener.NONE);
        Path zip = dir.resolve("copy.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry("data/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        assertSame(set, ref, load(zip));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void geoJsonWgs84(DataSet set) throws Exception {
        assertRoundTrip(set, new GeoJsonWriter(GeoJsonWriter.Mode.WGS84), "copy.geojson");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void geoJsonRdWithoutCrs(DataSet set) throws Exception {
        Layer ref = reference(set);
        Path json = dir.resolve("copy.geojson");
        new GeoJsonWriter(GeoJsonWriter.Mode.RD).write(json, "copy", ref.fields(), ref.features(), ProgressListener.NONE);
        withoutCrs(json);
        assertSame(set, ref, load(json));
    }

    /** GDAL's GeoPackage of the original file: its invalid sites arrive unrepaired and must be repaired alike. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("originals")
    void geoPackageByGdal(DataSet set) throws Exception {
        Layer ref = reference(set);
        Path gpkg = dir.resolve("gdal.gpkg");
        ogr2ogr("GPKG", gpkg, set.file());
        assertSame(set, ref, load(gpkg));
    }

    /** GDAL's shapefile of the original: overlapping polygon parts must be repaired part by part, not lose area. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("originals")
    void shapefileByGdal(DataSet set) throws Exception {
        Layer ref = reference(set);
        Path shp = dir.resolve("gdal.shp");
        ogr2ogr("ESRI Shapefile", shp, set.file(), "-lco", "ENCODING=UTF-8");
        assertSame(set, ref, load(shp));
    }

    /** GDAL's RD GeoJSON of the original, as GDAL writes it and with its crs member taken out. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("originals")
    void geoJsonRdByGdal(DataSet set) throws Exception {
        Layer ref = reference(set);
        Path json = dir.resolve("gdal.geojson");
        ogr2ogr("GeoJSON", json, set.file(), "-t_srs", "EPSG:28992");
        withoutCrs(json);
        assertSame(set, ref, load(json));
    }

    // ------------------------------------------------------------------ helpers

    /** Writes the reference import with one of the project's writers and imports that file again. */
    private void assertRoundTrip(DataSet set, FeatureWriter writer, String name) throws Exception {
        Layer ref = reference(set);
        Path file = dir.resolve(name);
        writer.write(file, "copy", ref.fields(), ref.features(), ProgressListener.NONE);
        assertSame(set, ref, load(file));
    }

    /** The reference import of each set, read once: the original Natura 2000 file alone is 22 MB. */
    private static final Map<String, Layer> REFERENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Layer reference(DataSet set) throws Exception {
        if (!Files.exists(set.file())) {
            String why = set.file() + " absent: " + set.label() + " not checked (real data lives in ../shared/data)";
            System.out.println("SKIPPED: " + why);
            Assumptions.abort(why);
        }
        Layer cached = REFERENCES.get(set.label());
        if (cached != null) return cached;
        Layer l = load(set.file());
        REFERENCES.put(set.label(), l);
        assertTrue(l.features().size() > 0, set.label());
        if (set.label().endsWith("natura2000")) {
            assertEquals(160, l.features().size(), "Natura 2000 sites");
            assertTrue(names(set, l).containsKey("Fochteloërveen"), "Fochteloërveen with its diaeresis");
        }
        return l;
    }

    private static Layer load(Path file) throws Exception {
        return LayerLoader.load(file, null, "test", LayerRole.BASEMAP, Map.of(), null, null, ProgressListener.NONE);
    }

    /** Feature name → total area; the name field is found by the start of its name (shapefiles cut names to 10 characters). */
    private static Map<String, Double> names(DataSet set, Layer l) {
        int field = -1;
        for (int i = 0; i < l.fields().size() && field < 0; i++) {
            String n = l.fields().get(i).name().toLowerCase(java.util.Locale.ROOT);
            if (set.nameField().toLowerCase(java.util.Locale.ROOT).startsWith(n) || n.equals(set.nameField())) field = i;
        }
        if (field < 0) fail("no name field " + set.nameField() + " in " + l.fields());
        Map<String, Double> byName = new LinkedHashMap<>();
        for (Feature f : l.features()) byName.merge(String.valueOf(f.value(field)), f.geometry().getArea(), Double::sum);
        return byName;
    }

    private static void assertSame(DataSet set, Layer ref, Layer copy) {
        assertEquals(ref.features().size(), copy.features().size(), set.label() + ": feature count");
        Map<String, Double> expected = names(set, ref), actual = names(set, copy);
        assertEquals(expected.keySet(), actual.keySet(), set.label() + ": names");
        List<String> off = new ArrayList<>();
        expected.forEach((name, area) -> {
            double a = actual.get(name);
            if (Math.abs(a - area) > AREA_TOLERANCE * area) {
                off.add(String.format(java.util.Locale.ROOT, "%s %.2f ha against %.2f ha", name, a / 1e4, area / 1e4));
            }
        });
        assertTrue(off.isEmpty(), set.label() + ": areas differ by more than 0.01 %: " + off);
    }

    /** Removes the legacy crs member, as many tools write RD GeoJSON. */
    private static void withoutCrs(Path json) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = (ObjectNode) m.readTree(json.toFile());
        root.remove("crs");
        try (OutputStream out = Files.newOutputStream(json)) {
            m.writeValue(out, root);
        }
    }

    private static void ogr2ogr(String driver, Path target, Path source, String... options) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OGR2OGR), "ogr2ogr not installed: GDAL variant skipped");
        List<String> cmd = new ArrayList<>(List.of(OGR2OGR.toString(), "-f", driver));
        cmd.addAll(List.of(options));
        cmd.add(target.toString());
        cmd.add(source.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ogr2ogr timed out");
        assertEquals(0, p.exitValue(), "ogr2ogr: " + out);
    }
}
