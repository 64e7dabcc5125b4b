package nl.ruimteschets.io;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns attribute names into dBASE field names (at most 10 ASCII characters, unique ignoring case).
 * Stateless and thread-safe.
 */
public final class ShapefileFieldNames {
    static final int MAX = 10;

    private ShapefileFieldNames() { }

    /**
     * Shortens names deterministically, in list order:
     * <ol>
     * <li>Accents and ligatures are undone (é → e, ĳ → ij) and every character other than A–Z, a–z, 0–9 and _ becomes _;
     *     an empty name becomes "FIELD". Case is kept.</li>
     * <li>The first 10 characters are taken. If that is not yet used (case-insensitively, as GDAL and
     *     ArcGIS compare field names), it is the result.</li>
     * <li>Otherwise the name becomes its first {@code 9 - digits(n)} characters + "_" + n, for
     *     n = 1, 2, … the first that is unused: "gebruik_noord" and "gebruik_nood" give "gebruik_no"
     *     and "gebruik__1". With one digit that is 8 characters + "_" + digit; the prefix shrinks for
     *     more digits so the result never exceeds 10.</li>
     * </ol>
     * Earlier names win, so the same input list always gives the same output list.
     *
     * @return one field name per input name, in the same order
     */
    public static List<String> shorten(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        Set<String> used = new HashSet<>();
        for (String name : names) {
            String clean = clean(name);
            String candidate = clean.substring(0, Math.min(MAX, clean.length()));
            for (int n = 1; used.contains(candidate.toUpperCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                int keep = Math.min(clean.length(), MAX - suffix.length());
                candidate = clean.substring(0, keep) + suffix;
            }
            used.add(candidate.toUpperCase(Locale.ROOT));
            out.add(candidate);
        }
        return out;
    }

    private static String clean(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9_]", "_");
        return ascii.isEmpty() ? "FIELD" : ascii;
    }
}
