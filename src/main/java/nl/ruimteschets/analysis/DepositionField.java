package nl.ruimteschets.analysis;

import java.util.Arrays;

/**
 * The deposition around one area source through a {@link DirectionalKernel}: Σ over the source's cells of
 * weight × kernel(distance, bearing from the cell to the receptor), each cell cut off at 25 km on its own.
 *
 * <p>How a receptor is summed, by its distance e to the source's envelope (the lumping levels of
 * {@link AreaSource}: fine cells below 1.5 km, 300 m blocks below 5 block sizes, 1 km blocks beyond):
 * <ul>
 * <li>near (e &lt; 1.5 km, or within 2.5 source half-diagonals of the centre): summed directly, cell by cell
 *     (300 m blocks at least 1.5 km from the receptor at their centroid);</li>
 * <li>where some cell may be beyond 25 km and another not (the band CUT ± the source's radius around its
 *     centroid): interpolated from a band lattice (half a cell size in radius, 3° in bearing) whose nodes apply the
 *     cut per cell — the smooth field below minus what the cells beyond 25 km add (per 300 m block when the block
 *     lies wholly beyond, else cell by cell), or, once most cells are beyond, the rest summed directly. The exact
 *     per-cell sum is a staircase there (a row of cells drops out every cell size), so the interpolation is held
 *     within 4 % of the uncut field at the receptor (about half a row of a 200 ha source) by a test on the real
 *     Natura 2000 at the Maasvlakte; near the source the cut is summed directly;</li>
 * <li>everywhere else the field is smooth, so it is computed once on a polar lattice around the source
 *     (radii 5 % apart, bearings 3° apart; a node only when a receptor needs it) and interpolated
 *     bilinearly in (log radius, bearing). Held within 1 % of the direct sum by a test. This is what makes a
 *     hundred thousand Natura 2000 hexagons cost milliseconds: a large site costs an interpolation per
 *     hexagon, not a sum over the source.</li>
 * </ul>
 * Thread safety: not thread-safe (the lattice fills lazily); one instance per evaluation.
 */
public final class DepositionField {
    static final double NEAR_M = 1500.0;
    private static final double R0 = 400.0;
    private static final double Q = 1.05;
    private static final double LN_Q = Math.log(Q);
    private static final int THETA = 120; // 3° steps
    private static final double CUT = OpsTable.MAX_DISTANCE_M;
    private static final double CUT2 = CUT * CUT;

    private final AreaSource src;
    private final DirectionalKernel k, k2;
    private final double a, b;
    private final double minPolarR;
    private final int nR;
    private final double minX, minY, maxX, maxY; // the source envelope, unpacked for the hot loop
    private final double[] hullX, hullY; // convex hull of the cell centres
    /** Largest distance from the centroid to a cell, and (CUT − that)²: within it no cell is cut off. */
    private final double cellRadius, inside2;
    /** Per middle block: squared receptor distances within which all its cells are inside 25 km, beyond which none. */
    private final double[] within2, beyond2;
    private final double bandR0, bandStep;
    private final int bandN;
    private double[] lattice; // [ir * THETA + it], NaN until computed
    private double[] band; // [ir * THETA + it] over the band lattice, NaN until computed

    public DepositionField(AreaSource src, DirectionalKernel kernel) {
        this(src, kernel, 1, kernel, 0);
    }

