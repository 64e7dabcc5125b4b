package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * The one place that knows which reader handles which file: by extension, .shp and .zip (shapefile),
 * .gpkg (GeoPackage; one feature table) and .geojson/.json (GeoJSON). Checks that the file exists
 * and is not empty before any reader opens it.
 */
public final class Formats {
    /** SQLite allows 2000 columns in a table; a layer also has fid and geom. */
    static final int MAX_FIELDS = 1998;

    private Formats() { }

    /**
     * @param table the GeoPackage feature table; null means the only table (an error if there are several)
     * @param encoding forced DBF encoding for shapefiles, or null to detect
     */
    public static FeatureReader open(Path file, String table, String encoding) throws IOException, InputException {
        if (!Files.isRegularFile(file)) throw new InputException(new UserMessage("error.file.missing", file));
        if (Files.size(file) == 0) throw new InputException(new UserMessage("error.file.empty", file));
        if (!Files.isReadable(file)) throw new InputException(new UserMessage("error.file.unreadable", file.getFileName()));
        FeatureReader reader = openRaw(file, table, encoding);
        if (reader.fields().size() > MAX_FIELDS) {
            reader.close();
            throw new InputException(new UserMessage("import.fields.toomany", file.getFileName(), reader.fields().size(), MAX_FIELDS));
        }
        return StoreFieldNames.wrap(reader, file.getFileName().toString());
    }

    private static FeatureReader openRaw(Path file, String table, String encoding) throws IOException, InputException {
        String ext = extension(file);
        switch (ext) {
            case "shp":
                return ShapefileReader.open(file, encoding);
            case "zip":
                return ShapefileReader.open(file, table, encoding);
            case "gpkg":
                return GeoPackageReader.open(file, table == null ? onlyTable(file) : table);
            case "geojson", "json":
                return GeoJsonReader.open(file);
            default:
                throw new InputException(new UserMessage("error.file.format", file, ext));
        }
    }

    private static String onlyTable(Path gpkg) throws IOException, InputException {
        List<String> tables = GeoPackageLayers.featureTables(gpkg);
        if (tables.size() == 1) return tables.get(0);
        if (tables.isEmpty()) throw new InputException(new UserMessage("layer.gpkg.noTables", gpkg.getFileName().toString()));
        throw new InputException(new UserMessage("error.gpkg.chooseTable", gpkg, String.join(", ", tables)));
    }

    public static String extension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension, as a default layer name. */
    public static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot <= 0 ? n : n.substring(0, dot);
    }
}
