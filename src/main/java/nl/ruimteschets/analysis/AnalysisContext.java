package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.NearbyObjects;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;

/**
 * The static side of an analysis: every analysed layer indexed once (STRtree), looked up by role.
 * Built when a project opens or its layers change, then shared read-only by every recomputation.
 * A layer that stays in the database is not indexed whole: the models ask {@link #nearby} for what lies
 * within their reach of the candidate, and its {@link TileCache} fetches and keeps the tiles.
 * Immutable and thread-safe (the nitrogen model's hexagon cache and the tile caches fill lazily but safely).
 */
public final class AnalysisContext {
    private final Map<LayerRole, List<LayerIndex>> indexes = new EnumMap<>(LayerRole.class);
    private final Map<LayerRole, List<TileCache>> tiled = new EnumMap<>(LayerRole.class);
    private final NitrogenModel nitrogen;
    private final SafetyModel safety;
    private final ModelSettings settings;

    public AnalysisContext(List<Layer> layers) {
        this(layers, ModelSettings.DEFAULTS);
    }

    public AnalysisContext(List<Layer> layers, ModelSettings settings) {
        this(layers, settings, null);
    }

    /**
     * @param previous the context these layers replace, whose tile caches of layers in the database are
     *        kept where they still serve (so a rebuild after another layer changed fetches nothing again); or null
     */
    public AnalysisContext(List<Layer> layers, ModelSettings settings, AnalysisContext previous) {
        this.settings = settings;
        for (Layer l : layers) {
            if (l.role() == LayerRole.BASEMAP) continue;
            if (l.inDatabase()) {
                tiled.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(previous == null ? new TileCache(l) : previous.tiles(l));
                continue;
            }
            indexes.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(new LayerIndex(l));
        }
        indexes.replaceAll((r, list) -> List.copyOf(list));
        tiled.replaceAll((r, list) -> List.copyOf(list));
        safety = new SafetyModel(nearby(LayerRole.SENSITIVE), layers(LayerRole.SAFETY_CONTOUR));
        nitrogen = new NitrogenModel(layers.stream().filter(l -> l.role() == LayerRole.NATURA2000).toList(),
                OpsTable.load());
    }

    public NitrogenModel nitrogen() { return nitrogen; }

    public SafetyModel safety() { return safety; }

    public ModelSettings settings() { return settings; }

    /** The indexes of the role's layers held in memory (a layer in the database: see {@link #nearby}). */
    public List<LayerIndex> layers(LayerRole role) {
        return indexes.getOrDefault(role, List.of());
    }

    /**
     * The role's objects near an area: its layers in memory and the tiles of its layers in the database
     * (only sensitive objects are fetched by area; a layer of another role in the database is not analysed).
     */
    public NearbyObjects nearby(LayerRole role) {
        return NearbyObjects.of(layers(role), role == LayerRole.SENSITIVE ? tiled.getOrDefault(role, List.of()) : List.of());
    }

    /** The tile caches of the role's layers in the database. */
    public List<TileCache> tiled(LayerRole role) {
        return tiled.getOrDefault(role, List.of());
    }

    /** This context's cache of a layer in the database when it still serves it, else a new one. */
    private TileCache tiles(Layer l) {
        for (List<TileCache> list : tiled.values()) {
            for (TileCache t : list) if (t.serves(l)) return t;
        }
        return new TileCache(l);
    }

    public Map<LayerRole, List<LayerIndex>> all() {
        return java.util.Collections.unmodifiableMap(indexes);
    }
}
