package nl.ruimteschets.model;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;

/** The dimension family of a layer's geometries; formats like shapefile allow only one per file. */
public enum GeometryKind {
    POINT, LINE, POLYGON, MIXED;

    public static GeometryKind of(Geometry g) {
        if (g instanceof Polygonal) return POLYGON;
        if (g instanceof Lineal) return LINE;
        if (g instanceof Puntal) return POINT;
        return MIXED;
    }

    /** The kind of a layer holding both this and {@code other}. */
    public GeometryKind combine(GeometryKind other) {
        return this == other ? this : MIXED;
    }
}
