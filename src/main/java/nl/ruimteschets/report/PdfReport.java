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
import org.locationtech.jts.geom.Envelope;
import nl.ruimteschets.render.Viewport;
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
            maps(c);
            notes(c);
        }
        newPage();
        if (report.scenarios.size() > 1) {
            heading(report.t("report.comparison"));
            table(report.comparisonHeader(), report.comparisonRows(), report.comparisonVerdicts(), 9);
            paragraph(report.t("report.comparison.colours"));
        }
        heading(report.t("report.candidates"));
        List<List<String>> rows = new ArrayList<>();
        for (Report.Computed c : report.scenarios) rows.addAll(report.candidateRows(c));
        table(report.candidateHeader(), rows, null, 7);
        heading(report.t("report.clusters"));
        rows = new ArrayList<>();
        for (Report.Computed c : report.scenarios) rows.addAll(report.clusterRows(c));
        table(report.clusterHeader(), rows, null, 8);
        // A chart per compared scenario (not only the first), all on one scale so their bars compare.
        double max = 1;
        for (Report.Computed c : report.scenarios) {
            for (ClusterBalance b : c.result().clusters()) max = Math.max(max, Math.max(Math.abs(b.balance2030Ha()), Math.abs(b.balance2050Ha())));
        }
        for (Report.Computed c : report.scenarios) chart(c, max);
        heading(report.t("report.method"));
        paragraph(report.t("method.netHa"));
        paragraph(report.t("method.noise") + " (" + (report.locale.getLanguage().equals("en") ? NoiseIndicators.LABEL_EN : NoiseIndicators.LABEL_NL) + ")");
        paragraph(report.t("method.safety"));
        paragraph(report.t("method.nitrogen") + " (" + (report.locale.getLanguage().equals("en") ? NitrogenIndicators.LABEL_EN : NitrogenIndicators.LABEL_NL) + ")");
        paragraph(report.t("method.balance"));
        heading(report.t("report.sources"));
        List<List<String>> sources = new ArrayList<>();
        for (Layer l : report.project.layers()) {
            sources.add(List.of(l.name(), report.t("role." + l.role().name()), Long.toString(l.featureCount()),
                    l.source().isEmpty() ? report.t("report.source.unknown") : l.source()));
        }
        table(List.of(report.t("report.col.layer"), report.t("layers.props.role"), report.t("report.col.features"),
                report.t("report.col.source")), sources, null, 8);
        cs.close();
    }

    // ------------------------------------------------------------------ parts

    /** Printed pixels per PDF point: the map is drawn at twice the page resolution so it stays sharp. */
    private static final int PX_PER_PT = 2;
    private static final double METRES_PER_PT = 0.0254 / 72;

    /**
     * The scenario's maps: the planner's view when reported from the app, else one map per group of
     * nearby candidates (so each candidate is drawn large), each at a round scale written in its caption.
     */
    private void maps(Report.Computed c) throws IOException {
        List<Envelope> frames = report.view != null ? List.of(report.view) : MapImage.candidateFrames(report.project, c.scenario(), c.result());
        if (frames.size() > MAX_MAPS) frames = List.of(union(frames)); // scattered over the country: one map of all
        for (int i = 0; i < frames.size(); i++) map(c, frames.get(i), i + 1, frames.size());
    }

    private static final int MAX_MAPS = 6;

    private static Envelope union(List<Envelope> es) {
        Envelope u = new Envelope();
        for (Envelope e : es) u.expandToInclude(e);
        return u;
    }

    private void map(Report.Computed c, Envelope frame, int number, int of) throws IOException {
        float w = PAGE.getWidth() - 2 * MARGIN, h = 390;
        if (y - h - 36 < MARGIN) newPage();
        y -= 16;
        String where = report.view != null ? report.t("report.map.view") : places(c, frame);
        text(bold, 12, MARGIN, report.t("report.map") + (of > 1 ? " " + number + "/" + of : "") + " — " + c.scenario().name()
                + (where.isEmpty() ? "" : " — " + where));
        long scale = MapImage.niceScale(Math.max(frame.getWidth() / (w * METRES_PER_PT), frame.getHeight() / (h * METRES_PER_PT)));
        Viewport v = new Viewport(frame.centre().x, frame.centre().y, scale * METRES_PER_PT / PX_PER_PT, w * PX_PER_PT, h * PX_PER_PT);
        var img = MapImage.render(report.project, c.scenario(), c.result(), v, scale, true, report.locale);
        PDImageXObject x = LosslessFactory.createFromImage(doc, img);
        y -= h + 6;
        cs.drawImage(x, MARGIN, y, w, h);
        y -= 11;
        // The scale also as text, so it can be read and searched: "schaal 1:250.000".
        text(regular, 9, MARGIN, String.format(report.locale, report.t("report.map.caption"), scale));
    }

    /** The clusters of the candidates shown in a frame, for its heading. */
    private static String places(Report.Computed c, Envelope frame) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        for (var cand : c.scenario().candidates()) {
            if (frame.intersects(cand.footprint().getEnvelopeInternal()) && !cand.parentCluster().isBlank()) names.add(cand.parentCluster());
        }
        return String.join(", ", names);
    }

    /** The scenario's workshop notes, numbered as on its map. */
    private void notes(Report.Computed c) throws IOException {
        List<List<String>> rows = report.annotationRows(c);
        if (rows.isEmpty()) return;
        heading(report.t("report.notes") + " — " + c.scenario().name());
        table(List.of(report.t("report.col.number"), report.t("report.col.note")), rows, null, 9);
    }

    /**
     * A scenario's bars per cluster for 2030 and 2050 around a zero line, with a value axis (ha) and grid
     * lines; {@code max} (ha) sets the scale, the same for every compared scenario.
     */
    private void chart(Report.Computed scenario, double max) throws IOException {
        List<ClusterBalance> bs = scenario.result().clusters();
        float h = 170, axisW = 46, w = PAGE.getWidth() - 2 * MARGIN - axisW;
        if (y - h - 40 < MARGIN) newPage();
        heading(report.t("ind.chart.title") + " — " + scenario.scenario().name());
        // Round steps (…, 100, 200, 250, 500, …) so there are two or three values each side of zero.
        long step = MapImage.niceScale(max / 3);
        double top = Math.ceil(max / step) * step;
        float zero = y - 14 - (h - 14) / 2, scale = (float) (((h - 14) / 2 - 4) / top), slot = w / Math.max(1, bs.size());
        float left = MARGIN + axisW;
        for (long v = -Math.round(top); v <= top; v += step) {
            float gy = zero + v * scale;
            cs.setStrokingColor(v == 0 ? Color.DARK_GRAY : new Color(0xDD, 0xDD, 0xDD));
            cs.setLineWidth(v == 0 ? 1 : 0.5f);
            cs.moveTo(left, gy);
            cs.lineTo(left + w, gy);
            cs.stroke();
            String label = report.num(v, 0);
            cs.setNonStrokingColor(Color.BLACK);
            text(regular, 7, left - 4 - regular.getStringWidth(safe(label)) / 1000 * 7, gy - 2.5f, label);
        }
        cs.setStrokingColor(Color.DARK_GRAY);
        cs.moveTo(left, zero - (float) top * scale);
        cs.lineTo(left, zero + (float) top * scale);
        cs.stroke();
        for (int i = 0; i < bs.size(); i++) {
            ClusterBalance b = bs.get(i);
            float x0 = left + i * slot + slot * 0.2f, bw = slot * 0.25f;
            bar(x0, zero, bw, (float) b.balance2030Ha() * scale, new Color(0xE6, 0x51, 0x00));
            bar(x0 + bw + 2, zero, bw, (float) b.balance2050Ha() * scale, new Color(0xFB, 0xA0, 0x2A));
            cs.setNonStrokingColor(Color.BLACK);
            text(regular, 7, left + i * slot + 2, zero - (float) top * scale - 10, fit(b.cluster(), regular, 7, slot - 4));
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

    /**
     * A table whose headers and cells wrap inside their columns, never cut: each column is at least
     * as wide as its longest word and wants its values on one line (headers wrap first); when the
     * values do not fit they wrap too, and when even the longest words do not fit the font gets smaller.
     *
     * @param verdicts per cell whether it is a better or worse difference (green / red), or null
     */
    private void table(List<String> header, List<List<String>> rows, List<List<Report.Verdict>> verdicts, float size)
            throws IOException {
        float w = PAGE.getWidth() - 2 * MARGIN;
        int n = header.size();
        float[] widths = new float[n];
        for (; ; size -= 0.5f) {
            float[] least = new float[n], want = new float[n];
            float sumLeast = 0, sumWant = 0;
            for (int i = 0; i < n; i++) {
                // Headers wrap first: a column wants room for its values on one line, its header's longest word.
                least[i] = longestWord(bold, header.get(i), size);
                want[i] = least[i];
                for (List<String> r : rows) {
                    least[i] = Math.max(least[i], longestWord(regular, r.get(i), size));
                    want[i] = Math.max(want[i], Math.min(regular.getStringWidth(safe(r.get(i))) / 1000 * size, 260));
                }
                least[i] += 6;
                want[i] = Math.max(want[i] + 6, least[i]);
                sumLeast += least[i];
                sumWant += want[i];
            }
            if (sumLeast > w && size > 5) continue;
            for (int i = 0; i < n; i++) {
                widths[i] = sumWant <= w ? want[i] * w / sumWant
                        : least[i] + (want[i] - least[i]) * (w - sumLeast) / Math.max(1e-3f, sumWant - sumLeast);
            }
            break;
        }
        float line = size + 3;
        List<List<String>> head = wrapRow(header, widths, bold, size);
        row(head, widths, bold, size, line, null, true);
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cells = wrapRow(rows.get(r), widths, regular, size);
            int lines = cells.stream().mapToInt(List::size).max().orElse(1);
            if (y - lines * line - 3 < MARGIN) {
                newPage();
                row(head, widths, bold, size, line, null, true);
            }
            row(cells, widths, regular, size, line, verdicts == null ? null : verdicts.get(r), false);
        }
        y -= 8;
    }

    private static final Color BETTER = new Color(0x1B, 0x5E, 0x20), WORSE = new Color(0xB7, 0x1C, 0x1C);

    private void row(List<List<String>> cells, float[] widths, PDType1Font font, float size, float line,
                     List<Report.Verdict> verdicts, boolean shaded) throws IOException {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        float h = lines * line + 3;
        if (shaded) {
            if (y - h < MARGIN) newPage();
            cs.setNonStrokingColor(new Color(0xE3, 0xE8, 0xEF));
            cs.addRect(MARGIN, y - h, PAGE.getWidth() - 2 * MARGIN, h);
            cs.fill();
        }
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            Report.Verdict v = verdicts == null ? null : verdicts.get(i);
            cs.setNonStrokingColor(v == Report.Verdict.BETTER ? BETTER : v == Report.Verdict.WORSE ? WORSE : Color.BLACK);
            PDType1Font f = v == Report.Verdict.BETTER || v == Report.Verdict.WORSE ? bold : font;
            for (int k = 0; k < cells.get(i).size(); k++) text(f, size, x + 2, y - (k + 1) * line, cells.get(i).get(k));
            x += widths[i];
        }
        cs.setNonStrokingColor(Color.BLACK);
        y -= h;
    }

    private static float longestWord(PDType1Font font, String s, float size) throws IOException {
        float longest = 0;
        for (String word : safe(s).split(" ")) longest = Math.max(longest, font.getStringWidth(word) / 1000 * size);
        return longest;
    }

    private static List<List<String>> wrapRow(List<String> cells, float[] widths, PDType1Font font, float size) throws IOException {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) out.add(wrap(cells.get(i), font, size, widths[i] - 4));
        return out;
    }

    /** Words to lines no wider than {@code width}; a word longer than that stands on its own line. */
    static List<String> wrap(String s, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        String cur = "";
        for (String word : safe(s).split(" ")) {
            String next = cur.isEmpty() ? word : cur + " " + word;
            if (!cur.isEmpty() && font.getStringWidth(next) / 1000 * size > width) {
                lines.add(cur);
                cur = word;
            } else {
                cur = next;
            }
        }
        lines.add(cur);
        return lines;
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
        String t = s.replace("⁻⁶", "-6").replace("−", "-").replace("≥", ">=").replace("≤", "<=").replace("Σ", "sum").replace("Δ ", "delta ").replace("Δ", "delta ")
                .replace("₃", "3").replace("ĳ", "ij").replace("Ĳ", "IJ").replace("²", "²").replace("\n", " ");
        StringBuilder b = new StringBuilder();
        java.nio.charset.CharsetEncoder enc = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        for (char c : t.toCharArray()) b.append(enc.canEncode(c) ? c : '?');
        return b.toString();
    }
}
