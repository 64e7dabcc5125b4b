package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ĳ exists only in Unicode (and Ë not in cp437), so the code-page cases use é, ë and ï; the UTF-8 cases add Ë and ĳ. */
class ShapefileEncodingTest {
    private static final String CP_TEXT = "Café ëindhoven ruïne"; // cp437 has ë but no Ë
    private static final String UTF_TEXT = "Café Ëindhoven ruïne ĳsbaan";

    @TempDir Path dir;

    /** Two squares whose .dbf is replaced by a hand-made one, without .cpg unless given. */
    private Path shapefile(int ldid, Charset cs, String cpg, String text) throws Exception {
        Path shp = ShapefileTestData.squares(dir, "enc", "x", "y");
        Files.delete(dir.resolve("enc.cpg"));
        ShapefileTestData.writeDbf(dir.resolve("enc.dbf"), ldid, cs, "NAAM", 60, text, "tweede");
        if (cpg != null) Files.writeString(dir.resolve("enc.cpg"), cpg);
        return shp;
    }

    private static String firstValue(Path shp, String forced, String expectedEncoding) throws Exception {
        try (ShapefileReader r = ShapefileReader.open(shp, forced)) {
            assertEquals(expectedEncoding, r.encoding());
            Feature f = r.next();
            assertEquals("tweede", r.next().value(0));
            return (String) f.value(0);
        }
    }

    @ParameterizedTest(name = "LDID 0x{0} ({1}) without .cpg")
    @CsvSource({"57, windows-1252", "03, windows-1252", "02, IBM850", "01, IBM437"})
    void languageDriverByteChoosesTheCodePage(String ldidHex, String charset) throws Exception {
        Path shp = shapefile(Integer.parseInt(ldidHex, 16), Charset.forName(charset), null, CP_TEXT);
        assertEquals(CP_TEXT, firstValue(shp, null, charset));
    }

    @Test
    void legacyCp1252WithoutLanguageDriverDoesNotCrash() throws Exception {
        Path shp = shapefile(0, Charset.forName("windows-1252"), null, CP_TEXT);
        assertEquals(CP_TEXT, firstValue(shp, null, "windows-1252"));
    }

    @Test
    void utf8WithoutLanguageDriverOrCpgIsRecognised() throws Exception {
        Path shp = shapefile(0, StandardCharsets.UTF_8, null, UTF_TEXT);
        assertEquals(UTF_TEXT, firstValue(shp, null, "UTF-8"));
    }

    @ParameterizedTest(name = ".cpg \"{0}\"")
    @CsvSource({"ANSI 1252, windows-1252", "1252, windows-1252", "CP1252, windows-1252", "windows-1252, windows-1252",
            "850, IBM850", "CP437, IBM437", "88591, ISO-8859-1"})
    void cpgSpellingsAreUnderstood(String cpg, String charset) throws Exception {
        // LDID 0x57 on purpose: the .cpg must win over the header
        Path shp = shapefile(0x57, Charset.forName(charset), cpg, CP_TEXT);
        assertEquals(CP_TEXT, firstValue(shp, null, charset));
    }

    @Test
    void utf8CpgWins() throws Exception {
        Path shp = shapefile(0x57, StandardCharsets.UTF_8, "UTF8", UTF_TEXT);
        assertEquals(UTF_TEXT, firstValue(shp, null, "UTF-8"));
    }

    @Test
    void unknownCpgFallsBackToTheHeaderWithAWarning() throws Exception {
        Path shp = shapefile(0x57, Charset.forName("windows-1252"), "KLINGON", CP_TEXT);
        try (ShapefileReader r = ShapefileReader.open(shp, null)) {
            assertEquals(CP_TEXT, r.next().value(0));
            assertEquals("shp.encoding.cpg.unknown", r.warnings().get(0).key());
        }
    }

    @Test
    void forcedEncodingOverridesEverything() throws Exception {
        Path shp = shapefile(0x57, Charset.forName("IBM850"), "UTF-8", CP_TEXT);
        assertEquals(CP_TEXT, firstValue(shp, "IBM850", "IBM850"));
    }

    @Test
    void unknownForcedEncodingIsAnInputError() throws Exception {
        Path shp = shapefile(0x57, Charset.forName("windows-1252"), null, CP_TEXT);
        InputException e = assertThrows(InputException.class, () -> ShapefileReader.open(shp, "no-such-charset"));
        assertTrue(e.getMessage().contains("enc.dbf"), e.getMessage());
    }
}
