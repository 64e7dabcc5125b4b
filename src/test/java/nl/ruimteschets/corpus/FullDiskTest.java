package nl.ruimteschets.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.ShapefileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during an import, simulated with a file-size limit on the child process ({@code ulimit -f}:
 * writes beyond it fail as they do on a full disk, though SQLite calls it an I/O error rather than
 * SQLITE_FULL; {@code ProjectWriteExceptionTest} covers the wording for a real full disk). Before: exit 1 with a stack trace and an orphan
 * layer. Now: one sentence saying the disk is full, exit 3, the project byte for byte as it was and
 * nothing left beside it.
 */
class FullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskDuringAnImportLeavesTheProjectAsItWasAndSaysSo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for ulimit; skipped");
        Path project = dir.resolve("p.gpkg");
        ProjectStore.save(SampleProject.build(), project);
        byte[] before = Files.readAllBytes(project);
        Path shp = dir.resolve("groot.shp");
        new ShapefileWriter().write(shp, "groot", MalformedInputCorpus.FIELDS, MalformedInputCorpus.squares(100_000),
                ProgressListener.NONE);
        long limitKb = before.length / 1024 + 1600; // room for the copy and sqlite-jdbc's native library, not for the new layer
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/bash", "-c", "ulimit -f " + limitKb + " && exec \"$0\" \"$@\"", java,
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), KillChild.class.getName(), "import",
                project.toString(), shp.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        String out = new String(p.getInputStream().readAllBytes());
        // ENOSPC reaches SQLite as SQLITE_FULL ("De schijf is vol"); the EFBIG of ulimit as an I/O error
        assertTrue(out.contains("De schijf is vol") || out.contains("kon niet worden geschreven en is niet gewijzigd"), out);
        assertTrue(out.contains("failed 3"), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
        assertArrayEquals(before, Files.readAllBytes(project), "project unchanged");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith(".p.gpkg")).toList());
        }
    }
}
