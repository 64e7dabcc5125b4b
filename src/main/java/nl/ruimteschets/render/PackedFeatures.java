package nl.ruimteschets.render;

import java.util.Arrays;
import java.util.List;
import nl.ruimteschets.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * One layer's features as flat float arrays for drawing: envelope centre, half width and half height
 * and a kind byte per feature, ordered by a grid of buckets over the centres (CSR layout) so a view
 * reads only the bucket rows it touches, front to back, without touching a JTS object for
 * anything under a few pixels. About 21 bytes per feature.
 *
 * <p>Features larger than a grid cell are kept apart at the end ("oversize") and scanned on every
 * query; that keeps the grid's search margin at one cell, so one province-wide polygon does not make
 * every view scan every bucket.
 *
 * <p>Immutable; thread-safe.
 */
final class PackedFeatures {
    static final byte AREA = 0, POINT = 1, OTHER = 2;

    /** Below this many features one linear scan is as fast as buckets. */
    private static final int BUCKETED = 4_096;

    final int size;
    /** Envelope centre and half extents in RD metres, by position. Floats hold RD to a few centimetres. */
    final float[] cx, cy, hw, hh;
    /** Position k draws feature {@code feature[k]} of the layer's list. */
    final int[] feature;
    final byte[] kind;
    /** Positions {@code gridEnd..size} are the oversize features. */
    private final int gridEnd;
    /** Bucket b spans positions {@code start[b]..start[b+1]}; null when the layer is not bucketed. */
    private final int[] start;
    private final int gx, gy;
    private final double x0, y0, cellW, cellH;
    /** The largest half extent of a bucketed feature: how far outside its bucket it can reach. */
    private final double reach;

    PackedFeatures(List<Feature> features) {
        int n = features.size();
        size = n;
        double[] ex = new double[n * 4];
        byte[] kinds = new byte[n];
        Envelope all = new Envelope();
        for (int i = 0; i < n; i++) {
            Geometry g = features.get(i).geometry();
            Envelope e = envelope(g, new Envelope());
            kinds[i] = g instanceof Point ? POINT : g instanceof Polygonal ? AREA : OTHER;
            if (e.isNull()) { // empty geometry: park it far away, it is never drawn
                Arrays.fill(ex, i * 4, i * 4 + 4, Double.NaN);
                continue;
            }
            ex[i * 4] = (e.getMinX() + e.getMaxX()) / 2;
            ex[i * 4 + 1] = (e.getMinY() + e.getMaxY()) / 2;
            ex[i * 4 + 2] = e.getWidth() / 2;
            ex[i * 4 + 3] = e.getHeight() / 2;
            all.expandToInclude(e);
        }
        int[] order = new int[n];
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
        kind = new byte[n];
        feature = order;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            cx[k] = (float) ex[i * 4];
            cy[k] = (float) ex[i * 4 + 1];
            // Rounded up so a float envelope never ends inside the true one.
            hw[k] = Math.nextUp((float) ex[i * 4 + 2]);
            hh[k] = Math.nextUp((float) ex[i * 4 + 3]);
            kind[k] = kinds[i];
        }
    }

    /**
     * A geometry's envelope without asking it: {@code getEnvelopeInternal} caches an envelope in the
     * geometry and in its shell, 96 bytes a feature, 96 MB for a million footprints.
     */
    static Envelope envelope(Geometry g, Envelope into) {
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

    /**
     * The position ranges that may hold features touching the world rectangle, as pairs
     * {@code from, to} in one array: one range per grid row, plus the oversize features. Callers
     * still test each envelope; the ranges only skip what cannot touch.
     */
    int[] spans(double qx0, double qy0, double qx1, double qy1) {
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
}
