package nl.ruimteschets.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The FFT correlation and the distance transform against their direct definitions. */
class CorrelationTest {
    @Test
    void fftCorrelationEqualsTheDirectSum() {
        Random rnd = new Random(3);
        int nx = 23, ny = 17, h = 4, pad = 6;
        double[] layer = new double[(nx + 2 * pad) * (ny + 2 * pad)];
        for (int i = 0; i < layer.length; i++) layer[i] = rnd.nextDouble() < 0.3 ? rnd.nextDouble() : 0;
        int w = 2 * h + 1;
        double[] kernel = new double[w * w];
        for (int i = 0; i < kernel.length; i++) kernel[i] = rnd.nextDouble();
        Correlation c = new Correlation(nx, ny, h);
        double[] fft = c.correlate(c.layerSpectrum(layer, pad), c.kernelSpectrum(kernel));
        int lnx = nx + 2 * pad;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double s = 0;
                for (int b = -h; b <= h; b++) {
                    for (int a = -h; a <= h; a++) {
                        s += kernel[(b + h) * w + (a + h)] * layer[(j + pad + b) * lnx + (i + pad + a)];
                    }
                }
                assertEquals(s, fft[j * nx + i], 1e-9, "at " + i + "," + j);
            }
        }
    }

    @Test
    void distanceTransformEqualsBruteForce() {
        Random rnd = new Random(5);
        int nx = 31, ny = 19;
        boolean[] seed = new boolean[nx * ny];
        for (int i = 0; i < seed.length; i++) seed[i] = rnd.nextDouble() < 0.03;
        double[] d = DistanceTransform.distances(seed, nx, ny);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double best = Double.MAX_VALUE;
                for (int q = 0; q < seed.length; q++) {
                    if (seed[q]) best = Math.min(best, Math.hypot(q % nx - i, q / nx - j));
                }
                assertEquals(best, d[j * nx + i], 1e-9);
            }
        }
    }

    @Test
    void coverageSharesMeasureArea() {
        RasterGrid g = new RasterGrid(0, 0, 100, 10, 10);
        double[] s = g.shares(SearchWorldFixtures.box(150, 450, 200, 700).union(SearchWorldFixtures.box(300, 600, 600, 800)));
        double sum = 0;
        for (double v : s) sum += v;
        // 300 x 500 + 300 x 200 - the 150 x 100 overlap, in 1-ha cells, counted once
        assertEquals((150_000 + 60_000 - 15_000) / 10_000.0, sum, 0.01);
    }
}
