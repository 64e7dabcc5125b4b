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
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.MapDecorations;
import nl.ruimteschets.render.MapLabels;
import nl.ruimteschets.render.MapRenderer;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A map of a scenario as an image for reports and PNG export, without JavaFX: the project's layers
 * in their role styles, the scenario's candidates on top, a legend, a scale bar and a north arrow.
 * The view fits the candidates with their surroundings (the whole project when there are none).
 */
public final class MapImage {
    private MapImage() { }

    public static BufferedImage render(Project p, Scenario s, int width, int height, Locale locale) {
        return render(p, s, null, width, height, locale);
    }

    /**
     * @param area the part of the map to show (fitted into the image), or null to fit the candidates
     *        with their surroundings
     */
    public static BufferedImage render(Project p, Scenario s, Envelope area, int width, int height, Locale locale) {
        ResourceBundle text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
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
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0xcfe3f0)); // sea, as on screen
        g.fillRect(0, 0, width, height);
        g.dispose();
        // As the planner left the map: hidden layers stay hidden, colours and opacity as saved.
        List<MapRenderer.LayerLook> looks = p.layers().stream().map(l -> MapRenderer.LayerLook.of(l, p.displays().get(l.name()))).toList();
        new MapRenderer(p.layers()).render(v, looks, img, () -> false);

        g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (Candidate c : s.candidates()) {
            boolean sat = c.kind() == CandidateKind.SATELLITE;
            Path2D path = path(c.footprint(), v);
            g.setColor(sat ? new Color(0, 172, 193, 110) : new Color(30, 136, 229, 110));
            g.fill(path);
            g.setColor(sat ? new Color(0x006064) : new Color(0x0D47A1));
            g.setStroke(new BasicStroke(2.5f));
            g.draw(path);
        }
        // Names as on screen: candidates first, then the layers' labels, none overlapping, clear of legend and scale bar.
        List<java.awt.geom.Rectangle2D> reserved = List.of(
                new java.awt.geom.Rectangle2D.Double(width - 210, 0, 210, 70 + (p.layers().size() + 2) * 17 + 10),
                new java.awt.geom.Rectangle2D.Double(0, height - 50, 280, 50));
        MapLabels.draw(g, new MapLabels(p.layers(), MapLabels.labelFields(p.layers(), p.displays())).place(v,
                s.candidates().stream().map(c -> MapLabels.candidate(c.name(), c.footprint())).toList(), reserved));
        legend(g, p, looks, text, width);
        g.dispose();
        MapDecorations.decorate(img, v, locale);
        return img;
    }

    private static Path2D path(Geometry geom, Viewport v) {
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
        int lineH = 17, boxW = 190, boxH = rows.size() * lineH + 10;
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
