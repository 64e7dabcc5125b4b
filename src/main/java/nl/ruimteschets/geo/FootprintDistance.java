package nl.ruimteschets.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Distance from one footprint to many small objects (buildings), prepared once per edit.
 *
 * <p>{@link Geometry#distance} is exact but spends most of its time in {@code Math.hypot} and in
 * rebuilding point locators for each pair; with thousands of buildings around a candidate that is
 * most of the safety model's cost. Here the footprint's segments are held in flat arrays and compared
 * by squared distance, vertex to segment both ways. That is exact for disjoint shapes whose edges do
 * not cross; where an object comes close (within its own diameter), JTS answers instead, so crossing
 * edges and containment are always right.
 *
 * <p>Immutable; thread-safe after construction.
 */
public final class FootprintDistance {
    private final Geometry footprint;
    private final IndexedPointInAreaLocator locator;
    private final double[] ax, ay, bx, by;
    /** The footprint's envelope: a vertex outside it is outside the footprint. */
    private final double fx0, fy0, fx1, fy1;

    public FootprintDistance(Geometry footprint) {
        this.footprint = footprint;
        this.locator = new IndexedPointInAreaLocator(footprint);
        Envelope fe = footprint.getEnvelopeInternal();
        fx0 = fe.getMinX();
        fy0 = fe.getMinY();
        fx1 = fe.getMaxX();
        fy1 = fe.getMaxY();
        List<double[]> segs = new ArrayList<>();
        for (int n = 0; n < footprint.getNumGeometries(); n++) {
            if (!(footprint.getGeometryN(n) instanceof Polygon p)) continue;
            for (int k = -1; k < p.getNumInteriorRing(); k++) {
                CoordinateSequence s = (k < 0 ? p.getExteriorRing() : p.getInteriorRingN(k)).getCoordinateSequence();
                for (int i = 0; i + 1 < s.size(); i++) {
                    segs.add(new double[] {s.getX(i), s.getY(i), s.getX(i + 1), s.getY(i + 1)});
                }
            }
        }
        int m = segs.size();
        ax = new double[m];
        ay = new double[m];
        bx = new double[m];
        by = new double[m];
        for (int i = 0; i < m; i++) {
            double[] s = segs.get(i);
            ax[i] = s[0];
            ay[i] = s[1];
            bx[i] = s[2];
            by[i] = s[3];
        }
    }

    /** Distance in metres from the footprint to {@code g}; 0 when they touch or overlap. */
    public double distance(Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        return distance(g, e.getWidth() + e.getHeight());
    }

    /**
     * The same, for a caller that already knows the object's envelope width + height (from packed
     * envelopes): reading a million buildings' JTS envelopes costs a cache miss each.
     */
    public double distance(Geometry g, double objectSize) {
        if (ax.length == 0) return footprint.distance(g);
        double best = Double.POSITIVE_INFINITY;
        Coordinate probe = new Coordinate();
        for (int n = 0; n < g.getNumGeometries(); n++) {
            Geometry part = g.getGeometryN(n);
            CoordinateSequence s;
            if (part instanceof Polygon p) s = p.getExteriorRing().getCoordinateSequence();
            else if (part instanceof LineString l) s = l.getCoordinateSequence();
            else if (part instanceof Point pt) s = pt.getCoordinateSequence();
            else return footprint.distance(g);
            for (int i = 0; i < s.size(); i++) {
                double x = s.getX(i), y = s.getY(i);
                if (fx0 <= x && x <= fx1 && fy0 <= y && y <= fy1) { // most objects lie beside the footprint
                    probe.x = x;
                    probe.y = y;
                    if (locator.locate(probe) != Location.EXTERIOR) return 0;
                }
                for (int k = 0; k < ax.length; k++) best = Math.min(best, pointSegment2(x, y, ax[k], ay[k], bx[k], by[k]));
                if (i + 1 < s.size()) {
                    double x1 = s.getX(i + 1), y1 = s.getY(i + 1);
                    for (int k = 0; k < ax.length; k++) best = Math.min(best, pointSegment2(ax[k], ay[k], x, y, x1, y1));
                }
            }
        }
        double d = Math.sqrt(best);
        // Close by, edges may cross without a vertex inside the other shape: let JTS decide.
        if (d <= objectSize) return footprint.distance(g);
        return d;
    }

    /** Distance in metres from the footprint to the point (x, y); 0 inside. */
    public double toPoint(double x, double y) {
        if (ax.length == 0) return footprint.distance(footprint.getFactory().createPoint(new Coordinate(x, y)));
        if (fx0 <= x && x <= fx1 && fy0 <= y && y <= fy1 && locator.locate(new Coordinate(x, y)) != Location.EXTERIOR) return 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < ax.length; k++) best = Math.min(best, pointSegment2(x, y, ax[k], ay[k], bx[k], by[k]));
        return Math.sqrt(best);
    }

    private static double pointSegment2(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((px - x0) * dx + (py - y0) * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        double ex = x0 + t * dx - px, ey = y0 + t * dy - py;
        return ex * ex + ey * ey;
    }
}
