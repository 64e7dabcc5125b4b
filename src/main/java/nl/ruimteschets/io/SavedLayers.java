package nl.ruimteschets.io;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.ruimteschets.model.Layer;

/**
 * Which version of a layer each project file's table holds, as far as this run knows: the layer object
 * last read from it or written to it. Layers are immutable, so an edited layer (a corrected attribute)
 * is a new object, and {@link ProjectStore#save} rewrites its table instead of keeping the old one;
 * an undo brings back an object that may no longer be the one in the file, and is rewritten too.
 * Tables this run never read or wrote (imported in place) are judged by their row count as before.
 *
 * <p>Weak references: a layer no longer in use is forgotten. Thread-safe (synchronized).
 */
final class SavedLayers {
    private static final Map<String, WeakReference<Layer>> LAST = new HashMap<>();

    private SavedLayers() { }

    private static String key(Path file, String table) {
        return file.toAbsolutePath().normalize() + "\n" + table;
    }

    /** The table {@code layer.name()} of {@code file} now holds {@code layer}. */
    static synchronized void record(Path file, Layer layer) {
        LAST.put(key(file, layer.name()), new WeakReference<>(layer));
    }

    /** False when the file's table is known to hold another version of this layer. */
    static synchronized boolean mayHold(Path file, Layer layer) {
        WeakReference<Layer> r = LAST.get(key(file, layer.name()));
        return r == null || r.get() == layer;
    }
}
