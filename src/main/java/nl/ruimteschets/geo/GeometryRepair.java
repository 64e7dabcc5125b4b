package nl.ruimteschets.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Makes imported geometries fit for analysis: 2D only, on the RD factory, and valid. Repair uses
 * JTS {@link GeometryFixer}, which keeps every part of a bow-tie or self-intersecting ring instead
 * of the half that buffer(0) would keep. Stateless and thread-safe.
 */
public final class GeometryRepair {
    private GeometryRepair() { }

    /** True when any coordinate carries a Z or M value (NaN ordinates do not count). */
    public static boolean hasZm(Geometry g) {
        boolean[] found = {false};
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                if ((seq.hasZ() && !Double.isNaN(seq.getZ(i))) || (seq.hasM() && !Double.isNaN(seq.getM(i)))) {
                    found[0] = true;
                }
            }

            @Override
            public boolean isDone() { return found[0]; }

            @Override
            public boolean isGeometryChanged() { return false; }
        });
        return found[0];
    }

    /** A copy with only x and y, built by the given factory. */
    public static Geometry to2d(Geometry g, GeometryFactory factory) {
        GeometryTransformer t = new GeometryTransformer() {
            @Override
            protected CoordinateSequence transformCoordinates(CoordinateSequence seq, Geometry parent) {
                CoordinateSequence out = factory.getCoordinateSequenceFactory().create(seq.size(), 2);
                for (int i = 0; i < seq.size(); i++) {
                    out.setOrdinate(i, 0, seq.getX(i));
                    out.setOrdinate(i, 1, seq.getY(i));
                }
                return out;
            }
        };
        Geometry result = t.transform(g);
        return factory.createGeometry(result);
    }

    /** The geometry itself when valid, else its repaired form (possibly empty). */
    public static Geometry makeValid(Geometry g) {
        return g.isValid() ? g : GeometryFixer.fix(g);
    }
}
