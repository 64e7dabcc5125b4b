package nl.ruimteschets.geo;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import nl.ruimteschets.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The envelopes of a layer's features in flat float arrays (centre and half extents, plus the
 * feature's area), for scans over many small features (a million buildings) where walking JTS
 * objects costs a cache miss each. Used by the engine's overlap counts and by the map renderer.
 *
 * <p>Big layers are sorted into a grid of buckets by envelope centre (CSR layout), so a query reads
 * only the bucket rows it touches, front to back. Features larger than a grid cell are kept apart at
 * the end ("oversize") and scanned on every query; that keeps the search margin at one cell, so one
 * province-wide polygon does not make every query scan every bucket. Floats hold RD metres to a few
 * centimetres; half extents are rounded up. Empty geometries have NaN envelopes and match no query.
 *
 * <p>Immutable; thread-safe.
 */
public final class PackedEnvelopes {
    /** Below this many features one linear scan is as fast as buckets. */
    private static final int BUCKETED = 4_096;

    private final int size;
    /** Envelope centre and half extents in RD metres, by position. */
    private final float[] cx, cy, hw, hh;
    /** Each feature's area in m² (0 for points and lines), by position, so hectare counts need not touch geometries. */
    private final float[] area;
    /** Position k holds feature {@code order[k]} of the layer's list. */
    private final int[] order;
    /** Positions {@code gridEnd..size} are the oversize features. */
    private final int gridEnd;
    /** Bucket b spans positions {@code start[b]..start[b+1]}; null when the layer is not bucketed. */
    private final int[] start;
    private final int gx, gy;
    private final double x0, y0, cellW, cellH;
    /** The largest half extent of a bucketed feature: how far outside its bucket it can reach. */
    private final double reach;

    public PackedEnvelopes(List<Feature> features) {
        int n = features.size();
        size = n;
        double[] ex = new double[n * 4];
        Envelope all = new Envelope();
        for (int i = 0; i < n; i++) {
            Envelope e = envelope(features.get(i).geometry(), new Envelope());
            if (e.isNull()) {
                Arrays.fill(ex, i * 4, i * 4 + 4, Double.NaN);
                continue;
            }
            ex[i * 4] = (e.getMinX() + e.getMaxX()) / 2;
            ex[i * 4 + 1] = (e.getMinY() + e.getMaxY()) / 2;
            ex[i * 4 + 2] = e.getWidth() / 2;
            ex[i * 4 + 3] = e.getHeight() / 2;
            all.expandToInclude(e);
        }
        order = new int[n];
        if (n < BUCKETED || all.isNull()) {
            for (int i = 0; i < n; i++) order[i] = i;
            gridEnd = 0;
            start = null;
            gx = gy = 0;
            x0 = y0 = cellW = cellH = reach = 0;
        } else {
            // About four features per cell on average; towns make some cells much fuller, which is fine.
            int side = (int) Math.max(1, Math.min(1024, Math.sqrt(n / 4.0)));
            gx = gy = side;
            x0 = all.getMinX();
            y0 = all.getMinY();
            cellW = Math.max(all.getWidth() / gx, 1e-6);
            cellH = Math.max(all.getHeight() / gy, 1e-6);
            double cell = Math.max(cellW, cellH);
            int[] bucket = new int[n];
            start = new int[gx * gy + 1];
            int oversize = 0;
            double r = 0;
            for (int i = 0; i < n; i++) {
                double half = Math.max(ex[i * 4 + 2], ex[i * 4 + 3]);
                if (!(half <= cell)) { // also NaN: empty geometries go with the few linear-scan ones
                    bucket[i] = -1;
                    oversize++;
                    continue;
                }
                r = Math.max(r, half);
                int bx = (int) Math.min(gx - 1, Math.max(0, (ex[i * 4] - x0) / cellW));
                int by = (int) Math.min(gy - 1, Math.max(0, (ex[i * 4 + 1] - y0) / cellH));
                bucket[i] = by * gx + bx;
                start[bucket[i] + 1]++;
            }
            reach = r;
            for (int b = 0; b < gx * gy; b++) start[b + 1] += start[b];
            gridEnd = n - oversize;
            int[] fill = Arrays.copyOf(start, gx * gy);
            int over = gridEnd;
            for (int i = 0; i < n; i++) order[bucket[i] < 0 ? over++ : fill[bucket[i]]++] = i;
        }
        cx = new float[n];
        cy = new float[n];
        hw = new float[n];
        hh = new float[n];
        area = new float[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            cx[k] = (float) ex[i * 4];
            cy[k] = (float) ex[i * 4 + 1];
            // Rounded up so a float envelope never ends inside the true one.
            hw[k] = Math.nextUp((float) ex[i * 4 + 2]);
            hh[k] = Math.nextUp((float) ex[i * 4 + 3]);
            area[k] = (float) features.get(i).geometry().getArea();
        }
    }

