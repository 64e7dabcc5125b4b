package nl.ruimteschets.analysis;

import java.util.Arrays;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A candidate footprint as a set of point sub-sources, the way AERIUS hands area sources to OPS
 * (DOMAIN.md §3.1, §3.4): a square grid aligned to RD multiples of the cell size, one point per cell at
 * the centroid of the part of the cell inside the footprint, with weight = that part's share of the
 * footprint area (weights sum to 1).
 *
 * <p>Cell size: 100 m (1 ha, the receptor size, so the nearest receptors see a resolved source), grown
 * for large footprints so there are at most about {@link #MAX_CELLS} cells. For receptors far away the
 * cells are also lumped into blocks at their weighted centroid, in two steps: ≥ 300 m blocks beyond 1.5 km
 * and ≥ 1 km blocks ({@link #blockSizeM()}) beyond {@link #nearDistanceM()} (5 km), each used from 5 block
 * sizes out, where the lumping error of a power-law kernel is below 1 %. Most receptors of a Natura 2000
 * area beside a candidate lie between 1.5 and 5 km, so the middle step makes the sum several times cheaper.
 * Guarantees: deterministic for a given geometry. Failure: an empty or non-areal footprint throws
 * {@link IllegalArgumentException}. Thread safety: immutable.
 */
public final class AreaSource {
    public static final double MIN_CELL_M = 100.0;
    public static final int MAX_CELLS = 400;
    private static final double MIN_BLOCK_M = 1000.0;
    private static final double MIN_MID_BLOCK_M = 300.0;

    private final double cellM, midM, blockM;
    final double[] x, y, w;      // fine cells
    final double[] mx, my, mw;   // middle blocks
    final double[] bx, by, bw;   // coarse blocks
    /** Per middle block: the fine cells it lumps, and the largest distance from its centroid to one of them. */
    final int[][] members;
    final double[] bRadius;
    /** Weighted centroid of the cells, and the largest distance from it to the envelope's corners. */
    final double cx, cy, halfDiagonal;
    final Envelope envelope;

    private AreaSource(double cellM, double midM, double blockM, double[][] cells, double[][] mids, double[][] blocks,
                       Envelope env) {
        this.cellM = cellM;
        this.midM = midM;
        this.blockM = blockM;
        this.x = cells[0];
        this.y = cells[1];
        this.w = cells[2];
        this.mx = mids[0];
        this.my = mids[1];
        this.mw = mids[2];
        this.bx = blocks[0];
        this.by = blocks[1];
        this.bw = blocks[2];
        this.envelope = env;
        this.members = new int[mx.length][];
        this.bRadius = new double[mx.length];
        int[] count = new int[mx.length];
        int[] blockOf = toInts(mids[3]);
        for (int k = 0; k < x.length; k++) count[blockOf[k]]++;
        for (int b = 0; b < mx.length; b++) members[b] = new int[count[b]];
        java.util.Arrays.fill(count, 0);
        for (int k = 0; k < x.length; k++) {
            int b = blockOf[k];
            members[b][count[b]++] = k;
            bRadius[b] = Math.max(bRadius[b], Math.hypot(x[k] - mx[b], y[k] - my[b]));
        }
        double sx = 0, sy = 0;
        for (int k = 0; k < x.length; k++) {
            sx += x[k] * w[k];
            sy += y[k] * w[k];
        }
        this.cx = sx;
        this.cy = sy;
        this.halfDiagonal = Math.max(Math.max(Math.hypot(env.getMinX() - cx, env.getMinY() - cy),
                Math.hypot(env.getMaxX() - cx, env.getMinY() - cy)), Math.max(Math.hypot(env.getMinX() - cx,
                env.getMaxY() - cy), Math.hypot(env.getMaxX() - cx, env.getMaxY() - cy)));
    }


    public static AreaSource of(Geometry footprint) {
        double area = footprint.getArea();
        if (footprint.isEmpty() || !(area > 0)) throw new IllegalArgumentException("footprint has no area");
        double cell = Math.max(MIN_CELL_M, Math.ceil(Math.sqrt(area / MAX_CELLS) / 10.0) * 10.0);
        double mid = cell * Math.ceil(MIN_MID_BLOCK_M / cell);
        double block = cell * Math.ceil(MIN_BLOCK_M / cell);
        Envelope env = footprint.getEnvelopeInternal();
        PreparedGeometry prep = PreparedGeometryFactory.prepare(footprint);
        GeometryFactory gf = footprint.getFactory();
        int i0 = (int) Math.floor(env.getMinX() / cell), i1 = (int) Math.ceil(env.getMaxX() / cell);
        int j0 = (int) Math.floor(env.getMinY() / cell), j1 = (int) Math.ceil(env.getMaxY() / cell);
        HexScanline.Growable cx = new HexScanline.Growable(), cy = new HexScanline.Growable(), cw = new HexScanline.Growable();
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                Polygon sq = (Polygon) gf.toGeometry(new Envelope(i * cell, (i + 1) * cell, j * cell, (j + 1) * cell));
                if (!prep.intersects(sq)) continue;
                if (prep.covers(sq)) { // the common case: no overlay needed
                    cx.add((i + 0.5) * cell);
                    cy.add((j + 0.5) * cell);
                    cw.add(cell * cell / area);
                    continue;
                }
                Geometry part = nl.ruimteschets.geo.Overlay.intersection(footprint, sq);
                double a = part.getArea();
                if (a <= 0) continue;
                cx.add(part.getCentroid().getX());
                cy.add(part.getCentroid().getY());
                cw.add(a / area);
            }
        }
        double[][] cells = {cx.toArray(), cy.toArray(), cw.toArray()};
        normalise(cells[2]);
        return new AreaSource(cell, mid, block, cells, lump(cells, mid), lump(cells, block), env);
    }

    /** Overlay areas can differ from the footprint's area in the last digits; keep Σw = 1 exactly. */
    private static void normalise(double[] w) {
        double s = Arrays.stream(w).sum();
        for (int i = 0; i < w.length; i++) w[i] /= s;
    }

    /** Blocks {x, y, w, block index of each cell (as doubles)} lumping the cells by grid square. */
    private static double[][] lump(double[][] cells, double block) {
        Map<Long, double[]> acc = new java.util.LinkedHashMap<>();
        double[] blockOf = new double[cells[0].length];
        for (int k = 0; k < cells[0].length; k++) {
            long key = (long) Math.floor(cells[0][k] / block) << 32 | ((long) Math.floor(cells[1][k] / block) & 0xFFFF_FFFFL);
            double[] a = acc.computeIfAbsent(key, q -> new double[] {0, 0, 0, acc.size()});
            a[0] += cells[0][k] * cells[2][k];
            a[1] += cells[1][k] * cells[2][k];
            a[2] += cells[2][k];
            blockOf[k] = a[3];
        }
        double[][] out = new double[4][];
        for (int i = 0; i < 3; i++) out[i] = new double[acc.size()];
        out[3] = blockOf;
        int n = 0;
        for (double[] a : acc.values()) {
            out[0][n] = a[0] / a[2];
            out[1][n] = a[1] / a[2];
            out[2][n++] = a[2];
        }
        return out;
    }

    private static int[] toInts(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
        return out;
    }

    public double cellSizeM() { return cellM; }

    public double blockSizeM() { return blockM; }

    double midBlockSizeM() { return midM; }

    /** Receptors at least this far from the footprint's envelope use the lumped blocks. */
    public double nearDistanceM() { return 5.0 * blockM; }

    public int cellCount() { return x.length; }

    /** Deposition at (px, py) per unit of the kernel (kernel already scaled by the emission). */
    public double deposition(DepositionKernel k, double px, double py) {
        double ex = Math.max(0, Math.max(envelope.getMinX() - px, px - envelope.getMaxX()));
        double ey = Math.max(0, Math.max(envelope.getMinY() - py, py - envelope.getMaxY()));
        double e2 = ex * ex + ey * ey, near = nearDistanceM(), midNear = 5.0 * midM;
        if (e2 >= near * near) return sum(k, bx, by, bw, px, py);
        return e2 >= midNear * midNear ? sum(k, mx, my, mw, px, py) : sum(k, x, y, w, px, py);
    }

    /** The sum over every fine cell, unlumped: the reference the blocks are held to (tests). */
    double fineDeposition(DepositionKernel k, double px, double py) {
        return sum(k, x, y, w, px, py);
    }

    private static double sum(DepositionKernel k, double[] xs, double[] ys, double[] ws, double px, double py) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) {
            double dx = xs[i] - px, dy = ys[i] - py;
            s += ws[i] * k.at(Math.sqrt(dx * dx + dy * dy));
        }
        return s;
    }
}
