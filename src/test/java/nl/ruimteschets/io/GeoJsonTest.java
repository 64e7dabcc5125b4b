package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeoJsonTest {
    @TempDir Path dir;

    static List<Feature> readAll(GeoJsonReader r) throws Exception {
        List<Feature> out = new ArrayList<>();
        for (Feature f; (f = r.next()) != null; ) out.add(f);
        return out;
    }

    @Test
    void rfc7946WithInferredTypes() throws Exception {
        Path file = dir.resolve("a.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"naam":"café","n":1,"x":2,"ok":true,"mix":1},
                  "geometry":{"type":"Point","coordinates":[4.5,52.0]}},
                 {"type":"Feature","properties":{"naam":"Zeeuwse ë","n":2,"x":2.5,"ok":false,"mix":"a","extra":null},
                  "geometry":{"type":"MultiPoint","coordinates":[[4.6,52.1]]}},
                 {"type":"Feature","properties":{},"geometry":null}]}
                """);
        try (GeoJsonReader r = GeoJsonReader.open(file)) {
            assertEquals(4326, r.crs().epsg());
            assertTrue(r.crs().implied(), "RFC 7946: WGS 84 implied, not stated");
            assertEquals(GeometryKind.POINT, r.geometryKind());
            assertEquals(3, r.count());
            assertEquals(List.of(new Field("naam", FieldType.TEXT), new Field("n", FieldType.INTEGER),
                    new Field("x", FieldType.REAL), new Field("ok", FieldType.BOOLEAN), new Field("mix", FieldType.TEXT),
                    new Field("extra", FieldType.TEXT)), r.fields());
            List<Feature> fs = readAll(r);
            assertEquals(3, fs.size());
            assertEquals(List.of(1L, 2L, 3L), fs.stream().map(Feature::id).toList());
            assertEquals(List.of("café", 1L, 2.0, true, "1"), java.util.Arrays.asList(fs.get(0).values()).subList(0, 5));
            assertEquals("Zeeuwse ë", fs.get(1).values()[0]);
            assertNull(fs.get(2).geometry());
            assertEquals(4.5, fs.get(0).geometry().getCoordinate().x);
        }
    }

    @Test
    void legacyCrsMemberAfterFeaturesAndSingleFeature() throws Exception {
        Path file = dir.resolve("rd.json");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1},
                 "geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]]]}}],
                 "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}}}
                """);
        try (GeoJsonReader r = GeoJsonReader.open(file)) {
            assertEquals(28992, r.crs().epsg());
            assertEquals(50.0, r.next().geometry().getArea(), 1e-9);
            assertNull(r.next());
        }
        Path one = dir.resolve("one.geojson");
        Files.writeString(one, "{\"type\":\"Point\",\"coordinates\":[1,2],\"crs\":\"EPSG:28992\"}");
        try (GeoJsonReader r = GeoJsonReader.open(one)) {
            assertEquals(28992, r.crs().epsg());
            assertEquals(1, readAll(r).size());
        }
    }

    @Test
    void brokenJsonNamesTheFile() throws Exception {
        Path file = dir.resolve("kapot.geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":");
        InputException e = assertThrows(InputException.class, () -> readAll(GeoJsonReader.open(file)));
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("regel 1"), "where, not the parser's words: " + e.getMessage());
    }

    @Test
    void roundTripRd() throws Exception {
        Path file = dir.resolve("rd.geojson");
        new GeoJsonWriter(GeoJsonWriter.Mode.RD).write(file, "plots", GeoPackageRoundTripTest.FIELDS,
                GeoPackageRoundTripTest.plots(), ProgressListener.NONE);
        assertTrue(Files.readString(file).contains("urn:ogc:def:crs:EPSG::28992"));
        try (GeoJsonReader r = GeoJsonReader.open(file)) {
            assertEquals(28992, r.crs().epsg());
            assertEquals(GeoPackageRoundTripTest.FIELDS, r.fields());
            List<Feature> fs = readAll(r);
            List<Feature> orig = GeoPackageRoundTripTest.plots();
            for (int i = 0; i < fs.size(); i++) {
                assertEquals(orig.get(i).geometry().getArea(), fs.get(i).geometry().getArea(), 1e-6);
                assertEquals(java.util.Arrays.asList(orig.get(i).values()), java.util.Arrays.asList(fs.get(i).values()));
            }
        }
    }

    @Test
    void roundTripWgs84() throws Exception {
        Path file = dir.resolve("wgs.geojson");
        new GeoJsonWriter().write(file, "plots", GeoPackageRoundTripTest.FIELDS, GeoPackageRoundTripTest.plots(),
                ProgressListener.NONE);
        String text = Files.readString(file);
        assertFalse(text.contains("\"crs\""));
        try (GeoJsonReader r = GeoJsonReader.open(file)) {
            assertEquals(4326, r.crs().epsg());
            Feature f = r.next();
            // RD (100000, 400000) lies near lon 4.61, lat 51.59 (south-west Netherlands)
            assertEquals(4.61, f.geometry().getEnvelopeInternal().getMinX(), 0.05);
            assertEquals(51.59, f.geometry().getEnvelopeInternal().getMinY(), 0.05);
            assertEquals("woningbouw café", f.values()[0]);
            assertTrue(f.geometry().getCoordinates()[1].x > f.geometry().getCoordinates()[0].x, "exterior ring CCW");
        }
    }
}
