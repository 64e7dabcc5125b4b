package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShapefileZipTest {
    @TempDir Path dir;

    private Path zip(String name, Map<String, Path> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                Files.copy(e.getValue(), z);
                z.closeEntry();
            }
        }
        return zip;
    }

    private Map<String, Path> parts(String prefix, Path shp) {
        String base = shp.toString().substring(0, shp.toString().length() - 4);
        return Map.of(prefix + ".shp", shp, prefix + ".shx", Path.of(base + ".shx"), prefix + ".dbf", Path.of(base + ".dbf"),
                prefix + ".prj", Path.of(base + ".prj"), prefix + ".cpg", Path.of(base + ".cpg"));
    }

    @Test
    void readsAShapefileInsideAZipAndCleansUpOnClose() throws Exception {
        Path shp = ShapefileTestData.squares(dir, "in", "Café", "ĳs");
        Path zip = zip("levering.zip", parts("map/percelen", shp));
        Path extracted;
        try (ShapefileReader r = ShapefileReader.open(zip, null)) {
            assertEquals(2, r.count());
            assertEquals("percelen.prj", r.crs().description());
            assertEquals("Café", r.next().value(0));
            assertEquals("ĳs", r.next().value(0));
            assertTrue(r.warnings().isEmpty());
            extracted = tempDirs().findFirst().orElseThrow();
        }
        assertFalse(Files.exists(extracted), "temporary files deleted on close");
    }

    private java.util.stream.Stream<Path> tempDirs() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        return Files.list(tmp).filter(p -> p.getFileName().toString().startsWith("ruimteschets-shp"))
                .sorted((a, b) -> Long.compare(b.toFile().lastModified(), a.toFile().lastModified()));
    }

    @Test
    void zipSlipEntryIsRefused() throws Exception {
        Path shp = ShapefileTestData.squares(dir, "in", "a");
        Path zip = zip("kwaad.zip", Map.of("../evil.shp", shp));
        InputException e = assertThrows(InputException.class, () -> ShapefileReader.open(zip, null));
        assertEquals("shp.zip.unsafe", e.userMessage().key());
        String nl = e.getMessage(Locale.forLanguageTag("nl"));
        assertTrue(nl.contains("kwaad.zip") && nl.contains("../evil.shp"), nl);
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir")).resolve("evil.shp")));
    }

    @Test
    void unsafeNamesAreRecognised() {
        assertTrue(ShapefileZip.isUnsafe("/etc/evil.shp"));
        assertTrue(ShapefileZip.isUnsafe("C:/evil.shp"));
        assertTrue(ShapefileZip.isUnsafe("a/../../evil.shp"));
        assertFalse(ShapefileZip.isUnsafe("map/..percelen.shp"));
        assertFalse(ShapefileZip.isUnsafe("map/percelen.shp"));
    }

    @Test
    void zipWithoutShapefileIsRefused() throws Exception {
        Path txt = Files.writeString(dir.resolve("lees.txt"), "mij");
        Path zip = zip("leeg.zip", Map.of("lees.txt", txt));
        InputException e = assertThrows(InputException.class, () -> ShapefileReader.open(zip, null));
        assertEquals("shp.zip.noshp", e.userMessage().key());
        assertTrue(e.getMessage().contains("leeg.zip"));
    }

    @Test
    void severalShapefilesAreListedAndTheOneAskedForIsRead() throws Exception {
        Path a = ShapefileTestData.squares(dir, "a", "eerste");
        Path b = ShapefileTestData.squares(dir, "b", "tweede", "derde");
        var entries = new java.util.HashMap<>(parts("zuid", b));
        entries.putAll(parts("noord", a));
        Path zip = zip("twee.zip", entries);
        // Before: the alphabetically first was imported silently. Now the user chooses.
        InputException e = assertThrows(InputException.class, () -> ShapefileReader.open(zip, null));
        assertEquals("shp.zip.multiple.choose", e.userMessage().key());
        assertTrue(e.getMessage(Locale.ROOT).contains("noord, zuid"), e.getMessage(Locale.ROOT));
        assertEquals(List.of("noord", "zuid"), LayerLoader.tables(zip), "the import dialog offers both");
        try (ShapefileReader r = ShapefileReader.open(zip, "zuid", null)) {
            assertEquals("tweede", r.next().value(0));
            assertEquals("derde", r.next().value(0));
            assertNull(r.next());
        }
        InputException missing = assertThrows(InputException.class, () -> ShapefileReader.open(zip, "west.shp", null));
        assertEquals("shp.zip.member.missing", missing.userMessage().key());
    }
}
