package nl.ruimteschets.bench;

import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Geometry;

/**
 * The obvious way, for the benchmark's comparison: every candidate recomputed on every edit, every
 * feature of every layer tested against every contour with plain (unprepared) geometry predicates,
 * no spatial index. It computes the same overlap and safety figures the engine does.
 */
final class NaiveBaseline {
    private NaiveBaseline() { }

    static double compute(List<Layer> layers, List<Candidate> candidates, Map<String, ActivityProfile> profiles,
                          List<Cluster> clusters) {
        double checksum = 0;
        for (Candidate c : candidates) {
            Geometry footprint = c.footprint();
            ActivityProfile p = profiles.get(c.profileName());
            Geometry[] contours = {footprint.buffer(p.prDistanceM()), footprint.buffer(p.brandM()),
                footprint.buffer(p.explosieM()), footprint.buffer(Math.min(p.gifwolkM(), ActivityProfile.GIFWOLK_CAP_M))};
            for (Layer l : layers) {
                for (Feature f : l.features()) {
                    Geometry g = f.geometry();
                    if (footprint.intersects(g)) checksum += footprint.intersection(g).getArea();
                    if (l.role() == LayerRole.SENSITIVE) {
                        for (Geometry contour : contours) if (contour.intersects(g)) checksum += 1;
                    }
                }
            }
        }
        return checksum + clusters.size();
    }
}
