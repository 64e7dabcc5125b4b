package nl.ruimteschets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    @TempDir Path dir;

    @Test
    void aScenarioReportHasTheMapTablesMethodAndSourcesInDutch() throws Exception {
        Project p = SampleProject.build();
        Scenario s = p.scenario("Voorbeeld").orElseThrow();
        Path pdf = dir.resolve("rapport.pdf");
        PdfReport.write(Report.of(p, "voorbeeld.gpkg", List.of(s), Locale.forLanguageTag("nl")), pdf);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertTrue(d.getNumberOfPages() >= 2, "title and map, then tables");
            assertTrue(d.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the first page holds the map image");
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Ruimteschets — rapport"), text);
            assertTrue(text.contains("Project: voorbeeld.gpkg"));
            assertTrue(text.contains("Scenario: Voorbeeld"));
            for (Candidate c : s.candidates()) assertTrue(text.contains(c.name()), c.name());
            assertTrue(text.contains("Rotterdam-Moerdijk") && text.contains("Nederland"), "cluster rows and the national total");
            assertTrue(text.contains("geen AERIUS-berekening"), "nitrogen screening label");
            assertTrue(text.contains("Bronnen van de kaartlagen"));
            assertTrue(text.contains(p.layers().get(0).name()), "every layer is listed with its source");
        }
    }

    @Test
    void aComparisonShowsDifferencesWithTheFirstScenario() throws Exception {
        Project p = SampleProject.build();
        Scenario base = p.scenario("Voorbeeld").orElseThrow();
        Scenario fewer = ScenarioChanges.copy(base, "Zonder satelliet");
        fewer.remove(base.candidates().get(base.candidates().size() - 1).id());
        p.scenarios().add(fewer);
        Report r = Report.of(p, "voorbeeld.gpkg", List.of(base, fewer), Locale.ENGLISH);
        List<List<String>> cmp = r.comparisonRows();
        assertEquals(List.of("Indicator", "Voorbeeld", "Zonder satelliet", "Δ Zonder satelliet"), r.comparisonHeader());
        assertTrue(cmp.get(0).get(0).startsWith("Net"), cmp.get(0).toString());
        assertTrue(cmp.get(0).get(3).startsWith("-"), "one satellite fewer: fewer net hectares " + cmp.get(0));
        assertTrue(cmp.stream().anyMatch(row -> row.get(0).contains("mol N")), "Δ mol N is compared");
        assertTrue(cmp.stream().anyMatch(row -> row.get(0).contains("Sensitive objects")), "Δ dwellings/objects is compared");
        Path pdf = dir.resolve("compare.pdf");
        PdfReport.write(r, pdf);
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Scenario comparison"), "English when asked");
            assertTrue(text.contains("Zonder satelliet"));
            for (String name : List.of("Voorbeeld", "Zonder satelliet")) {
                assertTrue(text.contains("Balance (ha): supply minus demand — " + name), "a balance chart for " + name);
            }
        }
        Path csv = dir.resolve("indicators.csv");
        r.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).contains("Gross area (ha)"), lines.get(0));
        assertEquals(base.candidates().size() + fewer.candidates().size(),
                lines.stream().skip(1).takeWhile(l -> !l.isEmpty()).count(), "one row per candidate per scenario");
    }

    @Test
    void theMapImageShowsTheAskedAreaWithTheCandidateOnTop() throws Exception {
        Project p = SampleProject.build();
        var img = MapImage.render(p, p.scenarios().get(0), 800, 450, Locale.forLanguageTag("nl"));
        assertEquals(800, img.getWidth());
        assertEquals(450, img.getHeight());

        // A view of the middle of one candidate only: all of it is the candidate's blue fill.
        var c = p.scenarios().get(0).candidates().get(0);
        var inside = c.footprint().getInteriorPoint().getCoordinate();
        var area = new org.locationtech.jts.geom.Envelope(inside);
        area.expandBy(50);
        var close = MapImage.render(p, p.scenarios().get(0), area, 400, 400, Locale.forLanguageTag("nl"));
        java.awt.Color centre = new java.awt.Color(close.getRGB(100, 200)); // left of the legend
        assertTrue(centre.getBlue() > centre.getRed() + 40, "the candidate's blue fills the view, not the whole scenario: " + centre);
    }

    @Test
    void theMapImageDrawsTheLayersAsThePlannerLeftThem() {
        Project p = SampleProject.build();
        var area = new org.locationtech.jts.geom.Envelope(40_000, 120_000, 360_000, 440_000); // Zeeland, the delta, Rotterdam
        var empty = new nl.ruimteschets.model.Scenario("leeg", ""); // layers only
        var shown = MapImage.render(p, empty, area, 300, 300, Locale.forLanguageTag("nl"));
        int sea = 0xFFCFE3F0;
        int x = 0, y = 0;
        // Left of the legend and above the scale bar: a pixel the layers paint (land, zones), not the sea.
        search:
        for (x = 10; x < 100; x++) for (y = 100; y < 250; y++) if (shown.getRGB(x, y) != sea) break search;
        assertTrue(shown.getRGB(x, y) != sea, "some layer is drawn left of the legend");
        for (var l : p.layers()) p.displays().put(l.name(), new nl.ruimteschets.model.LayerDisplay(false, 1, 0, 0));
        var hidden = MapImage.render(p, empty, area, 300, 300, Locale.forLanguageTag("nl"));
        assertEquals(sea, hidden.getRGB(x, y), "hidden layers stay off the exported map (pixel " + x + "," + y + ")");
    }
}
