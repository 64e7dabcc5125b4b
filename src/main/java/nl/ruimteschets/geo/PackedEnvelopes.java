package nl.ruimteschets.geo;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import nl.ruimteschets.model.Feature;
import org.locationtech.jts.geom.Envelope;

/**
 * The envelopes of a layer's features in flat float arrays, for scans over many small features
 * (a million buildings) where walking JTS objects costs a cache miss each. Big layers are sorted
 * into a grid of buckets by envelope centre (CSR layout), so a query reads only the buckets it
 * touches, front to back. Floats hold RD metres to a few centimetres.
 *
 * <p>Immutable; thread-safe.
 */
public final class PackedEnvelopes {
    /** Below this many features a plain scan is as fast as the buckets. */
    private static final int BUCKETED = 5_000;

    private final float[] minX, minY, maxX, maxY;
    /** Each feature's area in m² (0 for points and lines), so counts of hectares need not touch geometries. */
    private final float[] area;
    /** Position k holds feature {@code order[k]}; null when unbucketed (position = feature index). */
    private final int[] order;
    /** Bucket b spans positions {@code start[b]..start[b+1]}. */
    private final int[] start;
    private final int gx, gy;
    private final double x0, y0, cellW, cellH;
    /** The largest half-extent of any feature plus a metre: how far beyond its bucket a feature reaches. */
    private final double reach;

    public PackedEnvelopes(List<Feature> features) {
        int n = features.size();
        minX = new float[n];
        minY = new float[n];
        maxX = new float[n];
        maxY = new float[n];
        area = new float[n];
        Envelope all = new Envelope();
        double r = 0;
        for (int i = 0; i < n; i++) {
            Envelope e = features.get(i).geometry().getEnvelopeInternal();
            minX[i] = (float) e.getMinX();
            minY[i] = (float) e.getMinY();
            maxX[i] = (float) e.getMaxX();
            maxY[i] = (float) e.getMaxY();
            area[i] = (float) features.get(i).geometry().getArea();
            all.expandToInclude(e);
            r = Math.max(r, Math.max(e.getWidth(), e.getHeight()) / 2 + 1);
        }
        reach = r;
        if (n < BUCKETED || all.isNull()) {
            order = start = null;
            gx = gy = 0;
            x0 = y0 = cellW = cellH = 0;
            return;
        }
        int side = (int) Math.max(1, Math.min(2048, Math.sqrt(n / 4.0)));
        gx = side;
        gy = side;
        x0 = all.getMinX();
        y0 = all.getMinY();
        cellW = Math.max(all.getWidth() / gx, 1e-6);
        cellH = Math.max(all.getHeight() / gy, 1e-6);
        int[] bucket = new int[n];
        start = new int[gx * gy + 1];
        for (int i = 0; i < n; i++) {
            int cx = (int) Math.min(gx - 1, Math.max(0, ((minX[i] + maxX[i]) / 2.0 - x0) / cellW));
            int cy = (int) Math.min(gy - 1, Math.max(0, ((minY[i] + maxY[i]) / 2.0 - y0) / cellH));
            bucket[i] = cy * gx + cx;
            start[bucket[i] + 1]++;
        }
        for (int b = 0; b < gx * gy; b++) start[b + 1] += start[b];
        order = new int[n];
        int[] fill = Arrays.copyOf(start, gx * gy);
        for (int i = 0; i < n; i++) order[fill[bucket[i]]++] = i;
        // Envelopes in bucket order: a query reads memory front to back.
        permute(minX);
        permute(minY);
        permute(maxX);
        permute(maxY);
        permute(area);
    }

    private void permute(float[] a) {
        float[] copy = a.clone();
        for (int k = 0; k < order.length; k++) a[k] = copy[order[k]];
    }

    public int size() { return minX.length; }

    /** The feature index (in the layer's list) at position k. */
    public int feature(int k) { return order == null ? k : order[k]; }

    public float minX(int k) { return minX[k]; }
    public float minY(int k) { return minY[k]; }
    public float maxX(int k) { return maxX[k]; }
    public float maxY(int k) { return maxY[k]; }
    public float area(int k) { return area[k]; }

    /**
     * Calls {@code visit} with each position whose envelope intersects {@code q}, until it returns
     * false. Returns false when stopped early.
     */
    public boolean query(Envelope q, IntPredicate visit) {
        double qx0 = q.getMinX(), qy0 = q.getMinY(), qx1 = q.getMaxX(), qy1 = q.getMaxY();
        if (order == null) {
            for (int k = 0; k < minX.length; k++) {
                if (maxX[k] < qx0 || minX[k] > qx1 || maxY[k] < qy0 || minY[k] > qy1) continue;
                if (!visit.test(k)) return false;
            }
            return true;
        }
        int cx0 = (int) Math.max(0, Math.floor((qx0 - reach - x0) / cellW));
        int cx1 = (int) Math.min(gx - 1, Math.floor((qx1 + reach - x0) / cellW));
        int cy0 = (int) Math.max(0, Math.floor((qy0 - reach - y0) / cellH));
        int cy1 = (int) Math.min(gy - 1, Math.floor((qy1 + reach - y0) / cellH));
        for (int cy = cy0; cy <= cy1; cy++) {
            // Buckets of one grid row are contiguous: scan the row's span in one go.
            int from = start[cy * gx + cx0], to = start[cy * gx + cx1 + 1];
            for (int k = from; k < to; k++) {
                if (maxX[k] < qx0 || minX[k] > qx1 || maxY[k] < qy0 || minY[k] > qy1) continue;
                if (!visit.test(k)) return false;
            }
        }
        return true;
    }
}
