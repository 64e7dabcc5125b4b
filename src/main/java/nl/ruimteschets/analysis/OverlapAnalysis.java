package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import nl.ruimteschets.geo.Overlay;

/**
 * Overlap of a candidate's footprint with the role layers of an {@link AnalysisContext}: hectares per
 * role (measured on the union, so overlapping zones count once) and the part inside hard constraints,
 * from the layers in memory and the tiles under the footprint of the layers in the database.
 * Stateless and thread-safe.
 */
public final class OverlapAnalysis {
    private OverlapAnalysis() { }

    /** Roles whose polygons no candidate may be issued on. */
    public static final List<LayerRole> HARD_CONSTRAINTS = List.of(LayerRole.NATURA2000, LayerRole.RESIDENTIAL);

    /** Overlap of one candidate with every role layer of the context; thread-safe. */
    public static CandidateOverlap overlap(Candidate c, AnalysisContext context) {
        Geometry footprint = c.footprint();
        Map<LayerRole, Double> ha = new EnumMap<>(LayerRole.class);
        // Layers in the database are asked for their tiles under the footprint; layers in memory answer whole.
        Envelope reach = footprint.getEnvelopeInternal();
        for (LayerRole role : context.roles()) {
            // Sensitive objects are counted by the noise and safety models, not measured in hectares.
            if (role == LayerRole.SENSITIVE) continue;
            ha.put(role, union(footprint, context.nearby(role).near(reach)).getArea() / 10_000.0);
        }
        List<LayerIndex> hard = new ArrayList<>();
        for (LayerRole r : HARD_CONSTRAINTS) hard.addAll(context.nearby(r).near(reach));
        Geometry constrainedGeom = union(footprint, hard);
        double constrained = constrainedGeom.getArea() / 10_000.0;
        if (c.isPoint()) {
            // A point satellite's circle is only a stand-in: scale to its stated area.
            double scale = c.grossAreaHa() / (footprint.getArea() / 10_000.0);
            ha.replaceAll((r, v) -> v * scale);
            constrained *= scale;
        }
        return new CandidateOverlap(c.id(), c.name(), c.parentCluster(), c.grossAreaHa(), ha, constrained, constrainedGeom);
    }

    private static Geometry union(Geometry footprint, List<LayerIndex> layers) {
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : layers) {
            Geometry o = li.overlap(footprint);
            if (!o.isEmpty()) parts.add(o);
        }
        return parts.isEmpty() ? footprint.getFactory().createPolygon() : (parts.size() == 1 ? parts.get(0) : Overlay.union(parts));
    }
}
