package nl.ruimteschets.io;

import static nl.ruimteschets.io.ShapefileTestData.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class ShapefileRoundTripTest {
    @TempDir Path dir;

    private static final List<Field> FIELDS = List.of(
            new Field("naam", FieldType.TEXT), new Field("zone", FieldType.INTEGER),
            new Field("oppervlakte_m2", FieldType.REAL), new Field("uitgeefbaar", FieldType.BOOLEAN),
            new Field("peildatum", FieldType.DATE));

    private static List<Feature> read(Path shp) throws IOException, InputException {
        List<Feature> out = new ArrayList<>();
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            for (Feature f = r.next(); f != null; f = r.next()) out.add(f);
        }
        return out;
    }

    @Test
    void polygonsAttributesAndSpecialCharactersSurviveARoundTrip() throws Exception {
        // JTS-style orientation (shell counter-clockwise, hole clockwise): the writer must flip both
        Geometry withHole = wkt("POLYGON((155000 463000, 155100 463000, 155100 463100, 155000 463100, 155000 463000),"
                + " (155020 463020, 155020 463040, 155040 463040, 155040 463020, 155020 463020))");
        Geometry multi = wkt("MULTIPOLYGON(((156000 463000, 156000 463010, 156010 463010, 156010 463000, 156000 463000)),"
                + " ((157000 463000, 157100 463000, 157100 463100, 157000 463100, 157000 463000),"
                + " (157010 463010, 157010 463090, 157090 463090, 157090 463010, 157010 463010)))");
        List<Feature> in = List.of(
                new Feature(1, withHole, new Object[] {"Café de Zwaan", 3L, 1767.77, true, LocalDate.of(2024, 2, 29)}),
                new Feature(2, multi, new Object[] {"Ëindhoven ĳzer ruïne", null, null, false, null}),
                new Feature(3, null, new Object[] {"geen vorm", 7L, 0.5, null, LocalDate.of(1999, 12, 31)}));
        Path shp = dir.resolve("percelen.shp");

        List<Path> written = new ShapefileWriter().write(shp, "percelen", FIELDS, in, ProgressListener.NONE);

        assertEquals(5, written.size());
        for (Path p : written) assertTrue(Files.isRegularFile(p), p + " exists");
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(5, s.count(), "no temporary files left behind");
        }
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertEquals(3, r.count());
            assertEquals(GeometryKind.POLYGON, r.geometryKind());
            assertEquals("UTF-8", r.encoding());
            assertEquals(ShapefileWriter.RD_NEW_ESRI_WKT, r.crs().wkt());
            assertEquals("percelen.prj", r.crs().description());
            assertEquals(List.of("naam", "zone", "oppervlakt", "uitgeefbaa", "peildatum"),
                    r.fields().stream().map(Field::name).toList());
            assertEquals(List.of(FieldType.TEXT, FieldType.INTEGER, FieldType.REAL, FieldType.BOOLEAN, FieldType.DATE),
                    r.fields().stream().map(Field::type).toList());
        }
        List<Feature> out = read(shp);
        assertEquals(3, out.size());
        assertEquals(1, out.get(0).id());
        assertEquals(withHole.getArea(), out.get(0).geometry().getArea(), 1e-6);
        assertEquals(1, ((Polygon) out.get(0).geometry().getGeometryN(0)).getNumInteriorRing());
        assertEquals(multi.getArea(), out.get(1).geometry().getArea(), 1e-6);
        assertTrue(out.get(1).geometry() instanceof MultiPolygon);
        assertEquals(2, out.get(1).geometry().getNumGeometries());
        assertNull(out.get(2).geometry(), "null shape comes back as null geometry");
        assertEquals(3, out.get(2).id());

        assertEquals("Café de Zwaan", out.get(0).value(0));
        assertEquals(3L, out.get(0).value(1));
        assertEquals(1767.77, (Double) out.get(0).value(2), 1e-9);
        assertEquals(true, out.get(0).value(3));
        assertEquals(LocalDate.of(2024, 2, 29), out.get(0).value(4));
        assertEquals("Ëindhoven ĳzer ruïne", out.get(1).value(0));
        assertNull(out.get(1).value(1));
        assertNull(out.get(1).value(2));
        assertEquals(false, out.get(1).value(3));
        assertNull(out.get(1).value(4));
    }

    @Test
    void aNullShapeMayBeTheFirstRecord() throws Exception {
        Path shp = dir.resolve("eerst_leeg.shp");
        List<Feature> in = List.of(new Feature(1, null, new Object[] {"leeg"}),
                new Feature(2, wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))"), new Object[] {"vol"}));
        new ShapefileWriter().write(shp, "x", List.of(new Field("naam", FieldType.TEXT)), in, ProgressListener.NONE);
        List<Feature> out = read(shp);
        assertNull(out.get(0).geometry());
        assertEquals(100.0, out.get(1).geometry().getArea(), 1e-6);
    }

    @Test
    void writesShapefileRingOrderOuterClockwiseHolesCounterClockwise() {
        Geometry g = ShapefileWriter.forShapefile(wkt("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))"),
                org.h2gis.functions.io.shp.internal.ShapeType.POLYGON);
        Polygon p = (Polygon) g.getGeometryN(0);
        assertFalse(org.locationtech.jts.algorithm.Orientation.isCCW(p.getExteriorRing().getCoordinateSequence()));
        assertTrue(org.locationtech.jts.algorithm.Orientation.isCCW(p.getInteriorRingN(0).getCoordinateSequence()));
    }

    @Test
    void pointsAndLinesKeepTheirKind() throws Exception {
        List<Field> f = List.of(new Field("id", FieldType.INTEGER));
        Path pts = dir.resolve("punten.shp");
        new ShapefileWriter().write(pts, "p", f, List.of(new Feature(1, wkt("POINT(155000 463000)"), new Object[] {1L}),
                new Feature(2, wkt("POINT(155001 463001)"), new Object[] {2L})), ProgressListener.NONE);
        Path lines = dir.resolve("lijnen.shp");
        new ShapefileWriter().write(lines, "l", f, List.of(new Feature(1, wkt("LINESTRING(0 0, 3 4)"), new Object[] {1L}),
                new Feature(2, wkt("MULTILINESTRING((0 0, 1 0), (5 5, 5 6))"), new Object[] {2L})), ProgressListener.NONE);

        try (ShapefileReader r = ShapefileReader.open(pts, null)) {
            assertEquals(GeometryKind.POINT, r.geometryKind());
            Feature a = r.next();
            assertEquals(155000, a.geometry().getCoordinate().x, 1e-9);
            assertEquals(2L, r.next().value(0));
            assertNull(r.next());
        }
        try (ShapefileReader r = ShapefileReader.open(lines, null)) {
            assertEquals(GeometryKind.LINE, r.geometryKind());
            assertEquals(5.0, r.next().geometry().getLength(), 1e-9);
            assertEquals(2.0, r.next().geometry().getLength(), 1e-9);
        }
    }

    @Test
    void longTextIsCutAt254BytesWithoutBreakingACharacter() throws Exception {
        String longText = "é".repeat(200); // 400 UTF-8 bytes
        Path shp = dir.resolve("lang.shp");
        new ShapefileWriter().write(shp, "x", List.of(new Field("t", FieldType.TEXT)),
                List.of(new Feature(1, wkt("POINT(1 1)"), new Object[] {longText})), ProgressListener.NONE);
        assertEquals("é".repeat(127), read(shp).get(0).value(0));
    }

    @Test
    void cancellingLeavesNoFilesUnderTheTargetName() {
        Path shp = dir.resolve("afgebroken.shp");
        ProgressListener cancel = new ProgressListener() {
            @Override public boolean isCancelled() { return true; }
        };
        List<Feature> in = List.of(new Feature(1, wkt("POINT(1 1)"), new Object[0]));
        assertThrows(CancelledException.class, () -> new ShapefileWriter().write(shp, "x", List.of(), in, cancel));
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void mixedGeometryFamiliesAreRefused() {
        List<Feature> in = List.of(new Feature(1, wkt("POINT(1 1)"), new Object[0]),
                new Feature(2, wkt("LINESTRING(0 0, 1 1)"), new Object[0]));
        ProjectWriteException x = assertThrows(ProjectWriteException.class,
                () -> new ShapefileWriter().write(dir.resolve("mix.shp"), "wegen en punten", List.of(), in, ProgressListener.NONE));
        String nl = x.userMessage().format(java.util.Locale.forLanguageTag("nl"));
        assertTrue(nl.contains("wegen en punten") && nl.contains("GeoPackage") && !nl.contains("Exception"), nl);
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void streamsRecordsWithIdsInFileOrder() throws Exception {
        Path shp = ShapefileTestData.squares(dir, "reeks", "a", "b", "c", "d");
        List<Feature> out = read(shp);
        assertEquals(List.of(1L, 2L, 3L, 4L), out.stream().map(Feature::id).toList());
        assertNotNull(out.get(3).geometry());
        assertEquals("d", out.get(3).value(0));
    }
}
