package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class GeoPackageRoundTripTest {
    @TempDir Path dir;

    static final List<Field> FIELDS = List.of(new Field("naam", FieldType.TEXT), new Field("zone", FieldType.INTEGER),
            new Field("opp", FieldType.REAL), new Field("actief", FieldType.BOOLEAN));

    static List<Feature> plots() throws Exception {
        WKTReader r = new WKTReader(new GeometryFactory());
        return List.of(
                new Feature(1, r.read("POLYGON ((100000 400000, 100100 400000, 100100 400100, 100000 400100, 100000 400000))"),
                        new Object[] {"woningbouw café", 3L, 1.5, true}),
                new Feature(2, r.read("MULTIPOLYGON (((101000 401000, 101050 401000, 101050 401200, 101000 401000)))"),
                        new Object[] {"Zeeuwse ë", null, null, false}));
    }

    @Test
    void writeAndReadBack() throws Exception {
        Path file = dir.resolve("out.gpkg");
        new GeoPackageWriter().write(file, "plots", FIELDS, plots(), ProgressListener.NONE);
        assertEquals(List.of("plots"), GeoPackageLayers.featureTables(file));
        List<Feature> back = new ArrayList<>();
        try (GeoPackageReader r = GeoPackageReader.open(file, "plots")) {
            assertEquals(FIELDS, r.fields());
            assertEquals(GeometryKind.POLYGON, r.geometryKind());
            assertEquals(28992, r.crs().epsg());
            assertTrue(r.crs().wkt().contains("Amersfoort / RD New"));
            assertEquals(2, r.count());
            for (Feature f; (f = r.next()) != null; ) back.add(f);
        }
        assertEquals(2, back.size());
        double area = plots().stream().mapToDouble(f -> f.geometry().getArea()).sum();
        assertEquals(area, back.stream().mapToDouble(f -> f.geometry().getArea()).sum(), 1e-6);
        assertEquals("MultiPolygon", back.get(0).geometry().getGeometryType());
        assertEquals(1L, back.get(0).id());
        assertEquals(List.of("woningbouw café", 3L, 1.5, true), List.of(back.get(0).values()));
        assertEquals("Zeeuwse ë", back.get(1).values()[0]);
        assertNull(back.get(1).values()[1]);
        assertEquals(false, back.get(1).values()[3]);
    }

    @Test
    void secondWriteReplacesOnlyThatTable() throws Exception {
        Path file = dir.resolve("two.gpkg");
        new GeoPackageWriter().write(file, "a", FIELDS, plots(), ProgressListener.NONE);
        new GeoPackageWriter().write(file, "b", FIELDS, plots(), ProgressListener.NONE);
        new GeoPackageWriter().write(file, "a", FIELDS, plots().subList(0, 1), ProgressListener.NONE);
        assertEquals(List.of("a", "b"), GeoPackageLayers.featureTables(file).stream().sorted().toList());
        try (GeoPackageReader r = GeoPackageReader.open(file, "a")) {
            assertEquals(1, r.count());
        }
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temp files left");
        }
    }

    @Test
    void abortLeavesNoTable() throws Exception {
        Path file = dir.resolve("abort.gpkg");
        GeoPackageManager.create(file.toFile());
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            GeoPackageLayerSink sink = GeoPackageLayerSink.create(gp, "half", FIELDS, GeometryKind.POLYGON);
            for (Feature f : plots()) sink.accept(f);
            sink.abort();
            assertFalse(gp.isTable("half"));
            GeoPackageLayerSink ok = GeoPackageLayerSink.create(gp, "whole", FIELDS, GeometryKind.POLYGON);
            for (Feature f : plots()) ok.accept(f);
            ok.commit();
        } finally {
            gp.close();
        }
        assertEquals(List.of("whole"), GeoPackageLayers.featureTables(file));
        Geometry g;
        try (GeoPackageReader r = GeoPackageReader.open(file, "whole")) {
            g = r.next().geometry();
        }
        assertEquals(10_000.0, g.getArea(), 1e-9);
    }
}
