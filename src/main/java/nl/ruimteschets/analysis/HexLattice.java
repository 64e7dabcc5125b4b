package nl.ruimteschets.analysis;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The national receptor lattice: regular, <b>flat-topped</b> hexagons of exactly 1 ha (10,000 m²),
 * AERIUS style, anchored so that hexagon (column 0, row 0) is centred on RD (0, 0). Because the
 * lattice is fixed in RD and never derived from the data, a place keeps its hexagon id across edits,
 * imports and sessions.
 *
 * <p>Geometry: circumradius (= side) {@link #SIDE_M} ≈ 62.04 m; columns are {@link #COLUMN_SPACING_M}
 * = 1.5·side apart (x = column·1.5·side), rows {@link #ROW_SPACING_M} = √3·side apart, odd columns
 * shifted up by half a row ("odd-q" offset layout). Ids pack (column, row) into one long:
 * {@code column << 32 | row} (row as unsigned 32 bits), so ids are stable and reversible.
 * Thread safety: stateless, all methods static.
 */
public final class HexLattice {
    public static final double AREA_M2 = 10_000.0;
    public static final double SIDE_M = Math.sqrt(2.0 * AREA_M2 / (3.0 * Math.sqrt(3.0)));
    public static final double COLUMN_SPACING_M = 1.5 * SIDE_M;
    public static final double ROW_SPACING_M = Math.sqrt(3.0) * SIDE_M;

    private HexLattice() { }

    public static long id(int column, int row) {
        return ((long) column << 32) | (row & 0xFFFF_FFFFL);
    }

    public static int column(long id) { return (int) (id >> 32); }

    public static int row(long id) { return (int) id; }

    public static double centreX(int column) { return column * COLUMN_SPACING_M; }

    public static double centreY(int column, int row) {
        return (row + ((column & 1) == 0 ? 0.0 : 0.5)) * ROW_SPACING_M;
    }

    /** The id of the hexagon that contains RD point (x, y) (cube rounding of axial coordinates). */
    public static long idAt(double x, double y) {
        double q = (2.0 / 3.0) * x / SIDE_M;
        double r = (-x / 3.0 + Math.sqrt(3.0) / 3.0 * y) / SIDE_M;
        double s = -q - r;
        long rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
        double dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
        if (dq > dr && dq > ds) rq = -rr - rs;
        else if (dr > ds) rr = -rq - rs;
        int col = (int) rq;
        int row = (int) (rr + (rq - (rq & 1)) / 2); // axial → odd-q offset
        return id(col, row);
    }

    /** The hexagon as a polygon (for drawing and tests). */
    public static Polygon polygon(long id, GeometryFactory gf) {
        int c = column(id);
        double cx = centreX(c), cy = centreY(c, row(id));
        Coordinate[] ring = new Coordinate[7];
        for (int k = 0; k < 6; k++) {
            double a = Math.toRadians(60.0 * k); // flat top: vertices at 0°, 60°, …
            ring[k] = new Coordinate(cx + SIDE_M * Math.cos(a), cy + SIDE_M * Math.sin(a));
        }
        ring[6] = ring[0].copy();
        return gf.createPolygon(ring);
    }
}
