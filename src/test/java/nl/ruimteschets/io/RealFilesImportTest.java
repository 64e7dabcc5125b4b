package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Real-world files that used to crash or lose area (#9 §3), through the real import path
 * ({@link LayerLoader}: reader → {@link Importer}), with small files made here so they always run.
 * The same checks on the real Natura 2000 set are in {@link RealDataPathsTest}.
 */
class RealFilesImportTest {
    private static final Locale NL = Locale.forLanguageTag("nl");
    @TempDir Path dir;

    static final String RD_FEATURE = """
            {"type":"Feature","properties":{"naam":"Kavel Botlek"},"geometry":{"type":"Polygon","coordinates":
             [[[78000,435000],[79000,435000],[79000,436000],[78000,436000],[78000,435000]]]}}""";
    static final String WGS_FEATURE = """
            {"type":"Feature","properties":{"naam":"Fochteloërveen"},"geometry":{"type":"Polygon","coordinates":
             [[[6.38,53.0],[6.42,53.0],[6.42,53.02],[6.38,53.02],[6.38,53.0]]]}}""";

    Path geoJson(String name, String crsMember, String feature) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\":\"FeatureCollection\"," + crsMember + "\"features\":[" + feature + "]}");
        return f;
    }

    static Layer load(Path file, Integer epsg) throws Exception {
        return LayerLoader.load(file, null, null, LayerRole.AVAILABLE_PLOT, null, epsg, null, ProgressListener.NONE);
    }

    @Test
    void rdGeoJsonWithoutCrsMemberIsRdNewWithAWarning() throws Exception {
        Layer l = load(geoJson("gdal_rd.geojson", "", RD_FEATURE), null);
        assertEquals("EPSG:28992", l.report().sourceCrs());
        assertEquals(100, l.features().get(0).geometry().getArea() / 10_000, 1e-9, "1 km² kept as is");
        assertTrue(l.report().warnings().stream().anyMatch(w -> w.key().equals("import.crs.impliedRd")),
                l.report().warnings().toString());
        assertTrue(l.report().warnings().get(0).format(NL).contains("gdal_rd.geojson"));
    }

    @Test
    void wgs84GeoJsonWithoutCrsMemberStaysWgs84WithoutWarning() throws Exception {
        Layer l = load(geoJson("n2k.geojson", "", WGS_FEATURE), null);
        assertEquals("EPSG:4326", l.report().sourceCrs());
        assertTrue(l.report().warnings().isEmpty(), l.report().warnings().toString());
        assertTrue(l.features().get(0).geometry().getEnvelopeInternal().getMinY() > 500_000, "reprojected to RD");
    }

    @Test
    void degreesForcedToRdAreRefusedNamingWgs84() throws Exception {
        Path f = geoJson("graden.geojson", "", WGS_FEATURE);
        InputException e = assertThrows(InputException.class, () -> load(f, 28992));
        assertEquals("import.crs.outsideArea", e.userMessage().key());
        String text = e.getMessage(NL);
        assertTrue(text.contains("EPSG:28992") && text.contains("EPSG:4326") && text.contains("graden.geojson"), text);
    }

    @Test
    void rdForcedToWgs84IsRefusedNamingRdNew() throws Exception {
        Path f = geoJson("rd.geojson", "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},",
                RD_FEATURE);
        InputException e = assertThrows(InputException.class, () -> load(f, 4326));
        assertTrue(e.getMessage(Locale.ENGLISH).contains("probably EPSG:28992 (RD New)"), e.getMessage(Locale.ENGLISH));
    }

    @Test
    void rdStatedAsWgs84IsRefusedInsteadOfCrashing() throws Exception {
        Path f = geoJson("fout.geojson", "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4326\"}},", RD_FEATURE);
        InputException e = assertThrows(InputException.class, () -> load(f, null));
        assertEquals("import.crs.outsideArea", e.userMessage().key());
    }

    /**
     * A shapefile polygon as GDAL writes a multipolygon whose part fills another part's hole (Voornes
     * Duin) and a part that overlaps the first: the filling part is wound as a hole, so a reader that
     * files it as a second hole loses its area. Repaired part by part and unioned, nothing is lost.
     */
    @Test
    void shapefilePartsThatOverlapOrFillAHoleKeepTheirArea() throws Exception {
        double[][] outer = square(100_000, 400_000, 1000, true);     // 100 ha, clockwise = part
        double[][] hole = square(100_200, 400_200, 200, false);      // 4 ha hole, counter-clockwise
        double[][] filler = square(100_200, 400_200, 200, false);    // the part filling it, wound as a hole
        double[][] overlap = square(100_900, 400_900, 200, true);    // 4 ha part, 1 ha of it over the first
        Path shp = rawPolygonShapefile(dir.resolve("n2k.shp"), outer, hole, overlap, filler);
        Layer l = load(shp, 28992);
        Geometry g = l.features().get(0).geometry();
        assertTrue(g.isValid());
        assertEquals(103.0, g.getArea() / 10_000, 1e-6, "100 ha + 4 ha overlapping part - 1 ha counted twice; hole filled");
        assertEquals(1, l.report().repaired());
    }

    /** A square ring from (x, y) with side s, clockwise (shapefile part) or counter-clockwise (hole). */
    static double[][] square(double x, double y, double s, boolean clockwise) {
        double[][] ccw = {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
        if (!clockwise) return ccw;
        double[][] cw = new double[5][];
        for (int i = 0; i < 5; i++) cw[i] = ccw[4 - i];
        return cw;
    }

    /** One polygon record holding the rings as given, with .shx and a one-field .dbf: exactly what GDAL wrote. */
    static Path rawPolygonShapefile(Path shp, double[][]... rings) throws Exception {
        int points = 0;
        for (double[][] r : rings) points += r.length;
        int content = 44 + 4 * rings.length + 16 * points;
        ByteBuffer rec = ByteBuffer.allocate(8 + content);
        rec.order(ByteOrder.BIG_ENDIAN).putInt(1).putInt(content / 2);
        rec.order(ByteOrder.LITTLE_ENDIAN).putInt(5);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (double[][] r : rings) for (double[] p : r) {
            minX = Math.min(minX, p[0]); minY = Math.min(minY, p[1]); maxX = Math.max(maxX, p[0]); maxY = Math.max(maxY, p[1]);
        }
        rec.putDouble(minX).putDouble(minY).putDouble(maxX).putDouble(maxY).putInt(rings.length).putInt(points);
        int start = 0;
        for (double[][] r : rings) { rec.putInt(start); start += r.length; }
        for (double[][] r : rings) for (double[] p : r) rec.putDouble(p[0]).putDouble(p[1]);
        Files.write(shp, concat(header(100 + rec.capacity(), minX, minY, maxX, maxY), rec.array()));
        ByteBuffer shx = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(50).putInt(content / 2);
        Files.write(shp.resolveSibling(shp.getFileName().toString().replace(".shp", ".shx")),
                concat(header(108, minX, minY, maxX, maxY), shx.array()));
        ShapefileTestData.writeDbf(shp.resolveSibling(shp.getFileName().toString().replace(".shp", ".dbf")), 0,
                StandardCharsets.UTF_8, "naam", 20, "Voornes Duin");
        return shp;
    }

    private static byte[] header(int fileBytes, double minX, double minY, double maxX, double maxY) {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(9994).position(24);
        h.putInt(fileBytes / 2);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(5);
        h.putDouble(minX).putDouble(minY).putDouble(maxX).putDouble(maxY);
        return h.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A polygon with a 2 mm slit: rounded to GeoJSON's 1 cm in WGS 84 the slit's two edges fall on one
     * line and the ring overlaps itself. The writer must keep it valid.
     */
    @Test
    void geoJsonExportStaysValidAfterRounding() throws Exception {
        Geometry slit = new WKTReader(nl.ruimteschets.geo.Rd.FACTORY).read("POLYGON((100000 400000, 100100 400000, "
                + "100100 400100, 100000 400100, 100000 400050.001, 100090 400050.001, 100090 400049.999, "
                + "100000 400049.999, 100000 400000))");
        assertTrue(slit.isValid());
        Path out = dir.resolve("slit.geojson");
        Exports.geoJson(new Exports.Table("slit", List.of(new Field("naam", FieldType.TEXT)),
                List.of(new Feature(1, slit, new Object[] {"spleet"}))), out, true);
        try (GeoJsonReader r = GeoJsonReader.open(out)) {
            Geometry back = r.next().geometry();
            assertTrue(back.isValid(), back.toText());
        }
    }
}
