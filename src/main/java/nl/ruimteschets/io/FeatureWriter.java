package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;

/**
 * Writes one layer of features (geometry in EPSG:28992) to a file format. Writers write to a
 * temporary file next to the target and move it into place at the end, so a failed or cancelled
 * write (full disk) never leaves a half-written file under the target name.
 */
public interface FeatureWriter {

    /**
     * @param target the file to write (for shapefiles: the .shp; the sidecar files go beside it)
     * @param layerName table or layer name inside the file, where the format has one
     * @param fields attribute columns, in the order of the features' values
     * @param rows the features, in memory or streamed from a database; all polygonal, all lineal or all puntal
     * @return the files written
     */
    List<Path> write(Path target, String layerName, List<Field> fields, FeatureRows rows,
                     ProgressListener progress) throws IOException;

    /** {@link #write(Path, String, List, FeatureRows, ProgressListener)} for features in memory. */
    default List<Path> write(Path target, String layerName, List<Field> fields, Iterable<Feature> features,
                             ProgressListener progress) throws IOException {
        return write(target, layerName, fields, FeatureRows.of(features), progress);
    }
}