    /**
     * A geometry's envelope without asking it: {@code getEnvelopeInternal} caches an envelope in the
     * geometry and in its shell, 96 bytes a feature, 96 MB for a million footprints.
     */
    public static Envelope envelope(Geometry g, Envelope into) {
        if (g instanceof Polygon p) {
            p.getExteriorRing().getCoordinateSequence().expandEnvelope(into); // holes lie inside the shell
        } else if (g instanceof LineString l) {
            l.getCoordinateSequence().expandEnvelope(into);
        } else if (g instanceof Point pt) {
            if (!pt.isEmpty()) into.expandToInclude(pt.getX(), pt.getY());
        } else {
            for (int n = 0; n < g.getNumGeometries(); n++) envelope(g.getGeometryN(n), into);
        }
        return into;
    }

    public int size() { return size; }

    /** The feature index (in the layer's list) at position k. */
    public int feature(int k) { return order[k]; }

    public float centreX(int k) { return cx[k]; }
    public float centreY(int k) { return cy[k]; }
    public float halfWidth(int k) { return hw[k]; }
    public float halfHeight(int k) { return hh[k]; }
    public double minX(int k) { return cx[k] - (double) hw[k]; }
    public double minY(int k) { return cy[k] - (double) hh[k]; }
    public double maxX(int k) { return cx[k] + (double) hw[k]; }
    public double maxY(int k) { return cy[k] + (double) hh[k]; }
    public float area(int k) { return area[k]; }

    /** Whether the envelope at position k touches the rectangle; false for an empty geometry. */
    public boolean intersects(int k, double qx0, double qy0, double qx1, double qy1) {
        double x = cx[k], y = cy[k], w = hw[k], h = hh[k];
        return x + w >= qx0 && x - w <= qx1 && y + h >= qy0 && y - h <= qy1; // NaN fails every test
    }

    /**
     * The position ranges that may hold features touching the rectangle, as pairs {@code from, to}
     * in one array: one range per grid row, plus the oversize features. Callers still test each
     * envelope ({@link #intersects}); the ranges only skip what cannot touch.
     */
    public int[] spans(double qx0, double qy0, double qx1, double qy1) {
        if (start == null) return new int[] {0, size};
        int cx0 = (int) Math.max(0, Math.floor((qx0 - reach - x0) / cellW));
        int cx1 = (int) Math.min(gx - 1, Math.floor((qx1 + reach - x0) / cellW));
        int cy0 = (int) Math.max(0, Math.floor((qy0 - reach - y0) / cellH));
        int cy1 = (int) Math.min(gy - 1, Math.floor((qy1 + reach - y0) / cellH));
        int rows = cx0 <= cx1 ? Math.max(0, cy1 - cy0 + 1) : 0;
        int[] out = new int[rows * 2 + 2];
        int m = 0;
        for (int row = cy0; row < cy0 + rows; row++) {
            // The buckets of one grid row are contiguous: one range per row.
            out[m++] = start[row * gx + cx0];
            out[m++] = start[row * gx + cx1 + 1];
        }
        out[m++] = gridEnd;
        out[m] = size;
        return out;
    }

    /**
     * Calls {@code visit} with each position whose envelope intersects {@code q}, until it returns
     * false. Returns false when stopped early.
     */
    public boolean query(Envelope q, IntPredicate visit) {
        double qx0 = q.getMinX(), qy0 = q.getMinY(), qx1 = q.getMaxX(), qy1 = q.getMaxY();
        int[] spans = spans(qx0, qy0, qx1, qy1);
        for (int s = 0; s < spans.length; s += 2) {
            for (int k = spans[s]; k < spans[s + 1]; k++) {
                if (intersects(k, qx0, qy0, qx1, qy1) && !visit.test(k)) return false;
            }
        }
        return true;
    }
}
