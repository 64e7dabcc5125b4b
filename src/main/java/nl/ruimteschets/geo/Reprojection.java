package nl.ruimteschets.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms geometries between two EPSG codes with proj4j (7-parameter datum shift for RD, so about
 * 0.3 m absolute accuracy; see STACK.md §4). Geographic coordinates are x = longitude, y = latitude,
 * whatever EPSG's official axis order says, as in GeoJSON and shapefiles.
 *
 * <p>Not thread-safe (proj4j transforms keep scratch state); make one per thread.
 */
public final class Reprojection {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();
    private static final CoordinateTransformFactory CTF = new CoordinateTransformFactory();

    private final CoordinateTransform transform;
    private final boolean identity;
    private final int targetEpsg;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public Reprojection(int sourceEpsg, int targetEpsg) {
        this.identity = sourceEpsg == targetEpsg;
        this.targetEpsg = targetEpsg;
        this.transform = identity ? null : CTF.createTransform(
                CRS_FACTORY.createFromName("EPSG:" + sourceEpsg), CRS_FACTORY.createFromName("EPSG:" + targetEpsg));
    }

    public static Reprojection toRd(int sourceEpsg) {
        return new Reprojection(sourceEpsg, Rd.EPSG);
    }

    public boolean isIdentity() {
        return identity;
    }

    /** Transforms one point; returns {x, y} in the target CRS. */
    public double[] transform(double x, double y) {
        if (identity) return new double[] {x, y};
        in.x = x;
        in.y = y;
        transform.transform(in, out);
        return new double[] {out.x, out.y};
    }

    /** A transformed copy of the geometry (the input is not changed). */
    public Geometry transform(Geometry g) {
        if (identity) return g;
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                transform.transform(in, out);
                seq.setOrdinate(i, 0, out.x);
                seq.setOrdinate(i, 1, out.y);
            }

            @Override
            public boolean isDone() { return false; }

            @Override
            public boolean isGeometryChanged() { return true; }
        });
        copy.setSRID(targetEpsg);
        return copy;
    }
}
