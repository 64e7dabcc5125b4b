package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * A layer whose .shp or .dbf would pass the format's 2 GB is refused before any file is written, with a message
 * suggesting GeoPackage; the limit is lowered here so the test need not write gigabytes. The size the first pass
 * predicts is the size written.
 */
class ShapefileSizeLimitTest {
    @TempDir Path dir;

    private static List<Feature> squares(int n) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            double x = 100_000 + i * 20;
            fs.add(new Feature(i, Rd.FACTORY.toGeometry(new Envelope(x, x + 10, 450_000, 450_010)),
                    new Object[] {"kavel " + i, (long) i}));
        }
        return fs;
    }

    private static final List<Field> FIELDS = List.of(new Field("naam", FieldType.TEXT), new Field("nummer", FieldType.INTEGER));

    @Test
    void aShapefileOverTheLimitIsRefusedBeforeWriting() throws Exception {
        Path shp = dir.resolve("groot.shp");
        // 1,000 squares: the .shp is 100 + 1,000 × (8 + 128) = 136,100 bytes
        ProjectWriteException e = assertThrows(ProjectWriteException.class,
                () -> new ShapefileWriter(100_000).write(shp, "groot", FIELDS, squares(1_000), ProgressListener.NONE));
        String nl = e.userMessage().format(Locale.forLanguageTag("nl")), en = e.userMessage().format(Locale.ENGLISH);
        assertTrue(nl.contains("GeoPackage") && nl.contains("2 GB") && nl.contains("groot"), nl);
        assertTrue(en.contains("GeoPackage") && en.contains("Nothing was written"), en);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing written, no temp file left");
        }
    }

    @Test
    void thePredictedSizeIsTheWrittenSize() throws Exception {
        Path shp = dir.resolve("precies.shp");
        new ShapefileWriter(136_100).write(shp, "precies", FIELDS, squares(1_000), ProgressListener.NONE);
        assertEquals(136_100, Files.size(shp), "a limit of exactly the .shp size lets it through");

        // long names make the .dbf the larger file: its exact size passes, one byte less is refused
        List<Feature> named = squares(1_000).stream().map(f -> new Feature(f.id(), f.geometry(),
                new Object[] {"kavel met een lange omschrijving ".repeat(6) + f.id(), f.value(1)})).toList();
        new ShapefileWriter().write(dir.resolve("namen.shp"), "namen", FIELDS, named, ProgressListener.NONE);
        long dbf = Files.size(dir.resolve("namen.dbf"));
        assertTrue(dbf > Files.size(dir.resolve("namen.shp")), "the .dbf is the larger file here");
        new ShapefileWriter(dbf).write(dir.resolve("past.shp"), "past", FIELDS, named, ProgressListener.NONE);
        assertThrows(ProjectWriteException.class, () -> new ShapefileWriter(dbf - 1)
                .write(dir.resolve("te_groot.shp"), "te_groot", FIELDS, named, ProgressListener.NONE),
                "one byte under the .dbf's size is refused");
    }
}
