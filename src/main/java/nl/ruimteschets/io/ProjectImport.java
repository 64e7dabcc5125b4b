package nl.ruimteschets.io;

import java.io.IOException;
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
import nl.ruimteschets.model.UserMessage;

/**
 * Imports a file as a new layer straight into a project file, streaming: reader → {@link Importer}
 * (CRS, repair, counts) → GeoPackage table. Memory stays flat for any file size. The layer is written
 * into a working copy of the project that replaces it in one rename at the end
 * ({@link ProjectStore#beginImport}): on any failure, cancellation, full disk or kill the project is as
 * it was (a new project file is not created at all), and a refusal says why in the user's words.
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
        ImportReport report = new ImportReport();
        report.setSource(file.getFileName().toString());
        report.setFormat(Formats.extension(file));
        try (FeatureReader reader = Formats.open(file, sourceTable, encoding);
             ProjectStore.Import target = ProjectStore.beginImport(project)) {
            target.notes().forEach(report::warn);
            try (GeoPackageLayerSink sink = target.newLayer(name, Importer.fields(reader), reader.geometryKind())) {
                Importer.run(reader, sink, epsg, report, progress);
                sink.commit();
                if (sink.kindMismatch()) report.warn(new UserMessage("import.kind.mismatch", report.source()));
                reader.warnings().forEach(report::warn); // after reading: some are only known at the end (deleted records)
            } catch (IOException e) {
                throw ProjectWriteException.of(project, e);
            }
            target.recordLayer(name, role, guessMapping(reader.fields()), file.toAbsolutePath().toString(), report);
            target.writeStyle(new QgisStyles.Entry(name, "geom", reader.geometryKind(), QgisStyles.Look.of(role, null)));
            target.commit();
        } catch (ProjectWriteException e) {
            throw new InputException(e.userMessage(), e);
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
