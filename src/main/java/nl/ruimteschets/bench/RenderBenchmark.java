package nl.ruimteschets.bench;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.MapRenderer;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * Map drawing speed with a province of building footprints loaded (default 1,000,000): a full redraw
 * of all layers at 1920×1080 at three map scales, and the cost of a pan frame. Not a test: it prints
 * figures. The map view pans by shifting the last finished image (one image draw on the FX thread)
 * while the background thread redraws the new view, so a pan frame costs the shift, and the view is
 * complete again one full redraw later.
 *
 * <p>Run: {@code java -Xmx700m -cp target/ruimteschets.jar nl.ruimteschets.bench.RenderBenchmark [footprints] [pngDir]}
 */
public final class RenderBenchmark {
    private static final int W = 1920, H = 1080;

    private RenderBenchmark() { }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String pngDir = args.length > 1 ? args[1] : null;
        long t0 = System.nanoTime();
        List<Layer> layers = BenchWorld.build(n, 7);
        MapRenderer renderer = new MapRenderer(layers);
        double buildS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = EngineBenchmark.usedHeap();
        System.out.printf(Locale.ROOT, "render benchmark: %,d footprints, world + renderer built in %.1f s, heap in use %d MB, %d cores%n",
                n, buildS, heap >> 20, Runtime.getRuntime().availableProcessors());
        List<MapRenderer.LayerLook> looks = new ArrayList<>();
        for (Layer l : layers) looks.add(new MapRenderer.LayerLook(LayerStyle.forRole(l.role()), true, 1));
        Envelope all = new Envelope();
        for (Layer l : layers) all.expandToInclude(l.extent());
        // The town next to the Rotterdam cluster, where the engine benchmark drags its candidate.
        double tx = 58500, ty = 445000;
        Object[][] views = {
            {"whole province", Viewport.fit(all, W, H)},
            {"1:25,000 town", new Viewport(tx, ty, 25_000 * Viewport.PIXEL_SIZE_M, W, H)},
            {"1:5,000 street", new Viewport(tx, ty, 5_000 * Viewport.PIXEL_SIZE_M, W, H)},
        };
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        for (Object[] view : views) {
            Viewport v = (Viewport) view[1];
            for (int i = 0; i < 20; i++) draw(renderer, v, looks, img); // warm-up
            double[] ms = new double[60];
            for (int i = 0; i < ms.length; i++) {
                // Nudge the view a pixel each time, as a slow pan would.
                Viewport vi = v.panPixels(i % 7, i % 5);
                long a = System.nanoTime();
                draw(renderer, vi, looks, img);
                ms[i] = (System.nanoTime() - a) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "  full redraw %-15s 1:%,9d  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (goal <= 33 ms)%n",
                    view[0], v.scaleDenominator(), EngineBenchmark.pct(ms, 50), EngineBenchmark.pct(ms, 95), ms[ms.length - 1]);
            if (pngDir != null) {
                javax.imageio.ImageIO.write(img, "png", new java.io.File(pngDir, "render-" + v.scaleDenominator() + ".png"));
            }
        }
        // Pan frame: the previous frame shifted into the frame buffer, as the FX view does during a drag.
        BufferedImage frame = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        double[] pan = new double[300];
        for (int i = -100; i < pan.length; i++) {
            long a = System.nanoTime();
            Graphics2D g = frame.createGraphics();
            g.setColor(new java.awt.Color(0xcfe3f0));
            g.fillRect(0, 0, W, H);
            g.drawImage(img, (i * 3) % 40, (i * 2) % 30, null);
            g.dispose();
            if (i >= 0) pan[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(pan);
        System.out.printf(Locale.ROOT, "  pan frame (shift of the last image) p50 %.2f ms  p95 %.2f ms  (goal <= 16 ms); "
                + "the exposed view follows one full redraw later, off the FX thread%n", EngineBenchmark.pct(pan, 50), EngineBenchmark.pct(pan, 95));
    }

    private static void draw(MapRenderer r, Viewport v, List<MapRenderer.LayerLook> looks, BufferedImage img) {
        MapRenderer.clear(img);
        r.render(v, looks, img, () -> false);
    }
}
