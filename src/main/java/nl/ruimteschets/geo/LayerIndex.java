package nl.ruimteschets.geo;

import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * A packed STRtree over one static layer, built once, answering "which features touch this geometry"
 * and "how many hectares of the layer lie inside it". Overlapping features are unioned before
 * measuring, so two overlapping noise zones are not counted twice.
 *
 * <p>Immutable after construction; queries are thread-safe (the tree is built eagerly).
 */
public final class LayerIndex {
    private final Layer layer;
    private final STRtree tree;
    private final PackedEnvelopes packed;

    public LayerIndex(Layer layer) {
        this.layer = layer;
        this.tree = new STRtree();
        for (Feature f : layer.features()) tree.insert(f.geometry().getEnvelopeInternal(), f);
        tree.build();
        this.packed = new PackedEnvelopes(layer.features());
    }

    /** The features' envelopes in flat arrays, for scans over many small features. */
    public PackedEnvelopes packed() { return packed; }

    public Layer layer() { return layer; }

    /** Features whose geometry intersects {@code g}. */
    public List<Feature> intersecting(Geometry g) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
        List<Feature> hits = new ArrayList<>();
        for (Object o : tree.query(g.getEnvelopeInternal())) {
            Feature f = (Feature) o;
            if (prepared.intersects(f.geometry())) hits.add(f);
        }
        return hits;
    }

    /** Features whose envelope intersects the envelope (a fast, coarse filter). */
    @SuppressWarnings("unchecked")
    public List<Feature> candidates(Envelope e) {
        return tree.query(e);
    }

    /** The part of {@code g} covered by the layer's polygons, as one geometry (empty when none). */
    public Geometry overlap(Geometry g) {
        List<Geometry> parts = new ArrayList<>();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(g);
        for (Object o : tree.query(g.getEnvelopeInternal())) {
            Geometry fg = ((Feature) o).geometry();
            if (!(fg instanceof Polygonal) || !prepared.intersects(fg)) continue;
            parts.add(prepared.covers(fg) ? fg : Overlay.intersection(fg, g));
        }
        if (parts.isEmpty()) return g.getFactory().createPolygon();
        return parts.size() == 1 ? parts.get(0) : Overlay.union(parts);
    }

    /** Hectares of {@code g} that the layer covers. */
    public double overlapHa(Geometry g) {
        return overlap(g).getArea() / 10_000.0;
    }
}
