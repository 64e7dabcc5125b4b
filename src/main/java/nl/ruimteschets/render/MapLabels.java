package nl.ruimteschets.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * Map labels: feature names placed greedily by priority so that no two overlap, drawn with a white
 * halo. Used for the screen map (drawn into the image the map view shows) and for PNG and PDF maps,
 * so all three place the same labels. Priority: candidates, then cluster sites, Natura 2000, other
 * layers, and background layers (municipality names) last and only from about 1:400.000 inward; within
 * a class bigger features first. A polygon is labelled at an interior point when it is at least a few
 * pixels big on screen; a label is dropped when its place is taken or it would stick out of the image.
 *
 * <p>An instance holds each labelled layer's anchors, computed once; the layers' features must not
 * change afterwards. {@link #place} and {@link #draw} may be called from any thread, also concurrently.
 */
public final class MapLabels {
    /** Background labels (municipality names) only at this scale (1:N) or larger. */
    public static final long BACKGROUND_MAX_SCALE = 400_000;
    /** Polygons smaller than this on screen (pixels, larger side) get no label. */
    static final double MIN_FEATURE_PX = 6;
    /** Free space kept around every label, pixels. */
    static final double GAP_PX = 3;
    private static final FontRenderContext FRC = new FontRenderContext(new AffineTransform(), true, true);

    /** How a class of labels looks: font and text colour; ordered by priority (first placed first). */
    public enum Kind {
        CANDIDATE(new Font(Font.SANS_SERIF, Font.BOLD, 13), 0x0D47A1),
        CLUSTER(new Font(Font.SANS_SERIF, Font.BOLD, 12), 0x26344F),
        NATURA2000(new Font(Font.SANS_SERIF, Font.ITALIC, 12), 0x1B5E20),
        OTHER(new Font(Font.SANS_SERIF, Font.PLAIN, 11), 0x333333),
        BACKGROUND(new Font(Font.SANS_SERIF, Font.PLAIN, 11), 0x5D4E3A);

        final Font font;
        final int rgb;

        Kind(Font font, int rgb) {
            this.font = font;
            this.rgb = rgb;
        }

        static Kind of(LayerRole role) {
            return switch (role) {
                case CLUSTER -> CLUSTER;
                case NATURA2000 -> NATURA2000;
                case BASEMAP -> BACKGROUND;
                default -> OTHER;
            };
        }
    }

    /** One thing to label: text at a world point; {@code size} (metres) orders it within its kind and hides it when small. */
    public record Item(String text, double x, double y, double size, Kind kind) { }

    /** A label as placed: text, its baseline start in pixels and its box (for tests and reserved space). */
    public record Placed(String text, double x, double y, Rectangle2D box, Kind kind) { }

    private final List<Item> items;

    /**
     * @param layers the project's layers
     * @param labelFields by layer name, the field whose value labels its features; a layer without an entry (or a
     *        null or unknown field) gets no labels
     */
    public MapLabels(List<Layer> layers, Map<String, String> labelFields) {
        List<Item> all = new ArrayList<>();
        for (Layer l : layers) {
            int field = l.fieldIndex(labelFields.get(l.name()));
            if (field < 0) continue;
            Kind kind = Kind.of(l.role());
            for (Feature f : l.features()) {
                Object v = f.value(field);
                if (v == null || v.toString().isBlank() || f.geometry() == null || f.geometry().isEmpty()) continue;
                Coordinate at = anchor(f.geometry());
                Envelope e = f.geometry().getEnvelopeInternal();
                all.add(new Item(v.toString().strip(), at.x, at.y, Math.max(e.getWidth(), e.getHeight()), kind));
            }
        }
        this.items = List.copyOf(all);
    }

    /**
     * By layer name, the field that labels each shown layer: the planner's choice where a look is saved
     * (none when it says none), else {@link #defaultLabelField}. Hidden layers get no labels.
     */
    public static Map<String, String> labelFields(List<Layer> layers, Map<String, LayerDisplay> displays) {
        Map<String, String> fields = new HashMap<>();
        for (Layer l : layers) {
            LayerDisplay d = displays.get(l.name());
            if (d != null && !d.visible()) continue;
            String f = d != null ? d.labelField() : defaultLabelField(l);
            if (f != null) fields.put(l.name(), f);
        }
        return fields;
    }

    /** The field that labels a layer when the planner has not chosen one: the name of cluster sites and Natura 2000 sites, else none. */
    public static String defaultLabelField(Layer l) {
        if (l.role() != LayerRole.CLUSTER && l.role() != LayerRole.NATURA2000) return null;
        int i = l.mappedFieldIndex(Layer.MAP_NAME);
        return i < 0 ? null : l.fields().get(i).name();
    }

    /** A candidate's name at its footprint (placed before everything else). */
    public static Item candidate(String name, Geometry footprint) {
        Coordinate at = anchor(footprint);
        Envelope e = footprint.getEnvelopeInternal();
        return new Item(name, at.x, at.y, Math.max(e.getWidth(), e.getHeight()), Kind.CANDIDATE);
    }

    /** Where a feature's label goes: inside its largest polygon, or at the point. */
    static Coordinate anchor(Geometry g) {
        if (g instanceof Point p) return p.getCoordinate();
        Geometry largest = g;
        if (g.getNumGeometries() > 1) {
            double best = -1;
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                double size = part instanceof Polygonal ? part.getArea() : part.getLength();
                if (size > best) {
                    best = size;
                    largest = part;
                }
            }
        }
        if (largest instanceof Polygonal) return InteriorPointArea.getInteriorPoint(largest);
        return largest.getInteriorPoint().getCoordinate();
    }

    /**
     * Places the labels of this instance plus {@code extra} (candidates) for a view: highest priority
     * first, each where it does not touch an already placed label or a {@code reserved} rectangle
     * (legend, scale bar), fully inside the image.
     */
    public List<Placed> place(Viewport v, List<Item> extra, List<Rectangle2D> reserved) {
        List<Item> todo = new ArrayList<>();
        double mpp = v.metresPerPixel();
        boolean background = v.scaleDenominator() <= BACKGROUND_MAX_SCALE * 1.05;
        Envelope view = v.worldBounds();
        for (List<Item> list : List.of(extra, items)) {
            for (Item it : list) {
                if (it.kind() == Kind.BACKGROUND && !background) continue;
                if (it.kind() != Kind.CANDIDATE && it.size() / mpp < MIN_FEATURE_PX) continue;
                if (!view.contains(it.x(), it.y())) continue;
                todo.add(it);
            }
        }
        todo.sort(Comparator.comparing(Item::kind).thenComparing(Comparator.comparingDouble(Item::size).reversed()));
        Occupied taken = new Occupied();
        reserved.forEach(taken::add);
        List<Placed> placed = new ArrayList<>();
        for (Item it : todo) {
            Rectangle2D text = it.kind().font.getStringBounds(it.text(), FRC);
            double w = text.getWidth(), h = it.kind().font.getSize2D() * 1.25;
            double sx = v.toScreenX(it.x()), sy = v.toScreenY(it.y());
            double step = h + 2 * GAP_PX + 1, side = w / 2 + 8;
            // Centred on the anchor; then just above, below, right of and left of it. A feature that is only a
            // dot on screen (a satellite point) is never covered by its own name: right of it first.
            double[][] places = it.size() / mpp < 12 ? new double[][] {{side, 0}, {-side, 0}, {0, -step}, {0, step}}
                    : new double[][] {{0, 0}, {0, -step}, {0, step}, {side, 0}, {-side, 0}};
            for (double[] d : places) {
                Rectangle2D box = new Rectangle2D.Double(sx - w / 2 + d[0], sy - h / 2 + d[1], w, h);
                if (box.getMinX() < 2 || box.getMinY() < 2 || box.getMaxX() > v.width() - 2 || box.getMaxY() > v.height() - 2) continue;
                Rectangle2D padded = new Rectangle2D.Double(box.getX() - GAP_PX, box.getY() - GAP_PX,
                        box.getWidth() + 2 * GAP_PX, box.getHeight() + 2 * GAP_PX);
                if (taken.hits(padded)) continue;
                taken.add(padded);
                // Baseline: the font's ascent below the box top, a little air above.
                double baseline = box.getY() + (h - text.getHeight()) / 2 - text.getY();
                placed.add(new Placed(it.text(), box.getX(), baseline, box, it.kind()));
                break;
            }
        }
        return placed;
    }

    /** Draws placed labels: a white halo, then the text. */
    public static void draw(Graphics2D g, List<Placed> labels) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            BasicStroke halo = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
            Color haloColour = new Color(255, 255, 255, 225);
            for (Placed p : labels) {
                TextLayout layout = new TextLayout(p.text(), p.kind().font, g2.getFontRenderContext());
                Shape outline = layout.getOutline(AffineTransform.getTranslateInstance(p.x(), p.y()));
                g2.setStroke(halo);
                g2.setColor(haloColour);
                g2.draw(outline);
                g2.setColor(new Color(p.kind().rgb));
                g2.fill(outline);
            }
        } finally {
            g2.dispose();
        }
    }

    /** Label boxes in a coarse grid of screen cells, so a test looks at the few boxes nearby. */
    private static final class Occupied {
        static final double CELL = 64;
        final Map<Long, List<Rectangle2D>> cells = new HashMap<>();

        void add(Rectangle2D r) {
            forCells(r, key -> {
                cells.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                return false;
            });
        }

        boolean hits(Rectangle2D r) {
            return forCells(r, key -> {
                List<Rectangle2D> in = cells.get(key);
                if (in != null) for (Rectangle2D o : in) if (o.intersects(r)) return true;
                return false;
            });
        }

        private static boolean forCells(Rectangle2D r, java.util.function.LongPredicate action) {
            long x0 = (long) Math.floor(r.getMinX() / CELL), x1 = (long) Math.floor(r.getMaxX() / CELL);
            long y0 = (long) Math.floor(r.getMinY() / CELL), y1 = (long) Math.floor(r.getMaxY() / CELL);
            for (long x = x0; x <= x1; x++) {
                for (long y = y0; y <= y1; y++) if (action.test((x << 32) ^ (y & 0xFFFFFFFFL))) return true;
            }
            return false;
        }
    }
}