    /** The field of a·kernel + b·other (NOx and NH₃ weighted by their emissions in t/yr). */
    public DepositionField(AreaSource src, DirectionalKernel kernel, double a, DirectionalKernel other, double b) {
        this.src = src;
        this.k = kernel;
        this.k2 = other;
        this.a = a;
        this.b = b;
        this.minPolarR = Math.max(R0 * Q, 2.5 * src.halfDiagonal);
        org.locationtech.jts.geom.Coordinate[] pts = new org.locationtech.jts.geom.Coordinate[src.x.length];
        for (int i = 0; i < pts.length; i++) pts[i] = new org.locationtech.jts.geom.Coordinate(src.x[i], src.y[i]);
        org.locationtech.jts.geom.Coordinate[] hull = new org.locationtech.jts.algorithm.ConvexHull(pts,
                new org.locationtech.jts.geom.GeometryFactory()).getConvexHull().getCoordinates();
        this.hullX = new double[hull.length];
        this.hullY = new double[hull.length];
        for (int i = 0; i < hull.length; i++) {
            hullX[i] = hull[i].x;
            hullY[i] = hull[i].y;
        }
        this.minX = src.envelope.getMinX();
        this.minY = src.envelope.getMinY();
        this.maxX = src.envelope.getMaxX();
        this.maxY = src.envelope.getMaxY();
        this.nR = (int) Math.ceil(Math.log((CUT + 2 * src.halfDiagonal + 1000) / R0) / LN_Q) + 2;
        double rad = 0;
        for (int i = 0; i < src.x.length; i++) rad = Math.max(rad, Math.hypot(src.x[i] - src.cx, src.y[i] - src.cy));
        this.cellRadius = rad;
        this.inside2 = CUT > rad ? (CUT - rad) * (CUT - rad) : 0;
        this.within2 = new double[src.mx.length];
        this.beyond2 = new double[src.mx.length];
        for (int m = 0; m < within2.length; m++) {
            double br = src.bRadius[m];
            within2[m] = CUT > br ? (CUT - br) * (CUT - br) : -1;
            beyond2[m] = (CUT + br) * (CUT + br);
        }
        this.bandStep = src.cellSizeM() / 2.0;
        this.bandR0 = CUT - rad - bandStep;
        this.bandN = (int) Math.ceil((2 * rad + 2 * bandStep) / bandStep) + 2;
    }

    public AreaSource source() { return src; }

    /** Deposition at (px, py) per unit of the kernel; 0 where every cell is beyond 25 km. */
    public double at(double px, double py) {
        double e2 = envelopeDistance2(px, py);
        if (e2 > CUT2) return 0.0;
        double dx = px - src.cx, dy = py - src.cy;
        double r2 = dx * dx + dy * dy;
        boolean smooth = e2 >= NEAR_M * NEAR_M && r2 >= minPolarR * minPolarR;
        if (smooth && r2 > inside2) return bandLattice(dx, dy, Math.sqrt(r2));
        return exactCut(px, py, dx, dy, r2, e2, smooth);
    }

    /** {@link #at} without the band lattice: the cut decided per cell (the band lattice's nodes). */
    private double exactCut(double px, double py, double dx, double dy, double r2, double e2, boolean smooth) {
        if (r2 > inside2 && farthestCell2(px, py) > CUT2) {
            // Lattice minus the cells beyond while they are the few; once most are beyond, the small rest directly
            // (a difference of two near-equal numbers would carry the lattice's error into a small result).
            return smooth && mostlyWithinCut(px, py) ? polar(dx, dy, Math.sqrt(r2)) - beyondCut(px, py) : banded(px, py);
        }
        return smooth ? polar(dx, dy, Math.sqrt(r2)) : direct(px, py, Math.sqrt(e2));
    }

    /** The sum over every fine cell with the per-cell cut, no lumping or lattice: the reference (tests). */
    double exact(double px, double py) {
        double s = 0;
        for (int i = 0; i < src.x.length; i++) {
            double dx = px - src.x[i], dy = py - src.y[i];
            if (dx * dx + dy * dy <= CUT2) s += src.w[i] * kernel(dx, dy);
        }
        return s;
    }

    private double direct(double px, double py, double e) {
        double mid = 5.0 * src.midBlockSizeM(), far = src.nearDistanceM();
        if (e < mid) return nearSum(px, py, mid * mid);
        return e < far ? sum(src.mx, src.my, src.mw, px, py) : sum(src.bx, src.by, src.bw, px, py);
    }

