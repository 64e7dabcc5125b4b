package nl.ruimteschets.io;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.UserMessage;

/**
 * BAG extracts (pand, verblijfsobject) as they come: every historical version of an object
 * ({@code identificatie}, {@code voorkomenIdentificatie}, {@code beginGeldigheid}/{@code eindGeldigheid},
 * {@code tijdstipInactief}) and objects that no longer exist. Recognised by their attribute set; the
 * import then keeps the current version of each {@code identificatie}, leaves out objects that do not
 * (or no longer) exist, keeps permitted-but-not-built ones with {@code gepland} = true, and says all of
 * it with counts in the import report. Without this a town of 7,797 buildings counted as 13,098 rows.
 *
 * <p>Holds one version per object until {@link #finish}, so memory grows with the number of objects,
 * not rows. Not thread-safe; one import per instance.
 */
final class BagVersions {
    /** The field added to a BAG layer: true for a building or dwelling that is permitted but not built yet. */
    static final String PLANNED_FIELD = "gepland";

    /** Statuses of objects that do not or no longer exist (BAG catalogus 2018). */
    static final Set<String> GONE = Set.of("pand gesloopt", "niet gerealiseerd pand", "pand ten onrechte opgevoerd",
            "verblijfsobject ingetrokken", "niet gerealiseerd verblijfsobject", "verblijfsobject ten onrechte opgevoerd");
    /** Statuses of objects that are permitted but not (yet) there. */
    static final Set<String> PLANNED = Set.of("bouwvergunning verleend", "verblijfsobject gevormd");

    private final int id;
    private final int version;
    private final int begin;
    private final int end;
    private final int inactive;
    private final int status;
    private final LocalDate today;
    /** identificatie → the best version so far, in first-seen order. */
    private final Map<Object, Feature> current = new LinkedHashMap<>();
    private long rows;
    private long inactiveRows;

    private BagVersions(Map<String, Integer> columns, LocalDate today) {
        this.id = columns.get("identificatie");
        this.version = columns.getOrDefault("voorkomenidentificatie", -1);
        this.begin = columns.getOrDefault("begingeldigheid", -1);
        this.end = columns.getOrDefault("eindgeldigheid", -1);
        this.inactive = columns.getOrDefault("tijdstipinactief", -1);
        this.status = columns.get("status");
        this.today = today;
    }

    /**
     * A BAG version filter for these fields, or null when they are not a BAG attribute set: identificatie
     * and status, with voorkomenIdentificatie or beginGeldigheid (names compared without case or underscores).
     */
    static BagVersions recognise(List<Field> fields, LocalDate today) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) columns.putIfAbsent(normalise(fields.get(i).name()), i);
        boolean bag = columns.containsKey("identificatie") && columns.containsKey("status")
                && (columns.containsKey("voorkomenidentificatie") || columns.containsKey("begingeldigheid"));
        return bag && !columns.containsKey(PLANNED_FIELD) ? new BagVersions(columns, today) : null;
    }

    /** The layer's fields: the file's plus {@link #PLANNED_FIELD}. */
    static List<Field> withPlanned(List<Field> fields) {
        List<Field> out = new ArrayList<>(fields);
        out.add(new Field(PLANNED_FIELD, FieldType.BOOLEAN));
        return out;
    }

    /** Takes one row (geometry already checked and in RD); keeps it when it is its object's newest active version. */
    void offer(Feature f) {
        rows++;
        if (inactive >= 0 && f.value(inactive) != null && !String.valueOf(f.value(inactive)).isBlank()) {
            inactiveRows++; // a version registered in error and withdrawn: never the truth
            return;
        }
        Object key = f.value(id);
        if (key == null) key = "#" + f.id(); // no identificatie: an object of its own
        Feature old = current.get(key);
        if (old == null || newer(f, old)) current.put(key, f);
    }

    private boolean newer(Feature a, Feature b) {
        int byVersion = compare(a, b, version);
        return byVersion != 0 ? byVersion > 0 : compare(a, b, begin) > 0;
    }

    /** Compares two values of a column: numbers as numbers, anything else (ISO dates) as text; null is oldest. */
    private static int compare(Feature a, Feature b, int column) {
        if (column < 0) return 0;
        Object x = a.value(column), y = b.value(column);
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        if (x instanceof Number nx && y instanceof Number ny) return Double.compare(nx.doubleValue(), ny.doubleValue());
        return String.valueOf(x).compareTo(String.valueOf(y));
    }

    /** Hands the kept objects to the sink (planned ones marked), counts them and writes the report lines. */
    void finish(FeatureSink sink, ImportReport report) throws IOException {
        Map<String, Long> gone = new TreeMap<>();
        Map<String, Long> planned = new TreeMap<>();
        long ended = 0;
        String kind = "";
        for (Feature f : current.values()) {
            String s = f.value(status) == null ? "" : String.valueOf(f.value(status)).trim();
            String norm = s.toLowerCase(Locale.ROOT);
            if (kind.isEmpty() && norm.contains("verblijfsobject")) kind = "verblijfsobject";
            if (kind.isEmpty() && norm.contains("pand")) kind = "pand";
            if (GONE.contains(norm)) {
                gone.merge(s, 1L, Long::sum);
                continue;
            }
            if (hasEnded(f)) { // the newest version ended and none followed: the object is no more
                ended++;
                continue;
            }
            boolean isPlanned = PLANNED.contains(norm);
            if (isPlanned) planned.merge(s, 1L, Long::sum);
            Object[] values = java.util.Arrays.copyOf(f.values(), f.values().length + 1);
            values[values.length - 1] = isPlanned;
            sink.accept(new Feature(f.id(), f.geometry(), values));
            report.countImported();
        }
        String objects = kind.isEmpty() ? "BAG" : kind;
        report.warn(new UserMessage("import.bag.versions", objects, rows, current.size(), rows - current.size() - inactiveRows));
        if (inactiveRows > 0) report.warn(new UserMessage("import.bag.inactive", inactiveRows));
        long goneCount = gone.values().stream().mapToLong(Long::longValue).sum() + ended;
        if (goneCount > 0) {
            List<String> parts = new ArrayList<>();
            gone.forEach((s, n) -> parts.add(n + " × " + s));
            if (ended > 0) parts.add(ended + " × eindGeldigheid");
            report.warn(new UserMessage("import.bag.gone", goneCount, String.join(", ", parts)));
        }
        if (!planned.isEmpty()) {
            List<String> parts = new ArrayList<>();
            planned.forEach((s, n) -> parts.add(n + " × " + s));
            report.warn(new UserMessage("import.bag.planned", planned.values().stream().mapToLong(Long::longValue).sum(),
                    String.join(", ", parts), PLANNED_FIELD));
        }
    }

    private boolean hasEnded(Feature f) {
        if (end < 0 || f.value(end) == null) return false;
        String text = String.valueOf(f.value(end)).trim();
        if (text.length() < 10) return !text.isEmpty();
        try {
            return !LocalDate.parse(text.substring(0, 10)).isAfter(today);
        } catch (java.time.format.DateTimeParseException e) {
            return true; // an end we cannot read is still an end
        }
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "");
    }
}
