package nl.ruimteschets.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.ShapefileWriter;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of an import and of a save (a child JVM, {@link KillChild}): afterwards the
 * project must be the old one or the new one, never a half (no layer without its role, no layer with
 * part of its rows), {@code PRAGMA integrity_check} ok, and after the next open no temp copy or journal
 * beside it. {@code -Dkill.trials=N} sets the number of trials (10 by default, 50 with {@code -Pnightly});
 * half are imports, half saves. Kill moments are spread over the measured length of an unkilled run.
 */
class KillTest {
    private static final int FEATURES = 30_000;

    @TempDir
    Path dir;

    @Test
    void killedImportsAndSavesLeaveTheOldOrTheNewProject() throws Exception {
        int trials = Integer.getInteger("kill.trials", 10);
        Path base = dir.resolve("basis.gpkg");
        ProjectStore.save(SampleProject.build(), base);
        List<String> oldLayers = names(ProjectStore.open(base));
        Path shp = dir.resolve("groot.shp");
        new ShapefileWriter().write(shp, "groot", MalformedInputCorpus.FIELDS, MalformedInputCorpus.squares(FEATURES),
                ProgressListener.NONE);

        double[] fullSeconds = new double[2];
        for (int m = 0; m < 2; m++) { // an unkilled run of each, to spread the kills over its length
            Path p = copy(base, "vol-" + m);
            long t0 = System.nanoTime();
            Process child = start(m == 0 ? "import" : "save", p, shp);
            assertTrue(child.waitFor(10, TimeUnit.MINUTES), "child did not finish");
            String out = new String(child.getInputStream().readAllBytes());
            assertTrue(out.contains("done"), "unkilled run failed: " + out);
            fullSeconds[m] = (System.nanoTime() - t0) / 1e9;
            check(p, oldLayers, "unkilled " + m);
        }

        Random rnd = new Random(Long.getLong("kill.seed", 11L));
        int oldFound = 0, newFound = 0, leftBehind = 0;
        List<String> halves = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            int mode = t % 2;
            Path p = copy(base, "proef-" + t);
            Process child = start(mode == 0 ? "import" : "save", p, shp);
            // from a quarter (the JVM has started) to past the end, so some runs finish and are found new
            long delayMs = (long) ((0.2 + 1.6 * rnd.nextDouble()) * fullSeconds[mode] * 1000);
            // The kill moment is the point of this test: not a wait for a condition.
            if (!child.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
            }
            child.waitFor(1, TimeUnit.MINUTES);
            try (var s = Files.list(p.getParent())) {
                if (s.anyMatch(f -> !f.equals(p))) leftBehind++; // killed mid-write: the next open must clean it
            }
            try {
                boolean isNew = check(p, oldLayers, "trial " + t);
                if (isNew) newFound++;
                else oldFound++;
            } catch (AssertionError e) {
                halves.add((mode == 0 ? "import" : "save") + " killed after " + delayMs + " ms: " + e.getMessage());
            }
        }
        System.out.printf(Locale.ROOT, "kill -9: %d trials (import %.1f s, save %.1f s unkilled): %d old, %d new, %d half or "
                + "leftovers after open; %d kills left a temp copy that the next open removed%n",
                trials, fullSeconds[0], fullSeconds[1], oldFound, newFound, halves.size(), leftBehind);
        assertEquals(List.of(), halves);
    }

    private Path copy(Path base, String name) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        return Files.copy(base, d.resolve("p.gpkg"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Process start(String mode, Path project, Path shp) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KillChild.class.getName(), mode, project.toString(), shp.toString())
                .redirectErrorStream(true).start();
    }

    /** Old or new, never half; true when new. Opening also cleans what the killed writer left. */
    private static boolean check(Path project, List<String> oldLayers, String what) throws Exception {
        Project p = ProjectStore.open(project);
        try (var s = Files.list(project.getParent())) {
            List<Path> left = s.filter(f -> !f.equals(project)).toList();
            if (!left.isEmpty()) throw new AssertionError(what + ": left beside the project after open: " + left);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            if (!"ok".equals(rs.getString(1))) throw new AssertionError(what + ": integrity_check " + rs.getString(1));
        }
        if (!p.openNotes().stream().filter(n -> n.key().startsWith("project.orphan")).toList().isEmpty()) {
            throw new AssertionError(what + ": a layer without its role: " + p.openNotes());
        }
        List<String> now = names(p);
        if (now.equals(oldLayers)) return false;
        List<String> expected = new ArrayList<>(oldLayers);
        expected.add("groot:SENSITIVE");
        if (!now.equals(expected)) throw new AssertionError(what + ": layers " + now);
        Layer l = p.layer("groot").orElseThrow();
        if (l.features().size() != FEATURES) throw new AssertionError(what + ": groot has " + l.features().size() + " features");
        return true;
    }

    private static List<String> names(Project p) {
        return p.layers().stream().map(l -> l.name() + ":" + l.role()).toList();
    }
}
