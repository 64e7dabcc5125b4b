package nl.ruimteschets.geo;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.proj.LongLatProjection;

/**
 * Where coordinates make sense in a CRS, in that CRS's own units (x = easting or longitude), and a
 * guess which CRS coordinates are really in when they do not fit the one stated or chosen: degrees
 * forced to RD New would otherwise import into a 4 × 3 m box, and RD coordinates read as degrees
 * crash the datum shift. Stateless and thread-safe.
 */
public final class CrsAreas {
    /** A CRS with the area where Dutch data in it lies ({@code dutch}) and where it is valid at all ({@code valid}). */
    private record Known(int epsg, String name, Envelope dutch, Envelope valid) { }

    private static final Envelope DEGREES = new Envelope(-180, 180, -90, 90);
    private static final Envelope NL_DEGREES = new Envelope(2.5, 7.6, 50.4, 55.9);
    private static final Envelope UTM = new Envelope(-500_000, 1_500_000, -10_000_000, 10_000_000);

    /** Checked in this order for the guess; their Dutch areas do not overlap. */
    private static final List<Known> KNOWN = List.of(
            new Known(Rd.EPSG, "RD New", Rd.BOUNDS, Rd.BOUNDS),
            new Known(4326, "WGS 84", NL_DEGREES, DEGREES),
            new Known(4258, "ETRS89", NL_DEGREES, DEGREES),
            new Known(25831, "ETRS89 / UTM 31N", new Envelope(420_000, 900_000, 5_580_000, 6_220_000), UTM),
            new Known(32631, "WGS 84 / UTM 31N", new Envelope(420_000, 900_000, 5_580_000, 6_220_000), UTM),
            new Known(3857, "Web Mercator", new Envelope(270_000, 850_000, 6_500_000, 7_550_000),
                    new Envelope(-20_037_509, 20_037_509, -20_048_967, 20_048_967)));

    private static final CRSFactory CRS_FACTORY = new CRSFactory();

    private CrsAreas() { }

    /** The area where coordinates in this CRS are valid, or null when unknown (no check possible). */
    public static Envelope validArea(int epsg) {
        for (Known k : KNOWN) if (k.epsg == epsg) return k.valid;
        try {
            CoordinateReferenceSystem crs = CRS_FACTORY.createFromName("EPSG:" + epsg);
            return crs.getProjection() instanceof LongLatProjection ? DEGREES : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True when the envelope lies inside the CRS's valid area (or the area is unknown). */
    public static boolean fits(int epsg, Envelope e) {
        Envelope area = validArea(epsg);
        return area == null || area.contains(e);
    }

    /**
     * The CRS Dutch data with these coordinates is most likely in, e.g. "EPSG:28992 (RD New)". UTM 31N
     * is named as ETRS89 (25831), the Dutch choice; WGS 84 and ETRS89 degrees differ by under a metre.
     */
    public static Optional<String> likely(Envelope e) {
        for (Known k : KNOWN) {
            if (k.epsg == 4258 || k.epsg == 32631) continue; // indistinguishable twins, named once
            if (k.dutch.contains(e)) return Optional.of("EPSG:" + k.epsg + " (" + k.name + ")");
        }
        return Optional.empty();
    }
}
