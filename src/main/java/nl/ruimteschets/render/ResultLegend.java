package nl.ruimteschets.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * What the engine draws for a candidate and how it looks: noise contours (L_den 50, L_den 55,
 * L_night 40), safety contours (PR 10⁻⁶, brand-, explosie- and gifwolkaandachtsgebied) and the
 * nitrogen deposition classes of the Natura 2000 hexagons, with the legend that explains them. The
 * map view, presentation mode, PNG export and the PDF report all take their styles and their legend
 * from here, so a colour means the same everywhere. Immutable; thread-safe.
 */
public final class ResultLegend {
    public static final LayerStyle LDEN_50 = new LayerStyle(0x7B1FA222, 0x7B1FA2FF, 2, false);
    public static final LayerStyle LDEN_55 = new LayerStyle(0xC2185B22, 0xC2185BFF, 1.5, false);
    public static final LayerStyle LNIGHT_40 = new LayerStyle(0x3949AB18, 0x3949ABFF, 1.5, true);
    public static final LayerStyle PR_1E6 = new LayerStyle(0xD5000022, 0xD50000FF, 2, false);
    public static final LayerStyle BRAND = new LayerStyle(0x00000000, 0xF9A825FF, 1.5, true);
    public static final LayerStyle EXPLOSIE = new LayerStyle(0x00000000, 0xEF6C00FF, 1.5, true);
    public static final LayerStyle GIFWOLK = new LayerStyle(0x00000000, 0x8E24AAFF, 1.5, true);

    /** Lower bounds of the deposition classes, mol N/ha/yr; the first is the hexagons' cut-off. */
    static final double[] DEPOSITION_FROM = {0.005, 0.05, 0.5, 1, 5};
    /** Colours of the classes (RGBA), pale yellow to dark red. */
    static final int[] DEPOSITION_RGBA = {0xFFF176C0, 0xFFB300C0, 0xFB8C00C0, 0xE53935C0, 0x8E0000C0};

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int PAD = 6, ROW = 15, SWATCH = 22;

    private ResultLegend() { }

    /** The class colour (RGBA) of a deposition in mol N/ha/yr; below the first class it is the first class's. */
    public static int depositionRgba(double mol) {
        int c = 0;
        for (int i = 0; i < DEPOSITION_FROM.length; i++) if (mol >= DEPOSITION_FROM[i]) c = i;
        return DEPOSITION_RGBA[c];
    }

    /** One legend line: a swatch drawn in a style (or a filled square) and its text; a null style is a heading. */
    private record Row(String text, LayerStyle line, int square) { }

    private static List<Row> rows(Locale locale, boolean noise, boolean safety, boolean nitrogen) {
        ResourceBundle t = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        List<Row> rows = new ArrayList<>();
        if (noise) {
            rows.add(new Row(t.getString("legend.result.noise"), null, 0));
            rows.add(new Row("L_den 50 dB", LDEN_50, 0));
            rows.add(new Row("L_den 55 dB", LDEN_55, 0));
            rows.add(new Row("L_night 40 dB", LNIGHT_40, 0));
        }
        if (safety) {
            rows.add(new Row(t.getString("legend.result.safety"), null, 0));
            rows.add(new Row("PR 10⁻⁶", PR_1E6, 0));
            rows.add(new Row(t.getString("legend.result.brand"), BRAND, 0));
            rows.add(new Row(t.getString("legend.result.explosie"), EXPLOSIE, 0));
            rows.add(new Row(t.getString("legend.result.gifwolk"), GIFWOLK, 0));
        }
        if (nitrogen) {
            rows.add(new Row(t.getString("legend.result.nitrogen"), null, 0));
            for (int i = 0; i < DEPOSITION_FROM.length; i++) {
                String from = number(DEPOSITION_FROM[i], locale);
                String text = i + 1 < DEPOSITION_FROM.length ? from + " – " + number(DEPOSITION_FROM[i + 1], locale) : "≥ " + from;
                rows.add(new Row(text, null, DEPOSITION_RGBA[i]));
            }
        }
        return rows;
    }

    private static String number(double v, Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(3);
        return f.format(v);
    }

    /**
     * The legend as an image on a white rounded panel, {@code scale} times the normal size (presentation
     * mode uses bigger), or null when nothing is shown.
     */
    public static BufferedImage image(Locale locale, double scale, boolean noise, boolean safety, boolean nitrogen) {
        List<Row> rows = rows(locale, noise, safety, nitrogen);
        if (rows.isEmpty()) return null;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D pg = probe.createGraphics();
        int textW = 0;
        for (Row r : rows) textW = Math.max(textW, pg.getFontMetrics(r.line() == null && r.square() == 0 ? TITLE : TEXT).stringWidth(r.text()));
        pg.dispose();
        int w = PAD * 2 + SWATCH + 6 + textW, h = PAD * 2 + rows.size() * ROW;
        BufferedImage img = new BufferedImage((int) Math.ceil(w * scale), (int) Math.ceil(h * scale), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            draw(g, rows, w, h);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void draw(Graphics2D g, List<Row> rows, int w, int h) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(new RoundRectangle2D.Double(0.5, 0.5, w - 1, h - 1, 8, 8));
        g.setColor(new Color(0x9E9E9E));
        g.setStroke(new BasicStroke(1));
        g.draw(new RoundRectangle2D.Double(0.5, 0.5, w - 1, h - 1, 8, 8));
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int top = PAD + i * ROW, mid = top + ROW / 2;
            boolean heading = r.line() == null && r.square() == 0;
            g.setFont(heading ? TITLE : TEXT);
            FontMetrics fm = g.getFontMetrics();
            int baseline = mid + (fm.getAscent() - fm.getDescent()) / 2;
            if (heading) {
                g.setColor(Color.BLACK);
                g.drawString(r.text(), PAD, baseline);
                continue;
            }
            int x = PAD;
            if (r.line() != null) {
                LayerStyle s = r.line();
                Path2D box = new Path2D.Double();
                box.append(new java.awt.geom.Rectangle2D.Double(x, mid - 5, SWATCH, 10), false);
                if ((s.fill() & 0xFF) != 0) {
                    g.setColor(rgba(s.fill()));
                    g.fill(box);
                }
                g.setColor(rgba(s.stroke()));
                g.setStroke(s.dashed() ? new BasicStroke((float) s.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                        10, new float[] {6, 4}, 0) : new BasicStroke((float) s.strokeWidth()));
                g.draw(new Line2D.Double(x, mid, x + SWATCH, mid));
            } else {
                g.setColor(rgba(r.square()));
                g.fillRect(x + 5, mid - 6, 12, 12);
                g.setColor(new Color(0x616161));
                g.setStroke(new BasicStroke(0.8f));
                g.drawRect(x + 5, mid - 6, 12, 12);
            }
            g.setColor(Color.BLACK);
            g.drawString(r.text(), x + SWATCH + 6, baseline);
        }
    }

    /** RGBA int to a Java2D colour. */
    public static Color rgba(int v) {
        return new Color((v >>> 24) & 0xFF, (v >>> 16) & 0xFF, (v >>> 8) & 0xFF, v & 0xFF);
    }
}
