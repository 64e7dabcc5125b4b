package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;

/**
 * Exports a layer as a feature table in EPSG:28992 (see {@link GeoPackageLayerSink} for the table
 * layout). A new file is created, or in an existing GeoPackage a table of that name is replaced and
 * the other tables kept. Works on a copy beside the target that is moved into place at the end, so a
 * failure or cancel leaves the target as it was. Not thread-safe per call target; stateless otherwise.
 */
public final class GeoPackageWriter implements FeatureWriter {
    private final QgisStyles.Look look;

    public GeoPackageWriter() {
        this(null);
    }

    /** With a look, the table also gets its QGIS style in layer_styles ({@link QgisStyles}). */
    public GeoPackageWriter(QgisStyles.Look look) {
        this.look = look;
    }

    @Override
    public List<Path> write(Path target, String layerName, List<Field> fields, Iterable<Feature> features,
                            ProgressListener progress) throws IOException {
        GeometryKind kind = null;
        long total = 0;
        for (Feature f : features) { // first pass: the declared geometry type needs all features
            if (f.geometry() != null) kind = kind == null ? GeometryKind.of(f.geometry()) : kind.combine(GeometryKind.of(f.geometry()));
            total++;
        }
        Path temp = AtomicFiles.tempBeside(target, ".gpkg");
        GeoPackage gp = null;
        try {
            if (Files.exists(target)) {
                GeoPackageLayers.open(target, false).close(); // refuse to overwrite a non-GeoPackage file
                Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
                gp = GeoPackageManager.open(true, temp.toFile(), false);
            } else {
                Files.delete(temp); // NGA creates the file itself
                GeoPackageManager.create(temp.toFile(), false);
                gp = GeoPackageManager.open(true, temp.toFile(), false);
            }
            GpkgTables.dropFeatureTable(GeoPackageLayers.connection(gp), layerName);
            GeoPackageLayerSink sink = GeoPackageLayerSink.create(gp, layerName, fields,
                    kind == null ? GeometryKind.MIXED : kind);
            long done = 0;
            try {
                for (Feature f : features) {
                    progress.checkCancelled();
                    sink.accept(f);
                    if (++done % 1000 == 0) progress.progress(done, total);
                }
                sink.commit();
            } finally {
                sink.close(); // no-op after commit; rolls back otherwise
            }
            if (look != null) {
                QgisStyles.write(gp, List.of(new QgisStyles.Entry(layerName, "geom",
                        kind == null ? GeometryKind.MIXED : kind, look)), null);
            }
            gp.close();
            gp = null;
            AtomicFiles.moveIntoPlace(temp, target);
            progress.progress(total, total);
            return List.of(target);
        } catch (InputException e) {
            throw new IOException(e.getMessage(), e);
        } catch (java.sql.SQLException e) {
            throw ProjectWriteException.of(target, e);
        } finally {
            if (gp != null) gp.close();
            AtomicFiles.deleteQuietly(temp);
        }
    }
}
