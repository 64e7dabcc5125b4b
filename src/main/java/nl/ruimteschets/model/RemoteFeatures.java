package nl.ruimteschets.model;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The features of a layer too big for memory, which stay in a database and are fetched by area, never all
 * at once: tile by tile for the engine (by the lower-left corner of each feature's envelope, so every feature
 * belongs to exactly one tile) and by view, simplified and limited, for the map. Implementations are
 * thread-safe (the engine's tile loader, the map and identify ask from their own threads).
 */
public interface RemoteFeatures {

    /** Where the features live, as shown to the planner (never with a password). */
    String location();

    /**
     * Whether the features stay in a file on this computer (a GeoPackage table read by area) rather than on a
     * database server: the planner is told which, in words.
     */
    default boolean inFile() { return false; }

    /** About how many features there are (the database's statistics; exact once counted). */
    long estimatedCount();

    /** The features' extent (possibly an estimate a little larger than the truth). */
    Envelope extent();

    /** The geometry type the table declares ("Polygon", "Geometry", …). */
    String geometryType();

    /**
     * The largest width or height of any feature's envelope: a feature anchored this far outside an area
     * can still reach into it, so the engine asks for tiles that far around.
     */
    double maxFeatureSize();

    /**
     * Every feature whose envelope's lower-left corner lies in one of the tiles (tile {@code (tx, ty)} spans
     * {@code [tx·size, (tx+1)·size) × [ty·size, (ty+1)·size)}), with all attribute values, by tile key
     * {@link #tileKey}. Blocks for the database.
     *
     * @throws InputException when the database cannot be read, in the planner's words
     */
    java.util.Map<Long, List<Feature>> tiles(double size, List<long[]> tiles) throws InputException;

    /**
     * Features whose envelope meets {@code view}, for drawing: at most about {@code limit} (an even sample
     * when more lie in the view, none when far more do) with geometries simplified to {@code tolerance} metres.
     */
    List<Feature> forView(Envelope view, double tolerance, int limit) throws InputException;

    /** Receives one feature's envelope and the text of one of its values; returns false to stop reading. */
    @FunctionalInterface
    interface EnvelopeSink {
        boolean accept(double minX, double minY, double maxX, double maxY, String value);
    }

    /**
     * Streams the envelope of every feature whose envelope meets {@code area}, with the text of field
     * {@code field} (null for no field, or when the value is null): a few numbers per row and no geometry,
     * so millions of rows can be rastered without holding them. Blocks for the database.
     *
     * @return false when the sink stopped the reading
     * @throws InputException when the database cannot be read, in the planner's words
     */
    boolean envelopes(Envelope area, String field, EnvelopeSink sink) throws InputException;

    /** Thrown by {@link #offer} when the sink wants no more rows; an implementation's reading loop ends the read on it. */
    final class StopReading extends RuntimeException {
        public StopReading() {
            super(null, null, false, false);
        }
    }

    /** Hands one row to an {@link #envelopes} sink (the value as text); throws {@link StopReading} when it wants no more. */
    static void offer(EnvelopeSink sink, double minX, double minY, double maxX, double maxY, Object value) {
        if (!sink.accept(minX, minY, maxX, maxY, value == null ? null : value.toString())) throw new StopReading();
    }

    /**
     * An empty bucket per asked tile in {@code buckets} (by {@link #tileKey}), and the asked tiles' range
     * {minTx, minTy, maxTx, maxTy}: what an implementation of {@link #tiles} queries and fills.
     */
    static long[] tileRange(List<long[]> tiles, java.util.Map<Long, List<Feature>> buckets) {
        long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;
        for (long[] t : tiles) {
            minX = Math.min(minX, t[0]);
            minY = Math.min(minY, t[1]);
            maxX = Math.max(maxX, t[0]);
            maxY = Math.max(maxY, t[1]);
            buckets.put(tileKey(t[0], t[1]), new java.util.ArrayList<>());
        }
        return new long[] {minX, minY, maxX, maxY};
    }

    /** The key of tile (tx, ty) in {@link #tiles}. */
    static long tileKey(long tx, long ty) {
        return (tx << 32) ^ (ty & 0xFFFFFFFFL);
    }
}
