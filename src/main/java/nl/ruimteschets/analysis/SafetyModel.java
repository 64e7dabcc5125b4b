package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * External-safety screening (DOMAIN.md §2.4 implementation note): buffers the sketched footprint
 * (not a point) by the profile's PR 10⁻⁶, brand, explosie and gifwolk distances and tests the
 * contours against sensitive objects and existing risk contours.
 *
 * <p>SAFETY_CONTOUR features whose mapped kind contains "veiligheidscontour" are the clusters' legacy
 * envelopes for risk growth (§2.5); the rest are existing contours. Stateless, thread-safe as long as
 * the indexes are not changed.
 */
public final class SafetyModel {
    /** Buffer smoothness: 8 segments per quarter circle is well below a pixel at 1:25,000. */
    private static final int QUADRANT_SEGMENTS = 8;

    private SafetyModel() { }

    public static SafetyIndicators evaluate(Geometry footprint, ActivityProfile profile, List<LayerIndex> sensitive,
                                            List<LayerIndex> safetyContours) {
        Geometry pr = buffer(footprint, profile.prDistanceM());
        Geometry brand = buffer(footprint, profile.brandM());
        Geometry explosie = buffer(footprint, profile.explosieM());
        Geometry gifwolk = buffer(footprint, Math.min(profile.gifwolkM(), ActivityProfile.GIFWOLK_CAP_M));

        List<SafetyIndicators.SensitiveHit> conflicts = new ArrayList<>();
        int weigh = 0;
        List<Geometry> constraintZones = new ArrayList<>();
        for (LayerIndex li : sensitive) {
            Layer layer = li.layer();
            if (profile.prDistanceM() > 0) {
                for (Feature f : li.intersecting(pr)) {
                    Vulnerability v = Vulnerability.parse(layer.text(f, Layer.MAP_VULNERABILITY));
                    if (v.hasLimitValue()) {
                        String name = layer.text(f, Layer.MAP_NAME);
                        conflicts.add(new SafetyIndicators.SensitiveHit(f.id(), name == null ? "" : name, v));
                        constraintZones.add(f.geometry().buffer(profile.prDistanceM(), QUADRANT_SEGMENTS));
                    } else {
                        weigh++;
                    }
                }
            }
        }
        int brandCount = count(sensitive, brand, profile.brandM());
        int explosieCount = count(sensitive, explosie, profile.explosieM());
        int gifwolkCount = count(sensitive, gifwolk, profile.gifwolkM());

        List<Geometry> existing = new ArrayList<>();
        List<Geometry> envelopes = new ArrayList<>();
        // Risk-contour layers hold tens of features, so a full scan is cheaper than it looks and
        // also finds veiligheidscontouren that the PR contour misses entirely (then all of it is outside).
        for (LayerIndex li : safetyContours) {
            Layer layer = li.layer();
            for (Feature f : layer.features()) {
                String kind = layer.text(f, Layer.MAP_KIND);
                boolean envelope = kind != null && kind.toLowerCase(Locale.ROOT).contains("veiligheidscontour");
                (envelope ? envelopes : existing).add(f.geometry());
            }
        }
        double existingHa = pr.isEmpty() || existing.isEmpty() ? 0
                : pr.intersection(UnaryUnionOp.union(existing)).getArea() / 10_000.0;
        double outsideHa = pr.isEmpty() || envelopes.isEmpty() ? 0
                : pr.difference(UnaryUnionOp.union(envelopes)).getArea() / 10_000.0;
        Geometry constrained = constraintZones.isEmpty() ? footprint.getFactory().createPolygon()
                : footprint.intersection(UnaryUnionOp.union(constraintZones));
        return new SafetyIndicators(pr, brand, explosie, gifwolk, conflicts, weigh, brandCount, explosieCount,
                gifwolkCount, existingHa, outsideHa, constrained, constrained.getArea() / 10_000.0);
    }

    private static Geometry buffer(Geometry footprint, double distance) {
        return distance > 0 ? footprint.buffer(distance, QUADRANT_SEGMENTS) : footprint.getFactory().createPolygon();
    }

    private static int count(List<LayerIndex> sensitive, Geometry zone, double distance) {
        if (distance <= 0) return 0;
        int n = 0;
        for (LayerIndex li : sensitive) n += li.intersecting(zone).size();
        return n;
    }
}
