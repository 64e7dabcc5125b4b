package nl.ruimteschets.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.ruimteschets.analysis.search.Criterion;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.analysis.search.SuitabilityMap;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.report.MapImage;
import org.locationtech.jts.geom.Envelope;

/**
 * How a suitability map looks, for the screen and for PNG: per cell a colour for the composite score
 * (red 0 → yellow → green 100) or for one criterion (green for none → red at its "bad" scale), hard-
 * excluded cells in grey, cells outside the search area transparent; the legend says which layer is
 * shown, the ramp's ends, the excluded class and that this screens one activity at a time.
 * Stateless and thread-safe.
 */
public final class SuitabilityImage {
    private SuitabilityImage() { }

    /** Hard-excluded cells: dark grey, half transparent, so the base map shows why. */
    public static final int EXCLUDED_ARGB = 0x99505050;
    private static final int ALPHA = 0xB0;

    /** ARGB per cell (row 0 = southernmost row, as the grid), for the score (criterion null) or a criterion. */
    public static int[] colours(SuitabilityMap m, Criterion criterion) {
        int n = m.grid().size();
        int[] out = new int[n];
        float[] v = criterion == null ? m.score() : m.criteria().get(criterion);
        double scale = criterion == null ? 100.0 : m.scales().getOrDefault(criterion, 1.0);
        for (int i = 0; i < n; i++) {
            SuitabilityMap.Exclusion e = m.exclusionAt(i);
            if (e == SuitabilityMap.Exclusion.OUTSIDE_AREA) continue;
            if (e != SuitabilityMap.Exclusion.NONE) {
                out[i] = EXCLUDED_ARGB;
                continue;
            }
            double t = criterion == null ? v[i] / 100.0 : 1 - Math.min(1, v[i] / scale); // 1 = good
            out[i] = ramp(t);
        }
        return out;
    }

    /** Red (0, bad) → yellow → green (1, good), with the map's transparency. */
    public static int ramp(double good) {
        double t = Math.max(0, Math.min(1, Double.isNaN(good) ? 0 : good));
        int r, g, b;
        if (t < 0.5) {
            double u = t / 0.5;
            r = 215;
            g = (int) Math.round(48 + u * (217 - 48));
            b = (int) Math.round(39 + u * (59 - 39));
        } else {
            double u = (t - 0.5) / 0.5;
            r = (int) Math.round(254 - u * (254 - 26));
            g = (int) Math.round(217 - u * (217 - 150));
            b = (int) Math.round(59 - u * (59 - 65));
        }
        return ALPHA << 24 | r << 16 | g << 8 | b;
    }

