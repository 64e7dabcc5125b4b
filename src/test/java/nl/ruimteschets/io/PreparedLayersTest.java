package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class PreparedLayersTest {

    @Test
    void aLayerReadBackEqualsTheOneWritten() throws Exception {
        WKTReader wkt = new WKTReader();
        List<Field> fields = List.of(new Field("naam", FieldType.TEXT), new Field("aantal", FieldType.INTEGER),
                new Field("ha", FieldType.REAL), new Field("gevoelig", FieldType.BOOLEAN), new Field("sinds", FieldType.DATE));
        List<Feature> features = new ArrayList<>();
        features.add(new Feature(7, wkt.read("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 0)), ((20 20, 30 20, 30 30, 20 20)))"),
                new Object[] {"Fochteloërveen", 42L, 12.5, true, LocalDate.of(2023, 1, 31)}));
        features.add(new Feature(9, wkt.read("POINT (155000.25 463000.75)"), new Object[] {null, null, null, false, null}));
        ImportReport report = new ImportReport();
        report.setSource("maps/x.geojson");
        report.setFormat("GeoJSON");
        report.setSourceCrs("EPSG:28992");
        report.restore(3, 2, 1, 0, 0, 0);
        Layer layer = new Layer("Proef", LayerRole.NATURA2000, fields, features, Map.of(Layer.MAP_NAME, "naam"),
                "CC BY 4.0 \"RVO\"", report);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PreparedLayers.write(out, "test", List.of(layer));
        Layer back = PreparedLayers.read(new ByteArrayInputStream(out.toByteArray()), 28992).get(0);

        assertEquals("Proef", back.name());
        assertEquals(LayerRole.NATURA2000, back.role());
        assertEquals(fields, back.fields());
        assertEquals(layer.fieldMapping(), back.fieldMapping());
        assertEquals(layer.source(), back.source());
        assertEquals("maps/x.geojson", back.report().source());
        assertEquals("GeoJSON", back.report().format());
        assertEquals("EPSG:28992", back.report().sourceCrs());
        assertEquals(3, back.report().read());
        assertEquals(2, back.report().imported());
        assertEquals(2, back.features().size());
        for (int i = 0; i < 2; i++) {
            Feature a = features.get(i), b = back.features().get(i);
            assertEquals(a.id(), b.id());
            assertEquals(Arrays.asList(a.values()), Arrays.asList(b.values()));
            assertTrue(a.geometry().equalsExact(b.geometry()), b.geometry().toText());
            assertEquals(28992, b.geometry().getSRID());
        }
    }

    @Test
    void anotherFileIsRefused() {
        IOException e = assertThrows(IOException.class,
                () -> PreparedLayers.read(new ByteArrayInputStream(new byte[] {0, 3, 'a', 'b', 'c', 0, 0, 0, 1}), 28992));
        assertTrue(e.getMessage().contains("not a prepared-layers file"), e.getMessage());
    }
}
