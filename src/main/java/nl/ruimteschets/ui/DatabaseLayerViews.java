package nl.ruimteschets.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;

/**
 * What the map shows of layers that stay in the database: for each, the features in and around the view,
 * fetched on a thread of its own when the view leaves the fetched area or the scale changes by more than
 * half (zoomed out: an even sample of at most {@value #LIMIT}, simplified to a pixel), and handed to the map
 * as an in-memory layer to draw and identify. Newest view wins; a failed fetch keeps the last part shown.
 *
 * <p>FX thread only (apart from the fetches, which report back on the FX thread).
 */
final class DatabaseLayerViews {
    /** Enough to fill a 1920×1080 view with a town's buildings; drawn within a frame. */
    static final int LIMIT = 60_000;

    private record Fetched(Envelope area, double metresPerPixel) { }

    private final ThreadPoolExecutor fetcher = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "ruimteschets-db-view");
        t.setDaemon(true);
        return t;
    });
    private final Map<Layer, Fetched> fetched = new HashMap<>();
    private final Map<Layer, Long> requests = new java.util.concurrent.ConcurrentHashMap<>();
    private final BiConsumer<Layer, Layer> arrived;
    private long request;

    /** @param arrived called on the FX thread with a database layer and its part around the view */
    DatabaseLayerViews(BiConsumer<Layer, Layer> arrived) {
        this.arrived = arrived;
    }

    /** Fetches the layer's part again at the next view change (the part that arrived could not be shown). */
    void forget(Layer l) {
        fetched.remove(l);
    }

    /** Fetches the part of each shown database layer around the view unless the part held still serves. */
    void viewChanged(List<Layer> shown, Viewport v) {
        fetched.keySet().retainAll(shown);
        Envelope view = v.worldBounds();
        double mpp = v.metresPerPixel();
        for (Layer l : shown) {
            if (!l.inDatabase()) continue;
            Fetched f = fetched.get(l);
            if (f != null && f.area().contains(view) && mpp > f.metresPerPixel() / 1.5 && mpp < f.metresPerPixel() * 1.5) continue;
            Envelope area = new Envelope(view);
            area.expandBy(view.getWidth() / 2, view.getHeight() / 2); // a pan of half a screen needs nothing new
            fetched.put(l, new Fetched(area, mpp));
            long mine = ++request;
            requests.put(l, mine);
            // Below a metre a pixel, the shapes as stored; further out, simplified to a pixel.
            double tolerance = mpp > 1 ? mpp : 0;
            fetcher.execute(() -> {
                if (requests.getOrDefault(l, -1L) != mine) return; // a newer view is queued (read without lock: a hint only)
                List<Feature> part;
                try {
                    part = l.remote().forView(area, tolerance, LIMIT);
                } catch (InputException | RuntimeException e) {
                    Platform.runLater(() -> fetched.remove(l)); // try again at the next view change
                    return;
                }
                Layer window = l.inMemory(part);
                Platform.runLater(() -> {
                    if (requests.getOrDefault(l, -1L) == mine) arrived.accept(l, window);
                });
            });
        }
    }
}
