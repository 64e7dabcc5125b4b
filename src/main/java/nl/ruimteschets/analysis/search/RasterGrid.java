package nl.ruimteschets.analysis.search;

import java.util.Arrays;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A square-celled raster in RD New: cell (i, j) spans [x0 + i·cell, x0 + (i+1)·cell) ×
 * [y0 + j·cell, …), row-major (index j·nx + i). Holds the rasterisers the site search needs: the share
 * of each cell a polygon covers (union of all polygons, sub-sampled 4×4 per cell) and counts of points.
 * Immutable value; the arrays it returns belong to the caller.
 */
public record RasterGrid(double x0, double y0, double cell, int nx, int ny) {
    /** Sub-samples per cell side for coverage: 25 m at a 100 m grid. */
    static final int SUB = 4;

    public int size() { return nx * ny; }

    public double centreX(int i) { return x0 + (i + 0.5) * cell; }

    public double centreY(int j) { return y0 + (j + 0.5) * cell; }

    public Envelope envelope() { return new Envelope(x0, x0 + nx * cell, y0, y0 + ny * cell); }

    /** The grid grown by {@code pad} cells on every side (same cell alignment). */
    public RasterGrid grow(int pad) {
        return new RasterGrid(x0 - pad * cell, y0 - pad * cell, cell, nx + 2 * pad, ny + 2 * pad);
    }

    /** A grid of this cell size, aligned to RD multiples of the cell, covering the envelope. */
    public static RasterGrid covering(Envelope e, double cell) {
        double gx0 = Math.floor(e.getMinX() / cell) * cell, gy0 = Math.floor(e.getMinY() / cell) * cell;
        int nx = Math.max(1, (int) Math.ceil((e.getMaxX() - gx0) / cell));
        int ny = Math.max(1, (int) Math.ceil((e.getMaxY() - gy0) / cell));
        return new RasterGrid(gx0, gy0, cell, nx, ny);
    }

    /** A (2h+1)² grid of offsets centred on (0, 0): the frame a kernel over offsets is drawn in. */
    public static RasterGrid offsets(int h, double cell) {
        return new RasterGrid(-(h + 0.5) * cell, -(h + 0.5) * cell, cell, 2 * h + 1, 2 * h + 1);
    }

    /** Cell index of a point, or -1 outside. */
    public int indexOf(double x, double y) {
        int i = (int) Math.floor((x - x0) / cell), j = (int) Math.floor((y - y0) / cell);
        return i < 0 || j < 0 || i >= nx || j >= ny ? -1 : j * nx + i;
    }

    /** A sub-sample mask (SUB² bits per cell) that polygons are burnt into; union by construction. */
    public final class Coverage {
        private final long[] bits;
        private final int sx = nx * SUB, sy = ny * SUB;
        private final double sub = cell / SUB;
        private int marked;

        public Coverage() {
            bits = new long[(int) (((long) sx * sy + 63) >>> 6)];
        }

        /** Burns every polygon of the geometry in (even–odd rule per polygon, holes included). */
        public Coverage add(Geometry g) {
            if (g == null || g.isEmpty()) return this;
            Envelope e = g.getEnvelopeInternal();
            if (!e.intersects(envelope())) return this;
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Geometry part = g.getGeometryN(p);
                if (part instanceof Polygon poly) fill(poly);
                else if (part.getNumGeometries() > 1 || part != g) add(part);
            }
            return this;
        }

        private void fill(Polygon poly) {
            Envelope e = poly.getEnvelopeInternal();
            int r0 = Math.max(0, (int) Math.floor((e.getMinY() - y0) / sub - 0.5));
            int r1 = Math.min(sy - 1, (int) Math.ceil((e.getMaxY() - y0) / sub - 0.5));
            if (r1 < r0) return;
            // Bucket edge crossings by sub-row, so a ring of many vertices costs its edges plus its rows.
            double[][] rows = new double[r1 - r0 + 1][];
            int[] counts = new int[rows.length];
            for (int k = -1; k < poly.getNumInteriorRing(); k++) {
                CoordinateSequence s = (k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k)).getCoordinateSequence();
                for (int i = 0; i + 1 < s.size(); i++) {
                    double xa = s.getX(i), ya = s.getY(i), xb = s.getX(i + 1), yb = s.getY(i + 1);
                    if (ya == yb) continue;
                    double lo = Math.min(ya, yb), hi = Math.max(ya, yb);
                    // rows whose centre y satisfies lo <= y < hi
                    int a = Math.max(r0, (int) Math.ceil((lo - y0) / sub - 0.5));
                    int b = Math.min(r1, (int) Math.ceil((hi - y0) / sub - 0.5) - 1);
                    for (int r = a; r <= b; r++) {
                        double y = y0 + (r + 0.5) * sub;
                        int q = r - r0;
                        if (rows[q] == null) rows[q] = new double[4];
                        else if (counts[q] == rows[q].length) rows[q] = Arrays.copyOf(rows[q], counts[q] * 2);
                        rows[q][counts[q]++] = xa + (y - ya) / (yb - ya) * (xb - xa);
                    }
                }
            }
            for (int q = 0; q < rows.length; q++) {
                if (counts[q] < 2) continue;
                double[] xs = rows[q];
                Arrays.sort(xs, 0, counts[q]);
                long base = (long) (q + r0) * sx;
                for (int t = 0; t + 1 < counts[q]; t += 2) {
                    int c0 = Math.max(0, (int) Math.ceil((xs[t] - x0) / sub - 0.5));
                    int c1 = Math.min(sx - 1, (int) Math.ceil((xs[t + 1] - x0) / sub - 0.5) - 1);
                    for (int c = c0; c <= c1; c++) {
                        long bit = base + c;
                        long w = bits[(int) (bit >>> 6)];
                        long m = 1L << (bit & 63);
                        if ((w & m) == 0) {
                            bits[(int) (bit >>> 6)] = w | m;
                            marked++;
                        }
                    }
                }
            }
        }

        /** The extent of the grid it covers. */
        public Envelope envelope() { return RasterGrid.this.envelope(); }

        /** Whether anything was burnt in. */
        public boolean isEmpty() { return marked == 0; }

        /** Share of each cell covered, 0–1. */
        public double[] shares() {
            double[] out = new double[size()];
            if (marked == 0) return out;
            double w = 1.0 / (SUB * SUB);
            for (int r = 0; r < sy; r++) {
                long base = (long) r * sx;
                int row = (r / SUB) * nx;
                for (int c = 0; c < sx; c++) {
                    long bit = base + c;
                    if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) != 0) out[row + c / SUB] += w;
                }
            }
            return out;
        }
    }

    /** Shares of each cell covered by the geometry (union of its polygons). */
    public double[] shares(Geometry g) {
        return new Coverage().add(g).shares();
    }
}
