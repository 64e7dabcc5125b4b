package nl.ruimteschets.geo;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;

/**
 * Facts about the one working CRS, RD New (EPSG:28992): its code, the area where RD coordinates make
 * sense, and the geometry factory every layer uses (packed doubles: a third of the memory of
 * Coordinate objects, which matters with a million footprints).
 */
public final class Rd {
    public static final int EPSG = 28992;

    /**
     * Where RD New coordinates are meaningful: the Netherlands and its part of the North Sea (Natura 2000
     * sites such as the Doggersbank lie at y ≈ 850 km), with a margin. Degrees, UTM and Web Mercator
     * coordinates of Dutch data all fall outside it, which is what the CRS checks rely on.
     */
    public static final Envelope BOUNDS = new Envelope(-60_000, 300_000, 289_000, 900_000);

    public static final GeometryFactory FACTORY =
            new GeometryFactory(new PrecisionModel(), EPSG, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private Rd() { }

    public static boolean inBounds(Envelope e) {
        return BOUNDS.contains(e);
    }
}
