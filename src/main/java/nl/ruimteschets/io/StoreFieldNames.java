package nl.ruimteschets.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * Makes a file's field names fit a project table: a field called {@code fid} or {@code geom} (our
 * id and geometry columns), a blank name, or names that differ only in case (SQLite column names
 * are case-insensitive) get a suffix instead of failing the import, with a note per renamed field.
 * Applied once, by {@link Formats#open}, so the layer in memory and its table agree. Stateless
 * helper; the wrapping reader is as thread-safe as the reader it wraps (not).
 */
final class StoreFieldNames implements FeatureReader {
    private final FeatureReader inner;
    private final List<Field> fields;
    private final List<UserMessage> notes = new ArrayList<>();

    private StoreFieldNames(FeatureReader inner, String fileName) {
        this.inner = inner;
        Set<String> taken = new HashSet<>(List.of(GpkgTables.FID, GpkgTables.GEOM));
        List<Field> out = new ArrayList<>();
        for (Field f : inner.fields()) {
            String base = f.name().isBlank() ? "veld" : f.name();
            String name = base;
            for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) name = base + "_" + n;
            taken.add(name.toLowerCase(Locale.ROOT));
            if (!name.equals(f.name())) notes.add(new UserMessage("import.field.renamed", fileName, f.name(), name));
            out.add(new Field(name, f.type()));
        }
        this.fields = List.copyOf(out);
    }

    /** The reader itself when no name needs changing. */
    static FeatureReader wrap(FeatureReader reader, String fileName) {
        StoreFieldNames w = new StoreFieldNames(reader, fileName);
        return w.notes.isEmpty() ? reader : w;
    }

    @Override public List<Field> fields() { return fields; }
    @Override public GeometryKind geometryKind() { return inner.geometryKind(); }
    @Override public SourceCrs crs() { return inner.crs(); }
    @Override public String encoding() { return inner.encoding(); }
    @Override public long count() { return inner.count(); }
    @Override public Feature next() throws IOException, InputException { return inner.next(); }

    @Override
    public List<UserMessage> warnings() {
        List<UserMessage> all = new ArrayList<>(inner.warnings());
        all.addAll(notes);
        return all;
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
