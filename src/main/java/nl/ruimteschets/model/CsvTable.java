package nl.ruimteschets.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small UTF-8 CSV reader for the bundled default tables (profiles, sample maps): comma separated,
 * double quotes around fields that hold commas ("" inside quotes is one quote), lines starting with
 * '#' and blank lines skipped, first other line is the header. Numbers use a decimal point.
 * Every error names the source and line, because these files are edited by hand.
 */
public final class CsvTable {
    private final String source;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    /** One data line; {@code line} is the 1-based line number in the file. */
    public final class Row {
        private final int line;
        private final List<String> values;

        private Row(int line, List<String> values) {
            this.line = line;
            this.values = values;
        }

        public int line() { return line; }

        public String text(String column) {
            Integer i = columns.get(column);
            if (i == null) throw failure(line, "no column '" + column + "'");
            return values.get(i).trim();
        }

        /** Whether the table has this column (for columns added later, read with a default when absent). */
        public boolean has(String column) { return columns.containsKey(column); }

        public double number(String column) {
            String t = text(column);
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw failure(line, "column '" + column + "' is not a number: '" + t + "'");
            }
        }

        public boolean bool(String column) {
            String t = text(column).toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("ja")) return true;
            if (t.equals("false") || t.equals("nee")) return false;
            throw failure(line, "column '" + column + "' is not true/false: '" + t + "'");
        }

        public IllegalArgumentException error(String message) { return failure(line, message); }
    }

    private CsvTable(String source) { this.source = source; }

    public String source() { return source; }
    public List<Row> rows() { return rows; }

    /** Reads a classpath resource; fails loudly when it is missing. */
    public static CsvTable resource(Class<?> anchor, String path) {
        InputStream in = anchor.getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("missing resource " + path);
        return read(in, path);
    }

    public static CsvTable read(InputStream in, String source) {
        CsvTable t = new CsvTable(source);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> header = null;
            String text;
            int line = 0;
            while ((text = r.readLine()) != null) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
                if (text.isBlank() || text.startsWith("#")) continue;
                List<String> values = split(text, line, t);
                if (header == null) {
                    header = values;
                    for (int i = 0; i < header.size(); i++) t.columns.put(header.get(i).trim(), i);
                } else if (values.size() != header.size()) {
                    throw t.failure(line, "expected " + header.size() + " columns, found " + values.size());
                } else {
                    t.rows.add(t.new Row(line, values));
                }
            }
            if (header == null) throw t.failure(line, "no header line");
        } catch (IOException e) {
            throw new UncheckedIOException(source, e);
        }
        return t;
    }

    private static List<String> split(String text, int line, CsvTable t) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw t.failure(line, "unclosed quote");
        out.add(cur.toString());
        return out;
    }

    private IllegalArgumentException failure(int line, String message) {
        return new IllegalArgumentException(source + ":" + line + ": " + message);
    }
}
