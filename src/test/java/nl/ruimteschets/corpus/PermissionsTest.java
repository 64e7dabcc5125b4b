package nl.ruimteschets.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import nl.ruimteschets.app.Cli;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.ShapefileWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project we may not write and an input we may not read: one sentence saying so, the project as it
 * was. Read-only is made with {@code chattr +i} when running as root (root ignores permission bits) or
 * with permission bits otherwise; an unreadable input can only be made when not root.
 */
class PermissionsTest {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @TempDir
    Path dir;

    @Test
    void importIntoAReadOnlyProjectIsRefusedInWords() throws Exception {
        Path project = dir.resolve("p.gpkg");
        ProjectStore.save(SampleProject.build(), project);
        byte[] before = Files.readAllBytes(project);
        Path shp = dir.resolve("kavels.shp");
        new ShapefileWriter().write(shp, "kavels", MalformedInputCorpus.FIELDS, MalformedInputCorpus.squares(3),
                ProgressListener.NONE);
        boolean immutable = ROOT && run("chattr", "+i", project.toString()) == 0;
        assumeTrue(immutable || !ROOT, "running as root without chattr: a read-only file cannot be made; skipped");
        if (!immutable) Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("r--r--r--"));
        try {
            String out = cli("import", project.toString(), shp.toString(), "--role", "BASEMAP");
            assertTrue(out.contains("p.gpkg kan niet worden gewijzigd: het bestand of de map is alleen-lezen"), out);
            assertFalse(out.contains("Exception"), out);
        } finally {
            if (immutable) run("chattr", "-i", project.toString());
            else Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rw-r--r--"));
        }
        assertArrayEquals(before, Files.readAllBytes(project));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().startsWith(".p.gpkg")).toList());
        }
    }

    @Test
    void anUnreadableInputIsRefusedInWords() throws Exception {
        assumeTrue(!ROOT, "root reads every file: no unreadable input can be made; skipped");
        Path project = dir.resolve("p.gpkg");
        ProjectStore.save(SampleProject.build(), project);
        Path shp = dir.resolve("geheim.shp");
        new ShapefileWriter().write(shp, "geheim", MalformedInputCorpus.FIELDS, MalformedInputCorpus.squares(3),
                ProgressListener.NONE);
        Files.setPosixFilePermissions(shp, PosixFilePermissions.fromString("---------"));
        String out = cli("import", project.toString(), shp.toString(), "--role", "BASEMAP");
        assertTrue(out.contains("geheim.shp kan niet gelezen worden: geen leesrechten"), out);
    }

    private static int run(String... cmd) {
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
        } catch (Exception e) {
            return -1;
        }
    }

    private static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            System.setErr(ps);
            Cli.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
