package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.NearbyObjects;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The polygons of a role's layers in the database near an area, unioned, for a model that subtracts or
 * intersects them (the noise model's existing zones, the safety model's contours). A layer in memory is
 * unioned once when its model is built; one in the database is asked per edit for the tiles around the
 * model's reach, and the union of the features in those tiles is kept while the same tiles come back (a drag
 * within a tile reuses it; the tiles' indexes are the same objects while cached).
 *
 * <p>Thread-safe: the last union is published through a volatile field; two threads may build it at once.
 */
final class NearbyPolygons {
    /** The union of the features in one set of tiles, with what the models test against it. */
    record Union(Geometry geometry, PreparedGeometry prepared, IndexedPointInAreaLocator locator) { }

    private record Kept(List<LayerIndex> tiles, Union union) { }

    private final NearbyObjects tiles;
    private final BiPredicate<Layer, Feature> wanted;
    private volatile Kept last;

    /** @param wanted which of the tiles' features count (e.g. only the clusters' legacy envelopes) */
    NearbyPolygons(NearbyObjects tiles, BiPredicate<Layer, Feature> wanted) {
        this.tiles = tiles;
        this.wanted = wanted;
    }

    /**
     * The union of the wanted features of the tiles that hold every feature meeting {@code area} (and maybe
     * more around it), or null when there are none.
     *
     * @throws nl.ruimteschets.geo.TileCache.Unavailable when the database cannot be read
     */
    Union near(Envelope area) {
        List<LayerIndex> now = tiles.near(area);
        Kept k = last;
        if (k != null && same(k.tiles(), now)) return k.union();
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : now) {
            Layer l = li.layer();
            for (Feature f : l.features()) if (wanted.test(l, f)) parts.add(f.geometry());
        }
        Union u = null;
        if (!parts.isEmpty()) {
            Geometry g = Overlay.union(parts);
            u = new Union(g, PreparedGeometryFactory.prepare(g), new IndexedPointInAreaLocator(g));
        }
        last = new Kept(now, u);
        return u;
    }

    /** Whether two tile lists hold the very same tile indexes (so the same features). */
    private static boolean same(List<LayerIndex> a, List<LayerIndex> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) if (a.get(i) != b.get(i)) return false;
        return true;
    }

    /** The union of two unioned polygon sets, either possibly null. */
    static Geometry union(Geometry a, Geometry b) {
        if (a == null) return b;
        if (b == null) return a;
        return Overlay.union(a, b);
    }
}
