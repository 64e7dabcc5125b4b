package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks the writer against GDAL, the reader most users' tools (QGIS) rely on. */
class ShapefileOgrinfoTest {
    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");

    @TempDir Path dir;

    private static String ogrinfo(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(OGRINFO.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void gdalReadsWhatWeWrite() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OGRINFO), "ogrinfo not installed: skipping GDAL cross-check");
        List<Field> fields = List.of(new Field("naam", FieldType.TEXT), new Field("oppervlakte_m2", FieldType.REAL));
        List<Feature> in = List.of(
                new Feature(1, ShapefileTestData.wkt("POLYGON((155000 463000, 155100 463000, 155100 463100, 155000 463100, 155000 463000),"
                        + " (155020 463020, 155020 463040, 155040 463040, 155040 463020, 155020 463020))"), new Object[] {"Perceel café", 9600.0}),
                new Feature(2, ShapefileTestData.wkt("MULTIPOLYGON(((156000 463000, 156000 463010, 156010 463010, 156010 463000, 156000 463000)),"
                        + " ((157000 463000, 157100 463000, 157100 463100, 157000 463100, 157000 463000)))"), new Object[] {"groen ë ĳ", 10100.0}),
                new Feature(3, null, new Object[] {"zonder vorm", null}),
                new Feature(4, ShapefileTestData.wkt("POLYGON((158000 463000, 158010 463000, 158010 463010, 158000 463010, 158000 463000))"),
                        new Object[] {"laatste", 100.0}));
        Path shp = dir.resolve("percelen.shp");
        new ShapefileWriter().write(shp, "percelen", fields, in, ProgressListener.NONE);

        String summary = ogrinfo("-al", "-so", shp.toString());
        assertTrue(summary.contains("Geometry: Polygon"), summary);
        assertTrue(summary.contains("Feature Count: 4"), summary);
        assertTrue(summary.contains("Amersfoort / RD New"), summary);
        assertTrue(summary.contains("ID[\"EPSG\",28992]") || summary.contains("EPSG\",\"28992"), summary);
        assertTrue(summary.contains("naam: String"), summary);
        assertTrue(summary.contains("oppervlakt: Real"), summary);

        String all = ogrinfo("-al", shp.toString());
        assertFalse(all.contains("ERROR"), all);
        assertTrue(all.contains("naam (String) = Perceel café"), all);
        assertTrue(all.contains("naam (String) = groen ë ĳ"), all);
        assertTrue(all.contains("POLYGON ((158000 463000"), all);
    }
}
