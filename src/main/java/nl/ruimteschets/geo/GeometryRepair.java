package nl.ruimteschets.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
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

    /**
     * As {@link #makeValid(Geometry)}; with {@code flatRings} (shapefiles, whose polygons are a flat list
     * of rings) an invalid polygon is first regrouped from its rings by {@link #regroupRings}, so parts
     * that overlap or fill another part's hole keep their area.
     */
    public static Geometry makeValid(Geometry g, boolean flatRings) {
        if (g.isValid()) return g;
        return GeometryFixer.fix(flatRings && g instanceof Polygonal ? regroupRings(g) : g);
    }

    /**
     * Regroups the rings of a shapefile polygon the way the format defines them: clockwise rings are
     * parts, counter-clockwise rings are holes of the smallest part around them. A counter-clockwise ring
     * that does not lie (mostly) in a part, or repeats a hole its part already has, is a part itself: writers such as
     * GDAL wind a part that fills another part's hole, or overlaps another part, as a hole, and a reader
     * that files it as a second hole loses that area (Voornes Duin: 1,341 ha instead of 1,432 ha). The
     * result may still be invalid; {@link GeometryFixer} then repairs it part by part and unions the
     * parts, so overlaps count once and nothing is lost.
     */
    static Geometry regroupRings(Geometry g) {
        GeometryFactory factory = g.getFactory();
        List<LinearRing> outers = new ArrayList<>();
        List<LinearRing> inners = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) continue;
            sortRing(p.getExteriorRing(), outers, inners);
            for (int h = 0; h < p.getNumInteriorRing(); h++) sortRing(p.getInteriorRingN(h), outers, inners);
        }
        List<List<LinearRing>> holes = new ArrayList<>();
        for (int i = 0; i < outers.size(); i++) holes.add(new ArrayList<>());
        List<PreparedGeometry> areas = new ArrayList<>();
        for (LinearRing outer : outers) areas.add(PreparedGeometryFactory.prepare(factory.createPolygon(outer)));
        for (LinearRing hole : inners) {
            int best = -1;
            double bestArea = Double.POSITIVE_INFINITY;
            for (int i = 0; i < areas.size(); i++) {
                if (areas.get(i) == null) continue;
                LinearRing outer = outers.get(i);
                if (!outer.getEnvelopeInternal().contains(hole.getEnvelopeInternal())) continue;
                if (sameRing(outer, hole) || liesWithin(areas.get(i), hole)) {
                    double area = Area.ofRing(outer.getCoordinateSequence());
                    if (area < bestArea && holes.get(i).stream().noneMatch(h -> sameRing(h, hole))) {
                        best = i;
                        bestArea = area;
                    }
                }
            }
            if (best >= 0) {
                holes.get(best).add(hole);
            } else {
                outers.add(hole);
                areas.add(null); // not a candidate for later holes: those were sorted against the parts
                holes.add(new ArrayList<>());
            }
        }
        Polygon[] polygons = new Polygon[outers.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = factory.createPolygon(outers.get(i), holes.get(i).toArray(new LinearRing[0]));
        }
        return factory.createMultiPolygon(polygons);
    }

    /**
     * True when the ring is a hole of the part: it lies inside (touching allowed), or, when it crosses the
     * part's boundary, most of its area does. A crossing ring that is mostly outside is a part that
     * overlaps this one (Goeree-Overflakkee), one mostly inside is a hole drawn a little too wide (Oldambt).
     */
    private static boolean liesWithin(PreparedGeometry part, LinearRing ring) {
        try {
            if (part.covers(ring)) return true;
            Geometry area = GeometryFixer.fix(ring.getFactory().createPolygon(ring));
            return GeometryFixer.fix(part.getGeometry()).intersection(area).getArea() > area.getArea() / 2;
        } catch (RuntimeException e) { // JTS may give up on a part that crosses itself: judge by one vertex
            return PointLocation.isInRing(ring.getCoordinateN(0), part.getGeometry().getCoordinates());
        }
    }

    /** Clockwise (positive signed area in JTS) rings are parts in a shapefile. */
    private static void sortRing(LinearRing ring, List<LinearRing> outers, List<LinearRing> inners) {
        if (ring.getNumPoints() < 4) return;
        (Area.ofRingSigned(ring.getCoordinates()) >= 0 ? outers : inners).add(ring);
    }

    /** The same ring, in either direction and from any start vertex (compared as vertex sets). */
    private static boolean sameRing(LinearRing a, LinearRing b) {
        if (a.getNumPoints() != b.getNumPoints() || !a.getEnvelopeInternal().equals(b.getEnvelopeInternal())) return false;
        java.util.Set<Coordinate> va = new java.util.HashSet<>(java.util.Arrays.asList(a.getCoordinates()));
        return va.containsAll(java.util.Arrays.asList(b.getCoordinates()));
    }
}
