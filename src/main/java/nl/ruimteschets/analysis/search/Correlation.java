package nl.ruimteschets.analysis.search;

import org.jtransforms.fft.DoubleFFT_2D;

/**
 * Cross-correlation of a layer raster with a kernel over offsets, by FFT (JTransforms): for every
 * position (i, j) of an nx × ny grid, R(i, j) = Σ_{a,b ∈ [−h, h]} K(a, b) · L(i + a, j + b), where the
 * layer L lies on the position grid grown by {@code pad ≥ h} cells. A criterion at every position
 * (objects in the noise contour of a footprint placed there, deposition on Natura 2000 of a source
 * there, …) is exactly such a sum, so a whole map costs three transforms instead of one model run per
 * position. Transform sizes are rounded up to 2·3·5-smooth numbers (JTransforms' fast radices) and
 * large enough that the circular wrap never reaches an output.
 *
 * <p>A plan fixes (nx, ny, h); spectra made by one plan combine only with spectra of the same plan.
 * Thread safety: a plan is immutable; every call allocates its own transform and arrays, so calls may
 * run concurrently.
 */
final class Correlation {
    static {
        // As in NoisePropagation: JTransforms' own pool threads are non-daemon and outlive the app; the
        // site search runs independent correlations on its own threads instead.
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    final int nx, ny, h, mx, my;

    Correlation(int nx, int ny, int h) {
        this.nx = nx;
        this.ny = ny;
        this.h = h;
        this.mx = smooth(nx + 2 * h);
        this.my = smooth(ny + 2 * h);
    }

    /** The spectrum of a (2h+1)² kernel, row-major, offset (0, 0) in the middle. */
    double[] kernelSpectrum(double[] kernel) {
        int w = 2 * h + 1;
        if (kernel.length != w * w) throw new IllegalArgumentException("kernel is not (2h+1)^2");
        double[] a = new double[2 * mx * my];
        for (int b = -h; b <= h; b++) {
            int row = Math.floorMod(b, my) * mx;
            for (int c = -h; c <= h; c++) {
                double v = kernel[(b + h) * w + (c + h)];
                if (v != 0) a[row + Math.floorMod(c, mx)] = v;
            }
        }
        new DoubleFFT_2D(my, mx).realForwardFull(a);
        return a;
    }

    /**
     * The spectrum of a layer given on the position grid grown by {@code pad} cells (row length
     * {@code nx + 2·pad}); only the window the kernel reaches is read.
     */
    double[] layerSpectrum(double[] layer, int pad) {
        if (pad < h) throw new IllegalArgumentException("layer padding smaller than the kernel");
        int lnx = nx + 2 * pad;
        double[] a = new double[2 * mx * my];
        int off = pad - h;
        for (int j = 0; j < ny + 2 * h; j++) {
            System.arraycopy(layer, (j + off) * lnx + off, a, j * mx, nx + 2 * h);
        }
        new DoubleFFT_2D(my, mx).realForwardFull(a);
        return a;
    }

    /** R on the nx × ny position grid, row-major. */
    double[] correlate(double[] layerSpectrum, double[] kernelSpectrum) {
        double[] a = new double[2 * mx * my];
        for (int p = 0; p < a.length; p += 2) {
            double lr = layerSpectrum[p], li = layerSpectrum[p + 1];
            double kr = kernelSpectrum[p], ki = -kernelSpectrum[p + 1]; // conjugate: correlation, not convolution
            a[p] = lr * kr - li * ki;
            a[p + 1] = lr * ki + li * kr;
        }
        new DoubleFFT_2D(my, mx).complexInverse(a, true);
        double[] out = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            int src = 2 * ((j + h) * mx + h);
            for (int i = 0; i < nx; i++) out[j * nx + i] = a[src + 2 * i];
        }
        return out;
    }

    /**
     * Two correlations of one plan with a single inverse transform: both results are real, so
     * IFFT(S₁·conj K₁ + i·S₂·conj K₂) carries the first in its real and the second in its imaginary part.
     */
    double[][] correlatePair(double[] layer1, double[] kernel1, double[] layer2, double[] kernel2) {
        double[] a = new double[2 * mx * my];
        for (int p = 0; p < a.length; p += 2) {
            double r1 = layer1[p] * kernel1[p] + layer1[p + 1] * kernel1[p + 1];   // S1 · conj K1
            double i1 = layer1[p + 1] * kernel1[p] - layer1[p] * kernel1[p + 1];
            double r2 = layer2[p] * kernel2[p] + layer2[p + 1] * kernel2[p + 1];   // S2 · conj K2
            double i2 = layer2[p + 1] * kernel2[p] - layer2[p] * kernel2[p + 1];
            a[p] = r1 - i2;     // P1 + i·P2
            a[p + 1] = i1 + r2;
        }
        new DoubleFFT_2D(my, mx).complexInverse(a, true);
        double[] out1 = new double[nx * ny], out2 = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            int src = 2 * ((j + h) * mx + h);
            for (int i = 0; i < nx; i++) {
                out1[j * nx + i] = a[src + 2 * i];
                out2[j * nx + i] = a[src + 2 * i + 1];
            }
        }
        return new double[][] {out1, out2};
    }

    /** The smallest n' ≥ n whose only prime factors are 2, 3 and 5. */
    static int smooth(int n) {
        for (int m = Math.max(1, n); ; m++) {
            int r = m;
            for (int f : new int[] {2, 3, 5}) while (r % f == 0) r /= f;
            if (r == 1) return m;
        }
    }
}
