package nl.ruimteschets.render;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import org.locationtech.jts.geom.Envelope;

/**
 * A project's map made ready before its window exists, on a start-up thread while JavaFX starts: the
 * {@link MapRenderer} (layers packed, big outlines simplified) and the {@link MapLabels} anchors, then one
 * small throwaway drawing of the whole map with its labels, so Java2D, its fonts and the drawing code are
 * loaded and warm before the window's first real drawing. The map view takes the renderer and labels
 * ({@link #renderer}, {@link #labels}) when it shows exactly these layers (also again, as after a language
 * switch), waiting for them while they are still being built; other layers get new ones, and the prepared
 * map is let go. One project at a time.
 *
 * <p>Thread-safe: {@link #prepare} runs on the caller's thread, the takers on any other.
 */
public final class PreparedMap {
    /** The warm-up drawing's size: enough to run every drawing path, small enough to cost little. */
    private static final int WARM_UP_PX = 256;
    private static final AtomicReference<PreparedMap> PREPARED = new AtomicReference<>();

    private final List<Layer> layers;
    private final Map<String, String> labelFields;
    private final CompletableFuture<MapRenderer> renderer = new CompletableFuture<>();
    private final CompletableFuture<MapLabels> labels = new CompletableFuture<>();

    private PreparedMap(List<Layer> layers, Map<String, String> labelFields) {
        this.layers = layers;
        this.labelFields = labelFields;
    }

    /**
     * Builds the project's renderer and labels and then, after {@code beforeDrawing} returns, warms the
     * drawing up; all on this thread. {@code beforeDrawing} waits until Java2D may start: on Linux, AWT
     * and GTK setting up their X connections at the same moment can hang both.
     */
    public static void prepare(Project p, Runnable beforeDrawing) {
        PreparedMap m = new PreparedMap(List.copyOf(p.layers()), MapLabels.labelFields(p.layers(), p.displays()));
        PREPARED.set(m);
        try {
            MapRenderer r = new MapRenderer(m.layers);
            m.renderer.complete(r);
            MapLabels l = new MapLabels(m.layers, m.labelFields);
            m.labels.complete(l);
            beforeDrawing.run();
            warmUp(p, r, l);
        } catch (RuntimeException | Error e) {
            // The view builds its own then; a failure here must not keep it waiting.
            m.renderer.completeExceptionally(e);
            m.labels.completeExceptionally(e);
        }
    }

    /** The prepared renderer when it is for exactly these layers (waiting while it is built), else a new one. */
    public static MapRenderer renderer(List<Layer> layers) {
        PreparedMap m = forLayers(layers);
        if (m != null) {
            try {
                return m.renderer.join();
            } catch (RuntimeException e) {
                // built below
            }
        }
        return new MapRenderer(layers);
    }

    /** The prepared labels when they are for exactly these layers and fields (waiting while built), else new ones. */
    public static MapLabels labels(List<Layer> layers, Map<String, String> labelFields) {
        PreparedMap m = forLayers(layers);
        if (m != null && m.labelFields.equals(labelFields)) {
            try {
                return m.labels.join();
            } catch (RuntimeException e) {
                // built below
            }
        }
        return new MapLabels(layers, labelFields);
    }

    /** The prepared map for these layers, or null; a view on other layers lets it go (its memory with it). */
    private static PreparedMap forLayers(List<Layer> layers) {
        PreparedMap m = PREPARED.get();
        if (m == null) return null;
        if (m.layers.equals(layers)) return m;
        PREPARED.compareAndSet(m, null);
        return null;
    }

    private static void warmUp(Project p, MapRenderer r, MapLabels l) {
        Envelope all = new Envelope();
        p.layers().forEach(layer -> all.expandToInclude(layer.extent()));
        if (all.isNull()) return;
        Viewport v = Viewport.fit(all, WARM_UP_PX, WARM_UP_PX);
        List<MapRenderer.LayerLook> looks = p.layers().stream()
                .map(layer -> MapRenderer.LayerLook.of(layer, p.displays().get(layer.name()))).toList();
        BufferedImage img = new BufferedImage(WARM_UP_PX, WARM_UP_PX, BufferedImage.TYPE_INT_ARGB_PRE);
        r.render(v, looks, img, () -> false);
        Graphics2D g = img.createGraphics();
        try {
            MapLabels.draw(g, l.place(v, List.of(), List.of()));
        } finally {
            g.dispose();
        }
    }
}
