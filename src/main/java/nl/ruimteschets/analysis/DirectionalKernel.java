package nl.ruimteschets.analysis;

/**
 * A direction-aware deposition kernel: mean(d) × factor(d, θ) from the OPS per-bearing table
 * ({@link OpsTable#directionalKernel}), sampled every {@link #STEP_M} metres for each of the table's 36
 * bearings (θ clockwise from north, from source to receptor), so the per-receptor loop costs a square
 * root, a short polynomial for the bearing and four array reads.
 *
 * <p>Guarantees: exact at the table's rings and bearings (up to the 10 m sampling, which is exact at the
 * rings); between them linear in distance (the samples follow the power law) and in bearing. The
 * samples run past 25 km (the last ring's power law continued) so that lumped and interpolated sums stay
 * smooth; the 25 km cut is the caller's job, per source cell ({@link DepositionField}).
 * Thread safety: immutable.
 */
public final class DirectionalKernel {
    public static final double STEP_M = 10.0;
    /** Samples reach this far so sums over lumped cells near the 25 km cut never read past the end. */
    static final double REACH_M = 40_000.0;
    private static final int N = (int) Math.round(REACH_M / STEP_M);
    private static final int B = OpsTable.BEARINGS;

    /** values[b][i]: at bearing b·10° and distance i·10 m; one spare sample at the end. */
    private final double[][] values;

    private DirectionalKernel(double[][] values) {
        this.values = values;
    }

    static DirectionalKernel tabulate(double[] ringsM, double[] mean, double[][] factors) {
        double[][] v = new double[B][N + 2];
        double[] lnRings = new double[ringsM.length];
        for (int i = 0; i < ringsM.length; i++) lnRings[i] = Math.log(ringsM[i]);
        for (int i = 0; i <= N + 1; i++) {
            double d = i * STEP_M;
            double m = OpsTable.atDistance(ringsM, mean, d);
            // factor linear in log distance between rings, clamped outside them
            double ld = Math.log(Math.max(d, ringsM[0]));
            int r = 0;
            while (r + 1 < ringsM.length && lnRings[r + 1] < ld) r++;
            double t = r + 1 >= ringsM.length ? 0 : Math.min(1, Math.max(0, (ld - lnRings[r]) / (lnRings[r + 1] - lnRings[r])));
            int r1 = Math.min(r + 1, ringsM.length - 1);
            for (int b = 0; b < B; b++) v[b][i] = m * (factors[r][b] + t * (factors[r1][b] - factors[r][b]));
        }
        return new DirectionalKernel(v);
    }

    /** a·this + b·other, e.g. NOx and NH₃ kernels weighted by their emissions in t/yr. */
    public DirectionalKernel combine(double a, DirectionalKernel other, double b) {
        double[][] v = new double[B][];
        for (int k = 0; k < B; k++) {
            double[] x = values[k], y = other.values[k], z = new double[x.length];
            for (int i = 0; i < z.length; i++) z[i] = a * x[i] + b * y[i];
            v[k] = z;
        }
        return new DirectionalKernel(v);
    }

    /** The value at a distance (m) and bearing (degrees clockwise from north), without the 25 km cut. */
    public double at(double distanceM, double bearingDeg) {
        double bb = (bearingDeg % 360 + 360) % 360 / 10.0;
        return atIndex(distanceM, bb);
    }

    /** The value at offset (dx, dy) in metres from source to receptor, without the 25 km cut. */
    public double atOffset(double dx, double dy) {
        return atIndex(Math.sqrt(dx * dx + dy * dy), bearingIndex(dx, dy));
    }

    /**
     * a·this + b·other at offset (dx, dy), sharing the index arithmetic: the NOx and NH₃ kernels weighted by
     * their emissions without building a combined table per edit (1 MB written for every drag step).
     */
    public double atOffset(double dx, double dy, double a, DirectionalKernel other, double b) {
        return weighted(Math.sqrt(dx * dx + dy * dy), bearingIndex(dx, dy), a, other, b);
    }

    private double atIndex(double distanceM, double bearingIndex) {
        return weighted(distanceM, bearingIndex, 1, this, 0);
    }

    private double weighted(double distanceM, double bearingIndex, double a, DirectionalKernel other, double b) {
        double x = Math.min(distanceM, REACH_M) / STEP_M;
        int i = (int) x;
        double f = x - i;
        int b0 = (int) bearingIndex;
        double tb = bearingIndex - b0;
        if (b0 >= B) b0 -= B;
        int b1 = b0 + 1 == B ? 0 : b0 + 1;
        double v = 0;
        if (a != 0) v += a * mixed(values[b0], values[b1], i, f, tb);
        if (b != 0) v += b * mixed(other.values[b0], other.values[b1], i, f, tb);
        return v;
    }

    /** Bilinear in (distance, bearing) between two bearings' samples. */
    private static double mixed(double[] v0, double[] v1, int i, double f, double tb) {
        double p = v0[i] + f * (v0[i + 1] - v0[i]);
        double q = v1[i] + f * (v1[i + 1] - v1[i]);
        return p + tb * (q - p);
    }

    /**
     * Bearing of (dx, dy) clockwise from north in units of 10° (0 ≤ result &lt; 36), by a polynomial
     * arctangent accurate to about 0.001° — Math.atan2 costs several times more in the per-receptor loop.
     */
    static double bearingIndex(double dx, double dy) {
        double ax = Math.abs(dx), ay = Math.abs(dy);
        if (ax == 0 && ay == 0) return 0;
        boolean steep = ax > ay; // angle from north > 45°
        double z = steep ? ay / ax : ax / ay;
        double z2 = z * z;
        double a = z * (0.9998660 + z2 * (-0.3302995 + z2 * (0.1801410 + z2 * (-0.0851330 + z2 * 0.0208351))));
        double fromNorth = steep ? Math.PI / 2 - a : a; // 0..π/2 in the quadrant
        double deg;
        if (dx >= 0) deg = dy >= 0 ? fromNorth : Math.PI - fromNorth;
        else deg = dy >= 0 ? 2 * Math.PI - fromNorth : Math.PI + fromNorth;
        double idx = deg * (18.0 / Math.PI);
        return idx >= 36 ? idx - 36 : idx;
    }
}
