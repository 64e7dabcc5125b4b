package nl.ruimteschets.io;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.InputException;

/**
 * Streams the features of one layer of a file, one at a time, as the file has them: geometry in the
 * file's own CRS, possibly null, empty, invalid or with Z/M. Checking, reprojection and repair are the
 * {@link Importer}'s job, so every format gets the same treatment.
 *
 * <p>Implementations open the file in their constructor or factory (throwing {@link InputException}
 * for a missing, empty or corrupt file), keep memory bounded (no whole-file buffering), and are not
 * thread-safe.
 */
public interface FeatureReader extends Closeable {

    /** The attribute columns, in the order of {@link Feature#values()}. */
    List<Field> fields();

    /** The geometry family the file declares (shapefile header, gpkg geometry_columns); MIXED when it cannot tell. */
    nl.ruimteschets.model.GeometryKind geometryKind();

    /**
     * True when the format stores a polygon as a flat list of rings whose roles follow from their
     * winding (shapefile), so a repair may regroup them ({@link nl.ruimteschets.geo.GeometryRepair#makeValid(
     * org.locationtech.jts.geom.Geometry, boolean)}); false when parts and holes are explicit.
     */
    default boolean flatRings() {
        return false;
    }

    /** The CRS the file states. */
    SourceCrs crs();

    /** The text encoding used for attributes, for the import report ("UTF-8", "windows-1252"), or "". */
    String encoding();

    /** Number of features when the format knows it up front, else -1 (for progress). */
    long count();

    /** Non-fatal findings made while opening (renamed fields, an unknown .cpg, several shapefiles in a zip). */
    default List<nl.ruimteschets.model.UserMessage> warnings() { return List.of(); }

    /** The next feature, or null at the end. A feature id is its 1-based position in the file. */
    Feature next() throws IOException, InputException;
}