    /**
     * Near the source, block by block: a 300 m block at least 5 block sizes from the receptor at its centroid (the
     * lumping error below 1 % of that block's part, as {@link AreaSource} uses the blocks), the others cell by cell.
     * The nearest cells, which make the maximum, are always summed one by one.
     */
    private double nearSum(double px, double py, double lumpFrom2) {
        double s = 0;
        for (int b = 0; b < src.mx.length; b++) {
            double dx = px - src.mx[b], dy = py - src.my[b];
            if (dx * dx + dy * dy >= lumpFrom2) {
                s += src.mw[b] * kernel(dx, dy);
                continue;
            }
            for (int i : src.members[b]) s += src.w[i] * kernel(px - src.x[i], py - src.y[i]);
        }
        return s;
    }

    private double sum(double[] xs, double[] ys, double[] ws, double px, double py) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) s += ws[i] * kernel(px - xs[i], py - ys[i]);
        return s;
    }

    /** Squared distance to the farthest cell: the farthest vertex of the cells' convex hull. */
    private double farthestCell2(double px, double py) {
        double m = 0;
        for (int i = 0; i < hullX.length; i++) {
            double dx = px - hullX[i], dy = py - hullY[i];
            m = Math.max(m, dx * dx + dy * dy);
        }
        return m;
    }

    /** True when less than a quarter of the source's weight lies in 300 m blocks reaching past 25 km. */
    private boolean mostlyWithinCut(double px, double py) {
        double beyond = 0;
        for (int b = 0; b < src.mx.length; b++) {
            double dx = px - src.mx[b], dy = py - src.my[b], rad = src.bRadius[b];
            if (dx * dx + dy * dy > (CUT - rad) * (CUT - rad)) beyond += src.mw[b];
        }
        return beyond < 0.25;
    }

    /**
     * What the cells beyond 25 km add to the uncut field at (px, py): per 300 m block when wholly beyond, per cell
     * when the block straddles the cut. Most blocks are decided by a squared distance, without a kernel read.
     */
    private double beyondCut(double px, double py) {
        double s = 0;
        for (int b = 0; b < src.mx.length; b++) {
            double dx = px - src.mx[b], dy = py - src.my[b];
            double d2 = dx * dx + dy * dy, rad = src.bRadius[b];
            if (d2 <= (CUT - rad) * (CUT - rad)) continue; // wholly inside the cut
            if (d2 > (CUT + rad) * (CUT + rad)) {
                s += src.mw[b] * kernel(dx, dy);
                continue;
            }
            for (int i : src.members[b]) {
                double cx = px - src.x[i], cy = py - src.y[i];
                if (cx * cx + cy * cy > CUT2) s += src.w[i] * kernel(cx, cy);
            }
        }
        return s;
    }

    /** Receptors near 25 km: the cut decided per 300 m block where the whole block is on one side, else per cell. */
    private double banded(double px, double py) {
        double s = 0;
        for (int b = 0; b < src.mx.length; b++) {
            double dx = px - src.mx[b], dy = py - src.my[b];
            double d2 = dx * dx + dy * dy;
            if (d2 > beyond2[b]) continue;
            if (d2 <= within2[b]) {
                s += src.mw[b] * kernel(dx, dy);
                continue;
            }
            for (int i : src.members[b]) {
                double cx = px - src.x[i], cy = py - src.y[i];
                if (cx * cx + cy * cy <= CUT2) s += src.w[i] * kernel(cx, cy);
            }
        }
        return s;
    }

    /**
     * Receptors where some cell may lie beyond 25 km, away from the source: interpolated bilinearly in (radius,
     * bearing) from a lattice whose nodes are summed with the per-cell cut ({@link #exactCut}), half a cell size apart
     * in radius and 3° in bearing (about 4,500 band hexagons of the Voordelta cost a few hundred node sums). As the cut circle sweeps over the source the sum drops one row of cells at a
     * time, so between nodes it is close to linear; the error is held against the per-cell sum by a test.
     */
    private double bandLattice(double dx, double dy, double r) {
        if (band == null) {
            band = new double[bandN * THETA];
            Arrays.fill(band, Double.NaN);
        }
        double fr = (r - bandR0) / bandStep;
        int ir = Math.max(0, Math.min(bandN - 2, (int) fr));
        return bilinear(true, ir, Math.max(0, Math.min(1, fr - ir)), dx, dy);
    }

    /** Bilinear between radii ir and ir + 1 (fraction tr) and the two lattice bearings around (dx, dy). */
    private double bilinear(boolean inBand, int ir, double tr, double dx, double dy) {
        double ft = DirectionalKernel.bearingIndex(dx, dy) * (THETA / (double) OpsTable.BEARINGS);
        int it = (int) ft;
        double tt = ft - it;
        if (it >= THETA) it -= THETA;
        int it1 = it + 1 == THETA ? 0 : it + 1;
        double a = node(inBand, ir, it), b = node(inBand, ir, it1), c = node(inBand, ir + 1, it), d = node(inBand, ir + 1, it1);
        double lo = a + tt * (b - a), hi = c + tt * (d - c);
        return lo + tr * (hi - lo);
    }

    private double node(boolean inBand, int ir, int it) {
        return inBand ? bandNode(ir, it) : node(ir, it);
    }

    private double bandNode(int ir, int it) {
        int idx = ir * THETA + it;
        double v = band[idx];
        if (v == v) return v; // not NaN
        double r = bandR0 + ir * bandStep, th = Math.toRadians(it * (360.0 / THETA));
        double dx = r * Math.sin(th), dy = r * Math.cos(th), px = src.cx + dx, py = src.cy + dy;
        double e2 = envelopeDistance2(px, py);
        v = e2 > CUT2 ? 0.0 : exactCut(px, py, dx, dy, r * r, e2, e2 >= NEAR_M * NEAR_M && r >= minPolarR);
        band[idx] = v;
        return v;
    }

    private double polar(double dx, double dy, double r) {
        if (lattice == null) {
            lattice = new double[nR * THETA];
            Arrays.fill(lattice, Double.NaN);
        }
        double fr = radialIndex(r);
        int ir = (int) fr;
        return bilinear(false, ir, fr - ir, dx, dy);
    }

    /** log_Q(r / R0) from a 10 m table, linear between entries (Math.log per hexagon was a tenth of the loop). */
    private static double radialIndex(double r) {
        double x = r / RADIAL_STEP_M;
        int i = (int) x;
        if (i + 1 >= RADIAL.length) return Math.log(r / R0) / LN_Q;
        return RADIAL[i] + (x - i) * (RADIAL[i + 1] - RADIAL[i]);
    }

    private static final double RADIAL_STEP_M = 10.0;
    private static final double[] RADIAL = new double[6_000];

    static {
        for (int i = 0; i < RADIAL.length; i++) RADIAL[i] = Math.log(Math.max(i * RADIAL_STEP_M, R0) / R0) / LN_Q;
    }

    private double node(int ir, int it) {
        int idx = ir * THETA + it;
        double v = lattice[idx];
        if (v == v) return v; // not NaN
        double r = R0 * Math.pow(Q, ir), th = Math.toRadians(it * (360.0 / THETA));
        double px = src.cx + r * Math.sin(th), py = src.cy + r * Math.cos(th);
        v = direct(px, py, Math.sqrt(envelopeDistance2(px, py))); // no cut: lattice receptors have every cell within 25 km
        lattice[idx] = v;
        return v;
    }

    private double kernel(double dx, double dy) {
        return k.atOffset(dx, dy, a, k2, b);
    }

    /** Squared distance from (px, py) to the source's envelope (0 inside). */
    double envelopeDistance2(double px, double py) {
        double ex = Math.max(0, Math.max(minX - px, px - maxX));
        double ey = Math.max(0, Math.max(minY - py, py - maxY));
        return ex * ex + ey * ey;
    }
}
