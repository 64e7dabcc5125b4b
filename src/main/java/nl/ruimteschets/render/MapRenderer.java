package nl.ruimteschets.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import nl.ruimteschets.geo.PackedEnvelopes;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Draws map layers into a {@code TYPE_INT_ARGB_PRE} image with Java2D and direct raster writes, fast
 * enough for a full 1920×1080 redraw of a million building footprints within a 33 ms frame at any
 * zoom, without JavaFX: the map view, PNG export and the PDF report can all use it.
 *
 * <p><b>How it stays fast.</b> Each layer is packed once at construction ({@link PackedEnvelopes}: float
 * envelope centres and sizes in a grid of buckets), so a view reads only the bucket rows it touches
 * and never walks JTS objects for small things. Level of detail by a feature's size on screen:
 * <ul>
 *   <li>under {@value #DOT_PX} px: one pixel in the stroke colour, written straight into the raster;</li>
 *   <li>polygons under {@value #RECT_PX} px: their envelope as a rectangle, outlined, straight into the raster;</li>
 *   <li>simple polygons under {@value #AA_PX} px: a scanline fill and antialiased one-pixel outlines,
 *       straight into the raster (see {@code raster});</li>
 *   <li>points at any size: a small antialiased disc stamped from a sprite;</li>
 *   <li>anything else (big, many vertices, dashed or wide outlines, lines): Java2D, one fill and one
 *       stroke per feature. Vertices within half a pixel of the last kept one are dropped, and
 *       features with hundreds of vertices (Natura 2000) are drawn from levels simplified at
 *       construction ({@link Simplified}).</li>
 * </ul>
 *
 * <p><b>Antialiasing</b>, measured on the bench world: Marlin's antialiased fill and outline cost
 * 4–20 µs per building-sized shape against 1–3 µs aliased, while for big shapes with thousands of
 * vertices antialiased is as cheap as aliased or cheaper. So Java2D always antialiases (it only gets
 * the big and the unusual shapes), the raster path antialiases its outlines itself (Wu lines hide
 * the fill's stair steps) at well under a microsecond per building, and only dots and one-to-four
 * pixel rectangles are aliased, where it does not show.
 *
 * <p>Fills blend with the style's alpha times the layer opacity, holes stay open (even-odd), dashed
 * styles draw dashed outlines, lines are stroked, points are discs of radius {@value #POINT_RADIUS} px.
 *
 * <p><b>Threading.</b> The layers and their features must not change after construction. Any
 * {@code render} method may be called from any thread, also concurrently, each call with its own
 * target image. How each layer looks (style, shown, opacity) is passed with every call: the caller
 * (the map view, an export) owns that state.
 */
public final class MapRenderer {
    /** How one layer is drawn: its style, whether shown, and its opacity 0..1. */
    public record LayerLook(LayerStyle style, boolean visible, double opacity) {
        public LayerLook {
            Objects.requireNonNull(style);
            opacity = Math.max(0, Math.min(1, opacity));
        }

        /** The role's style, shown, fully opaque. */
        public static LayerLook of(Layer layer) {
            return new LayerLook(LayerStyle.forRole(layer.role()), true, 1);
        }

        /** The look the planner saved for the layer (colours, shown, opacity; line width and dashes by role), or the role's for null. */
        public static LayerLook of(Layer layer, LayerDisplay saved) {
            if (saved == null) return of(layer);
            LayerStyle byRole = LayerStyle.forRole(layer.role());
            // A background layer without fill is a boundary layer (provinces): heavier lines read over the land.
            boolean boundaries = layer.role() == nl.ruimteschets.model.LayerRole.BASEMAP && (saved.fill() & 0xFF) == 0;
            return new LayerLook(new LayerStyle(saved.fill(), saved.stroke(), boundaries ? 1.6 : byRole.strokeWidth(), byRole.dashed()),
                    saved.visible(), saved.opacity());
        }

        public LayerLook withStyle(LayerStyle s) { return new LayerLook(s, visible, opacity); }
        public LayerLook withVisible(boolean v) { return new LayerLook(style, v, opacity); }
        public LayerLook withOpacity(double o) { return new LayerLook(style, visible, o); }
    }

    /** Below this size in pixels a feature is one pixel. */
    static final double DOT_PX = 1.5;
    /** Below this size in pixels a polygon is its envelope as a rectangle with a one-pixel border. */
    static final double RECT_PX = 4;
    /** Radius in pixels of a point's disc. */
    static final double POINT_RADIUS = 3;
    /**
     * Shapes at least this big in pixels go to Java2D antialiased; smaller simple polygons to the
     * raster path, other smaller shapes to Java2D aliased. Java2D's per-shape cost is what matters:
     * the densest town of the bench world has 6,000 buildings of four pixels or more at 1:25,000 and
     * 1,700 at 1:5,000; at 4–20 µs each with antialiasing that alone would overrun the frame.
     */
    static final double AA_PX = 64;
    /** Polygons with more vertices than this go to Java2D whatever their size. */
    static final int RASTER_VERTICES = 64;
    /** Features are read beyond the drawn area by this many pixels plus half the stroke: strokes and discs reach in. */
    private static final int MARGIN_PX = 5;

    private final List<Packed> layers;

    /** @param layers the layers bottom-up; their features must not change afterwards */
    public MapRenderer(List<Layer> layers) {
        this.layers = layers.stream().map(Packed::new).toList();
    }

    private MapRenderer(List<Packed> packed, Void unused) {
        this.layers = List.copyOf(packed);
    }

    /**
     * The same layers with layer {@code index} (bottom first) replaced, say by the part of a layer in the
     * database that lies in the view; the other layers are not packed again.
     */
    public MapRenderer withLayer(int index, Layer layer) {
        List<Packed> next = new ArrayList<>(layers);
        next.set(index, new Packed(layer));
        return new MapRenderer(next, null);
    }

    // ------------------------------------------------------------------ drawing

    /**
     * Draws every visible layer over what is in {@code target}, a {@code TYPE_INT_ARGB_PRE} image of
     * the viewport's size (clear it first for a fresh map).
     *
     * @param looks one per layer, in the same order as the constructor's
     * @param cancelled checked between layers and every few thousand features: a newer frame is waiting
     * @return false when cancelled (the image is then incomplete)
     */
    public boolean render(Viewport v, List<LayerLook> looks, BufferedImage target, BooleanSupplier cancelled) {
        return render(v, looks, target, null, cancelled);
    }

    /**
     * Like {@link #render(Viewport, List, BufferedImage, BooleanSupplier)} but touches only the pixels
     * inside {@code area} (null for the whole image), reading only the features near it: the strips
     * a pan exposes, or tiles. The pixels drawn are the ones a full render would draw there.
     */
    public boolean render(Viewport v, List<LayerLook> looks, BufferedImage target, Rectangle area, BooleanSupplier cancelled) {
        if (target.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("render into a TYPE_INT_ARGB_PRE image: pixels are written premultiplied");
        }
        if (looks.size() != layers.size()) throw new IllegalArgumentException("one look per layer");
        Rectangle clip = new Rectangle(0, 0, target.getWidth(), target.getHeight());
        if (area != null) clip = clip.intersection(area);
        if (clip.isEmpty()) return true;
        int[] pixels = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        Graphics2D g = target.createGraphics();
        try {
            g.clip(clip);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_SPEED);
            for (int i = 0; i < layers.size(); i++) {
                LayerLook look = looks.get(i);
                if (!look.visible() || look.opacity() <= 0) continue;
                if (cancelled.getAsBoolean()) return false;
                Painter p = new Painter(layers.get(i), v, look, g, pixels, target.getWidth(), clip);
                if (!p.draw(cancelled)) return false;
            }
            return true;
        } finally {
            g.dispose();
        }
    }

    /**
     * A pan frame: when {@code next} is {@code previous} moved by whole pixels (same scale and size,
     * less than a screen away), shifts the pixels already in {@code target} (drawn for
     * {@code previous} with the same looks) and draws only the strips the move exposed; otherwise
     * clears and redraws all. A UI calls this on its render thread for every drag step with the last
     * image it completed; pans snapped to whole pixels get the cheap path.
     *
     * @param previous the viewport {@code target} holds a complete drawing of, or null when it holds none
     * @return false when cancelled; the image is then neither the old nor the new view (pass null as
     *         {@code previous} next time)
     */
    public boolean renderPanned(Viewport previous, Viewport next, List<LayerLook> looks, BufferedImage target,
            BooleanSupplier cancelled) {
        int w = target.getWidth(), h = target.getHeight();
        int[] shift = previous == null ? null : pixelShift(previous, next);
        if (shift == null || Math.abs(shift[0]) >= w || Math.abs(shift[1]) >= h) {
            clear(target);
            return render(next, looks, target, null, cancelled);
        }
        int dx = shift[0], dy = shift[1];
        if (dx == 0 && dy == 0) return true;
        int[] px = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        // Rows in the order that never overwrites a row before it is copied; arraycopy handles the
        // overlap within a row.
        int len = w - Math.abs(dx), srcX = Math.max(0, -dx), dstX = Math.max(0, dx);
        if (dy > 0) {
            for (int y = h - 1; y >= dy; y--) System.arraycopy(px, (y - dy) * w + srcX, px, y * w + dstX, len);
        } else {
            for (int y = 0; y < h + dy; y++) System.arraycopy(px, (y - dy) * w + srcX, px, y * w + dstX, len);
        }
        // Exposed: a band of rows (top or bottom) and a band of columns (left or right) in the rest.
        Rectangle rows = dy > 0 ? new Rectangle(0, 0, w, dy) : new Rectangle(0, h + dy, w, -dy);
        Rectangle cols = dx > 0 ? new Rectangle(0, Math.max(0, dy), dx, h - Math.abs(dy))
                : new Rectangle(w + dx, Math.max(0, dy), -dx, h - Math.abs(dy));
        for (Rectangle r : new Rectangle[] {rows, cols}) {
            if (r.isEmpty()) continue;
            for (int y = r.y; y < r.y + r.height; y++) Arrays.fill(px, y * w + r.x, y * w + r.x + r.width, 0);
            if (!render(next, looks, target, r, cancelled)) return false;
        }
        return true;
    }

    /** The whole-pixel screen shift that turns {@code a} into {@code b}, or null when it is not one. */
    static int[] pixelShift(Viewport a, Viewport b) {
        if (a.metresPerPixel() != b.metresPerPixel() || a.width() != b.width() || a.height() != b.height()) return null;
        double dx = (a.centerX() - b.centerX()) / a.metresPerPixel(), dy = (b.centerY() - a.centerY()) / a.metresPerPixel();
        long rx = Math.round(dx), ry = Math.round(dy);
        // Panning by whole pixels through doubles leaves a rounding error far below this.
        if (Math.abs(dx - rx) > 1e-3 || Math.abs(dy - ry) > 1e-3 || Math.abs(rx) > 1 << 20 || Math.abs(ry) > 1 << 20) return null;
        return new int[] {(int) rx, (int) ry};
    }

    /** Clears an image to transparent. */
    public static void clear(BufferedImage img) {
        Arrays.fill(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0);
    }

    // ------------------------------------------------------------------ per layer

    /** A layer with its packed envelopes, each feature's kind, and the simplified levels of its big features. */
    private static final class Packed {
        static final byte AREA = 0, POINT = 1, OTHER = 2;

        final List<Feature> features;
        final PackedEnvelopes packed;
        /** By position in {@link #packed}: what to draw, a disc, a polygon or a line. */
        final byte[] kind;
        /** By position in {@link #packed}: features with thousands of vertices. */
        final Map<Integer, Simplified> simplified = new HashMap<>();

        Packed(Layer layer) {
            this.features = layer.features();
            this.packed = new PackedEnvelopes(features);
            this.kind = new byte[packed.size()];
            for (int k = 0; k < kind.length; k++) {
                Geometry g = features.get(packed.feature(k)).geometry();
                kind[k] = g instanceof Point ? POINT : g instanceof Polygonal ? AREA : OTHER;
                if (kind[k] == POINT) continue;
                Simplified s = Simplified.of(g);
                if (s != null) simplified.put(k, s);
            }
        }
    }

    /** Draws one layer in one look into one clip; holds the premultiplied colours for raster writes. */
    private static final class Painter {
        final Packed layer;
        final Graphics2D g;
        final int[] px;
        final int stride;
        /** The clip in pixels, max exclusive. */
        final int ax0, ay0, ax1, ay1;
        /** World x of pixel column 0, world y of pixel row 0, pixels per metre. */
        final double ox, oy, inv, mpp;
        final LayerStyle style;
        final float opacity;
        /** Premultiplied with the layer's opacity: stroke (0 for none) and the colour of a one-pixel feature. */
        final int strokeArgb, dotArgb;
        /** Java2D colours and stroke; null fill or line when the style has none. */
        final Color fill, stroke;
        final BasicStroke line;
        /** The feature being drawn by Java2D, reused; even-odd so holes stay open. */
        final Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD);
        /** The last vertex kept in {@link #path}. */
        double lx, ly;
        int[] sprite;
        /** Premultiplied fill (0 for none) and whether outlines may be drawn as 1-px raster lines. */
        final int fillArgb;
        final boolean rasterOutline;
        /** Edges of the polygon being rasterised: x0, y0, x1, y1 per edge, screen pixels. */
        double[] edges = new double[64 * 4];
        double[] crossings = new double[64];

        Painter(Packed layer, Viewport v, LayerLook look, Graphics2D g, int[] px, int stride, Rectangle clip) {
            this.layer = layer;
            this.g = g;
            this.px = px;
            this.stride = stride;
            ax0 = clip.x;
            ay0 = clip.y;
            ax1 = clip.x + clip.width;
            ay1 = clip.y + clip.height;
            mpp = v.metresPerPixel();
            inv = 1 / mpp;
            ox = v.toWorldX(0);
            oy = v.toWorldY(0);
            style = look.style();
            opacity = (float) look.opacity();
            // A sub-pixel feature is all outline, so it shows the stroke colour (darker, so a town
            // reads at province scale); without a stroke, its fill made opaque, or it would vanish.
            strokeArgb = premultiplied(style.stroke(), opacity);
            dotArgb = strokeArgb >>> 24 != 0 ? strokeArgb : premultiplied(style.fill() | 0xFF, opacity);
            fill = (style.fill() & 0xFF) == 0 ? null : awt(style.fill());
            fillArgb = premultiplied(style.fill(), opacity);
            // A dashed or wide outline means something (a zone's edge); those stay Java2D's.
            rasterOutline = !style.dashed() && style.strokeWidth() <= 1.5;
            stroke = awt(style.stroke());
            float width = (float) style.strokeWidth();
            // Round joins only where they show: on thin lines they cost a fifth more for nothing.
            boolean thick = width > 2;
            float dash = Math.max(1, width / 1.5f);
            line = (style.stroke() & 0xFF) == 0 || width <= 0 ? null : new BasicStroke(width,
                    thick ? BasicStroke.CAP_ROUND : BasicStroke.CAP_BUTT, thick ? BasicStroke.JOIN_ROUND : BasicStroke.JOIN_BEVEL,
                    10f, style.dashed() ? new float[] {6f * dash, 4f * dash} : null, 0f);
        }

        boolean draw(BooleanSupplier cancelled) {
            PackedEnvelopes p = layer.packed;
            double margin = (MARGIN_PX + style.strokeWidth() / 2) * mpp;
            double qx0 = ox + ax0 * mpp - margin, qx1 = ox + ax1 * mpp + margin;
            double qy0 = oy - ay1 * mpp - margin, qy1 = oy - ay0 * mpp + margin;
            int[] spans = p.spans(qx0, qy0, qx1, qy1);
            byte[] kind = layer.kind;
            double dotLimit = DOT_PX * mpp / 2, rectLimit = RECT_PX * mpp / 2, aaLimit = AA_PX * mpp / 2;
            // Shapes too big or too detailed to draw aliased wait here for the antialiased pass.
            int[] fine = new int[16];
            int fineCount = 0;
            g.setComposite(AlphaComposite.SrcOver.derive(opacity));
            if (line != null) g.setStroke(line);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            int seen = 0;
            for (int s = 0; s < spans.length; s += 2) {
                for (int k = spans[s]; k < spans[s + 1]; k++) {
                    if (!p.intersects(k, qx0, qy0, qx1, qy1)) continue;
                    double x = p.centreX(k), y = p.centreY(k), halfW = p.halfWidth(k), halfH = p.halfHeight(k);
                    if ((++seen & 0xFFF) == 0 && cancelled.getAsBoolean()) return false;
                    double sx = (x - ox) * inv, sy = (oy - y) * inv;
                    double half = Math.max(halfW, halfH);
                    byte kd = kind[k];
                    if (kd == Packed.POINT) {
                        stamp(sx, sy);
                    } else if (half < dotLimit) {
                        dot((int) Math.floor(sx), (int) Math.floor(sy));
                    } else if (half < rectLimit && kd == Packed.AREA) {
                        rect(sx - halfW * inv, sy - halfH * inv, sx + halfW * inv, sy + halfH * inv);
                    } else if (half < aaLimit && !layer.simplified.containsKey(k)) {
                        if (!(rasterOutline && kd == Packed.AREA && raster(k))) shape(k);
                    } else {
                        if (fineCount == fine.length) fine = Arrays.copyOf(fine, fineCount * 2);
                        fine[fineCount++] = k;
                    }
                }
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (int i = 0; i < fineCount; i++) {
                if ((i & 0xFF) == 0xFF && cancelled.getAsBoolean()) return false;
                shape(fine[i]);
            }
            return true;
        }

        private void dot(int x, int y) {
            if (x < ax0 || y < ay0 || x >= ax1 || y >= ay1) return;
            int i = y * stride + x;
            px[i] = over(dotArgb, px[i]);
        }

        /**
         * A polygon of one to four pixels as its envelope: a one-pixel border in the dot colour and
         * the fill inside, so it looks like the outlined shapes a step bigger and the dots a step smaller.
         */
        private void rect(double x0, double y0, double x1, double y1) {
            // Rounded, not widened: a rotated building's envelope is bigger than the building already.
            int a0 = (int) Math.floor(x0 + 0.5), b0 = (int) Math.floor(y0 + 0.5);
            int a1 = Math.max(a0 + 1, (int) Math.floor(x1 + 0.5)), b1 = Math.max(b0 + 1, (int) Math.floor(y1 + 0.5));
            for (int y = Math.max(b0, ay0); y < Math.min(b1, ay1); y++) {
                int row = y * stride;
                boolean edgeRow = y == b0 || y == b1 - 1;
                for (int x = Math.max(a0, ax0); x < Math.min(a1, ax1); x++) {
                    int c = edgeRow || x == a0 || x == a1 - 1 ? dotArgb : fillArgb;
                    if (c != 0) px[row + x] = over(c, px[row + x]);
                }
            }
        }

        /** A point's disc: fill and outline drawn once into a small sprite, then blended in per point. */
        private void stamp(double sx, double sy) {
            int size = (int) (2 * POINT_RADIUS + 3);
            if (sprite == null) sprite = sprite(size);
            int x0 = (int) Math.floor(sx) - size / 2, y0 = (int) Math.floor(sy) - size / 2;
            for (int j = Math.max(0, ay0 - y0); j < size && y0 + j < ay1; j++) {
                int row = (y0 + j) * stride;
                for (int i = Math.max(0, ax0 - x0); i < size && x0 + i < ax1; i++) {
                    int s = sprite[j * size + i];
                    if (s != 0) px[row + x0 + i] = over(s, px[row + x0 + i]);
                }
            }
        }

        private int[] sprite(int size) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D sg = img.createGraphics();
            sg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            sg.setComposite(AlphaComposite.SrcOver.derive(opacity));
            double c = size / 2 + 0.5; // the centre of the middle pixel
            Ellipse2D disc = new Ellipse2D.Double(c - POINT_RADIUS, c - POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS);
            sg.setColor(awt((style.fill() & 0xFF) == 0 ? style.stroke() : style.fill() | 0xFF));
            sg.fill(disc);
            sg.setColor(awt(style.stroke()));
            sg.setStroke(new BasicStroke(1f));
            sg.draw(disc);
            sg.dispose();
            return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        }

        /**
         * Draws a small polygon (up to {@value #RASTER_VERTICES} vertices) straight into the raster:
         * an even-odd scanline fill sampled at pixel centres, then its outline as antialiased
         * one-pixel lines (Xiaolin Wu). Looks like Java2D's antialiased drawing at a few percent of
         * its per-shape cost. Returns false, drawing nothing, for anything else.
         */
        private boolean raster(int k) {
            Geometry geom = layer.features.get(layer.packed.feature(k)).geometry();
            if (geom.getNumPoints() > RASTER_VERTICES) return false;
            int m = 0;
            for (int n = 0; n < geom.getNumGeometries(); n++) {
                if (!(geom.getGeometryN(n) instanceof Polygon p)) return false;
                for (int r = -1; r < p.getNumInteriorRing(); r++) {
                    CoordinateSequence seq = (r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinateSequence();
                    for (int i = 0; i + 1 < seq.size(); i++) {
                        if (m + 4 > edges.length) edges = Arrays.copyOf(edges, edges.length * 2);
                        edges[m++] = (seq.getX(i) - ox) * inv;
                        edges[m++] = (oy - seq.getY(i)) * inv;
                        edges[m++] = (seq.getX(i + 1) - ox) * inv;
                        edges[m++] = (oy - seq.getY(i + 1)) * inv;
                    }
                }
            }
            if (fillArgb >>> 24 != 0) scanFill(m);
            if (strokeArgb >>> 24 != 0) for (int e = 0; e < m; e += 4) wu(edges[e], edges[e + 1], edges[e + 2], edges[e + 3]);
            return true;
        }

        /** Fills the pixels whose centres lie inside the edges (even-odd). */
        private void scanFill(int m) {
            double minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
            for (int e = 0; e < m; e += 4) {
                minY = Math.min(minY, Math.min(edges[e + 1], edges[e + 3]));
                maxY = Math.max(maxY, Math.max(edges[e + 1], edges[e + 3]));
            }
            int y0 = Math.max(ay0, (int) Math.ceil(minY - 0.5)), y1 = Math.min(ay1 - 1, (int) Math.floor(maxY - 0.5));
            boolean opaque = fillArgb >>> 24 == 255;
            for (int y = y0; y <= y1; y++) {
                double yc = y + 0.5;
                int c = 0;
                for (int e = 0; e < m; e += 4) {
                    double ya = edges[e + 1], yb = edges[e + 3];
                    if ((ya <= yc) == (yb <= yc)) continue; // half-open: a vertex on the row counts once
                    if (c == crossings.length) crossings = Arrays.copyOf(crossings, c * 2);
                    crossings[c++] = edges[e] + (yc - ya) / (yb - ya) * (edges[e + 2] - edges[e]);
                }
                for (int i = 1; i < c; i++) { // insertion sort: a row crosses a building two or four times
                    double x = crossings[i];
                    int j = i - 1;
                    for (; j >= 0 && crossings[j] > x; j--) crossings[j + 1] = crossings[j];
                    crossings[j + 1] = x;
                }
                int row = y * stride;
                for (int i = 0; i + 1 < c; i += 2) {
                    int a = Math.max(ax0, (int) Math.ceil(crossings[i] - 0.5)), b = Math.min(ax1, (int) Math.ceil(crossings[i + 1] - 0.5));
                    if (opaque) {
                        if (b > a) Arrays.fill(px, row + a, row + b, fillArgb);
                    } else {
                        for (int x = a; x < b; x++) px[row + x] = over(fillArgb, px[row + x]);
                    }
                }
            }
        }

        /** An antialiased one-pixel line (Xiaolin Wu) in the stroke colour; pixel centres at .5. */
        private void wu(double xa, double ya, double xb, double yb) {
            xa -= 0.5;
            ya -= 0.5;
            xb -= 0.5;
            yb -= 0.5;
            boolean steep = Math.abs(yb - ya) > Math.abs(xb - xa);
            if (steep) {
                double t = xa; xa = ya; ya = t;
                t = xb; xb = yb; yb = t;
            }
            if (xa > xb) {
                double t = xa; xa = xb; xb = t;
                t = ya; ya = yb; yb = t;
            }
            double grad = xb == xa ? 0 : (yb - ya) / (xb - xa);
            int from = (int) Math.round(xa), to = (int) Math.round(xb);
            for (int i = from; i <= to; i++) {
                double y = ya + grad * (i - xa);
                int j = (int) Math.floor(y);
                int c = (int) ((y - j) * 255 + 0.5);
                if (steep) {
                    plot(j, i, 255 - c);
                    plot(j + 1, i, c);
                } else {
                    plot(i, j, 255 - c);
                    plot(i, j + 1, c);
                }
            }
        }

        /** Blends the stroke colour at coverage c/255 into a pixel inside the clip. */
        private void plot(int x, int y, int c) {
            if (c <= 0 || x < ax0 || y < ay0 || x >= ax1 || y >= ay1) return;
            int i = y * stride + x;
            px[i] = over(c >= 255 ? strokeArgb : scale(strokeArgb, c), px[i]);
        }

        /** Draws a feature with Java2D: its fill, then its outline, from the simplified levels when it has them. */
        private void shape(int k) {
            path.reset();
            Simplified s = layer.simplified.get(k);
            float[][] levels = s == null ? null : s.rings(mpp);
            boolean hasArea = false;
            if (levels != null) {
                for (int r = 0; r < levels.length; r++) {
                    float[] xy = levels[r];
                    int m = xy.length / 2;
                    for (int i = 0; i < m; i++) {
                        add(i, (s.ox + xy[i * 2] - ox) * inv, (oy - s.oy - xy[i * 2 + 1]) * inv, i == m - 1);
                    }
                    if (s.closed[r]) path.closePath();
                    hasArea |= s.closed[r];
                }
            } else {
                Geometry geom = layer.features.get(layer.packed.feature(k)).geometry();
                for (int n = 0; n < geom.getNumGeometries(); n++) {
                    Geometry part = geom.getGeometryN(n);
                    if (part instanceof Polygon p) {
                        for (int r = -1; r < p.getNumInteriorRing(); r++) {
                            project((r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinateSequence());
                            path.closePath();
                        }
                        hasArea = true;
                    } else if (part instanceof LineString l) {
                        project(l.getCoordinateSequence());
                    } else if (part instanceof Point pt && !pt.isEmpty()) {
                        stamp((pt.getX() - ox) * inv, (oy - pt.getY()) * inv);
                    }
                }
            }
            if (path.getCurrentPoint() == null) return;
            // Lines in a mixed collection are filled along with the polygons; rare enough to accept.
            if (hasArea && fill != null) {
                g.setColor(fill);
                g.fill(path);
            }
            if (line != null) {
                g.setColor(stroke);
                g.draw(path);
            }
        }

        private void project(CoordinateSequence seq) {
            int size = seq.size();
            for (int i = 0; i < size; i++) add(i, (seq.getX(i) - ox) * inv, (oy - seq.getY(i)) * inv, i == size - 1);
        }

        /** Adds vertex i of a ring or line unless it is within half a pixel of the last one kept. */
        private void add(int i, double x, double y, boolean last) {
            if (i == 0) {
                path.moveTo(x, y);
            } else if (last || Math.abs(x - lx) >= 0.5 || Math.abs(y - ly) >= 0.5) {
                path.lineTo(x, y);
            } else {
                return;
            }
            lx = x;
            ly = y;
        }

        /** A premultiplied colour times c/255. */
        static int scale(int argb, int c) {
            int rb = (argb & 0x00FF00FF) * c, ag = ((argb >>> 8) & 0x00FF00FF) * c;
            rb = ((rb + 0x00800080 + ((rb >>> 8) & 0x00FF00FF)) >>> 8) & 0x00FF00FF;
            ag = (ag + 0x00800080 + ((ag >>> 8) & 0x00FF00FF)) & 0xFF00FF00;
            return rb | ag;
        }

        /** Premultiplied source over premultiplied destination, exact to the rounding of x/255. */
        static int over(int src, int dst) {
            int a = src >>> 24;
            if (a == 255) return src;
            int inv = 255 - a;
            int rb = (dst & 0x00FF00FF) * inv, ag = ((dst >>> 8) & 0x00FF00FF) * inv;
            rb = ((rb + 0x00800080 + ((rb >>> 8) & 0x00FF00FF)) >>> 8) & 0x00FF00FF;
            ag = (ag + 0x00800080 + ((ag >>> 8) & 0x00FF00FF)) & 0xFF00FF00;
            return src + (rb | ag);
        }

        static Color awt(int rgba) {
            return new Color((rgba >>> 24) & 0xFF, (rgba >>> 16) & 0xFF, (rgba >>> 8) & 0xFF, rgba & 0xFF);
        }

        static int premultiplied(int rgba, float opacity) {
            int a = Math.round((rgba & 0xFF) * opacity);
            int r = ((rgba >>> 24) & 0xFF) * a / 255, gg = ((rgba >>> 16) & 0xFF) * a / 255, b = ((rgba >>> 8) & 0xFF) * a / 255;
            return (a << 24) | (r << 16) | (gg << 8) | b;
        }
    }
}
