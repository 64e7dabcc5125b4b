package nl.ruimteschets.io;

import java.io.IOException;
import java.util.Collection;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;

/**
 * The rows a {@link FeatureWriter} writes: features in memory, or a layer kept in its database and streamed
 * batch by batch ({@link StreamedLayer}), so exporting such a layer never holds it whole. The rows can be read
 * more than once (a shapefile surveys its text widths first). Thread safety: that of the source.
 */
public interface FeatureRows {

    /**
     * Passes every row to {@code sink}, in order. {@code cancel} is only asked whether to stop (the writer reports
     * progress itself).
     *
     * @return the number of rows passed
     * @throws CancelledException when the planner cancelled
     */
    long forEach(FeatureSink sink, ProgressListener cancel) throws IOException;

    /** How many rows there are, for progress (exact for a list; the database's count for a stored layer). */
    long estimatedCount();

    /** The geometry family the source declares for every row, or null when only reading the rows tells. */
    default GeometryKind declaredKind() { return null; }

    static FeatureRows of(Iterable<Feature> features) {
        return new FeatureRows() {
            @Override
            public long forEach(FeatureSink sink, ProgressListener cancel) throws IOException {
                long n = 0;
                for (Feature f : features) {
                    sink.accept(f);
                    n++;
                }
                return n;
            }

            @Override
            public long estimatedCount() {
                return features instanceof Collection<?> c ? c.size() : -1;
            }
        };
    }

    /**
     * The rows of a layer kept in its database, read by {@link StreamedLayer#scan} on every pass. The source must
     * stay open while they are read.
     */
    static FeatureRows of(StreamedLayer layer) {
        return new FeatureRows() {
            @Override
            public long forEach(FeatureSink sink, ProgressListener cancel) throws IOException {
                try {
                    return layer.scan(sink, new ProgressListener() {
                        @Override public boolean isCancelled() { return cancel.isCancelled(); }
                    });
                } catch (InputException e) {
                    // already in the planner's words (connection lost, table gone): keep them
                    throw new ProjectWriteException(e.userMessage(), e);
                }
            }

            @Override
            public long estimatedCount() { return layer.estimatedCount(); }

            @Override
            public GeometryKind declaredKind() {
                return switch (layer.geometryType()) {
                    case "Polygon", "MultiPolygon" -> GeometryKind.POLYGON;
                    case "LineString", "MultiLineString" -> GeometryKind.LINE;
                    case "Point", "MultiPoint" -> GeometryKind.POINT;
                    default -> null;
                };
            }
        };
    }
}
