package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.UserMessage;

/**
 * Loads a file as an in-memory {@link Layer}: reader → {@link Importer} (CRS, reprojection to RD New,
 * repair, counts) → feature list. The in-memory sibling of {@link ProjectImport}, for the desktop
 * window, which adds the layer to an open project. Nothing is shared between calls, so loads may run on
 * any thread; on failure or cancellation the partial feature list is simply dropped.
 */
public final class LayerLoader {
    private LayerLoader() { }

    /**
     * @param table GeoPackage feature table, or null for the only one (ignored for other formats)
     * @param layerName name of the layer; null means the file's base name
     * @param fieldMapping semantic key → field name; null means {@link ProjectImport#guessMapping}
     * @param epsg CRS chosen by the user, or null to use the file's
     * @param encoding DBF encoding chosen by the user, or null to detect
     * @throws CancelledException when {@code progress} reports cancelled
     */
    public static Layer load(Path file, String table, String layerName, LayerRole role, Map<String, String> fieldMapping,
                             Integer epsg, String encoding, ProgressListener progress) throws IOException, InputException {
        Objects.requireNonNull(role, "role"); // before the try: a caller's mistake is not the file's fault
        ImportReport report = new ImportReport();
        report.setSource(file.getFileName().toString());
        report.setFormat(Formats.extension(file));
        List<Feature> features = new ArrayList<>();
        try (FeatureReader reader = Formats.open(file, table, encoding)) {
            // The shapefile reader notes things it decided while opening (unknown .cpg, zip with several .shp).
            Importer.run(reader, features::add, epsg, report, progress);
            reader.warnings().forEach(report::warn); // after reading: some are only known at the end (deleted records)
            Map<String, String> mapping = fieldMapping != null ? fieldMapping : ProjectImport.guessMapping(reader.fields());
            String name = layerName != null && !layerName.isBlank() ? layerName : Formats.baseName(file);
            return new Layer(name, role, Importer.fields(reader), features, mapping, file.toAbsolutePath().toString(), report);
        } catch (RuntimeException e) {
            if (e instanceof CancelledException) throw e;
            // A reader tripping over bytes it did not expect: still the file's fault, say so in words.
            throw new InputException(new UserMessage("layer.load.failed", file.getFileName().toString(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * The feature tables of a GeoPackage; for any other format a one-element list with the file's base name.
     * A GeoPackage without feature tables (tiles only, attributes only) throws: there is nothing to import.
     */
    public static List<String> tables(Path file) throws InputException {
        if (Formats.extension(file).equals("zip")) return ShapefileZip.list(file); // the dialog lets the user pick one
        if (!Formats.extension(file).equals("gpkg")) return List.of(Formats.baseName(file));
        List<String> tables = GeoPackageLayers.featureTables(file);
        if (tables.isEmpty()) throw new InputException(new UserMessage("layer.gpkg.noTables", file.getFileName().toString()));
        return tables;
    }

    /** The attribute fields of a file (one table of a GeoPackage), for the field-mapping choices. */
    public static List<Field> fields(Path file, String table, String encoding) throws IOException, InputException {
        try (FeatureReader reader = Formats.open(file, table, encoding)) {
            return reader.fields();
        }
    }
}
