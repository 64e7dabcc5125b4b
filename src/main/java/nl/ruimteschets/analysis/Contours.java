package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * The area where a {@link NoiseGrid} reaches a level, as polygons, by marching squares with linear
 * interpolation along cell edges. Values outside the grid count as below every level, so every
 * isoline closes. Segments are oriented with the loud side on the left, so rings come out
 * counter-clockwise around loud areas (shells) and clockwise around quiet pockets (holes); saddles
 * are resolved by the mean of the four corners. The result is made valid (JTS GeometryFixer) as a
 * last guard. Stateless and thread-safe.
 */
public final class Contours {
    private Contours() { }

    public static Geometry above(NoiseGrid grid, double threshold, GeometryFactory gf) {
        int nx = grid.nx() + 2, ny = grid.ny() + 2; // one quiet border cell all round
        Map<Long, long[]> next = new HashMap<>(); // start edge id → {end edge id}
        Map<Long, Coordinate> points = new HashMap<>();
        // The levels with the quiet border, and per node whether it reaches the threshold: read once, not four times
        // through bounds tests (the scan covers every cell of the grid, in a drag step several times).
        double[] padded = new double[nx * ny];
        boolean[] loud = new boolean[nx * ny];
        java.util.Arrays.fill(padded, Double.NEGATIVE_INFINITY);
        for (int j = 1; j + 1 < ny; j++) {
            for (int i = 1; i + 1 < nx; i++) {
                double v = grid.at(i - 1, j - 1);
                padded[j * nx + i] = v;
                loud[j * nx + i] = v >= threshold;
            }
        }
        for (int j = 0; j + 1 < ny; j++) {
            for (int i = 0; i + 1 < nx; i++) {
                int k = j * nx + i;
                int code = (loud[k] ? 1 : 0) | (loud[k + 1] ? 2 : 0) | (loud[k + nx + 1] ? 4 : 0) | (loud[k + nx] ? 8 : 0);
                if (code == 0 || code == 15) continue;
                double a = padded[k], b = padded[k + 1], c = padded[k + nx + 1], d = padded[k + nx];
                // Edges: 0 bottom (a-b), 1 right (b-c), 2 top (d-c), 3 left (a-d).
                long[] e = {edgeId(i, j, 0, nx), edgeId(i + 1, j, 1, nx), edgeId(i, j + 1, 0, nx), edgeId(i, j, 1, nx)};
                for (int[] seg : segments(code, (a + b + c + d) / 4 >= threshold)) {
                    long from = e[seg[0]], to = e[seg[1]];
                    next.put(from, new long[] {to});
                    if (!points.containsKey(from)) points.put(from, point(grid, i, j, seg[0], a, b, c, d, threshold));
                    if (!points.containsKey(to)) points.put(to, point(grid, i, j, seg[1], a, b, c, d, threshold));
                }
            }
        }
        List<LinearRing> shells = new ArrayList<>(), holes = new ArrayList<>();
        while (!next.isEmpty()) {
            long start = next.keySet().iterator().next();
            List<Coordinate> ring = new ArrayList<>();
            long cur = start;
            do {
                ring.add(points.get(cur));
                long[] to = next.remove(cur);
                if (to == null) break; // cannot happen with a closed border; keep what we have
                cur = to[0];
            } while (cur != start);
            if (ring.size() < 3) continue;
            ring.add(ring.get(0));
            LinearRing lr = gf.createLinearRing(ring.toArray(new Coordinate[0]));
            (Orientation.isCCW(lr.getCoordinateSequence()) ? shells : holes).add(lr);
        }
        List<Polygon> polys = new ArrayList<>();
        List<List<LinearRing>> holesOf = new ArrayList<>();
        List<IndexedPointInAreaLocator> locators = new ArrayList<>();
        for (LinearRing s : shells) {
            Polygon p = gf.createPolygon(s);
            polys.add(p);
            holesOf.add(new ArrayList<>());
            locators.add(new IndexedPointInAreaLocator(p));
        }
        for (LinearRing h : holes) {
            // The innermost shell holding the hole owns it.
            int best = -1;
            for (int k = 0; k < polys.size(); k++) {
                if (locators.get(k).locate(h.getCoordinateN(0)) != Location.EXTERIOR
                        && (best < 0 || polys.get(k).getArea() < polys.get(best).getArea())) best = k;
            }
            if (best >= 0) holesOf.get(best).add(h);
        }
        Polygon[] out = new Polygon[polys.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = gf.createPolygon(shells.get(k), holesOf.get(k).toArray(new LinearRing[0]));
        }
        Geometry g = gf.createMultiPolygon(out);
        return g.isValid() ? g : GeometryFixer.fix(g);
    }

    /** Horizontal edges get even ids, vertical ones odd, so each grid edge has one id. */
    private static long edgeId(int i, int j, int vertical, int nx) {
        return ((long) j * (nx + 1) + i) * 2 + vertical;
    }

    /** Segments (edge from → edge to) with the loud side on the left, per marching-squares case. */
    private static int[][] segments(int code, boolean centreLoud) {
        return switch (code) {
            case 1 -> new int[][] {{0, 3}};
            case 2 -> new int[][] {{1, 0}};
            case 3 -> new int[][] {{1, 3}};
            case 4 -> new int[][] {{2, 1}};
            case 5 -> centreLoud ? new int[][] {{0, 1}, {2, 3}} : new int[][] {{0, 3}, {2, 1}};
            case 6 -> new int[][] {{2, 0}};
            case 7 -> new int[][] {{2, 3}};
            case 8 -> new int[][] {{3, 2}};
            case 9 -> new int[][] {{0, 2}};
            case 10 -> centreLoud ? new int[][] {{3, 0}, {1, 2}} : new int[][] {{1, 0}, {3, 2}};
            case 11 -> new int[][] {{1, 2}};
            case 12 -> new int[][] {{3, 1}};
            case 13 -> new int[][] {{0, 1}};
            case 14 -> new int[][] {{3, 0}};
            default -> new int[0][];
        };
    }

    private static Coordinate point(NoiseGrid g, int i, int j, int edge, double a, double b, double c, double d, double t) {
        // Corner (i, j) of the padded grid is the centre of grid cell (i − 1, j − 1).
        double x = g.centreX(i - 1), y = g.centreY(j - 1), s = g.cell();
        return switch (edge) {
            case 0 -> new Coordinate(x + s * frac(a, b, t), y);
            case 1 -> new Coordinate(x + s, y + s * frac(b, c, t));
            case 2 -> new Coordinate(x + s * frac(d, c, t), y + s);
            default -> new Coordinate(x, y + s * frac(a, d, t));
        };
    }

    /** Where between two corner values the threshold lies (0..1); a quiet border sits at the loud side's edge. */
    private static double frac(double v0, double v1, double t) {
        if (Double.isInfinite(v0)) return 0.999;
        if (Double.isInfinite(v1)) return 0.001;
        double f = (t - v0) / (v1 - v0);
        return Math.max(0.001, Math.min(0.999, f));
    }
}
