package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Overlap of candidates with the project's role layers, and the hectare balance that follows.
 * Indexes every analysed layer once on construction; {@link #analyse(Scenario)} can then run for any
 * scenario. Reads the project's layers, which must not change meanwhile; not thread-safe.
 */
public final class OverlapAnalysis {
    /** Roles whose polygons no candidate may be issued on. */
    public static final List<LayerRole> HARD_CONSTRAINTS = List.of(LayerRole.NATURA2000, LayerRole.RESIDENTIAL);

    private final Project project;
    private final Map<LayerRole, List<LayerIndex>> indexes = new EnumMap<>(LayerRole.class);

    public OverlapAnalysis(Project project) {
        this.project = project;
        for (Layer l : project.layers()) {
            if (l.role() == LayerRole.BASEMAP) continue;
            indexes.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(new LayerIndex(l));
        }
    }

    public record Result(String scenario, List<CandidateOverlap> candidates, List<ClusterBalance> clusters) { }

    public Result analyse(Scenario scenario) {
        List<CandidateOverlap> overlaps = new ArrayList<>();
        Map<String, Double> net = new LinkedHashMap<>();
        List<Candidate> candidates = scenario.candidates();
        for (Candidate c : candidates) {
            CandidateOverlap o = overlap(c);
            overlaps.add(o);
            net.put(c.id(), HectareBalanceModel.netHa(c, project.profiles().get(c.profileName()),
                    project.clusters().get(c.parentCluster()), o.constrainedHa()));
        }
        return new Result(scenario.name(), overlaps,
                HectareBalanceModel.balances(project.clusters().values(), candidates, net));
    }

    public CandidateOverlap overlap(Candidate c) {
        Geometry footprint = c.footprint();
        Map<LayerRole, Double> ha = new EnumMap<>(LayerRole.class);
        for (Map.Entry<LayerRole, List<LayerIndex>> e : indexes.entrySet()) {
            ha.put(e.getKey(), union(footprint, e.getValue()).getArea() / 10_000.0);
        }
        List<LayerIndex> hard = new ArrayList<>();
        for (LayerRole r : HARD_CONSTRAINTS) hard.addAll(indexes.getOrDefault(r, List.of()));
        double constrained = union(footprint, hard).getArea() / 10_000.0;
        if (c.isPoint()) {
            // A point satellite's circle is only a stand-in: scale to its stated area.
            double scale = c.grossAreaHa() / (footprint.getArea() / 10_000.0);
            ha.replaceAll((r, v) -> v * scale);
            constrained *= scale;
        }
        return new CandidateOverlap(c.id(), c.name(), c.parentCluster(), c.grossAreaHa(), ha, constrained);
    }

    private static Geometry union(Geometry footprint, List<LayerIndex> layers) {
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : layers) {
            Geometry o = li.overlap(footprint);
            if (!o.isEmpty()) parts.add(o);
        }
        return parts.isEmpty() ? footprint.getFactory().createPolygon() : UnaryUnionOp.union(parts);
    }
}
