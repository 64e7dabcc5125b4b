package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ShapefileWriter;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/** The command line as a GIS colleague uses it: sample → import → layers → analyse → export. */
class CliTest {
    @TempDir Path dir;

    record Run(int code, String out, String err) { }

    static Run cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Cli.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Path plotsShapefile() throws Exception {
        Path shp = dir.resolve("kavels.shp");
        List<Feature> fs = List.of(
                new Feature(1, Rd.FACTORY.createPolygon(new Coordinate[] {new Coordinate(62000, 441000),
                    new Coordinate(63000, 441000), new Coordinate(63000, 442000), new Coordinate(62000, 442000),
                    new Coordinate(62000, 441000)}), new Object[] {"Kavel Maasvlakte é", "Rotterdam-Moerdijk"}));
        new ShapefileWriter().write(shp, "kavels", List.of(new Field("naam", FieldType.TEXT),
                new Field("cluster", FieldType.TEXT)), fs, ProgressListener.NONE);
        return shp;
    }

    @Test
    void sampleImportAnalyseExportRoundTrip() throws Exception {
        Path project = dir.resolve("voorbeeld.gpkg");
        Run sample = cli("sample", project.toString());
        assertEquals(0, sample.code(), sample.err());
        assertTrue(sample.out().contains("lagen, 1 scenario)"), "singular for one scenario: " + sample.out());

        Run imp = cli("import", project.toString(), plotsShapefile().toString(), "--role", "AVAILABLE_PLOT",
                "--layer", "Nieuwe kavels");
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().contains("1 object uit"), "singular for one feature: " + imp.out());

