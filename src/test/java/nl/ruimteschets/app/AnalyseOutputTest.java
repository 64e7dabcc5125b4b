package nl.ruimteschets.app;

import static nl.ruimteschets.app.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.io.FeatureReader;
import nl.ruimteschets.io.Formats;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code analyse} and {@code export --scenario} give another tool (#9 §5): JSON byte-identical on
 * identical input, even from two separate JVMs (hash order differs between them); a readable table in
 * the user's language; and exported candidates carrying their indicators in every format.
 */
class AnalyseOutputTest {
    @TempDir Path dir;
    Path project;

    @BeforeEach
    void sample() {
        project = dir.resolve("voorbeeld.gpkg");
        assertEquals(0, cli("sample", project.toString()).code());
    }

    @Test
    void jsonIsByteIdenticalFromTwoSeparateEngines() throws Exception {
        String first = analyseInOwnJvm("a");
        String second = analyseInOwnJvm("b");
        assertTrue(first.contains("\"overlap\""), first);
        assertEquals(first, second, "identical input, identical bytes");
    }

    private String analyseInOwnJvm(String tag) throws Exception {
        Path out = dir.resolve(tag + ".json");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(), "analyse", project.toString(), "--json")
                .redirectOutput(out.toFile()).redirectError(dir.resolve(tag + ".err").toFile()).start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve(tag + ".err")));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void textIsAnAlignedTableInTheChosenLanguage() {
        CliTest.Run nl = cli("analyse", project.toString());
        assertEquals(0, nl.code(), nl.err());
        assertFalse(nl.out().contains("{") || nl.out().contains("="), "no {key=value}: " + nl.out());
        assertTrue(nl.out().contains("Kandidaat") && nl.out().contains("uitbreiding") && nl.out().contains("Hectarebalans"),
                nl.out());
        List<String> lines = nl.out().lines().toList();
        int header = 0;
        while (!lines.get(header).contains("Kandidaat")) header++;
        // Aligned: the column of "Bruto ha" ends where each candidate's gross figure ends.
        int end = lines.get(header).indexOf("Bruto ha") + "Bruto ha".length();
        for (int i = header + 2; !lines.get(i).isBlank(); i++) {
            assertTrue(Character.isDigit(lines.get(i).charAt(end - 1)) && lines.get(i).charAt(end) == ' ', lines.get(i));
        }
        CliTest.Run en = cli("--lang", "en", "analyse", project.toString());
        assertTrue(en.out().contains("Candidate") && en.out().contains("expansion") && en.out().contains("Hectare balance"),
                en.out());
        assertFalse(en.out().contains("Kandidaat"), en.out());
    }

    @Test
    void exportedCandidatesCarryTheirIndicatorsInEveryFormat() throws Exception {
        Path shpDir = dir.resolve("shp");
        Path gpkg = dir.resolve("k.gpkg");
        Path json = dir.resolve("k.geojson");
        assertEquals(0, cli("export", project.toString(), "--scenario", "Voorbeeld", "--shp", shpDir.toString()).code());
        assertEquals(0, cli("export", project.toString(), "--scenario", "Voorbeeld", "--gpkg", gpkg.toString()).code());
        assertEquals(0, cli("export", project.toString(), "--scenario", "Voorbeeld", "--geojson", json.toString()).code());
        Path shp;
        try (var files = Files.list(shpDir)) {
            shp = files.filter(f -> f.toString().endsWith(".shp")).findFirst().orElseThrow();
        }
        for (Path f : List.of(shp, gpkg, json)) {
            try (FeatureReader r = Formats.open(f, null, null)) {
                List<String> names = r.fields().stream().map(Field::name).toList();
                for (String expected : List.of("bruto_ha", "netto_ha", "zone_ha", "gev_geluid", "pr_conflct", "max_dep",
                        "max_waar", "totaal_n", "screening")) {
                    assertTrue(names.contains(expected), f.getFileName() + " lacks " + expected + ": " + names);
                }
                Feature first = r.next();
                assertEquals("uitbreiding", first.value(names.indexOf("soort")), f.getFileName().toString());
                assertNotNull(first.value(names.indexOf("totaal_n")), f.getFileName() + ": total deposition");
                assertTrue(List.of("in orde", "aandacht", "conflict").contains(first.value(names.indexOf("screening"))));
                assertTrue(((Number) first.value(names.indexOf("netto_ha"))).doubleValue() > 0);
            }
        }
    }
}
