package nl.ruimteschets.io;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.UserMessage;

/**
 * Notices a layer whose identifier column repeats values (several versions of one object, a file
 * appended twice) so the import report can warn: every row would otherwise count as an object.
 * The identifier column is the first of {@code identificatie}, {@code id}, {@code gml_id},
 * {@code lokaalid}, {@code objectid}. Not thread-safe; one import per instance.
 */
final class RepeatedIds {
    private static final List<String> ID_NAMES = List.of("identificatie", "id", "gml_id", "lokaalid", "objectid");

    private final int column;
    private final String name;
    private final Set<Object> seen = new HashSet<>();
    private long repeated;

    private RepeatedIds(int column, String name) {
        this.column = column;
        this.name = name;
    }

    /** A check on the layer's identifier column, or null when it has none. */
    static RepeatedIds of(List<Field> fields) {
        for (String candidate : ID_NAMES) {
            for (int i = 0; i < fields.size(); i++) {
                if (fields.get(i).name().toLowerCase(Locale.ROOT).equals(candidate)) return new RepeatedIds(i, fields.get(i).name());
            }
        }
        return null;
    }

    void offer(Feature f) {
        Object v = f.value(column);
        if (v != null && !seen.add(v)) repeated++;
    }

    void report(ImportReport report) {
        if (repeated > 0) report.warn(new UserMessage("import.ids.repeated", name, repeated, seen.size()));
    }
}
