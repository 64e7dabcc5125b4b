package nl.ruimteschets.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.NitrogenIndicators;
import nl.ruimteschets.analysis.NoiseIndicators;
import nl.ruimteschets.model.Layer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The workshop report as PDF (Apache PDFBox), A4 landscape: title, date, project and scenario names,
 * a map with legend, scale bar and north arrow per scenario, indicator tables per candidate and per
 * cluster, a comparison table when there are several scenarios, the hectare balance chart, the
 * method notes with their screening labels, and the source of every layer.
 *
 * <p>Text uses the PDF standard Helvetica, so characters outside Windows-1252 are written in a plain
 * form (10⁻⁶ as 10-6): every PDF reader shows it without embedded fonts.
 */
public final class PdfReport {
    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;

    private final Report report;
    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream cs;
    private float y;

    private PdfReport(Report report) {
        this.report = report;
    }

    public static void write(Report report, Path file) throws IOException {
        PdfReport r = new PdfReport(report);
        try (PDDocument d = r.doc) {
            r.build();
            d.getDocumentInformation().setTitle(report.t("report.title") + " — " + report.projectName);
            d.getDocumentInformation().setCreator("Ruimteschets");
            d.save(file.toFile());
        }
    }

    private void build() throws IOException {
        newPage();
        text(bold, 20, MARGIN, report.t("report.title"));
        y -= 26;
        String date = LocalDate.now().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(report.locale));
        text(regular, 11, MARGIN, report.t("report.date") + ": " + date);
        y -= 15;
        text(regular, 11, MARGIN, report.t("report.project") + ": " + report.projectName);
        y -= 15;
        List<String> names = report.scenarios.stream().map(c -> c.scenario().name()).toList();
        text(regular, 11, MARGIN, report.t(names.size() > 1 ? "report.scenarios" : "report.scenario") + ": " + String.join(", ", names));
        y -= 10;
        for (Report.Computed c : report.scenarios) {
            map(c);
        }
        newPage();
        if (report.scenarios.size() > 1) {
            heading(report.t("report.comparison"));
            table(report.comparisonHeader(), report.comparisonRows(), 9);
        }
        heading(report.t("report.candidates"));
        List<List<String>> rows = new ArrayList<>();
        for (Report.Computed c : report.scenarios) rows.addAll(report.candidateRows(c));
        table(report.candidateHeader(), rows, 7);
        heading(report.t("report.clusters"));
        rows = new ArrayList<>();
        for (Report.Computed c : report.scenarios) rows.addAll(report.clusterRows(c));
        table(report.clusterHeader(), rows, 8);
        chart();
        heading(report.t("report.method"));
        paragraph(report.t("method.netHa"));
        paragraph(report.t("method.noise") + " (" + (report.locale.getLanguage().equals("en") ? NoiseIndicators.LABEL_EN : NoiseIndicators.LABEL_NL) + ")");
        paragraph(report.t("method.safety"));
        paragraph(report.t("method.nitrogen") + " (" + (report.locale.getLanguage().equals("en") ? NitrogenIndicators.LABEL_EN : NitrogenIndicators.LABEL_NL) + ")");
        paragraph(report.t("method.balance"));
        heading(report.t("report.sources"));
        List<List<String>> sources = new ArrayList<>();
        for (Layer l : report.project.layers()) {
            sources.add(List.of(l.name(), report.t("role." + l.role().name()), Integer.toString(l.features().size()),
                    l.source().isEmpty() ? report.t("report.source.unknown") : l.source()));
        }
        table(List.of(report.t("report.col.layer"), report.t("layers.props.role"), report.t("report.col.features"),
                report.t("report.col.source")), sources, 8);
        cs.close();
    }

    // ------------------------------------------------------------------ parts

    private void map(Report.Computed c) throws IOException {
        float w = PAGE.getWidth() - 2 * MARGIN, h = 390;
        if (y - h - 20 < MARGIN) newPage();
        y -= 16;
        text(bold, 12, MARGIN, report.t("report.map") + " — " + c.scenario().name());
        // Rendered at twice the page resolution, so the printed map stays sharp.
        var img = MapImage.render(report.project, c.scenario(), (int) (w * 2), (int) (h * 2), report.locale);
        PDImageXObject x = LosslessFactory.createFromImage(doc, img);
        y -= h + 6;
        cs.drawImage(x, MARGIN, y, w, h);
    }

    private void chart() throws IOException {
        List<ClusterBalance> bs = report.scenarios.get(0).result().clusters();
        float h = 170, w = PAGE.getWidth() - 2 * MARGIN;
        if (y - h - 40 < MARGIN) newPage();
        heading(report.t("ind.chart.title") + " — " + report.scenarios.get(0).scenario().name());
        double max = 1;
        for (ClusterBalance b : bs) max = Math.max(max, Math.max(Math.abs(b.balance2030Ha()), Math.abs(b.balance2050Ha())));
        float zero = y - h / 2, scale = (float) ((h / 2 - 12) / max), slot = w / Math.max(1, bs.size());
        cs.setStrokingColor(Color.GRAY);
        cs.moveTo(MARGIN, zero);
        cs.lineTo(MARGIN + w, zero);
        cs.stroke();
        for (int i = 0; i < bs.size(); i++) {
            ClusterBalance b = bs.get(i);
            float x0 = MARGIN + i * slot + slot * 0.2f, bw = slot * 0.25f;
            bar(x0, zero, bw, (float) b.balance2030Ha() * scale, new Color(0xE6, 0x51, 0x00));
            bar(x0 + bw + 2, zero, bw, (float) b.balance2050Ha() * scale, new Color(0xFB, 0xA0, 0x2A));
            cs.setNonStrokingColor(Color.BLACK);
            text(regular, 7, x0, zero - h / 2 - 2, fit(b.cluster(), regular, 7, slot - 4));
        }
        bar(MARGIN, y - 10, 10, 8, new Color(0xE6, 0x51, 0x00));
        bar(MARGIN + 50, y - 10, 10, 8, new Color(0xFB, 0xA0, 0x2A));
        cs.setNonStrokingColor(Color.BLACK);
        text(regular, 8, MARGIN + 13, y - 9, "2030");
        text(regular, 8, MARGIN + 63, y - 9, "2050   (ha, " + report.t("report.chart.zero") + ")");
        y -= h + 18;
    }

    private void bar(float x, float zero, float w, float hgt, Color c) throws IOException {
        cs.setNonStrokingColor(c);
        cs.addRect(x, hgt >= 0 ? zero : zero + hgt, w, Math.abs(hgt));
        cs.fill();
    }

    private void table(List<String> header, List<List<String>> rows, float size) throws IOException {
        float w = PAGE.getWidth() - 2 * MARGIN;
        float[] widths = new float[header.size()];
        float total = 0;
        for (int i = 0; i < header.size(); i++) {
            // A column is as wide as its longest value or the longest word of its header (headers wrap).
            float longest = 0;
            for (String word : safe(header.get(i)).split(" ")) longest = Math.max(longest, bold.getStringWidth(word) / 1000 * size);
            for (List<String> r : rows) longest = Math.max(longest, regular.getStringWidth(safe(r.get(i))) / 1000 * size);
            widths[i] = Math.min(longest, 220) + 6;
            total += widths[i];
        }
        for (int i = 0; i < widths.length; i++) widths[i] *= w / total;
        float line = size + 4;
        headerRow(header, widths, size, line);
        for (List<String> r : rows) {
            if (y - line < MARGIN) {
                newPage();
                headerRow(header, widths, size, line);
            }
            y -= line;
            float x = MARGIN;
            cs.setNonStrokingColor(Color.BLACK);
            for (int i = 0; i < r.size(); i++) {
                text(regular, size, x + 2, y, fit(r.get(i), regular, size, widths[i] - 4));
                x += widths[i];
            }
        }
        y -= 8;
    }

    /** The header, each cell's words wrapped to its column (up to three lines). */
    private void headerRow(List<String> cells, float[] widths, float size, float line) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> ls = new ArrayList<>();
            String cur = "";
            for (String word : safe(cells.get(i)).split(" ")) {
                String next = cur.isEmpty() ? word : cur + " " + word;
                if (!cur.isEmpty() && bold.getStringWidth(next) / 1000 * size > widths[i] - 4) {
                    ls.add(cur);
                    cur = word;
                } else {
                    cur = next;
                }
            }
            ls.add(cur);
            while (ls.size() > 3) ls.set(2, ls.get(2) + " " + ls.remove(3));
            wrapped.add(ls);
            lines = Math.max(lines, ls.size());
        }
        float h = lines * line;
        if (y - h < MARGIN) newPage();
        cs.setNonStrokingColor(new Color(0xE3, 0xE8, 0xEF));
        cs.addRect(MARGIN, y - h - 3, PAGE.getWidth() - 2 * MARGIN, h);
        cs.fill();
        cs.setNonStrokingColor(Color.BLACK);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < wrapped.get(i).size(); k++) {
                text(bold, size, x + 2, y - (k + 1) * line, fit(wrapped.get(i).get(k), bold, size, widths[i] - 4));
            }
            x += widths[i];
        }
        y -= h;
    }

    private void heading(String s) throws IOException {
        if (y - 40 < MARGIN) newPage();
        y -= 20;
        text(bold, 13, MARGIN, s);
        y -= 4;
    }

    /** Wraps a paragraph to the page width. */
    private void paragraph(String s) throws IOException {
        float size = 9, w = PAGE.getWidth() - 2 * MARGIN;
        StringBuilder lineText = new StringBuilder();
        for (String word : safe(s).split(" ")) {
            String next = lineText.length() == 0 ? word : lineText + " " + word;
            if (regular.getStringWidth(next) / 1000 * size > w) {
                if (y - 12 < MARGIN) newPage();
                y -= 12;
                text(regular, size, MARGIN, lineText.toString());
                lineText = new StringBuilder(word);
            } else {
                lineText = new StringBuilder(next);
            }
        }
        if (lineText.length() > 0) {
            if (y - 12 < MARGIN) newPage();
            y -= 12;
            text(regular, size, MARGIN, lineText.toString());
        }
        y -= 5;
    }

    private void newPage() throws IOException {
        if (cs != null) cs.close();
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
        text(regular, 7, MARGIN, MARGIN / 2, "Ruimteschets — " + report.projectName + " — " + report.t("report.footer")
                + " — " + doc.getNumberOfPages());
    }

    private void text(PDType1Font font, float size, float x, String s) throws IOException {
        text(font, size, x, y, s);
    }

    private void text(PDType1Font font, float size, float x, float atY, String s) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, atY);
        cs.showText(safe(s));
        cs.endText();
    }

    private String fit(String s, PDType1Font font, float size, float width) throws IOException {
        String t = safe(s);
        if (font.getStringWidth(t) / 1000 * size <= width) return t;
        while (t.length() > 1 && font.getStringWidth(t + "…") / 1000 * size > width) t = t.substring(0, t.length() - 1);
        return t + "…";
    }

    /** Text that the standard fonts can show (Windows-1252), with plain forms for the rest. */
    static String safe(String s) {
        String t = s.replace("⁻⁶", "-6").replace("−", "-").replace("≥", ">=").replace("≤", "<=").replace("Σ", "sum").replace("Δ", "delta ")
                .replace("₃", "3").replace("ĳ", "ij").replace("Ĳ", "IJ").replace("²", "²").replace("\n", " ");
        StringBuilder b = new StringBuilder();
        java.nio.charset.CharsetEncoder enc = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        for (char c : t.toCharArray()) b.append(enc.canEncode(c) ? c : '?');
        return b.toString();
    }
}