        Run layers = cli("layers", project.toString(), "--json");
        assertEquals(0, layers.code(), layers.err());
        JsonNode ls = new ObjectMapper().readTree(layers.out()).get("layers");
        boolean found = false;
        for (JsonNode l : ls) {
            if (l.get("name").asText().equals("Nieuwe kavels")) {
                found = true;
                assertEquals("AVAILABLE_PLOT", l.get("role").asText());
                assertEquals(1, l.get("features").asInt());
            }
        }
        assertTrue(found, layers.out());
        // A layer imported on the command line goes to its role's place (bottom first), not on top.
        List<String> roles = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode l : ls) {
            roles.add(l.get("role").asText());
            names.add(l.get("name").asText());
        }
        int plots = names.indexOf("Nieuwe kavels");
        assertTrue(plots < roles.indexOf("SENSITIVE"), "below the sensitive objects: " + names);
        assertTrue(plots > roles.lastIndexOf("CLUSTER") && plots > roles.indexOf("NATURA2000"), "above clusters and Natura 2000: " + names);

        Run analyse = cli("analyse", project.toString(), "--scenario", "Voorbeeld", "--json");
        assertEquals(0, analyse.code(), analyse.err());
        JsonNode sc = new ObjectMapper().readTree(analyse.out()).get("scenarios").get(0);
        assertTrue(sc.get("candidates").size() >= 2);
        for (JsonNode c : sc.get("candidates")) assertTrue(c.get("area_ha").asDouble() > 0);
        JsonNode last = sc.get("hectare_balance").get(sc.get("hectare_balance").size() - 1);
        assertEquals("Nederland", last.get("cluster").asText());

        Path out = dir.resolve("export");
        Run export = cli("export", project.toString(), "--scenario", "Voorbeeld", "--shp", out.toString());
        assertEquals(0, export.code(), export.err());
        try (var files = Files.list(out)) {
            assertEquals(5, files.filter(p -> p.toString().matches(".*\\.(shp|shx|dbf|prj|cpg)$")).count());
        }
        Run gj = cli("export", project.toString(), "--layer", "Nieuwe kavels", "--geojson", dir.resolve("k.geojson").toString());
        assertEquals(0, gj.code(), gj.err());
        assertTrue(Files.readString(dir.resolve("k.geojson")).contains("Kavel Maasvlakte é"));
    }

    @Test
    void badInputExitsWith3AndAMessageNamingTheFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("leeg.shp"));
        Run r = cli("import", dir.resolve("p.gpkg").toString(), empty.toString(), "--role", "BASEMAP");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("leeg.shp"), r.err());
        assertFalse(Files.exists(dir.resolve("p.gpkg")), "a failed import into a new project leaves no file");
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, cli("import", "a.gpkg").code());
        assertEquals(2, cli("import", "a.gpkg", "b.shp", "--role", "GEEN_ROL").code());
    }

    @Test
    void everySubcommandAnswersTheHelpItsUsageErrorsPointTo() {
        Run usage = cli("import", "a.gpkg");
        assertTrue(usage.err().contains("ruimteschets import --help"), usage.err());
        for (String sub : List.of("import", "layers", "analyse", "export", "report", "sample", "search", "validate", "copy")) {
            Run help = cli(sub, "--help");
            assertEquals(0, help.code(), sub + ": " + help.err());
            assertTrue(help.out().contains("Usage: ruimteschets " + sub), sub + ": " + help.out());
        }
        Run viaHelp = cli("help", "import");
        assertEquals(0, viaHelp.code(), viaHelp.err());
        assertTrue(viaHelp.out().contains("--role"), viaHelp.out());
    }

    @Test
    void englishMessagesOnRequest() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.shp"));
        Run r = cli("--lang", "en", "import", dir.resolve("p.gpkg").toString(), empty.toString(), "--role", "BASEMAP");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("empty"), r.err());
        assertFalse(r.err().contains("Bestand"), r.err());
    }

    @Test
    void reportWritesPdfCsvAndPngAndRefusesAnUnknownScenario() throws Exception {
        Path project = dir.resolve("voorbeeld.gpkg");
        assertEquals(0, cli("sample", project.toString()).code());
        Path pdf = dir.resolve("rapport.pdf"), csv = dir.resolve("rapport.csv"), png = dir.resolve("kaart.png");
        Run r = cli("report", project.toString(), "--scenario", "Voorbeeld", "--pdf", pdf.toString(), "--csv", csv.toString(),
                "--png", png.toString(), "--png-width", "800");
        assertEquals(0, r.code(), r.err());
        try (var d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertTrue(new org.apache.pdfbox.text.PDFTextStripper().getText(d).contains("Voorbeeld"));
        }
        assertTrue(Files.readString(csv, StandardCharsets.UTF_8).contains("Rotterdam-Moerdijk"));
        assertEquals(450, javax.imageio.ImageIO.read(png.toFile()).getHeight(), "9/16 of the width");
        Run bad = cli("report", project.toString(), "--scenario", "Bestaat niet", "--pdf", pdf.toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("Bestaat niet"), bad.err());
        assertEquals(2, cli("report", project.toString(), "--scenario", "Voorbeeld").code(), "no output asked for");
    }

    @Test
    void progressCountsAreGroupedTheWayThePlannersLanguageWritesThem() {
        PrintStream err = System.err;
        ByteArrayOutputStream nl = new ByteArrayOutputStream(), en = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(nl, true, StandardCharsets.UTF_8));
            try (Cli.ConsoleProgress p = new Cli.ConsoleProgress(java.util.Locale.forLanguageTag("nl"))) {
                p.progress(12_500, 40_000);
            }
            System.setErr(new PrintStream(en, true, StandardCharsets.UTF_8));
            try (Cli.ConsoleProgress p = new Cli.ConsoleProgress(java.util.Locale.ENGLISH)) {
                p.progress(12_500, 40_000);
            }
        } finally {
            System.setErr(err);
        }
        assertEquals("\r12.500 / 40.000 (31%)" + System.lineSeparator(), nl.toString(StandardCharsets.UTF_8));
        assertEquals("\r12,500 / 40,000 (31%)" + System.lineSeparator(), en.toString(StandardCharsets.UTF_8));
    }
}
