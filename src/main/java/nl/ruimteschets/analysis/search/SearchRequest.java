package nl.ruimteschets.analysis.search;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ruimteschets.model.ActivityProfile;
import org.locationtech.jts.geom.Geometry;

/**
 * What the planner asks: "where could {@code grossHa} of this activity go inside this area?".
 *
 * @param profile the activity (its noise power, safety distances and emissions are what is screened)
 * @param grossHa the footprint's gross area; {@link #ofNetHa} converts a net size with the profile's ratio
 * @param area the search area: footprint centres must lie inside it
 * @param plotsOnly only available plots are offered (no free positions)
 * @param parentCluster the cluster the activity belongs to (sets the ground factor and the distance
 *        criterion); null or empty for none
 * @param maxDistanceM a satellite's maximum distance from the parent cluster, or null for no limit
 * @param weights weight ≥ 0 per soft criterion; absent means 0
 * @param cellM the fine map's cell size (100 m or finer)
 * @param topK how many free positions to rank
 * @param occupied footprints already taken (the scenario's candidates): positions overlapping them are excluded
 * @param shape the footprint's shape ({@link FootprintShape#SQUARE} when null)
 */
public record SearchRequest(ActivityProfile profile, double grossHa, Geometry area, boolean plotsOnly,
                            String parentCluster, Double maxDistanceM, Map<Criterion, Double> weights,
                            double cellM, int topK, List<Geometry> occupied,
                            FootprintShape shape) {
    public static final double DEFAULT_CELL_M = 100.0;
    public static final double COARSE_CELL_M = 400.0;

    public SearchRequest {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(area);
        if (!(grossHa > 0)) throw new IllegalArgumentException("size must be positive");
        if (!(cellM > 0) || cellM > DEFAULT_CELL_M) throw new IllegalArgumentException("cell must be in (0, 100] m");
        if (topK < 0) throw new IllegalArgumentException("topK must be >= 0");
        parentCluster = parentCluster == null || parentCluster.isBlank() ? null : parentCluster;
        EnumMap<Criterion, Double> w = new EnumMap<>(Criterion.class);
        if (weights != null) weights.forEach((c, v) -> {
            if (!(v >= 0)) throw new IllegalArgumentException("weights must be >= 0");
            w.put(c, v);
        });
        weights = java.util.Collections.unmodifiableMap(w);
        occupied = occupied == null ? List.of() : List.copyOf(occupied);
        shape = shape == null ? FootprintShape.SQUARE : shape;
    }

    /** A search for a square footprint. */
    public SearchRequest(ActivityProfile profile, double grossHa, Geometry area, boolean plotsOnly, String parentCluster,
                         Double maxDistanceM, Map<Criterion, Double> weights, double cellM, int topK, List<Geometry> occupied) {
        this(profile, grossHa, area, plotsOnly, parentCluster, maxDistanceM, weights, cellM, topK, occupied, FootprintShape.SQUARE);
    }

    /** The same ask with another shape. */
    public SearchRequest withShape(FootprintShape s) {
        return new SearchRequest(profile, grossHa, area, plotsOnly, parentCluster, maxDistanceM, weights, cellM, topK, occupied, s);
    }

    /** Equal weights for every criterion that applies (distance only with a parent cluster). */
    public static Map<Criterion, Double> defaultWeights() {
        Map<Criterion, Double> w = new EnumMap<>(Criterion.class);
        for (Criterion c : Criterion.values()) w.put(c, 1.0);
        return w;
    }

    /** Gross hectares for a net size: net ÷ the profile's netto/bruto ratio. */
    public static double grossFromNet(ActivityProfile profile, double netHa) {
        return netHa / profile.nettoBrutoRatio();
    }

    public double weight(Criterion c) {
        if (c == Criterion.PARENT_DISTANCE && parentCluster == null) return 0;
        return weights.getOrDefault(c, 0.0);
    }

    /** The footprint of the asked size and shape centred on (x, y). */
    public org.locationtech.jts.geom.Polygon footprintAt(double x, double y) { return shape.at(grossHa, x, y); }

    /** The farthest a point of the footprint lies from its centre, m. */
    public double radiusM() { return shape.radiusM(grossHa); }
}
