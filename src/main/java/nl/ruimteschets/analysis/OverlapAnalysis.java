package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.Candidate;
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
    private final AnalysisContext context;

    public OverlapAnalysis(Project project) {
        this(project, new AnalysisContext(project.layers()));
    }

    public OverlapAnalysis(Project project, AnalysisContext context) {
        this.project = project;
        this.context = context;
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
        return overlap(c, context);
    }

    /** Overlap of one candidate with every role layer of the context; thread-safe. */
    public static CandidateOverlap overlap(Candidate c, AnalysisContext context) {
        Geometry footprint = c.footprint();
        Map<LayerRole, Double> ha = new EnumMap<>(LayerRole.class);
        for (Map.Entry<LayerRole, List<LayerIndex>> e : context.all().entrySet()) {
            ha.put(e.getKey(), union(footprint, e.getValue()).getArea() / 10_000.0);
        }
        List<LayerIndex> hard = new ArrayList<>();
        for (LayerRole r : HARD_CONSTRAINTS) hard.addAll(context.layers(r));
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
        return parts.isEmpty() ? footprint.getFactory().createPolygon() : UnaryUnionOp.union(parts);
    }
}
