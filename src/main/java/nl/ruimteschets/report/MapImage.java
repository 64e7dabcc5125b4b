package nl.ruimteschets.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.MapDecorations;
import nl.ruimteschets.render.MapLabels;
import nl.ruimteschets.render.MapRenderer;
import nl.ruimteschets.render.ResultLegend;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A map of a scenario as an image for reports and PNG export, without JavaFX: the project's layers
 * in their role styles, the computed noise and safety contours when a result is given, the
 * scenario's candidates and workshop notes on top, a legend, a scale bar and a north arrow, and
 * for printed maps a small overview of the Netherlands with the map's frame drawn on it.
 * Stateless; thread-safe (each call draws into its own image).
 */
public final class MapImage {
    /** Roughly the Netherlands in RD New, the area of the overview map. */
    static final Envelope NETHERLANDS = new Envelope(0, 290_000, 300_000, 630_000);
    /** Groups of candidates further apart than this get maps of their own in a report. */
    static final double GROUP_GAP_M = 8_000;

    private MapImage() { }

    public static BufferedImage render(Project p, Scenario s, int width, int height, Locale locale) {
        return render(p, s, null, width, height, locale);
    }

    /**
     * @param area the part of the map to show (fitted into the image), or null to fit the candidates
     *        with their surroundings
     */
    public static BufferedImage render(Project p, Scenario s, Envelope area, int width, int height, Locale locale) {
        Envelope view = new Envelope();
        if (area != null) view.expandToInclude(area);
        else for (Candidate c : s.candidates()) view.expandToInclude(c.footprint().getEnvelopeInternal());
        if (view.isNull()) {
            for (Layer l : p.layers()) view.expandToInclude(l.extent());
        } else if (area == null) {
            view.expandBy(Math.max(view.getWidth(), view.getHeight()) * 0.6 + 2000);
        }
        // fit() adds a 5 % margin; an explicit area is shown as asked.
        Viewport v = area != null ? new Viewport(view.centre().x, view.centre().y,
                Math.max(view.getWidth() / width, view.getHeight() / height), width, height) : Viewport.fit(view, width, height);
        return render(p, s, null, v, v.scaleDenominator(), false, locale);
    }

    /**
     * Draws a map for print or export.
     *
     * @param result the scenario's computed indicators, whose noise and safety contours are drawn; null for none
     * @param scaleDenominator the N of 1:N written beside the scale bar (on paper it differs from the screen's)
     * @param overview whether to add the overview map of the Netherlands with this map's frame
     */
    public static BufferedImage render(Project p, Scenario s, ScenarioResult result, Viewport v, long scaleDenominator,
                                       boolean overview, Locale locale) {
        return render(p, s, result, v, scaleDenominator, overview, locale, null, List.of());
    }

