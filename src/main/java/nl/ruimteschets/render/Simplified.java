package nl.ruimteschets.render;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A big feature's rings (or lines) simplified once, at construction, with Douglas–Peucker at
 * tolerances of 2^k metres, so a far view strokes a few hundred vertices instead of thousands and
 * no frame pays for simplifying. Each level is simplified from the previous stored one, so its
 * distance to the original stays under twice its tolerance; a level that would drop under a tenth of
 * the vertices is not stored (the finer one is used). Coordinates are floats relative to the
 * feature's centre, which keeps centimetres even at 1:500.
 *
 * <p>Immutable; thread-safe.
 */
final class Simplified {
    /** Features with at least this many vertices get levels; smaller ones are drawn from JTS directly. */
    static final int MIN_VERTICES = 256;
    private static final int MIN_K = -3, MAX_K = 16;

    final double ox, oy;
    /** Per ring: closed (polygon ring) or open (line). Same for every level. */
    final boolean[] closed;
    /** levels[k - MIN_K][ring] = x, y interleaved; a null level means "use the next finer one". */
    private final float[][][] levels;

    private Simplified(double ox, double oy, boolean[] closed, float[][][] levels) {
        this.ox = ox;
        this.oy = oy;
        this.closed = closed;
        this.levels = levels;
    }

    /** Levels for a polygonal or linear geometry, or null when it has nothing worth simplifying. */
    static Simplified of(Geometry g) {
        if (g.getNumPoints() < MIN_VERTICES) return null;
        List<CoordinateSequence> seqs = new ArrayList<>();
        List<Boolean> closeds = new ArrayList<>();
        for (int n = 0; n < g.getNumGeometries(); n++) {
            Geometry part = g.getGeometryN(n);
            if (part instanceof Polygon p) {
                for (int r = -1; r < p.getNumInteriorRing(); r++) {
                    seqs.add((r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r)).getCoordinateSequence());
                    closeds.add(true);
                }
            } else if (part instanceof LineString l) {
                seqs.add(l.getCoordinateSequence());
                closeds.add(false);
            }
        }
        if (seqs.isEmpty()) return null;
        org.locationtech.jts.geom.Coordinate centre = nl.ruimteschets.geo.PackedEnvelopes.envelope(g, new org.locationtech.jts.geom.Envelope()).centre();
        double ox = centre.x, oy = centre.y;
        float[][] original = new float[seqs.size()][];
        for (int r = 0; r < original.length; r++) {
            CoordinateSequence s = seqs.get(r);
            float[] xy = new float[s.size() * 2];
            for (int i = 0; i < s.size(); i++) {
                xy[i * 2] = (float) (s.getX(i) - ox);
                xy[i * 2 + 1] = (float) (s.getY(i) - oy);
            }
            original[r] = xy;
        }
        boolean[] closed = new boolean[original.length];
        for (int r = 0; r < original.length; r++) closed[r] = closeds.get(r);
        float[][][] levels = new float[MAX_K - MIN_K + 1][][];
        float[][] last = original;
        int lastCount = count(original);
        boolean any = false;
        for (int k = MIN_K; k <= MAX_K && lastCount > 4 * original.length; k++) {
            double tol = Math.scalb(1.0, k);
            float[][] next = new float[last.length][];
            for (int r = 0; r < last.length; r++) next[r] = douglasPeucker(last[r], tol, closed[r]);
            int c = count(next);
            if (c <= lastCount * 0.9) {
                levels[k - MIN_K] = next;
                last = next;
                lastCount = c;
                any = true;
            }
        }
        return any ? new Simplified(ox, oy, closed, levels) : null;
    }

    /**
     * The coarsest rings that stay within half a pixel at this scale, or null when only the
     * original is fine enough (draw from JTS).
     */
    float[][] rings(double metresPerPixel) {
        // Within twice the tolerance of the original (see class comment): 2 * 2^k <= 0.5 px.
        int k = Math.min(MAX_K, (int) Math.floor(Math.log(metresPerPixel / 4) / Math.log(2)));
        for (; k >= MIN_K; k--) {
            if (levels[k - MIN_K] != null) return levels[k - MIN_K];
        }
        return null;
    }

    private static int count(float[][] rings) {
        int c = 0;
        for (float[] r : rings) c += r.length / 2;
        return c;
    }

    /**
     * Douglas–Peucker on x, y interleaved points. A closed ring is split at the vertex farthest from
     * its first one, so it keeps at least three corners and stays a ring.
     */
    static float[] douglasPeucker(float[] xy, double tol, boolean closed) {
        int n = xy.length / 2;
        if (n <= 4) return xy;
        boolean[] keep = new boolean[n];
        keep[0] = keep[n - 1] = true;
        int[] stack = new int[64];
        int sp = 0;
        if (closed) {
            int far = 0;
            double best = -1;
            for (int i = 1; i < n - 1; i++) {
                double dx = xy[i * 2] - xy[0], dy = xy[i * 2 + 1] - xy[1];
                if (dx * dx + dy * dy > best) {
                    best = dx * dx + dy * dy;
                    far = i;
                }
            }
            keep[far] = true;
            stack[sp++] = 0;
            stack[sp++] = far;
            stack[sp++] = far;
            stack[sp++] = n - 1;
        } else {
            stack[sp++] = 0;
            stack[sp++] = n - 1;
        }
        double tol2 = tol * tol;
        while (sp > 0) {
            int b = stack[--sp], a = stack[--sp];
            int worst = -1;
            double max = tol2;
            for (int i = a + 1; i < b; i++) {
                double d = segmentDistance2(xy, i, a, b);
                if (d > max) {
                    max = d;
                    worst = i;
                }
            }
            if (worst < 0) continue;
            keep[worst] = true;
            if (sp + 4 > stack.length) stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            stack[sp++] = a;
            stack[sp++] = worst;
            stack[sp++] = worst;
            stack[sp++] = b;
        }
        int m = 0;
        for (boolean k : keep) if (k) m++;
        float[] out = new float[m * 2];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) continue;
            out[j++] = xy[i * 2];
            out[j++] = xy[i * 2 + 1];
        }
        return out;
    }

    /** Squared distance from point i to the segment a–b (to point a when a and b coincide). */
    private static double segmentDistance2(float[] xy, int i, int a, int b) {
        double ax = xy[a * 2], ay = xy[a * 2 + 1], bx = xy[b * 2], by = xy[b * 2 + 1];
        double px = xy[i * 2] - ax, py = xy[i * 2 + 1] - ay, dx = bx - ax, dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        double ex = px - t * dx, ey = py - t * dy;
        return ex * ex + ey * ey;
    }
}
