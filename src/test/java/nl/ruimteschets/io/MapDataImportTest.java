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
 * The reduced copies of real Dutch open data in {@code maps/} (Natura 2000, provinces, municipalities:
 * the sample's real geography) through every import path a planner uses: GeoPackage, shapefile, zipped
 * shapefile, GeoJSON in WGS 84 and GeoJSON in RD without a {@code crs} member, each written with the
 * project's own writers. Every path must give the same features, the same names (diacritics intact:
 * Fochteloërveen) and the same area per feature to 0.01 %. The originals in {@code ../shared/data}
 * go through the same paths, made by GDAL, in {@link RealDataPathsTest}; this test needs nothing but
 * the repository, so a fresh clone checks the bundled copies too.
 */
class MapDataImportTest {
    private static final Path MAPS = Path.of(System.getProperty("ruimteschets.maps", "maps"));
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
                Arguments.of(new DataSet("maps/gemeenten", MAPS.resolve("gemeenten.geojson"), "gemeentenaam")));
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
            String why = set.file() + " absent: " + set.label() + " not checked (run MapReduction, see maps/README.md)";
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
}
