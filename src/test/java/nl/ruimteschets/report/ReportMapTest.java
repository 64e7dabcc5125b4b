package nl.ruimteschets.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** What a reader of the PDF checks: maps where the candidates can be seen, their scale, the notes, the footer, the comparison. */
class ReportMapTest {
    @TempDir Path dir;
    static final Locale NL = Locale.forLanguageTag("nl");

    private Path write(Report r) throws Exception {
        Path pdf = dir.resolve("rapport.pdf");
        PdfReport.write(r, pdf);
        return pdf;
    }

    private static List<BufferedImage> images(PDPage page) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        for (COSName n : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(n) instanceof PDImageXObject img) out.add(img.getImage());
        }
        return out;
    }

    /** Pixels in the candidates' blue (their fill over land or sea, outline, label): clearly bluer than the sea. */
    private static int candidatePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y), r = (c >> 16) & 0xFF, g = (c >> 8) & 0xFF, b = c & 0xFF;
                if (b > r + 60 && b > g + 30) n++;
            }
        }
        return n;
    }

    private static boolean near(int rgb, int want, int tol) {
        return Math.abs(((rgb >> 16) & 0xFF) - ((want >> 16) & 0xFF)) <= tol
                && Math.abs(((rgb >> 8) & 0xFF) - ((want >> 8) & 0xFF)) <= tol
                && Math.abs((rgb & 0xFF) - (want & 0xFF)) <= tol;
    }

    @Test
    void theMapPageShowsTheCandidatesLargeWithItsScaleInTheCaptionAndAnOverview() throws Exception {
        Project p = SampleProject.build();
        Scenario s = p.scenario("Voorbeeld").orElseThrow();
        try (PDDocument d = Loader.loadPDF(write(Report.of(p, "voorbeeld.gpkg", List.of(s), NL)).toFile())) {
            String text = new PDFTextStripper().getText(d);
            Matcher m = Pattern.compile("schaal 1:(\\d{1,3}(?:\\.\\d{3})+)").matcher(text);
            assertTrue(m.find(), "the caption writes the scale with Dutch digit grouping: " + text);
            long denominator = Long.parseLong(m.group(1).replace(".", ""));
            assertTrue(denominator <= 250_000, "the map shows the candidates' surroundings, not the whole country: 1:" + denominator);

            BufferedImage map = images(d.getPage(0)).get(0);
            int w = map.getWidth(), h = map.getHeight();
            // The first map's candidate is drawn large: 7,560 such pixels, where the old map of all
            // candidates together (fitted to their spread at twice the page resolution) had 1,922, labels included.
            int blue = candidatePixels(map);
            assertTrue(blue > 4_000, "candidate pixels on the first map: " + blue);

            // The overview in the bottom right corner: sea, land and the red frame.
            int x0 = w - w / 4, y0 = h - h / 3;
            int frame = 0, sea = 0;
            for (int y = y0; y < h; y++) {
                for (int x = x0; x < w; x++) {
                    int rgb = map.getRGB(x, y);
                    if (near(rgb, 0xD50000, 30)) frame++;
                    if (near(rgb, 0xCFE3F0, 3)) sea++;
                }
            }
            assertTrue(frame > 10, "the map's frame is drawn in red on the overview: " + frame);
            assertTrue(sea > 500, "the overview shows the sea around the Netherlands: " + sea);
        }
    }

    @Test
    void reportedFromTheAppTheMapShowsThePlannersView() throws Exception {
        Project p = SampleProject.build();
        Scenario s = p.scenario("Voorbeeld").orElseThrow();
        var c = s.candidates().get(0).footprint().getEnvelopeInternal();
        Envelope view = new Envelope(c);
        view.expandBy(3_000);
        try (PDDocument d = Loader.loadPDF(write(Report.of(p, "v.gpkg", List.of(s), NL).withView(view)).toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("kaartbeeld zoals op het scherm"), text);
            assertEquals(1, count(text, "schaal 1:"), "one map: the view the planner had");
        }
    }

    @Test
    void noInternalReferencesAndTheDisclaimerOncePerPageInTheFooter() throws Exception {
        Project p = SampleProject.build();
        Scenario base = p.scenario("Voorbeeld").orElseThrow();
        Scenario other = ScenarioChanges.copy(base, "Variant");
        p.scenarios().add(other);
        for (Locale loc : List.of(NL, Locale.ENGLISH)) {
            try (PDDocument d = Loader.loadPDF(write(Report.of(p, "v.gpkg", List.of(base, other), loc)).toFile())) {
                String all = new PDFTextStripper().getText(d);
                assertFalse(all.contains("DOMAIN") || all.contains("§"), "no internal references: " + all);
                assertFalse(all.contains("(ha) (ha)"), "a unit once");
                String disclaimer = loc == NL ? "geen vergunningsberekening" : "not a permit calculation";
                for (int page = 1; page <= d.getNumberOfPages(); page++) {
                    PDFTextStripper one = new PDFTextStripper();
                    one.setSortByPosition(true);
                    one.setStartPage(page);
                    one.setEndPage(page);
                    String t = one.getText(d);
                    assertEquals(1, count(t, disclaimer), "page " + page + ": " + t);
                    String[] lines = t.strip().split("\n");
                    assertTrue(lines[lines.length - 1].contains(disclaimer), "in the footer of page " + page);
                }
            }
        }
    }

    @Test
    void notesAreListedWithTheirNumbersAndDrawnOnTheMap() throws Exception {
        Project p = SampleProject.build();
        Scenario s = p.scenario("Voorbeeld").orElseThrow();
        var at = s.candidates().get(0).footprint().getCentroid();
        s.addAnnotation(new Annotation("n1", 1, "Ontsluiting over de weg nagaan", at.getX() + 800, at.getY() + 600,
                at.getX(), at.getY()), -1);
        s.addAnnotation(new Annotation("n2", 2, "Buffer naar het dorp", at.getX() - 900, at.getY()), -1);
        try (PDDocument d = Loader.loadPDF(write(Report.of(p, "v.gpkg", List.of(s), NL)).toFile())) {
            String text = new PDFTextStripper().getText(d);
            assertTrue(text.contains("Notities — Voorbeeld"), text);
            assertTrue(text.contains("1 Ontsluiting over de weg nagaan") && text.contains("2 Buffer naar het dorp"), text);
        }
        Scenario none = new Scenario("leeg", "");
        none.addAnnotation(new Annotation("n1", 1, "x", 60_000, 440_000), -1);
        var v = new nl.ruimteschets.render.Viewport(60_000, 440_000, 10, 600, 400); // the note at (300, 200), left of the legend
        BufferedImage img = MapImage.render(p, none, null, v, 10_000, false, NL);
        assertTrue(near(img.getRGB(300, 200 - 11), 0x263238, 40) && near(img.getRGB(300 - 11, 200), 0x263238, 40),
                "a dark ring around the note's number at its point");
        assertTrue(near(img.getRGB(300 - 6, 200 + 6), 0xFFFFFF, 10), "on a white disc");
    }

    @Test
    void comparisonDifferencesAreJudgedByEachIndicatorsDirection() {
        Project p = SampleProject.build();
        Scenario base = p.scenario("Voorbeeld").orElseThrow();
        Scenario fewer = ScenarioChanges.copy(base, "Zonder satelliet");
        fewer.remove(base.candidates().get(base.candidates().size() - 1).id());
        Report r = Report.of(p, "v.gpkg", List.of(base, fewer), Locale.ENGLISH);
        List<List<String>> rows = r.comparisonRows();
        List<List<Report.Verdict>> verdicts = r.comparisonVerdicts();
        assertEquals(rows.size(), verdicts.size());
        int net = find(rows, "Net"), mol = find(rows, "mol N"), same = find(rows, "PR 10-6");
        assertEquals("Net (ha)", rows.get(net).get(0).replace("Netto", "Net"), "the unit once");
        assertEquals(Report.Verdict.WORSE, verdicts.get(net).get(3), "fewer net hectares is worse " + rows.get(net));
        assertEquals(Report.Verdict.BETTER, verdicts.get(mol).get(3), "less nitrogen is better " + rows.get(mol));
        assertEquals(Report.Verdict.SAME, verdicts.get(same).get(3), rows.get(same).toString());
        assertEquals(null, verdicts.get(net).get(1), "the values themselves are not judged");
    }

    private static int find(List<List<String>> rows, String part) {
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).get(0).contains(part)) return i;
        throw new AssertionError("no row with " + part + " in " + rows);
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
