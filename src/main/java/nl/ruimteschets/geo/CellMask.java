package nl.ruimteschets.geo;

import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A raster of square cells over a footprint, for measuring "how much of the footprint lies within a
 * distance of any of these objects" when the objects number in the hundreds: stamping each object
 * costs a few hundred cell tests, where a union of hundreds of buffers costs tens of milliseconds.
 * A cell counts when its centre is inside the footprint (even-odd scanline, holes respected).
 *
 * <p>Accuracy: objects are taken as their envelopes (at most a few metres larger for rotated
 * buildings) and areas are whole cells, so the error is about half a cell along the edges of the
 * marked area: a screening figure. Not thread-safe; one per evaluation.
 */
public final class CellMask {
    private final double cell;
    private final double x0, y0;
    private final int nx, ny;
    private final boolean[] inside;
    private final boolean[] marked;
    /**
     * Per row, one run of cells known to be marked: hundreds of nearby objects stamp largely the
     * same spans, and a span inside the run needs no second fill.
     */
    private final int[] runFrom, runTo;

    public CellMask(Geometry footprint, double cellM) {
        Envelope e = footprint.getEnvelopeInternal();
        this.cell = cellM;
        this.x0 = e.getMinX();
        this.y0 = e.getMinY();
        this.nx = Math.max(1, (int) Math.ceil(e.getWidth() / cellM));
        this.ny = Math.max(1, (int) Math.ceil(e.getHeight() / cellM));
        this.inside = new boolean[nx * ny];
        this.marked = new boolean[nx * ny];
        this.runFrom = new int[ny];
        this.runTo = new int[ny];
        Arrays.fill(runFrom, Integer.MAX_VALUE / 2);
        Arrays.fill(runTo, Integer.MIN_VALUE / 2);
        fill(footprint, inside);
    }

    /**
     * Marks every cell whose centre is within {@code distance} of the rectangle {@code env}. Row by
     * row the marked cells form one span (the rectangle widened by the circle's half-chord), so each
     * row is one array fill: hundreds of objects of a 400 m PR distance stay cheap.
     */
    public void markNear(Envelope env, double distance) {
        int r0 = Math.max(0, (int) Math.ceil((env.getMinY() - distance - y0) / cell - 0.5));
        int r1 = Math.min(ny - 1, (int) Math.floor((env.getMaxY() + distance - y0) / cell - 0.5));
        double d2 = distance * distance;
        for (int r = r0; r <= r1; r++) {
            double y = y0 + (r + 0.5) * cell;
            double dy = Math.max(0, Math.max(env.getMinY() - y, y - env.getMaxY()));
            if (dy * dy > d2) continue;
            double half = Math.sqrt(d2 - dy * dy);
            int c0 = Math.max(0, (int) Math.ceil((env.getMinX() - half - x0) / cell - 0.5));
            int c1 = Math.min(nx - 1, (int) Math.floor((env.getMaxX() + half - x0) / cell - 0.5));
            if (c0 > c1 || (c0 >= runFrom[r] && c1 <= runTo[r])) continue; // already marked
            Arrays.fill(marked, r * nx + c0, r * nx + c1 + 1, true);
            if (c0 <= runTo[r] + 1 && c1 >= runFrom[r] - 1) { // touches the known run: grow it
                runFrom[r] = Math.min(runFrom[r], c0);
                runTo[r] = Math.max(runTo[r], c1);
            } else if (c1 - c0 > runTo[r] - runFrom[r]) {
                runFrom[r] = c0;
                runTo[r] = c1;
            }
        }
    }

    /** Marks every cell whose centre lies inside the (multi)polygon. */
    public void markPolygon(Geometry polygonal) {
        fill(polygonal, marked);
    }

    /** Hectares of marked cells inside the footprint. */
    public double markedHa() {
        int n = 0;
        for (int i = 0; i < inside.length; i++) if (inside[i] && marked[i]) n++;
        return n * cell * cell / 10_000.0;
    }

    /** Even-odd scanline fill of cell centres, ring by ring crossings per row. */
    private void fill(Geometry g, boolean[] target) {
        double[] xs = new double[16];
        for (int r = 0; r < ny; r++) {
            double y = y0 + (r + 0.5) * cell;
            int n = 0;
            for (int p = 0; p < g.getNumGeometries(); p++) {
                if (!(g.getGeometryN(p) instanceof Polygon poly)) continue;
                for (int k = -1; k < poly.getNumInteriorRing(); k++) {
                    CoordinateSequence s = (k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k)).getCoordinateSequence();
                    for (int i = 0; i + 1 < s.size(); i++) {
                        double ya = s.getY(i), yb = s.getY(i + 1);
                        if ((ya <= y) == (yb <= y)) continue; // half-open: each crossing counted once
                        if (n == xs.length) xs = Arrays.copyOf(xs, n * 2);
                        xs[n++] = s.getX(i) + (y - ya) / (yb - ya) * (s.getX(i + 1) - s.getX(i));
                    }
                }
            }
            Arrays.sort(xs, 0, n);
            for (int i = 0; i + 1 < n; i += 2) {
                int c0 = Math.max(0, (int) Math.ceil((xs[i] - x0) / cell - 0.5));
                int c1 = Math.min(nx - 1, (int) Math.floor((xs[i + 1] - x0) / cell - 0.5));
                for (int c = c0; c <= c1; c++) target[r * nx + c] = true;
            }
        }
    }
}
