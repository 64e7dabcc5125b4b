package nl.ruimteschets.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.render.MapDecorations;
import nl.ruimteschets.render.MapRenderer;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * Map drawing speed with a province of building footprints loaded (default 1,000,000). Not a test:
 * it prints figures.
 *
 * <ul>
 *   <li><b>Full redraw</b>: clear and draw all layers at 1920×1080, at the whole province, at
 *       1:25,000 and at 1:5,000, both centred where the most footprints fall in such a view (found by
 *       counting, not assumed). Each timed frame is nudged a few pixels so no two are identical.</li>
 *   <li><b>Pan frame</b>: what the render thread of a UI does per drag step with
 *       {@link MapRenderer#renderPanned}: shift the last image by the drag (whole pixels) and draw the
 *       exposed strips only. Drag steps are random within ±24 px, a brisk drag at 60 events a second.
 *       Without the shift every pan frame would be a full redraw, the figure above. Not included:
 *       the UI's copy of the image into its toolkit (a JavaFX {@code WritableImage}), about an 8 MB
 *       copy per frame.</li>
 * </ul>
 * Also prints the world build time, the renderer build time and the heap in use after each (after a
 * full GC), and writes a PNG of each view over the map's sea colour, with scale bar and north arrow.
 *
 * <p>Run: {@code java -Xmx700m -cp target/ruimteschets.jar nl.ruimteschets.bench.RenderBenchmark [footprints] [pngDir]}
 * (PNGs go to {@code /tmp} unless a folder is given, as {@code render-province.png},
 * {@code render-25000.png}, {@code render-5000.png}).
 */
public final class RenderBenchmark {
    private static final int W = 1920, H = 1080;
    private static final int WARMUP = 30, FRAMES = 100, PAN_STEPS = 200;
    /** The map view's sea colour, behind the layers (MapCanvas). */
    private static final Color SEA = new Color(0xcfe3f0);

    private RenderBenchmark() { }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        File pngDir = new File(args.length > 1 ? args[1] : "/tmp");
        System.out.printf(Locale.ROOT, "render benchmark: %,d footprints, %dx%d, max heap %d MB, %d cores, java %s%n", n, W, H,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        long t0 = System.nanoTime();
        List<Layer> layers = new ArrayList<>(BenchWorld.build(n, 7));
        double worldS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long worldHeap = EngineBenchmark.usedHeap();
        // A planning map's order, bottom-up: nature areas, zones, buildings, risk contours on top.
        layers.sort(Comparator.comparingInt(l -> drawRank(l.role())));
        t0 = System.nanoTime();
        MapRenderer renderer = new MapRenderer(layers);
        double rendererS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = EngineBenchmark.usedHeap();
        System.out.printf(Locale.ROOT, "  world built in %.1f s, heap in use %d MB; renderer built in %.2f s, heap in use %d MB "
                + "(renderer %d MB)%n", worldS, worldHeap >> 20, rendererS, heap >> 20, (heap - worldHeap) >> 20);
        List<MapRenderer.LayerLook> looks = layers.stream().map(MapRenderer.LayerLook::of).toList();
        System.out.printf(Locale.ROOT, "  layers bottom-up: %s%n", String.join(", ", layers.stream()
                .map(l -> l.name() + " (" + l.features().size() + ")").toList()));

        Layer footprints = layers.stream().filter(l -> l.role() == LayerRole.SENSITIVE).findFirst().orElseThrow();
        Envelope all = new Envelope();
        for (Layer l : layers) all.expandToInclude(l.extent());
        String[] names = {"whole province", "1:25,000 dense", "1:5,000 dense"};
        String[] files = {"render-province.png", "render-25000.png", "render-5000.png"};
        Viewport[] views = {Viewport.fit(all, W, H), densest(footprints, 25_000), densest(footprints, 5_000)};
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        for (int i = 0; i < views.length; i++) {
            Viewport v = views[i];
            for (int k = 0; k < WARMUP; k++) full(renderer, v.panPixels(k % 7, k % 5), looks, img);
            double[] ms = new double[FRAMES];
            for (int k = 0; k < FRAMES; k++) {
                Viewport vk = v.panPixels(k % 7, k % 5);
                long a = System.nanoTime();
                full(renderer, vk, looks, img);
                ms[k] = (System.nanoTime() - a) / 1e6;
            }
            print("full redraw " + names[i], v, ms, 33);
            full(renderer, v, looks, img);
            writePng(img, v, new File(pngDir, files[i]));
        }

        Random rnd = new Random(42);
        for (int i = 0; i < views.length; i++) {
            Viewport prev = views[i];
            full(renderer, prev, looks, img);
            double[] ms = new double[PAN_STEPS];
            for (int k = -WARMUP; k < PAN_STEPS; k++) {
                // A drag wanders; drift back towards the start so the view stays where it was measured.
                Viewport next = prev.panPixels(rnd.nextInt(49) - 24 + sign(prev.centerX() - views[i].centerX()) * 4,
                        rnd.nextInt(49) - 24 - sign(prev.centerY() - views[i].centerY()) * 4);
                long a = System.nanoTime();
                if (!renderer.renderPanned(prev, next, looks, img, () -> false)) throw new IllegalStateException();
                if (k >= 0) ms[k] = (System.nanoTime() - a) / 1e6;
                prev = next;
            }
            print("pan frame   " + names[i], views[i], ms, 16);
        }
        System.out.printf(Locale.ROOT, "  pan frame = shift of the last image by the drag step (±24 px) + drawing of the exposed "
                + "strips, on the render thread; the FX thread only shows finished images%n");
        System.out.printf(Locale.ROOT, "  PNGs: %s%n", Arrays.stream(files).map(f -> new File(pngDir, f).getPath()).toList());
    }

    private static int sign(double d) { return d > 0 ? 1 : d < 0 ? -1 : 0; }

    static int drawRank(LayerRole r) {
        return switch (r) {
            case BASEMAP -> 0;
            case NATURA2000 -> 1;
            case RESIDENTIAL -> 2;
            case AVAILABLE_PLOT -> 3;
            case NOISE_ZONE -> 4;
            case CLUSTER -> 5;
            case SENSITIVE -> 6;
            case SAFETY_CONTOUR -> 7;
        };
    }

    private static void full(MapRenderer r, Viewport v, List<MapRenderer.LayerLook> looks, BufferedImage img) {
        MapRenderer.clear(img);
        r.render(v, looks, img, () -> false);
    }

    private static void print(String what, Viewport v, double[] ms, int goalMs) {
        double[] s = ms.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "  %-27s 1:%,9d  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (goal <= %d ms)%n",
                what, v.scaleDenominator(), EngineBenchmark.pct(s, 50), EngineBenchmark.pct(s, 95), s[s.length - 1], goalMs);
    }

    /**
     * A 1920×1080 view at 1:{@code scale} centred on the window holding the most footprint centres:
     * counts in 100 m cells, then every window position via a summed-area table.
     */
    static Viewport densest(Layer layer, double scale) {
        double mpp = scale * Viewport.PIXEL_SIZE_M, cell = 100;
        Envelope ext = layer.extent();
        int nx = (int) (ext.getWidth() / cell) + 1, ny = (int) (ext.getHeight() / cell) + 1;
        long[] sat = new long[(nx + 1) * (ny + 1)];
        for (Feature f : layer.features()) {
            Envelope e = f.geometry().getEnvelopeInternal();
            int x = (int) (((e.getMinX() + e.getMaxX()) / 2 - ext.getMinX()) / cell);
            int y = (int) (((e.getMinY() + e.getMaxY()) / 2 - ext.getMinY()) / cell);
            sat[(y + 1) * (nx + 1) + x + 1]++;
        }
        for (int y = 1; y <= ny; y++) {
            for (int x = 1; x <= nx; x++) {
                sat[y * (nx + 1) + x] += sat[(y - 1) * (nx + 1) + x] + sat[y * (nx + 1) + x - 1] - sat[(y - 1) * (nx + 1) + x - 1];
            }
        }
        int wx = Math.min(nx, (int) Math.round(W * mpp / cell)), wy = Math.min(ny, (int) Math.round(H * mpp / cell));
        long best = -1;
        int bx = 0, by = 0;
        for (int y = 0; y + wy <= ny; y++) {
            for (int x = 0; x + wx <= nx; x++) {
                long s = sat[(y + wy) * (nx + 1) + x + wx] - sat[y * (nx + 1) + x + wx] - sat[(y + wy) * (nx + 1) + x] + sat[y * (nx + 1) + x];
                if (s > best) {
                    best = s;
                    bx = x;
                    by = y;
                }
            }
        }
        double cx = ext.getMinX() + (bx + wx / 2.0) * cell, cy = ext.getMinY() + (by + wy / 2.0) * cell;
        System.out.printf(Locale.ROOT, "  densest 1:%,d view: %,d footprints, centre %.0f, %.0f%n", (long) scale, best, cx, cy);
        return new Viewport(cx, cy, mpp, W, H);
    }

    private static void writePng(BufferedImage layers, Viewport v, File file) throws java.io.IOException {
        BufferedImage out = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(SEA);
        g.fillRect(0, 0, W, H);
        g.drawImage(layers, 0, 0, null);
        g.dispose();
        MapDecorations.decorate(out, v, Locale.forLanguageTag("nl"));
        ImageIO.write(out, "png", file);
    }
}
