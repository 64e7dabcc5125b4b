package nl.ruimteschets.analysis;

import java.util.function.DoubleUnaryOperator;

/**
 * A deposition-versus-distance function sampled every {@link #STEP_M} metres from 0 to 25 km, so the
 * per-receptor loop costs a multiply and an array read instead of a log and a pow (ARCHITECTURE.md,
 * "Live recomputation").
 *
 * <p>Inputs: any function of distance (m); kernels of the same step can be combined linearly.
 * Guarantees: {@link #at(double)} interpolates linearly between samples (relative error &lt; 1 % for
 * the OPS power laws beyond 100 m, exact at the samples) and returns 0 beyond 25 km.
 * Thread safety: immutable.
 */
public final class DepositionKernel {
    public static final double STEP_M = 10.0;
    private static final int N = (int) Math.round(OpsTable.MAX_DISTANCE_M / STEP_M);

    private final double[] values; // N + 2 entries: one spare so the interpolation never reads past the end

    private DepositionKernel(double[] values) {
        this.values = values;
    }

    static DepositionKernel tabulate(DoubleUnaryOperator f) {
        double[] v = new double[N + 2];
        for (int i = 0; i <= N; i++) v[i] = f.applyAsDouble(i * STEP_M);
        return new DepositionKernel(v);
    }

    /** a·this + b·other, e.g. NOx and NH₃ kernels weighted by their emissions in t/yr. */
    public DepositionKernel combine(double a, DepositionKernel other, double b) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) v[i] = a * values[i] + b * other.values[i];
        return new DepositionKernel(v);
    }

    /** The value at a distance in metres; 0 beyond 25 km. */
    public double at(double distanceM) {
        if (!(distanceM <= OpsTable.MAX_DISTANCE_M)) return 0.0;
        double x = distanceM / STEP_M;
        int i = (int) x;
        double f = x - i;
        return values[i] + f * (values[i + 1] - values[i]);
    }
}
