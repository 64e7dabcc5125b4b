package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;

/**
 * Imports a file as a new layer straight into a project file, streaming: reader → {@link Importer}
 * (CRS, repair, counts) → GeoPackage table. Memory stays flat for any file size. On any failure or
 * cancellation the new table is dropped (and a project file created for this import is deleted), so
 * the project is as it was.
 */
public final class ProjectImport {
    /** Field names that usually hold a semantic value, per semantic key (Dutch and English spellings). */
    private static final Map<String, List<String>> GUESSES = Map.of(
            Layer.MAP_NAME, List.of("naam", "name", "gebiedsnaam", "naam_n2k", "omschrijving"),
            Layer.MAP_CLUSTER, List.of("cluster", "clusternaam"),
            Layer.MAP_KIND, List.of("soort", "kind", "type", "contour", "contourtype"),
            Layer.MAP_VULNERABILITY, List.of("kwetsbaarheid", "kwetsbaar", "klasse", "vulnerability", "categorie"),
            Layer.MAP_KDW, List.of("kdw", "kdw_mol", "min_kdw", "laagste_kdw"),
            Layer.MAP_AREA_HA, List.of("netto_ha", "oppervlakte_ha", "area_ha", "ha"));

    private ProjectImport() { }

    /**
     * @param layerName name of the new layer (default: the file's base name)
     * @param sourceTable GeoPackage table to read, or null for the only one
     * @param epsg CRS chosen by the user, or null to use the file's
     * @param encoding DBF encoding chosen by the user, or null to detect
     */
    public static ImportReport run(Path project, Path file, String layerName, String sourceTable, LayerRole role,
                                   Integer epsg, String encoding, ProgressListener progress)
            throws IOException, InputException {
        String name = layerName != null ? layerName : Formats.baseName(file);
        boolean created = !Files.exists(project);
        ImportReport report = new ImportReport();
        report.setSource(file.getFileName().toString());
        report.setFormat(Formats.extension(file));
        try (FeatureReader reader = Formats.open(file, sourceTable, encoding)) {
            GeoPackageLayerSink sink = ProjectStore.importLayer(project, name, Importer.fields(reader), reader.geometryKind());
            try {
                Importer.run(reader, sink, epsg, report, progress);
                sink.commit();
            } catch (IOException | InputException | RuntimeException e) {
                sink.abort();
                throw e;
            }
            ProjectStore.recordLayer(project, name, role, guessMapping(reader.fields()), file.toAbsolutePath().toString(),
                    report);
        } catch (IOException | InputException | RuntimeException e) {
            if (created) Files.deleteIfExists(project);
            throw e;
        }
        return report;
    }

    /** Maps semantic keys to the first field whose name is a usual spelling for it. */
    public static Map<String, String> guessMapping(List<Field> fields) {
        Map<String, String> mapping = new HashMap<>();
        GUESSES.forEach((key, spellings) -> {
            for (String s : spellings) {
                for (Field f : fields) {
                    if (f.name().toLowerCase(Locale.ROOT).equals(s)) {
                        mapping.putIfAbsent(key, f.name());
                    }
                }
            }
        });
        return mapping;
    }
}
