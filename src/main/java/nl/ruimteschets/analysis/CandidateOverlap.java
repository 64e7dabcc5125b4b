package nl.ruimteschets.analysis;

import java.util.Map;
import nl.ruimteschets.model.LayerRole;

/**
 * How much of one candidate's footprint lies in each kind of layer.
 *
 * @param grossHa the candidate's gross area
 * @param overlapHa hectares of the footprint inside the union of all layers of a role
 * @param constrainedHa hectares inside hard constraints (Natura 2000, existing residential area)
 * @param constrained the footprint part inside hard constraints (empty when none)
 */
public record CandidateOverlap(String candidateId, String name, String cluster, double grossHa,
                               Map<LayerRole, Double> overlapHa, double constrainedHa,
                               org.locationtech.jts.geom.Geometry constrained) {
    public CandidateOverlap {
        overlapHa = Map.copyOf(overlapHa);
    }
}
