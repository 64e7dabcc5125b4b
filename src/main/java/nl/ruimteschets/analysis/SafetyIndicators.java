package nl.ruimteschets.analysis;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * External-safety screening of one candidate (DOMAIN.md §2). Contours are the candidate's footprint
 * buffered by its profile's distances.
 *
 * @param limitConflicts (zeer) kwetsbare objects inside PR 10⁻⁶: conflict with the limit value
 * @param weighCount beperkt kwetsbare objects inside PR 10⁻⁶: standard value, to be weighed
 * @param brandCount objects (any class) inside the brandaandachtsgebied
 * @param explosieCount objects inside the explosieaandachtsgebied
 * @param gifwolkCount objects inside the gifwolkaandachtsgebied (capped at 1,500 m)
 * @param existingContourOverlapHa PR contour area overlapping existing SAFETY_CONTOUR polygons
 * @param outsideVeiligheidscontourHa PR contour area outside the cluster's veiligheidscontour
 *        (0 when the project has no veiligheidscontour)
 * @param prConstrainedHa footprint area within PR distance of existing (zeer) kwetsbare objects,
 *        a hard constraint for the hectare balance (raster measure, see CellMask)
 * @param allConstrainedHa footprint area inside this or the other hard constraints, each hectare once
 */
public record SafetyIndicators(Geometry prContour, Geometry brandContour, Geometry explosieContour,
                               Geometry gifwolkContour, List<SensitiveHit> limitConflicts, int weighCount,
                               int brandCount, int explosieCount, int gifwolkCount,
                               double existingContourOverlapHa, double outsideVeiligheidscontourHa,
                               double prConstrainedHa, double allConstrainedHa) {

    /** A sensitive object hit by a contour: its feature id, name (may be empty) and class. */
    public record SensitiveHit(long featureId, String name, Vulnerability vulnerability) { }

    public SafetyIndicators {
        limitConflicts = List.copyOf(limitConflicts);
    }
}
