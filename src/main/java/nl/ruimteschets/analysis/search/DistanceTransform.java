package nl.ruimteschets.analysis.search;

/**
 * Exact Euclidean distance transform of a raster (Felzenszwalb &amp; Huttenlocher, "Distance Transforms
 * of Sampled Functions", 2012): for every cell the distance to the nearest seed cell centre, in cells,
 * in linear time. Stateless.
 */
final class DistanceTransform {
    private DistanceTransform() { }

    private static final double INF = 1e20;

    /** Distances in cells from every cell to the nearest cell with {@code seed[i]}; INF-like when none. */
    static double[] distances(boolean[] seed, int nx, int ny) {
        double[] f = new double[nx * ny];
        for (int i = 0; i < f.length; i++) f[i] = seed[i] ? 0 : INF;
        int n = Math.max(nx, ny);
        double[] line = new double[n], out = new double[n], z = new double[n + 1];
        int[] v = new int[n];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) line[j] = f[j * nx + i];
            pass(line, ny, out, v, z);
            for (int j = 0; j < ny; j++) f[j * nx + i] = out[j];
        }
        for (int j = 0; j < ny; j++) {
            System.arraycopy(f, j * nx, line, 0, nx);
            pass(line, nx, out, v, z);
            for (int i = 0; i < nx; i++) f[j * nx + i] = Math.sqrt(out[i]);
        }
        return f;
    }

    /** One-dimensional squared distance transform of f[0..n) into d (lower envelope of parabolas). */
    private static void pass(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = -INF;
        z[1] = INF;
        for (int q = 1; q < n; q++) {
            double s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            while (s <= z[k]) {
                k--;
                s = ((f[q] + (double) q * q) - (f[v[k]] + (double) v[k] * v[k])) / (2.0 * q - 2.0 * v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = INF;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) k++;
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }
}
