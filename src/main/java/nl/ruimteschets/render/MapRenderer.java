package nl.ruimteschets.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.function.BooleanSupplier;
import nl.ruimteschets.geo.PackedEnvelopes;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws map layers into an ARGB image with Java2D, fast enough for a full 1920×1080 redraw of a
 * million building footprints within a frame budget, and usable off the FX thread (the map view,
 * PNG export and reports all use it).
 *
 * <p>How it stays fast: each layer's feature envelopes are packed once ({@link PackedEnvelopes}),
 * so a view only reads the buckets it touches and never walks a million JTS objects. Level of detail: a feature under two pixels is
 * written straight into the raster as one pixel, one under five pixels as a filled rectangle, and
 * only bigger ones go through Java2D paths (antialiased, with their outline).
 *
 * <p>Thread-safety: a renderer is immutable after construction except for the layer settings
 * passed to {@link #render}; {@link #render} may run on any thread, one image per call.
 */
public final class MapRenderer {
    /** How one layer is drawn in one call: its style, whether shown, and its opacity 0..1. */
    public record LayerLook(LayerStyle style, boolean visible, double opacity) { }

    /** Polygons with more vertices than this are drawn from a cached, thinned path. */
    private static final int BIG_SHAPE = 500;

    private final List<Packed> layers;

    /** @param layers the layers bottom-up; their features must not change afterwards */
    public MapRenderer(List<Layer> layers) {
        this.layers = layers.stream().map(Packed::new).toList();
    }

    public int layerCount() { return layers.size(); }

    public Layer layer(int i) { return layers.get(i).layer; }

    /**
     * Draws every visible layer over what is in {@code target}, a {@code TYPE_INT_ARGB_PRE} image
     * of the viewport's size (clear it first for a fresh map).
     *
     * @param looks one per layer, in the same order as the constructor's
     * @param cancelled checked between layers and every few thousand features: a newer frame is waiting
     * @return false when cancelled (the image is then incomplete)
     */
    public boolean render(Viewport v, List<LayerLook> looks, BufferedImage target, BooleanSupplier cancelled) {
        if (target.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("render into a TYPE_INT_ARGB_PRE image: pixels are written premultiplied");
        }
        int[] pixels = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        int w = target.getWidth(), h = target.getHeight();
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            for (int i = 0; i < layers.size(); i++) {
                LayerLook look = looks.get(i);
                if (!look.visible() || look.opacity() <= 0) continue;
                if (cancelled.getAsBoolean()) return false;
                if (!layers.get(i).draw(v, look, g, pixels, w, h, cancelled)) return false;
            }
            return true;
        } finally {
            g.dispose();
        }
    }

    /** Clears an image to transparent. */
    public static void clear(BufferedImage img) {
        java.util.Arrays.fill(((DataBufferInt) img.getRaster().getDataBuffer()).getData(), 0);
    }

    /** A layer with its packed envelopes and the thinned paths of its big polygons. */
    private static final class Packed {
        final Layer layer;
        final List<Feature> features;
        final PackedEnvelopes env;
        /**
         * Big polygons (Natura 2000 rings of thousands of vertices) as world-space paths thinned to
         * about half a pixel at the current zoom step, so a pan only transforms a few hundred kept
         * vertices. Replaced as a whole when the zoom step changes; safe to read from any thread.
         */
        private volatile Thinned thinned = new Thinned(Integer.MIN_VALUE, new java.util.concurrent.ConcurrentHashMap<>());

        private record Thinned(int zoomStep, java.util.Map<Integer, Path2D.Double> paths) { }

        Packed(Layer layer) {
            this.layer = layer;
            this.features = layer.features();
            this.env = new PackedEnvelopes(features);
        }

        Path2D.Double thinnedPath(int feature, double mpp) {
            int step = (int) Math.floor(Math.log(mpp) / Math.log(2));
            Thinned t = thinned;
            if (t.zoomStep() != step) {
                t = new Thinned(step, new java.util.concurrent.ConcurrentHashMap<>());
                thinned = t;
            }
            double tolerance = Math.pow(2, step) / 2;
            return t.paths().computeIfAbsent(feature, f -> worldPath(features.get(f).geometry(), tolerance));
        }

        boolean draw(Viewport v, LayerLook look, Graphics2D g, int[] px, int w, int h, BooleanSupplier cancelled) {
            Painter p = new Painter(v, look, g, px, w, h);
            int[] visited = {0};
            return env.query(v.worldBounds(), k -> {
                p.feature(this, k);
                return (++visited[0] & 0x3FFF) != 0 || !cancelled.getAsBoolean();
            });
        }
    }

    /** A polygon's rings in world coordinates, leaving out vertices within {@code tolerance} of the last kept one. */
    static Path2D.Double worldPath(Geometry geom, double tolerance) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int n = 0; n < geom.getNumGeometries(); n++) {
            if (!(geom.getGeometryN(n) instanceof Polygon p)) continue;
            for (int k = -1; k < p.getNumInteriorRing(); k++) {
                CoordinateSequence s = (k < 0 ? p.getExteriorRing() : p.getInteriorRingN(k)).getCoordinateSequence();
                double lx = 0, ly = 0;
                for (int i = 0; i < s.size(); i++) {
                    double x = s.getX(i), y = s.getY(i);
                    if (i == 0) {
                        path.moveTo(x, y);
                    } else if (Math.abs(x - lx) >= tolerance || Math.abs(y - ly) >= tolerance || i == s.size() - 1) {
                        path.lineTo(x, y);
                    } else {
                        continue;
                    }
                    lx = x;
                    ly = y;
                }
                path.closePath();
            }
        }
        return path;
    }

    /** Draws features of one layer in one look; holds the premultiplied colours for raster writes. */
    private static final class Painter {
        final Viewport v;
        final Graphics2D g;
        final int[] px;
        final int w, h;
        final int dotArgb, fillArgb;
        final Color fill, stroke;
        final BasicStroke line;
        final AlphaComposite composite;
        final double mpp;

        Painter(Viewport v, LayerLook look, Graphics2D g, int[] px, int w, int h) {
            this.v = v;
            this.g = g;
            this.px = px;
            this.w = w;
            this.h = h;
            this.mpp = v.metresPerPixel();
            LayerStyle s = look.style();
            float opacity = (float) look.opacity();
            fill = awt(s.fill());
            stroke = awt(s.stroke());
            // A sub-pixel feature shows its stroke colour, as the FX map did; a small one its fill (or stroke if unfilled).
            dotArgb = premultiplied(s.stroke(), opacity);
            fillArgb = (s.fill() & 0xFF) == 0 ? dotArgb : premultiplied(s.fill() | 0xFF, opacity);
            line = new BasicStroke((float) s.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                    s.dashed() ? new float[] {6f, 4f} : null, 0f);
            composite = AlphaComposite.getInstance(AlphaComposite.SRC_OVER, opacity);
        }

        /** @param k position in the layer's packed envelopes */
        void feature(Packed l, int k) {
            PackedEnvelopes e = l.env;
            double sx0 = v.toScreenX(e.minX(k)), sx1 = v.toScreenX(e.maxX(k));
            double sy0 = v.toScreenY(e.maxY(k)), sy1 = v.toScreenY(e.minY(k));
            double size = Math.max(sx1 - sx0, sy1 - sy0);
            if (size < 2) {
                blend((int) ((sx0 + sx1) / 2), (int) ((sy0 + sy1) / 2), dotArgb);
            } else if (size < 5) {
                int a0 = Math.max(0, (int) Math.floor(sx0)), a1 = Math.min(w, (int) Math.ceil(sx1));
                int b0 = Math.max(0, (int) Math.floor(sy0)), b1 = Math.min(h, (int) Math.ceil(sy1));
                boolean opaque = fillArgb >>> 24 == 255;
                for (int y = b0; y < b1; y++) {
                    if (opaque) java.util.Arrays.fill(px, y * w + a0, y * w + Math.max(a0, a1), fillArgb);
                    else for (int x = a0; x < a1; x++) blend(x, y, fillArgb);
                }
            } else {
                int f = e.feature(k);
                Geometry geom = l.features.get(f).geometry();
                if (geom.getNumPoints() > BIG_SHAPE && geom instanceof org.locationtech.jts.geom.Polygonal) {
                    bigShape(l.thinnedPath(f, mpp));
                } else {
                    shape(geom);
                }
            }
        }

        private void blend(int x, int y, int src) {
            if (x < 0 || y < 0 || x >= w || y >= h) return;
            int a = src >>> 24;
            int k = y * w + x;
            if (a == 255) {
                px[k] = src;
                return;
            }
            int d = px[k], inv = 255 - a;
            int ra = a + ((d >>> 24) * inv) / 255;
            int rr = ((src >> 16) & 0xFF) + (((d >> 16) & 0xFF) * inv) / 255;
            int rg = ((src >> 8) & 0xFF) + (((d >> 8) & 0xFF) * inv) / 255;
            int rb = (src & 0xFF) + ((d & 0xFF) * inv) / 255;
            px[k] = (ra << 24) | (rr << 16) | (rg << 8) | rb;
        }

        private void shape(Geometry geom) {
            g.setComposite(composite);
            for (int n = 0; n < geom.getNumGeometries(); n++) {
                Geometry part = geom.getGeometryN(n);
                if (part instanceof Polygon p) {
                    Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
                    ring(path, p.getExteriorRing().getCoordinateSequence(), true);
                    for (int k = 0; k < p.getNumInteriorRing(); k++) ring(path, p.getInteriorRingN(k).getCoordinateSequence(), true);
                    if (fill.getAlpha() > 0) {
                        g.setColor(fill);
                        g.fill(path);
                    }
                    g.setColor(stroke);
                    g.setStroke(line);
                    g.draw(path);
                } else if (part instanceof LineString ls) {
                    Path2D.Double path = new Path2D.Double();
                    ring(path, ls.getCoordinateSequence(), false);
                    g.setColor(stroke);
                    g.setStroke(line);
                    g.draw(path);
                } else if (part instanceof Point pt) {
                    g.setColor(stroke);
                    g.fill(new java.awt.geom.Ellipse2D.Double(v.toScreenX(pt.getX()) - 3, v.toScreenY(pt.getY()) - 3, 6, 6));
                }
            }
        }

        private void bigShape(Path2D.Double world) {
            java.awt.geom.AffineTransform toScreen = new java.awt.geom.AffineTransform(1 / mpp, 0, 0, -1 / mpp,
                    v.width() / 2 - v.centerX() / mpp, v.height() / 2 + v.centerY() / mpp);
            java.awt.Shape path = toScreen.createTransformedShape(world);
            g.setComposite(composite);
            if (fill.getAlpha() > 0) {
                // The antialiased outline drawn next hides the fill's stair steps; an aliased fill of
                // these big rings costs a third of an antialiased one.
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                g.setColor(fill);
                g.fill(path);
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            }
            g.setColor(stroke);
            g.setStroke(line);
            g.draw(path);
        }

        /** Adds a ring, skipping vertices that fall on the same pixel as the previous one (big Natura 2000 rings). */
        private void ring(Path2D.Double path, CoordinateSequence s, boolean close) {
            double lx = Double.NaN, ly = Double.NaN;
            for (int i = 0; i < s.size(); i++) {
                double x = v.toScreenX(s.getX(i)), y = v.toScreenY(s.getY(i));
                if (i == 0) {
                    path.moveTo(x, y);
                } else if (Math.abs(x - lx) >= 0.5 || Math.abs(y - ly) >= 0.5 || i == s.size() - 1) {
                    path.lineTo(x, y);
                } else {
                    continue;
                }
                lx = x;
                ly = y;
            }
            if (close) path.closePath();
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