    /**
     * As {@link #render(Project, Scenario, ScenarioResult, Viewport, long, boolean, Locale)}, with a layer of
     * the caller's drawn over the base map and under the candidates, names, legend and scale bar (the site
     * search's suitability cells), and screen rectangles the names keep clear of (the caller's own legend).
     */
    public static BufferedImage render(Project p, Scenario s, ScenarioResult result, Viewport v, long scaleDenominator,
                                       boolean overview, Locale locale, java.util.function.BiConsumer<Graphics2D, Viewport> overlay,
                                       List<java.awt.geom.Rectangle2D> keepClear) {
        ResourceBundle text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        int width = (int) v.width(), height = (int) v.height();
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(SEA); // sea, as on screen
        g.fillRect(0, 0, width, height);
        g.dispose();
        // As the planner left the map: hidden layers stay hidden, colours and opacity as saved.
        List<MapRenderer.LayerLook> looks = looks(p);
        new MapRenderer(p.layers()).render(v, looks, img, () -> false);

        g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        if (overlay != null) overlay.accept(g, v);
        if (result != null) contours(g, result, v);
        for (Candidate c : s.candidates()) {
            boolean sat = c.kind() == CandidateKind.SATELLITE;
            Path2D path = path(c.footprint(), v);
            g.setColor(sat ? new Color(0, 172, 193, 110) : new Color(30, 136, 229, 110));
            g.fill(path);
            g.setColor(sat ? new Color(0x006064) : new Color(0x0D47A1));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(path);
        }
        for (Annotation a : s.annotations()) annotation(g, a, v);
        // Names as on screen: candidates first, then the layers' labels, none overlapping, clear of legend and scale bar.
        List<java.awt.geom.Rectangle2D> reserved = new ArrayList<>(List.of(
                new java.awt.geom.Rectangle2D.Double(width - 260, 0, 260, 70 + (p.layers().size() + 2) * 17 + 10),
                new java.awt.geom.Rectangle2D.Double(0, height - 50, 280, 50)));
        if (result != null) reserved.add(new java.awt.geom.Rectangle2D.Double(0, 0, 230, 190));
        reserved.addAll(keepClear);
        if (overview) reserved.add(new java.awt.geom.Rectangle2D.Double(width - width / 3.0, height - height / 3.0 - 20,
                width / 3.0, height / 3.0 + 20));
        // Workshop notes keep their numbers readable: no label over a note's disc.
        for (Annotation a : s.annotations()) {
            reserved.add(new java.awt.geom.Rectangle2D.Double(v.toScreenX(a.x()) - 14, v.toScreenY(a.y()) - 14, 28, 28));
        }
        MapLabels.draw(g, new MapLabels(p.layers(), MapLabels.labelFields(p.layers(), p.displays())).place(v,
                s.candidates().stream().map(c -> MapLabels.candidate(c.name(), c.footprint())).toList(), reserved));
        legend(g, p, looks, text, width);
        // What the engine drew, explained by the same legend as on screen, top left.
        BufferedImage results = result == null ? null : ResultLegend.image(locale, 1, true, true, false);
        if (results != null) g.drawImage(results, 10, 10, null);
        if (overview) overview(g, p, looks, v.worldBounds(), width, height);
        g.dispose();
        MapDecorations.decorate(img, v, locale, scaleDenominator);
        return img;
    }

    private static final Color SEA = new Color(0xcfe3f0);

    private static List<MapRenderer.LayerLook> looks(Project p) {
        return p.layers().stream().map(l -> MapRenderer.LayerLook.of(l, p.displays().get(l.name()))).toList();
    }

    /** The computed noise and safety contours as on screen, in the styles the result legend explains. */
    private static void contours(Graphics2D g, ScenarioResult result, Viewport v) {
        for (CandidateResult r : result.candidates()) {
            if (r.safety() != null) {
                shape(g, r.safety().gifwolkContour(), v, ResultLegend.GIFWOLK);
                shape(g, r.safety().explosieContour(), v, ResultLegend.EXPLOSIE);
                shape(g, r.safety().brandContour(), v, ResultLegend.BRAND);
                shape(g, r.safety().prContour(), v, ResultLegend.PR_1E6);
            }
            if (r.noise() != null) {
                shape(g, r.noise().lnight40(), v, ResultLegend.LNIGHT_40);
                shape(g, r.noise().lden50(), v, ResultLegend.LDEN_50);
                shape(g, r.noise().lden55(), v, ResultLegend.LDEN_55);
            }
        }
    }

    private static void shape(Graphics2D g, Geometry geom, Viewport v, LayerStyle look) {
        if (geom == null || geom.isEmpty()) return;
        Path2D path = path(geom, v);
        g.setColor(rgba(look.fill()));
        g.fill(path);
        g.setColor(rgba(look.stroke()));
        g.setStroke(look.dashed() ? new BasicStroke((float) look.strokeWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10, new float[] {6, 4}, 0) : new BasicStroke((float) look.strokeWidth()));
        g.draw(path);
    }

