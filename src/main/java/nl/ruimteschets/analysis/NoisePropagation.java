package nl.ruimteschets.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Levels around an area source of uniform L_W'' over uniform ground: the source is split into
 * square cells (each a point source of L_W'' + 10·log10(its area inside the footprint)), and every
 * receptor sums every cell through the CNOSSOS kernel. Over uniform G the attenuation depends only
 * on the offset between cells, so the sum is a convolution of the source raster with one kernel,
 * done with an FFT (JTransforms): a few milliseconds where summing every pair costs tens.
 *
 * <p>The cell size adapts so that source plus reach fit half of a 256-cell FFT (about 70 m for a
 * 100-ha source at 60 dB(A)/m²; never below 20 m); the reach is where the whole source would fall to
 * 35 dB(A), 5 dB under the lowest contour. Kernel spectra are cached per (cell size, G). Confined to
 * one thread (the engine's): not thread-safe.
 */
public final class NoisePropagation {
    /** Receptors this far below the lowest contour (L_night 40) are not needed. */
    static final double FLOOR_DBA = 35.0;
    static final double MIN_CELL_M = 20.0;
    static final int FFT = 256;
    /** Grids coarser than this get a fine near-source grid. */
    static final double NEAR_CELL_M = 25.0;
    /** The fine grid reaches this many coarse cells beyond the source, where bilinear interpolation misleads. */
    static final int NEAR_MARGIN_CELLS = 3;
    /** Offsets (in cells) within which the kernel is averaged over the source cell. */
    static final int AVERAGED_CELLS = 2;
    /** Sub-samples per cell side when measuring how much of a cell the footprint covers. */
    private static final int SUB = 4;

    private final NoiseKernel kernel;
    static {
        // JTransforms would split each FFT over a pool of non-daemon threads that keep the JVM alive
        // for a minute after the app closes. A 256² FFT takes about a millisecond on one thread, and
        // the engine already runs noise beside the other models, so one thread is the better deal.
        pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(1);
    }

    private final DoubleFFT_2D fft = new DoubleFFT_2D(FFT, FFT);
    /**
     * The FFT's work array, kept: at 1 MB it is a "humongous" object for G1, and allocating one per
     * edit kept a concurrent marking cycle running beside the engine on a two-core laptop.
     */
    private final double[] data = new double[FFT * FFT * 2];
    private final Map<String, double[]> spectra = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> e) {
            return size() > 16; // each spectrum is 1 MB
        }
    };

    public NoisePropagation(NoiseKernel kernel) {
        this.kernel = kernel;
    }

    public NoiseGrid levels(Geometry footprint, double lwPerM2, double g) {
        return levels(footprint, lwPerM2, g, 5.0);
    }

    /**
     * Levels around the footprint. Where the grid that fits source and reach is coarser than
     * {@link #NEAR_CELL_M}, a second, fine grid covers the source and {@link #NEAR_MARGIN_CELLS} coarse cells
     * around it (DOMAIN.md §1.7 step 5): the source's power sits where the polygon really is (to the fine
     * cell), and receivers near the edge are summed from it directly instead of being interpolated between a
     * loud in-source centre and a quiet one outside. The fine grid holds every source cell, so within its
     * extent it is the complete sum, not a correction.
     */
    public NoiseGrid levels(Geometry footprint, double lwPerM2, double g, double sourceHeightM) {
        Envelope e = footprint.getEnvelopeInternal();
        double totalLw = lwPerM2 + 10 * Math.log10(Math.max(footprint.getArea(), 1));
        double reach = reach(totalLw - FLOOR_DBA, g, sourceHeightM);
        // Fit source + reach on each side into half the FFT (the other half keeps the circular
        // convolution from wrapping around).
        double span = Math.max(e.getWidth(), e.getHeight());
        double cell = Math.max(MIN_CELL_M, Math.ceil((span + 2 * reach) / (FFT / 2.0 - 2) / 5) * 5);
        NoiseGrid coarse = convolve(footprint, lwPerM2, g, sourceHeightM, cell, reach);
        if (cell <= NEAR_CELL_M) return coarse;
        double margin = NEAR_MARGIN_CELLS * cell;
        double fine = Math.max(MIN_CELL_M / 2, Math.ceil((span + 2 * margin) / (FFT / 2.0 - 2) / 5) * 5);
        if (fine >= cell) return coarse;
        return coarse.withNear(convolve(footprint, lwPerM2, g, sourceHeightM, fine, margin));
    }

    /** One FFT convolution: the source rasterised at {@code cell}, levels on a grid reaching {@code reach} beyond it. */
    private NoiseGrid convolve(Geometry footprint, double lwPerM2, double g, double hs, double cell, double reach) {
        Envelope e = footprint.getEnvelopeInternal();
        double span = Math.max(e.getWidth(), e.getHeight());
        int ns = (int) Math.ceil(span / cell) + 1;
        int nr = (int) Math.ceil(reach / cell);
        int n = Math.min(FFT / 2, ns + 2 * nr);
        double x0 = e.getMinX() - nr * cell, y0 = e.getMinY() - nr * cell;

        Arrays.fill(data, 0);
        double[] cover = coverage(footprint, x0 + nr * cell, y0 + nr * cell, cell, ns);
        double power = Math.pow(10, lwPerM2 / 10);
        for (int j = 0; j < ns; j++) {
            for (int i = 0; i < ns; i++) {
                double area = cover[j * ns + i];
                if (area > 0) data[2 * ((j + nr) * FFT + (i + nr))] = power * area;
            }
        }
        fft.complexForward(data);
        double[] k = spectrum(cell, g, hs);
        for (int p = 0; p < data.length; p += 2) {
            double re = data[p] * k[p] - data[p + 1] * k[p + 1];
            double im = data[p] * k[p + 1] + data[p + 1] * k[p];
            data[p] = re;
            data[p + 1] = im;
        }
        fft.complexInverse(data, true);
        float[] level = new float[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double energy = data[2 * (j * FFT + i)];
                level[j * n + i] = energy > 1e-3 ? (float) (10 * Math.log10(energy)) : -30f;
            }
        }
        return new NoiseGrid(x0, y0, cell, n, n, level);
    }

    /** Distance at which a point source of this L_W falls to 0 dB above the floor, capped at 20 km. */
    double reach(double excessDb, double g) {
        return reach(excessDb, g, 5.0);
    }

    double reach(double excessDb, double g, double hs) {
        double d = 50;
        while (d < 20_000 && kernel.attenuation(d, g, hs) < excessDb) d *= 1.1;
        return Math.min(d, 20_000);
    }

    /**
     * Kernel 10^(−A/10) by cell offset, wrapped for circular convolution, as an FFT spectrum. Within
     * {@link #AVERAGED_CELLS} cells of the receiver the kernel is averaged over the source cell's area (8 × 8
     * points), so a cell's level at its own centre is not the 10 m attenuation of a point source there.
     */
    private double[] spectrum(double cell, double g, double hs) {
        String key = cell + "/" + g + "/" + hs;
        double[] s = spectra.get(key);
        if (s != null) return s;
        s = new double[FFT * FFT * 2];
        for (int j = 0; j < FFT; j++) {
            int dj = j <= FFT / 2 ? j : j - FFT;
            for (int i = 0; i < FFT; i++) {
                int di = i <= FFT / 2 ? i : i - FFT;
                double v;
                if (Math.abs(di) <= AVERAGED_CELLS && Math.abs(dj) <= AVERAGED_CELLS) {
                    v = 0;
                    for (int u = 0; u < 8; u++) {
                        for (int w = 0; w < 8; w++) {
                            double d = Math.hypot(di + (u + 0.5) / 8 - 0.5, dj + (w + 0.5) / 8 - 0.5) * cell;
                            v += Math.pow(10, -kernel.attenuation(d, g, hs) / 10);
                        }
                    }
                    v /= 64;
                } else {
                    v = Math.pow(10, -kernel.attenuation(Math.hypot(di, dj) * cell, g, hs) / 10);
                }
                s[2 * (j * FFT + i)] = v;
            }
        }
        fft.complexForward(s);
        spectra.put(key, s);
        return s;
    }

    /** Square metres of the footprint in each of ns × ns cells from (x0, y0), by sub-sampled scanlines. */
    static double[] coverage(Geometry footprint, double x0, double y0, double cell, int ns) {
        double[] cover = new double[ns * ns];
        double sub = cell / SUB;
        double subArea = sub * sub;
        double[] xs = new double[16];
        for (int r = 0; r < ns * SUB; r++) {
            double y = y0 + (r + 0.5) * sub;
            int n = 0;
            for (int p = 0; p < footprint.getNumGeometries(); p++) {
                if (!(footprint.getGeometryN(p) instanceof Polygon poly)) continue;
                for (int k = -1; k < poly.getNumInteriorRing(); k++) {
                    CoordinateSequence s = (k < 0 ? poly.getExteriorRing() : poly.getInteriorRingN(k)).getCoordinateSequence();
                    for (int i = 0; i + 1 < s.size(); i++) {
                        double ya = s.getY(i), yb = s.getY(i + 1);
                        if ((ya <= y) == (yb <= y)) continue;
                        if (n == xs.length) xs = Arrays.copyOf(xs, n * 2);
                        xs[n++] = s.getX(i) + (y - ya) / (yb - ya) * (s.getX(i + 1) - s.getX(i));
                    }
                }
            }
            Arrays.sort(xs, 0, n);
            for (int i = 0; i + 1 < n; i += 2) {
                int c0 = Math.max(0, (int) Math.ceil((xs[i] - x0) / sub - 0.5));
                int c1 = Math.min(ns * SUB - 1, (int) Math.floor((xs[i + 1] - x0) / sub - 0.5));
                for (int c = c0; c <= c1; c++) cover[(r / SUB) * ns + c / SUB] += subArea;
            }
        }
        // Sub-sampling misses slivers; scale so the source's total power is exact.
        double sum = 0;
        for (double v : cover) sum += v;
        if (sum > 0) {
            double f = footprint.getArea() / sum;
            for (int i = 0; i < cover.length; i++) cover[i] *= f;
        }
        return cover;
    }
}
