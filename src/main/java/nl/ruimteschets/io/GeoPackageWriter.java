package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
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
    public List<Path> write(Path target, String layerName, List<Field> fields, FeatureRows rows,
                            ProgressListener progress) throws IOException {
        GeometryKind kind = rows.declaredKind();
        long total = rows.estimatedCount();
        if (kind == null) { // the declared geometry type then needs a first pass over all features
            GeometryKind[] seen = {null};
            total = rows.forEach(f -> {
                if (f.geometry() != null) seen[0] = seen[0] == null ? GeometryKind.of(f.geometry()) : seen[0].combine(GeometryKind.of(f.geometry()));
            }, progress);
            kind = seen[0];
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
            long[] done = {0};
            long expected = total;
            try {
                rows.forEach(f -> {
                    progress.checkCancelled();
                    sink.accept(f);
                    if (++done[0] % 1000 == 0) progress.progress(done[0], Math.max(done[0], expected));
                }, progress);
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
            progress.progress(done[0], done[0]);
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
