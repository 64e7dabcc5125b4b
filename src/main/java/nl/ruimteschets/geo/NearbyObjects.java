package nl.ruimteschets.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The objects of one role (the sensitive objects, the footprints) near an area, as indexes the models
 * scan: the layers held in memory whole, plus, for a layer that stays in the database, the cached tiles
 * that cover the area ({@link TileCache}). Every feature that meets the area is in exactly one of the
 * returned indexes (others may be too). Implementations are thread-safe.
 */
@FunctionalInterface
public interface NearbyObjects {

    /** Indexes that together hold every feature whose envelope meets {@code area}, each such feature once. */
    List<LayerIndex> near(Envelope area);

    /** Layers held in memory: every index, whatever the area. */
    static NearbyObjects of(List<LayerIndex> all) {
        List<LayerIndex> copy = List.copyOf(all);
        return area -> copy;
    }

    /** The in-memory layers and the tile caches of the layers in the database together. */
    static NearbyObjects of(List<LayerIndex> inMemory, List<TileCache> inDatabase) {
        if (inDatabase.isEmpty()) return of(inMemory);
        List<LayerIndex> memory = List.copyOf(inMemory);
        List<TileCache> tiled = List.copyOf(inDatabase);
        return area -> {
            List<LayerIndex> out = new ArrayList<>(memory);
            for (TileCache t : tiled) out.addAll(t.near(area));
            return out;
        };
    }
}
