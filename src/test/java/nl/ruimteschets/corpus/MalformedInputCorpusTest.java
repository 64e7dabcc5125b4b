package nl.ruimteschets.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.ruimteschets.app.Cli;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every input of {@link MalformedInputCorpus} through {@code ruimteschets import} (in-process CLI)
 * into a fresh copy of the sample project and checks what a user would check: the outcome (refused
 * with a message containing the expected words, or the layer there with N features and the expected
 * warning), no stack trace, SQL or temp path in the output, and afterwards that the project opens,
 * passes {@code PRAGMA integrity_check}, has no temp copies beside it, and — when refused — is byte for
 * byte the file it was. Prints the totals by outcome.
 */
class MalformedInputCorpusTest {
    /** What must never reach a user: stack frames, exception class names, SQL, our temp files. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (java|nl|org|mil|com)\\.|Exception|SQLITE_|\\bSELECT |\\bINSERT |\\bCREATE |FROM sqlite_master|"
                    + "ruimteschets-shp|\\.gpkg-pid|\\[SQLITE|ParseException|Unexpected character|line: \\d+, column");

    @TempDir
    Path dir;

    @Test
    void everyInputIsRefusedClearlyOrImportedAndTheProjectStaysSound() throws Exception {
        Path base = dir.resolve("basis.gpkg");
        ProjectStore.save(SampleProject.build(), base);
        byte[] baseBytes = Files.readAllBytes(base);
        List<String> baseLayers = layers(integrity(base));
        List<MalformedInputCorpus.Case> cases = MalformedInputCorpus.generate(dir.resolve("invoer"));
        assertTrue(cases.size() >= 250, "corpus has only " + cases.size() + " inputs");

        Map<String, Integer> totals = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        int i = 0;
        for (MalformedInputCorpus.Case c : cases) {
            Path work = Files.createDirectories(dir.resolve("project-" + (++i)));
            Path project = work.resolve("p.gpkg");
            Files.copy(base, project, StandardCopyOption.REPLACE_EXISTING);
            try {
                String outcome = run(c, project, baseBytes, baseLayers);
                totals.merge(c.kind() + " " + outcome, 1, Integer::sum);
                totals.merge("total " + outcome, 1, Integer::sum);
            } catch (AssertionError | Exception e) {
                failures.add("[" + c.kind() + "] " + c.name() + ": " + e.getMessage());
                totals.merge("total FAILED", 1, Integer::sum);
            }
        }
        System.out.printf(Locale.ROOT, "Malformed-input corpus: %d inputs in %.1f s%n", cases.size(),
                (System.nanoTime() - start) / 1e9);
        totals.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %4d%n", k, v));
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " inputs went wrong:\n"
                + String.join("\n", failures));
    }

    private static String run(MalformedInputCorpus.Case c, Path project, byte[] baseBytes, List<String> baseLayers)
            throws Exception {
        if (c.prep() != null) c.prep().apply(project);
        byte[] before = Files.readAllBytes(project);
        List<String> args = new ArrayList<>(List.of("import", project.toString(), c.input().toString(), "--role", "BASEMAP"));
        args.addAll(c.args());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        int code;
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(ps);
            System.setErr(ps);
            code = Cli.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        String shown = text.length() > 600 ? text.substring(0, 600) + "…" : text;
        if (LEAK.matcher(text).find()) throw new AssertionError("output leaks internals: " + shown);
        MalformedInputCorpus.Expect e = c.expect();
        for (String f : e.fragments()) {
            if (!text.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))) throw new AssertionError("expected \"" + f + "\" in: " + shown);
        }
        try (var s = Files.list(project.getParent())) {
            List<Path> left = s.filter(p -> !p.equals(project)).toList();
            if (!left.isEmpty()) throw new AssertionError("left beside the project: " + left);
        }
        if (e.refused()) {
            if (code == 0) throw new AssertionError("imported although it should be refused: " + shown);
            if (!java.util.Arrays.equals(before, Files.readAllBytes(project))) {
                throw new AssertionError("project changed by a refused import: " + shown);
            }
            // Byte for byte the sample, which opened with baseLayers and passed integrity_check at the start,
            // so its layer list is unchanged and it opens; a project damaged or made newer on purpose
            // (prep) cannot open and only has to be left exactly as it was.
            if (c.prep() == null && !java.util.Arrays.equals(baseBytes, before)) throw new AssertionError("project changed");
            return "refused";
        }
        if (code != 0) throw new AssertionError("refused (exit " + code + ") although it should import: " + shown);
        Project p = integrity(project);
        Layer l = p.layer(c.layer()).orElseThrow(() -> new AssertionError("layer " + c.layer() + " missing: " + layers(p)));
        if (l.features().size() != e.features()) {
            throw new AssertionError(l.features().size() + " features instead of " + e.features() + ": " + shown);
        }
        if (p.layers().size() != baseLayers.size() + 1) throw new AssertionError("layers now: " + layers(p));
        if (c.check() != null) c.check().check(project);
        return e.fragments().isEmpty() ? "imported" : "imported+warning";
    }

    /** PRAGMA integrity_check is "ok" and the project opens; returns it. */
    private static Project integrity(Path project) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + project); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            String r = rs.next() ? rs.getString(1) : "";
            if (!"ok".equals(r)) throw new AssertionError("integrity_check: " + r);
        }
        return ProjectStore.open(project);
    }

    private static List<String> layers(Project p) {
        return p.layers().stream().map(l -> l.name() + ":" + l.role()).toList();
    }
}
