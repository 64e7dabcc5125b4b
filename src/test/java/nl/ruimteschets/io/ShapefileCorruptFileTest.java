package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken input gives an InputException whose Dutch text names the file, never a bare driver exception. */
class ShapefileCorruptFileTest {
    @TempDir Path dir;
    Path shp;

    @BeforeEach
    void writeGoodShapefile() throws Exception {
        shp = ShapefileTestData.squares(dir, "kapot", "a", "b", "c");
    }

    private InputException failsOpening(String key, String fileName) {
        InputException e = assertThrows(InputException.class, () -> {
            try (ShapefileReader r = ShapefileReader.open(shp, null)) {
                while (r.next() != null) { /* read all */ }
            }
        });
        assertEquals(key, e.userMessage().key());
        String dutch = e.getMessage(Locale.forLanguageTag("nl"));
        assertTrue(dutch.contains(fileName), dutch);
        assertTrue(e.getMessage(Locale.ENGLISH).contains(fileName));
        return e;
    }

    @Test
    void missingFile() throws Exception {
        Files.delete(shp);
        failsOpening("shp.file.missing", "kapot.shp");
    }

    @Test
    void zeroByteShp() throws Exception {
        Files.write(shp, new byte[0]);
        failsOpening("shp.file.empty", "kapot.shp");
    }

    @Test
    void shpShorterThanItsHeader() throws Exception {
        Files.write(shp, Arrays.copyOf(Files.readAllBytes(shp), 60));
        failsOpening("shp.header.short", "kapot.shp");
    }

    @Test
    void wrongFileCode() throws Exception {
        Files.writeString(shp, "x".repeat(200), StandardCharsets.US_ASCII);
        assertTrue(failsOpening("shp.header.filecode", "kapot.shp").getMessage().contains("9994"));
    }

    @Test
    void truncatedShpRecordBeyondEnd() throws Exception {
        byte[] all = Files.readAllBytes(shp);
        Files.write(shp, Arrays.copyOf(all, all.length - 30));
        assertTrue(failsOpening("shp.record.beyond", "kapot.shp").getMessage().contains("3"));
    }

    @Test
    void missingShx() throws Exception {
        Files.delete(dir.resolve("kapot.shx"));
        failsOpening("shp.shx.missing", "kapot.shp");
    }

    @Test
    void missingDbf() throws Exception {
        Files.delete(dir.resolve("kapot.dbf"));
        failsOpening("shp.dbf.missing", "kapot.shp");
    }

    @Test
    void dbfRecordCountDiffersFromShp() throws Exception {
        ShapefileTestData.writeDbf(dir.resolve("kapot.dbf"), 0x57, StandardCharsets.UTF_8, "NAAM", 5, "a", "b");
        failsOpening("shp.count.mismatch", "kapot.dbf");
    }

    @Test
    void truncatedDbf() throws Exception {
        Path dbf = dir.resolve("kapot.dbf");
        byte[] all = Files.readAllBytes(dbf);
        Files.write(dbf, Arrays.copyOf(all, all.length - 5));
        failsOpening("shp.dbf.corrupt", "kapot.dbf");
    }

    @Test
    void garbageInsideARecordIsWrappedNotThrownRaw() throws Exception {
        byte[] all = Files.readAllBytes(shp);
        // record 1 content starts at byte 108: set its shape type to 3 (polyline) in a polygon file
        all[108] = 3;
        Files.write(shp, all);
        failsOpening("shp.record.corrupt", "kapot.shp");
    }

    @Test
    void uppercaseSidecarsAreFound() throws Exception {
        Files.move(dir.resolve("kapot.shx"), dir.resolve("KAPOT.SHX"));
        Files.move(dir.resolve("kapot.dbf"), dir.resolve("kapot.DBF"));
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertEquals(3, r.count());
        }
    }
}
