package nl.ruimteschets.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * One validation case: an independent run of a reference model (NoiseModelling or OPS-LT) for a real
 * candidate shape, in the format of the shared reference set ({@code validation/*.json} beside its CSV,
 * lines starting with {@code #} are comments). The project ships the shared cases under
 * {@code nl/ruimteschets/validation/} with their provenance ({@link #shipped()}).
 *
 * @param name the case file's name (e.g. {@code ops_maasvlakte.json})
 * @param kind "noise" or "nitrogen"
 * @param source the candidate polygon in RD New
 * @param json the descriptor (source strength, height, ground factor…)
 * @param rowKind per receiver: the CSV's {@code kind} column (noise: {@code edge}, {@code lden50} …), or "receptor"
 * @param distanceFromEdgeM per receiver: distance from the polygon edge (noise) or its envelope (nitrogen), m
 * @param reference per receiver: the reference model's value (dB(A) or mol N/ha/yr)
 * Thread safety: immutable by convention (arrays are not copied).
 */
public record ValidationCase(String name, String kind, Geometry source, JsonNode json, double[] x, double[] y,
                             String[] rowKind, double[] distanceFromEdgeM, double[] reference) {
    /** The shipped case files, in the order {@code validate --shipped} runs them. */
    public static final List<String> SHIPPED = List.of("ops_maasvlakte.json", "ops_moerdijk.json",
            "noise_compact200ha.json", "noise_L100ha.json");
    private static final String RESOURCE_DIR = "/nl/ruimteschets/validation/";

    public boolean noise() { return kind.equals("noise"); }

    public double number(String field, double fallback) {
        JsonNode n = json.get(field);
        return n != null && n.isNumber() ? n.asDouble() : fallback;
    }

    /** Reads a case file and the CSV it names (beside it). */
    public static ValidationCase read(Path file) throws InputException {
        String name = file.getFileName().toString();
        try {
            byte[] json = Files.readAllBytes(file);
            return parse(name, json, csv -> {
                Path p = file.resolveSibling(csv);
                if (!Files.isRegularFile(p)) throw bad(name, "validate.bad.csvMissing", csv);
                return Files.newInputStream(p);
            });
        } catch (IOException e) {
            throw bad(name, "validate.bad.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** A shipped case, read from the class path. */
    public static ValidationCase shipped(String name) throws InputException {
        try (InputStream in = ValidationCase.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw bad(name, "validate.bad.unreadable", name);
            return parse(name, in.readAllBytes(), csv -> {
                InputStream s = ValidationCase.class.getResourceAsStream(RESOURCE_DIR + csv);
                if (s == null) throw bad(name, "validate.bad.csvMissing", csv);
                return s;
            });
        } catch (IOException e) {
            throw bad(name, "validate.bad.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /** Every shipped case. */
    public static List<ValidationCase> shipped() throws InputException {
        List<ValidationCase> out = new ArrayList<>();
        for (String n : SHIPPED) out.add(shipped(n));
        return out;
    }

    private interface CsvOpener {
        InputStream open(String csv) throws IOException, InputException;
    }

    private static ValidationCase parse(String name, byte[] jsonBytes, CsvOpener opener) throws InputException, IOException {
        JsonNode j;
        try {
            j = new ObjectMapper().readTree(jsonBytes);
        } catch (IOException e) {
            throw bad(name, "validate.bad.json");
        }
        if (j == null || !j.isObject()) throw bad(name, "validate.bad.json");
        String kind = text(j, "kind");
        if (!"noise".equals(kind) && !"nitrogen".equals(kind)) throw bad(name, "validate.bad.kind", String.valueOf(kind));
        String crs = text(j, "crs");
        if (crs != null && !crs.equalsIgnoreCase("EPSG:28992")) throw bad(name, "validate.bad.crs", crs);
        Geometry g;
        try {
            String wkt = text(j, "source_wkt");
            if (wkt == null) throw bad(name, "validate.bad.field", "source_wkt");
            g = new WKTReader(Rd.FACTORY).read(wkt);
        } catch (ParseException e) {
            throw bad(name, "validate.bad.field", "source_wkt");
        }
        if (!(g instanceof Polygonal) || !(g.getArea() > 0) || !g.isValid()) throw bad(name, "validate.bad.field", "source_wkt");
        String[] required = "noise".equals(kind) ? new String[] {"lw_dba_per_m2", "ground_g"}
                : new String[] {"nox_kg_per_yr", "nh3_kg_per_yr", "emission_height_m"};
        for (String f : required) {
            if (j.get(f) == null || !j.get(f).isNumber()) throw bad(name, "validate.bad.field", f);
        }
        String csv = text(j, "receivers_csv"), column = text(j, "value_column");
        if (csv == null || csv.contains("/") || csv.contains("\\")) throw bad(name, "validate.bad.field", "receivers_csv");
        if (column == null) throw bad(name, "validate.bad.field", "value_column");
        List<double[]> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(opener.open(csv), StandardCharsets.UTF_8))) {
            String header = null;
            int ix = -1, iy = -1, iv = -1, ik = -1, id = -1;
            int lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] c = line.split(",");
                if (header == null) {
                    header = line;
                    List<String> cols = Arrays.asList(c);
                    ix = cols.indexOf("x");
                    iy = cols.indexOf("y");
                    iv = cols.indexOf(column);
                    ik = cols.indexOf("kind");
                    id = cols.indexOf("distance_from_edge_m");
                    if (id < 0) id = cols.indexOf("distance_to_source_envelope_m");
                    if (ix < 0 || iy < 0 || iv < 0) throw bad(name, "validate.bad.columns", csv, column);
                    continue;
                }
                try {
                    rows.add(new double[] {Double.parseDouble(c[ix]), Double.parseDouble(c[iy]), Double.parseDouble(c[iv]),
                        id >= 0 ? Double.parseDouble(c[id]) : Double.NaN});
                    kinds.add(ik >= 0 ? c[ik] : "receptor");
                } catch (RuntimeException e) {
                    throw bad(name, "validate.bad.row", csv, lineNo);
                }
            }
        }
        if (rows.isEmpty()) throw bad(name, "validate.bad.empty", csv);
        int n = rows.size();
        double[] x = new double[n], y = new double[n], v = new double[n], d = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rows.get(i)[0];
            y[i] = rows.get(i)[1];
            v[i] = rows.get(i)[2];
            d[i] = rows.get(i)[3];
        }
        return new ValidationCase(name, kind, g, j, x, y, kinds.toArray(new String[0]), d, v);
    }

    private static String text(JsonNode j, String f) {
        JsonNode n = j.get(f);
        return n == null || !n.isTextual() ? null : n.asText();
    }

    private static InputException bad(String file, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = file;
        System.arraycopy(args, 0, all, 1, args.length);
        return new InputException(new UserMessage(key, all));
    }
}
