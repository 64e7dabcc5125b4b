package nl.ruimteschets.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.RemoteFeatures;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads a layer that stays in the database into memory whole, for a model that needs all of it rather
 * than what lies near a candidate (the Natura 2000 areas whose hexagons are the nitrogen receptors, the
 * cluster contours that name clusters and hold their hectare balance). Such layers are national layers of
 * hundreds to a few thousand polygons, so reading them once is cheap; a layer far bigger than that is
 * refused in words rather than read into a laptop's memory or silently left out.
 *
 * <p>Stateless and thread-safe; {@link #read} blocks for the database.
 */
public final class WholeLayers {
    /** The most features read whole: ten times the biggest such national layer (Natura 2000 as habitat polygons). */
    public static final long MAX_FEATURES = 50_000;

    private WholeLayers() { }

    /**
     * The layer's features in memory (same name, role, fields and mapping).
     *
     * @throws TileCache.Unavailable when the layer holds more than {@code maxFeatures} features or the
     *         database cannot be read; the message says which and why, in the planner's words
     */
    public static Layer read(Layer layer, long maxFeatures) {
        RemoteFeatures remote = layer.remote();
        if (remote == null) return layer;
        if (remote.estimatedCount() > maxFeatures) {
            throw new TileCache.Unavailable(new InputException(new UserMessage("pg.layer.whole.toobig", layer.name(),
                    remote.estimatedCount(), maxFeatures)));
        }
        Envelope e = remote.extent();
        if (e.isNull()) return layer.inMemory(List.of());
        // A few tiles as large as the whole extent: one query, every feature anchored in exactly one of them.
        double size = Math.max(e.getWidth(), e.getHeight()) + 1;
        List<long[]> tiles = new ArrayList<>();
        for (long tx = (long) Math.floor(e.getMinX() / size); tx <= (long) Math.floor(e.getMaxX() / size); tx++) {
            for (long ty = (long) Math.floor(e.getMinY() / size); ty <= (long) Math.floor(e.getMaxY() / size); ty++) {
                tiles.add(new long[] {tx, ty});
            }
        }
        Map<Long, List<Feature>> got;
        try {
            got = remote.tiles(size, tiles);
        } catch (InputException ex) {
            throw new TileCache.Unavailable(ex);
        } catch (RuntimeException ex) {
            throw new TileCache.Unavailable(new InputException(new UserMessage("pg.layer.read.failed", remote.location()), ex));
        }
        List<Feature> all = new ArrayList<>();
        for (long[] t : tiles) all.addAll(got.getOrDefault(RemoteFeatures.tileKey(t[0], t[1]), List.of()));
        // The order the layer has in memory: by id, whatever order the tiles came back in.
        all.sort(java.util.Comparator.comparingLong(Feature::id));
        return layer.inMemory(all);
    }
}