    /** The cells as an image, one pixel per cell, north up. */
    public static BufferedImage cells(SuitabilityMap m, Criterion criterion) {
        int nx = m.grid().nx(), ny = m.grid().ny();
        int[] c = colours(m, criterion);
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_ARGB);
        for (int j = 0; j < ny; j++) img.setRGB(0, ny - 1 - j, nx, 1, c, j * nx, nx);
        return img;
    }

    /**
     * The project's map over the search area with the suitability layer under everything the map writes
     * (names, its legend, scale bar), the ranked locations drawn as candidates numbered by rank (numbers
     * placed among the map's names, none overlapping: at a small scale only those with room show), and
     * the suitability legend top left, which the names keep clear of.
     */
    public static BufferedImage render(Project p, SuitabilityMap m, Criterion criterion, List<RankedLocation> ranked,
                                       int width, int height, Locale locale) {
        Envelope area = m.request().area().getEnvelopeInternal();
        area.expandBy(Math.max(area.getWidth(), area.getHeight()) * 0.05);
        Viewport v = new Viewport(area.centre().x, area.centre().y,
                Math.max(area.getWidth() / width, area.getHeight() / height), width, height);
        Scenario numbered = new Scenario("-", "");
        for (RankedLocation l : ranked) numbered.add(l.candidate().withName(String.valueOf(l.rank())));
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = probe.createGraphics();
        int[] size = legendSize(pg, m, locale);
        pg.dispose();
        List<Rectangle2D> keepClear = List.of(new Rectangle2D.Double(0, 0, size[0] + 20, size[1] + 20));
        BufferedImage img = MapImage.render(p, numbered, null, v, v.scaleDenominator(), false, locale, (g, vp) -> {
            Envelope ge = m.grid().envelope();
            int x0 = (int) Math.round(vp.toScreenX(ge.getMinX())), y0 = (int) Math.round(vp.toScreenY(ge.getMaxY()));
            int x1 = (int) Math.round(vp.toScreenX(ge.getMaxX())), y1 = (int) Math.round(vp.toScreenY(ge.getMinY()));
            Object interpolation = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(cells(m, criterion), x0, y0, x1 - x0, y1 - y0, null);
            if (interpolation != null) g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setColor(new Color(0x333333));
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {6, 4}, 0));
            g.draw(MapImage.path(m.request().area(), vp));
        }, keepClear);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        legend(g, m, criterion, locale, 10, 10);
        g.dispose();
        return img;
    }

    /**
     * Where the rank numbers go in a view, decluttered as the map's names are ({@link MapLabels}): best
     * rank first, on its footprint or beside it, never over another number or a {@code keepClear}
     * rectangle; a number with no room is left out (the list has every location).
     */
    public static List<MapLabels.Placed> rankLabels(List<RankedLocation> ranked, Viewport v, List<Rectangle2D> keepClear) {
        // One size for all, so the placement keeps the rank order (it puts bigger features first).
        double size = 0;
        for (RankedLocation l : ranked) {
            Envelope e = l.candidate().geometry().getEnvelopeInternal();
            size = Math.max(size, Math.max(e.getWidth(), e.getHeight()));
        }
        List<MapLabels.Item> items = new java.util.ArrayList<>();
        for (RankedLocation l : ranked.stream().sorted(java.util.Comparator.comparingInt(RankedLocation::rank)).toList()) {
            MapLabels.Item at = MapLabels.candidate(String.valueOf(l.rank()), l.candidate().geometry());
            items.add(new MapLabels.Item(at.text(), at.x(), at.y(), size, at.kind()));
        }
        return new MapLabels(List.of(), java.util.Map.of()).place(v, items, keepClear);
    }

    /** The legend alone as an image (the app draws it over its map). */
    public static BufferedImage legendImage(SuitabilityMap m, Criterion criterion, Locale locale) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D pg = probe.createGraphics();
        int[] size = legendSize(pg, m, locale);
        pg.dispose();
        BufferedImage img = new BufferedImage(size[0] + 1, size[1] + 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        legend(g, m, criterion, locale, 0, 0);
        g.dispose();
        return img;
    }

    private static int[] legendSize(Graphics2D g, SuitabilityMap m, Locale locale) {
        ResourceBundle t = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int w = 260;
        for (String s : new String[] {t.getString("search.honesty"), t.getString("search.legend.excluded"),
            java.text.MessageFormat.format(t.getString("search.legend.grid"), "100")}) {
            w = Math.max(w, g.getFontMetrics().stringWidth(s) + 44);
        }
        return new int[] {w, 118};
    }

    /** The legend box at (x, y): title, ramp with its ends, excluded, and the screening caveat. */
    public static void legend(Graphics2D g, SuitabilityMap m, Criterion criterion, Locale locale, int x, int y) {
        ResourceBundle t = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        String title = criterion == null ? t.getString("search.layer.score") : t.getString("search.criterion." + criterion.name());
        String lo, hi;
        if (criterion == null) {
            lo = "0";
            hi = "100";
        } else {
            lo = "0 " + criterion.unit();
            hi = "≥ " + String.format(locale, "%,.1f", m.scales().getOrDefault(criterion, 1.0)) + " " + criterion.unit();
        }
        String note = t.getString("search.honesty");
        String res = java.text.MessageFormat.format(t.getString("search.legend.grid"), String.format(locale, "%.0f", m.grid().cell()));
        int[] size = legendSize(g, m, locale);
        int w = size[0], h = size[1];
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x, y, w, h);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, x + 8, y + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int rw = 180;
        for (int i = 0; i < rw; i++) {
            double good = criterion == null ? i / (double) (rw - 1) : 1 - i / (double) (rw - 1);
            g.setColor(new Color(ramp(good), true));
            g.fillRect(x + 8 + i, y + 26, 1, 14);
        }
        g.setColor(Color.BLACK);
        g.drawString(lo, x + 8, y + 54);
        g.drawString(hi, x + 8 + rw - g.getFontMetrics().stringWidth(hi), y + 54);
        g.setColor(new Color(EXCLUDED_ARGB, true));
        g.fillRect(x + 8, y + 62, 18, 12);
        g.setColor(Color.BLACK);
        g.drawString(t.getString("search.legend.excluded"), x + 32, y + 73);
        g.drawString(res, x + 8, y + 92);
        g.setFont(new Font(Font.SANS_SERIF, Font.ITALIC, 12));
        g.drawString(note, x + 8, y + 110);
    }
}
