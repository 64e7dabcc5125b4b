package nl.ruimteschets.io;

import java.io.IOException;
import java.util.List;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.InputException;

/**
 * A layer kept outside memory (in PostGIS, or in a GeoPackage table marked to stay there) whose rows can all
 * be read once, in key order, without holding them: the way {@code copy} moves such a layer between a
 * GeoPackage and PostGIS. Implementations say their own thread safety.
 */
public interface StreamedLayer {

    /**
     * The JTS name of a geometry type as GeoPackage and PostGIS declare it ("MULTIPOLYGON" → "MultiPolygon");
     * anything else (GEOMETRY, curves) is "Geometry".
     */
    static String jtsType(String sqlType) {
        if (sqlType == null) return "Geometry";
        return switch (sqlType.toUpperCase(java.util.Locale.ROOT)) {
            case "POINT" -> "Point";
            case "LINESTRING" -> "LineString";
            case "POLYGON" -> "Polygon";
            case "MULTIPOINT" -> "MultiPoint";
            case "MULTILINESTRING" -> "MultiLineString";
            case "MULTIPOLYGON" -> "MultiPolygon";
            default -> "Geometry";
        };
    }

    /** The table's fields in column order (after the key and the geometry). */
    List<Field> fields();

    /** The geometry type the table declares, as JTS names it ("Polygon", "MultiPolygon", "Geometry", …). */
    String geometryType();

    /** About how many rows there are (for progress). */
    long estimatedCount();

    /**
     * Streams every row, with its key, geometry and all values, into {@code sink} in key order; reads in
     * batches, so memory stays flat for any size. Checks {@code progress} for cancellation as it goes.
     *
     * @return the number of rows streamed
     * @throws CancelledException when the planner cancelled
     * @throws InputException when the source cannot be read, in the planner's words
     */
    long scan(FeatureSink sink, ProgressListener progress) throws IOException, InputException;
}