    /** A workshop note: its number in a white disc with a dark ring, and its arrow when it has one. */
    static void annotation(Graphics2D g, Annotation a, Viewport v) {
        double x = v.toScreenX(a.x()), y = v.toScreenY(a.y()), r = 11;
        g.setColor(new Color(0x263238));
        if (a.hasArrow()) {
            double tx = v.toScreenX(a.arrowX()), ty = v.toScreenY(a.arrowY());
            double len = Math.hypot(tx - x, ty - y);
            if (len > r + 4) {
                double ux = (tx - x) / len, uy = (ty - y) / len;
                g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new java.awt.geom.Line2D.Double(x + ux * r, y + uy * r, tx - ux * 8, ty - uy * 8));
                Path2D head = new Path2D.Double();
                head.moveTo(tx, ty);
                head.lineTo(tx - ux * 12 - uy * 6, ty - uy * 12 + ux * 6);
                head.lineTo(tx - ux * 12 + uy * 6, ty - uy * 12 - ux * 6);
                head.closePath();
                g.fill(head);
            }
        }
        var disc = new java.awt.geom.Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
        g.setColor(Color.WHITE);
        g.fill(disc);
        g.setColor(new Color(0x263238));
        g.setStroke(new BasicStroke(2.5f));
        g.draw(disc);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        String n = Integer.toString(a.number());
        var fm = g.getFontMetrics();
        g.drawString(n, (float) (x - fm.stringWidth(n) / 2.0), (float) (y + fm.getAscent() / 2.0 - 2));
    }

    /**
     * The Netherlands small in the bottom right corner: the background layers (all visible layers when
     * the project has none) with the map's frame in red, at least a few pixels big so it is found.
     */
    private static void overview(Graphics2D g, Project p, List<MapRenderer.LayerLook> looks, Envelope frame,
                                 int width, int height) {
        int h = Math.max(80, height / 3), w = (int) Math.round(h * NETHERLANDS.getWidth() / NETHERLANDS.getHeight());
        int x0 = width - w - 12, y0 = height - h - 12;
        boolean hasBase = p.layers().stream().anyMatch(l -> l.role() == LayerRole.BASEMAP);
        List<MapRenderer.LayerLook> shown = new ArrayList<>();
        for (int i = 0; i < p.layers().size(); i++) {
            boolean base = !hasBase || p.layers().get(i).role() == LayerRole.BASEMAP;
            shown.add(base ? looks.get(i) : looks.get(i).withVisible(false));
        }
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D sg = small.createGraphics();
        sg.setColor(SEA);
        sg.fillRect(0, 0, w, h);
        sg.dispose();
        Viewport ov = Viewport.fit(NETHERLANDS, w, h);
        new MapRenderer(p.layers()).render(ov, shown, small, () -> false);
        g.drawImage(small, x0, y0, null);
        g.setColor(new Color(0x455A64));
        g.setStroke(new BasicStroke(1.5f));
        g.drawRect(x0, y0, w, h);
        double fx = ov.toScreenX(frame.getMinX()), fy = ov.toScreenY(frame.getMaxY());
        double fw = Math.max(6, frame.getWidth() / ov.metresPerPixel()), fh = Math.max(6, frame.getHeight() / ov.metresPerPixel());
        double cx = fx + frame.getWidth() / ov.metresPerPixel() / 2, cy = fy + frame.getHeight() / ov.metresPerPixel() / 2;
        java.awt.Shape old = g.getClip();
        g.clipRect(x0, y0, w, h);
        g.setColor(new Color(0xD50000));
        g.setStroke(new BasicStroke(2.5f));
        g.draw(new java.awt.geom.Rectangle2D.Double(x0 + cx - fw / 2, y0 + cy - fh / 2, fw, fh));
        g.setClip(old);
    }

    /**
     * The parts of a report map: the candidates grouped by distance (a group's members are less than
     * {@link #GROUP_GAP_M} apart), each group's extent (with the computed noise contours when a result
     * is given) with a margin of its surroundings. Without
     * candidates: the whole project.
     */
    public static List<Envelope> candidateFrames(Project p, Scenario s, ScenarioResult result) {
        List<Envelope> groups = new ArrayList<>();
        for (Candidate c : s.candidates()) groups.add(new Envelope(c.footprint().getEnvelopeInternal()));
        if (result != null) {
            // The computed noise contour belongs to a candidate's surroundings: the room wants to see all of it.
            for (CandidateResult r : result.candidates()) {
                if (r.noise() != null && r.noise().lden50() != null && !r.noise().lden50().isEmpty()) {
                    groups.add(new Envelope(r.noise().lden50().getEnvelopeInternal()));
                }
            }
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    if (groups.get(i).distance(groups.get(j)) < GROUP_GAP_M) {
                        groups.get(i).expandToInclude(groups.remove(j));
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        if (groups.isEmpty()) {
            Envelope all = new Envelope();
            for (Layer l : p.layers()) all.expandToInclude(l.extent());
            if (!all.isNull()) groups.add(all);
            return groups;
        }
        for (Envelope e : groups) e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.25 + 1_000);
        return groups;
    }

    /** The next round map scale at or above {@code needed}: 1, 2, 2.5 or 5 × 10ⁿ (1:25.000, 1:50.000, …). */
    public static long niceScale(double needed) {
        double pow = Math.pow(10, Math.floor(Math.log10(Math.max(needed, 1))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) if (m * pow >= needed * (1 - 1e-9)) return Math.round(m * pow);
        return Math.round(10 * pow);
    }

    /** The polygons of a geometry as a Java2D path in screen pixels (also used for the site search's PNG). */
    public static Path2D path(Geometry geom, Viewport v) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int n = 0; n < geom.getNumGeometries(); n++) {
            if (!(geom.getGeometryN(n) instanceof Polygon poly)) continue;
            for (int k = -1; k < poly.getNumInteriorRing(); k++) {
                var s = (k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k)).getCoordinateSequence();
                for (int i = 0; i < s.size(); i++) {
                    double x = v.toScreenX(s.getX(i)), y = v.toScreenY(s.getY(i));
                    if (i == 0) path.moveTo(x, y); else path.lineTo(x, y);
                }
                path.closePath();
            }
        }
        return path;
    }

    /** @param looks one per layer, as drawn */
    private static void legend(Graphics2D g, Project p, List<MapRenderer.LayerLook> looks, ResourceBundle text, int width) {
        List<String[]> rows = new ArrayList<>();
        List<LayerStyle> styles = new ArrayList<>();
        for (int i = p.layers().size() - 1; i >= 0; i--) {
            Layer l = p.layers().get(i);
            MapRenderer.LayerLook look = looks.get(i);
            if (!look.visible()) continue; // not on the map, not in its legend
            rows.add(new String[] {l.name()});
            styles.add(look.style());
        }
        rows.add(new String[] {text.getString("kind.EXPANSION")});
        styles.add(new LayerStyle(0x1E88E56E, 0x0D47A1FF, 2.5, false));
        rows.add(new String[] {text.getString("kind.SATELLITE")});
        styles.add(new LayerStyle(0x00ACC16E, 0x006064FF, 2.5, false));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int textW = 0;
        for (String[] r : rows) textW = Math.max(textW, g.getFontMetrics().stringWidth(r[0]));
        int lineH = 17, boxW = Math.max(190, textW + 40), boxH = rows.size() * lineH + 10;
        int x = width - boxW - 10, y = 60;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(x, y, boxW, boxH);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(x, y, boxW, boxH);
        for (int i = 0; i < rows.size(); i++) {
            LayerStyle st = styles.get(i);
            int ry = y + 6 + i * lineH;
            if ((st.fill() & 0xFF) != 0) { // an outline-only layer (province boundaries) shows as its outline
                g.setColor(rgba(st.fill() | 0xFF));
                g.fillRect(x + 6, ry + 2, 18, 11);
            }
            g.setColor(rgba(st.stroke()));
            g.drawRect(x + 6, ry + 2, 18, 11);
            g.setColor(Color.BLACK);
            g.drawString(rows.get(i)[0], x + 30, ry + 12);
        }
    }

    private static Color rgba(int v) {
        return new Color((v >>> 24) & 0xFF, (v >>> 16) & 0xFF, (v >>> 8) & 0xFF, v & 0xFF);
    }
}
