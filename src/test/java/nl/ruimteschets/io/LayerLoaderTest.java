package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

class LayerLoaderTest {
    @TempDir Path dir;

    static final List<Field> FIELDS = List.of(new Field("naam", FieldType.TEXT), new Field("cluster", FieldType.TEXT),
            new Field("hoogte", FieldType.REAL));

    /** n RD squares of 50 m, every third one a bow-tie that the importer must repair. */
    static List<Feature> squares(int n) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 155000 + (i % 100) * 100;
            double y = 463000 + (i / 100) * 100;
            String wkt = i % 3 == 2
                    ? "POLYGON((" + x + " " + y + ", " + (x + 50) + " " + (y + 50) + ", " + (x + 50) + " " + y + ", "
                            + x + " " + (y + 50) + ", " + x + " " + y + "))"
                    : "POLYGON((" + x + " " + y + ", " + (x + 50) + " " + y + ", " + (x + 50) + " " + (y + 50) + ", "
                            + x + " " + (y + 50) + ", " + x + " " + y + "))";
            out.add(new Feature(i + 1, ShapefileTestData.wkt(wkt), new Object[] {"Kavel " + (i + 1), "Noord", 3.5 * i}));
        }
        return out;
    }

    Path shapefile(String base, int n) throws Exception {
        Path shp = dir.resolve(base + ".shp");
        new ShapefileWriter().write(shp, base, FIELDS, squares(n), ProgressListener.NONE);
        return shp;
    }

    @Test
    void shapefileLoadsWithRoleGuessedMappingAndReport() throws Exception {
        Path shp = shapefile("kavels", 6);
        Layer layer = LayerLoader.load(shp, null, null, LayerRole.AVAILABLE_PLOT, null, null, null, ProgressListener.NONE);
        assertEquals("kavels", layer.name(), "default name is the file's base name");
        assertEquals(LayerRole.AVAILABLE_PLOT, layer.role());
        assertEquals(6, layer.features().size());
        assertEquals(List.of("naam", "cluster", "hoogte"), layer.fields().stream().map(Field::name).toList());
        assertEquals(Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster"), layer.fieldMapping());
        assertEquals("Kavel 1", layer.text(layer.features().get(0), Layer.MAP_NAME));
        assertEquals(6, layer.report().read());
        assertEquals(6, layer.report().imported());
        assertEquals(2, layer.report().repaired());
        assertEquals(List.of(3L, 6L), layer.report().repairedIds());
        assertEquals("EPSG:28992", layer.report().sourceCrs(), "the .prj names RD New");
        assertEquals("UTF-8", layer.report().encoding());
        assertEquals("kavels.shp", layer.report().source());
        assertEquals(shp.toAbsolutePath().toString(), layer.source());
    }

    @Test
    void explicitNameAndMappingAreKept() throws Exception {
        Path shp = shapefile("contouren", 2);
        Layer layer = LayerLoader.load(shp, null, "Mijn contouren", LayerRole.CLUSTER,
                Map.of(Layer.MAP_CLUSTER, "naam"), null, "UTF-8", ProgressListener.NONE);
        assertEquals("Mijn contouren", layer.name());
        assertEquals(Map.of(Layer.MAP_CLUSTER, "naam"), layer.fieldMapping());
        assertEquals("Kavel 2", layer.text(layer.features().get(1), Layer.MAP_CLUSTER));
    }

    @Test
    void geoJsonInWgs84IsReprojectedToRd() throws Exception {
        Path json = dir.resolve("zones.geojson");
        new GeoJsonWriter().write(json, "zones", FIELDS, squares(3), ProgressListener.NONE);
        Layer layer = LayerLoader.load(json, null, null, LayerRole.NOISE_ZONE, null, null, null, ProgressListener.NONE);
        assertEquals(3, layer.features().size());
        assertEquals("EPSG:4326", layer.report().sourceCrs());
        Geometry first = layer.features().get(0).geometry();
        assertEquals(28992, first.getSRID());
        assertEquals(155000, first.getEnvelopeInternal().getMinX(), 0.01);
        assertEquals(List.of("zones"), LayerLoader.tables(json));
        assertEquals(3, LayerLoader.fields(json, null, null).size());
    }

    @Test
    void geoPackageTablesAndFieldsArePreviewed() throws Exception {
        Path gpkg = dir.resolve("bron.gpkg");
        new GeoPackageWriter().write(gpkg, "kavels", FIELDS, squares(2), ProgressListener.NONE);
        new GeoPackageWriter().write(gpkg, "wegen", List.of(new Field("naam", FieldType.TEXT)), squares(1),
                ProgressListener.NONE);
        assertEquals(List.of("kavels", "wegen"), LayerLoader.tables(gpkg));
        assertEquals(List.of(new Field("naam", FieldType.TEXT)), LayerLoader.fields(gpkg, "wegen", null));
        Layer layer = LayerLoader.load(gpkg, "kavels", null, LayerRole.BASEMAP, null, null, null, ProgressListener.NONE);
        assertEquals(2, layer.features().size());
        InputException e = assertThrows(InputException.class, () -> LayerLoader.load(gpkg, null, null,
                LayerRole.BASEMAP, null, null, null, ProgressListener.NONE));
        assertEquals("error.gpkg.chooseTable", e.userMessage().key());
    }

    @Test
    void cancellingThroughTheListenerStopsTheLoad() throws Exception {
        Path shp = shapefile("groot", 1500);
        List<Long> seen = new ArrayList<>();
        ProgressListener cancelAfterFirstReport = new ProgressListener() {
            @Override public void progress(long done, long total) { seen.add(done); }
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancelledException.class, () -> LayerLoader.load(shp, null, null, LayerRole.SENSITIVE, null, null,
                null, cancelAfterFirstReport));
        assertTrue(seen.isEmpty(), "cancelled before the first progress report");
    }

    @Test
    void corruptFileGivesAClearMessageInBothLanguages() throws Exception {
        Path shp = shapefile("kapot", 3);
        Files.writeString(shp, "dit is geen shapefile ".repeat(20), StandardCharsets.US_ASCII);
        InputException e = assertThrows(InputException.class, () -> LayerLoader.load(shp, null, null,
                LayerRole.BASEMAP, null, null, null, ProgressListener.NONE));
        String dutch = e.getMessage(Locale.forLanguageTag("nl"));
        String english = e.getMessage(Locale.ENGLISH);
        assertTrue(dutch.contains("kapot.shp") && dutch.contains("geen shapefile"), dutch);
        assertTrue(english.contains("kapot.shp"), english);
        assertFalse(dutch.equals(english));
    }

    @Test
    void unknownFormatIsRefused() throws Exception {
        Path txt = Files.writeString(dir.resolve("notities.txt"), "hallo");
        InputException e = assertThrows(InputException.class, () -> LayerLoader.load(txt, null, null,
                LayerRole.BASEMAP, null, null, null, ProgressListener.NONE));
        assertEquals("error.file.format", e.userMessage().key());
    }

    @Test
    void geoPackageWithoutFeatureTablesIsRefused() throws Exception {
        Path gpkg = dir.resolve("leeg.gpkg");
        mil.nga.geopackage.GeoPackageManager.create(gpkg.toFile());
        InputException e = assertThrows(InputException.class, () -> LayerLoader.tables(gpkg));
        assertEquals("layer.gpkg.noTables", e.userMessage().key());
        assertTrue(e.getMessage(Locale.forLanguageTag("nl")).contains("leeg.gpkg"));
    }
}
