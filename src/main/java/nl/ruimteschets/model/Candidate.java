package nl.ruimteschets.model;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * A sketched expansion or satellite location. Immutable: an edit makes a new candidate with the same
 * id. The geometry is a (multi)polygon in EPSG:28992, or for a satellite a point with an area.
 *
 * @param pointAreaHa the gross area in ha of a point satellite; ignored for polygons
 * @param parentCluster the cluster whose balance this candidate counts for
 */
public record Candidate(String id, String name, CandidateKind kind, String parentCluster, Geometry geometry,
                        double pointAreaHa, String profileName, CandidateOverrides overrides, String notes) {
    public Candidate {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(geometry);
        overrides = overrides == null ? CandidateOverrides.NONE : overrides;
        notes = notes == null ? "" : notes;
        parentCluster = parentCluster == null ? "" : parentCluster;
        profileName = profileName == null ? "" : profileName;
    }

    public boolean isPoint() {
        return geometry instanceof Point;
    }

    /** Gross area in hectares: the polygon's area, or the stated area of a point satellite. */
    public double grossAreaHa() {
        return isPoint() ? pointAreaHa : geometry.getArea() / 10_000.0;
    }

    /**
     * The footprint used for overlap: the polygon itself, or for a point satellite a circle of its
     * stated area around the point, so overlaps with zones are still meaningful.
     */
    public Geometry footprint() {
        if (!isPoint()) return geometry;
        double r = Math.sqrt(pointAreaHa * 10_000.0 / Math.PI);
        return geometry.buffer(r, 16);
    }

    public Candidate withGeometry(Geometry g) {
        return new Candidate(id, name, kind, parentCluster, g, pointAreaHa, profileName, overrides, notes);
    }

    public Candidate withName(String n) {
        return new Candidate(id, n, kind, parentCluster, geometry, pointAreaHa, profileName, overrides, notes);
    }
}
