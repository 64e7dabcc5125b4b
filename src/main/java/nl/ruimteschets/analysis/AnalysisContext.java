package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.NearbyObjects;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.geo.WholeLayers;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;

/**
 * The static side of an analysis: every analysed layer indexed once (STRtree), looked up by role.
 * Built when a project opens or its layers change, then shared read-only by every recomputation.
 *
 * <p>A layer that stays in the database is analysed like one in memory, in one of two ways:
 * <ul>
 * <li>by area, for every role whose model looks near the candidate (sensitive objects, noise zones, safety
 *     contours, the overlap hectares of every role, available plots): the models ask {@link #nearby} for what
 *     lies within their reach, and the layer's {@link TileCache} fetches and keeps the tiles;</li>
 * <li>whole, for the roles in {@link #READ_WHOLE} whose model needs all of the layer (the nitrogen receptors
 *     cover every Natura 2000 area within 25 km; cluster contours name the clusters): read once here
 *     ({@link WholeLayers}) and indexed as if in memory. A layer of such a role too big for that is refused
 *     with a message ({@link TileCache.Unavailable}), never silently left out.</li>
 * </ul>
 * Immutable and thread-safe (the nitrogen model's hexagon cache and the tile caches fill lazily but safely).
 */
public final class AnalysisContext {
    /** Roles whose layers a model needs whole, read into memory even when they stay in the database. */
    public static final Set<LayerRole> READ_WHOLE = Set.of(LayerRole.NATURA2000, LayerRole.CLUSTER);

    private final Map<LayerRole, List<LayerIndex>> indexes = new EnumMap<>(LayerRole.class);
    private final Map<LayerRole, List<TileCache>> tiled = new EnumMap<>(LayerRole.class);
    private final Map<LayerRole, NearbyObjects> nearby = new EnumMap<>(LayerRole.class);
    /** The roles with an analysed layer, in memory or in the database (asked on every overlap: made once). */
    private final Set<LayerRole> roles;
    /** Layers in the database read whole (the database layer → its features in memory), kept for a rebuild. */
    private final Map<Layer, Layer> readWhole = new java.util.IdentityHashMap<>();
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
     * @param previous the context these layers replace, whose tile caches (and layers read whole) of layers
     *        in the database are kept where they still serve (so a rebuild after another layer changed
     *        fetches nothing again); or null
     * @throws TileCache.Unavailable when a layer of a {@link #READ_WHOLE} role in the database cannot be read
     *         or is too big to read whole; the message says which, in the planner's words
     */
    public AnalysisContext(List<Layer> layers, ModelSettings settings, AnalysisContext previous) {
        this.settings = settings;
        List<Layer> natura = new ArrayList<>();
        for (Layer l : layers) {
            if (l.role() == LayerRole.BASEMAP) continue;
            Layer analysed = l;
            if (l.inDatabase() && READ_WHOLE.contains(l.role())) {
                Layer kept = previous == null ? null : previous.readWhole(l);
                analysed = kept != null ? kept : WholeLayers.read(l, WholeLayers.MAX_FEATURES);
                readWhole.put(l, analysed);
            }
            if (l.role() == LayerRole.NATURA2000) natura.add(analysed);
            if (analysed.inDatabase()) {
                tiled.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(previous == null ? cacheOf(l) : previous.tiles(l));
                continue;
            }
            indexes.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(new LayerIndex(analysed));
        }
        indexes.replaceAll((r, list) -> List.copyOf(list));
        tiled.replaceAll((r, list) -> List.copyOf(list));
        for (LayerRole r : LayerRole.values()) nearby.put(r, NearbyObjects.of(layers(r), tiled(r)));
        Set<LayerRole> withLayers = java.util.EnumSet.noneOf(LayerRole.class);
        withLayers.addAll(indexes.keySet());
        withLayers.addAll(tiled.keySet());
        roles = java.util.Collections.unmodifiableSet(withLayers);
        safety = new SafetyModel(nearby(LayerRole.SENSITIVE), layers(LayerRole.SAFETY_CONTOUR), tiled(LayerRole.SAFETY_CONTOUR));
        nitrogen = new NitrogenModel(natura, OpsTable.load());
    }

    public NitrogenModel nitrogen() { return nitrogen; }

    public SafetyModel safety() { return safety; }

    public ModelSettings settings() { return settings; }

    /**
     * The indexes of the role's layers held in memory, including layers in the database read whole
     * ({@link #READ_WHOLE}); the other layers in the database: see {@link #nearby}.
     */
    public List<LayerIndex> layers(LayerRole role) {
        return indexes.getOrDefault(role, List.of());
    }

    /** The role's objects near an area: its layers in memory and the tiles of its layers in the database. */
    public NearbyObjects nearby(LayerRole role) {
        return nearby.get(role);
    }

    /** Only the role's layers in the database read by area (their tiles), or null when it has none. */
    public NearbyObjects inDatabase(LayerRole role) {
        List<TileCache> t = tiled(role);
        return t.isEmpty() ? null : NearbyObjects.of(List.of(), t);
    }

    /** The roles that have an analysed layer, in memory or in the database. */
    public Set<LayerRole> roles() {
        return roles;
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
        return cacheOf(l);
    }

    /** The largest tile: a layer with features wider than this asks a few more tiles around each area. */
    static final double MAX_TILE_M = 10_000;

    /**
     * A tile cache whose tiles are at least as wide as the layer's largest feature (1 to 10 km): every area
     * asks for the tiles that far below and left of it, so zones or contours several km wide on 1-km tiles
     * would make each edit walk hundreds of tiles; buildings keep 1-km tiles.
     */
    private static TileCache cacheOf(Layer l) {
        double size = Math.min(MAX_TILE_M, Math.max(TileCache.DEFAULT_TILE_M, Math.ceil(l.remote().maxFeatureSize())));
        return new TileCache(l, size, TileCache.DEFAULT_MAX_FEATURES);
    }

    /** This context's whole copy of a layer in the database when it is of the same table, role, fields and mapping. */
    private Layer readWhole(Layer l) {
        for (Map.Entry<Layer, Layer> e : readWhole.entrySet()) {
            Layer k = e.getKey();
            if (k.remote() == l.remote() && k.role() == l.role() && k.fields().equals(l.fields())
                    && k.fieldMapping().equals(l.fieldMapping())) return e.getValue();
        }
        return null;
    }
}
