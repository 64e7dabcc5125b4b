package nl.ruimteschets.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.ruimteschets.io.GeoPackageWriter;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ShapefileWriter;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a corpus of malformed, quirky and hostile inputs (shapefile, dbf, shx, prj, cpg, zip, GeoJSON,
 * GeoPackage, and hostile project files), each with the outcome a user should get from
 * {@code ruimteschets import}: refused with a message containing given words, or imported with N
 * features and a warning. The byte-level cases start from a valid file and change one thing, so each
 * case tests what its name says. Deterministic; not thread-safe (writes into one directory).
 */
final class MalformedInputCorpus {

    /** What the user must see: refused with these Dutch fragments, or so many features and these warnings. */
    record Expect(boolean refused, int features, List<String> fragments) {
        static Expect refused(String... fragments) { return new Expect(true, -1, List.of(fragments)); }
        static Expect imported(int features, String... warnings) { return new Expect(false, features, List.of(warnings)); }
    }

    /** Something done to the project copy before the import (hostile project files). */
    interface ProjectPrep {
        void apply(Path project) throws Exception;
    }

    /** A post-condition on the project after the import, beyond the common ones. */
    interface ProjectCheck {
        void check(Path project) throws Exception;
    }

    record Case(String kind, String name, Path input, List<String> args, Expect expect, ProjectPrep prep,
                ProjectCheck check) {
        String layer() {
            int i = args.indexOf("--layer");
            if (i >= 0) return args.get(i + 1);
            String n = input.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot <= 0 ? n : n.substring(0, dot);
        }
    }

    static final GeometryFactory GF = new GeometryFactory();
    static final List<Field> FIELDS = List.of(new Field("naam", FieldType.TEXT), new Field("nummer", FieldType.INTEGER),
            new Field("hoogte", FieldType.REAL));
    static final int N = 6;
    /** A shapefile record of one square: 8 header + 4 type + 32 box + 4 + 4 + 4 (one part) + 5 × 16 points. */
    private static final int FIRST_RECORD = 100;
    private static final int POINTS_AT = FIRST_RECORD + 8 + 44 + 4;

    private final Path dir;
    private final List<Case> cases = new ArrayList<>();
    private int counter;

    private MalformedInputCorpus(Path dir) {
        this.dir = dir;
    }

    static List<Case> generate(Path dir) throws Exception {
        MalformedInputCorpus c = new MalformedInputCorpus(dir);
        Files.createDirectories(dir);
        c.shapefiles();
        c.dbfs();
        c.encodings();
        c.names();
        c.zips();
        c.geoJson();
        c.geoPackages();
        c.hostileProjects();
        c.otherFiles();
        return c.cases;
    }

    // ------------------------------------------------------------------ helpers

    private void add(String kind, String name, Path input, Expect e, String... args) {
        cases.add(new Case(kind, name, input, List.of(args), e, null, null));
    }

    private Path caseDir(String name) throws IOException {
        return Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "%03d-%s", ++counter,
                name.replaceAll("[^A-Za-z0-9]+", "_"))));
    }

    static List<Feature> squares(int n) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 150_000 + (i % 500) * 200, y = 450_000 + (i / 500) * 200; // rows of 500: stays inside RD
            Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x, y + 100),
                    new Coordinate(x + 100, y + 100), new Coordinate(x + 100, y), new Coordinate(x, y)});
            out.add(new Feature(i + 1, p, new Object[] {"kavel " + (i + 1), (long) (i + 1), 2.5 * i}));
        }
        return out;
    }

    /** A valid shapefile of {@link #N} squares in a fresh case folder. */
    private Path validShp(String name, String base) throws IOException {
        Path shp = caseDir(name).resolve(base + ".shp");
        new ShapefileWriter().write(shp, base, FIELDS, squares(N), ProgressListener.NONE);
        return shp;
    }

    static Path sibling(Path shp, String ext) {
        String n = shp.getFileName().toString();
        return shp.resolveSibling(n.substring(0, n.length() - 4) + ext);
    }

    private static void patch(Path file, long pos, ByteOrder order, int value) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(order).putInt((int) pos, value);
        Files.write(file, b);
    }

    private static void patchShort(Path file, long pos, int value) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort((int) pos, (short) value);
        Files.write(file, b);
    }

    private static void patchDouble(Path file, long pos, double value) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putDouble((int) pos, value);
        Files.write(file, b);
    }

    private static void truncate(Path file, long length) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, (int) Math.min(length, b.length)));
    }

    /** Offset of record {@code i} (0-based) in the .shp, from the .shx. */
    private static int recordOffset(Path shp, int i) throws IOException {
        byte[] shx = Files.readAllBytes(sibling(shp, ".shx"));
        return 2 * ByteBuffer.wrap(shx).order(ByteOrder.BIG_ENDIAN).getInt(100 + 8 * i);
    }

    private static int dbfHeaderLength(Path dbf) throws IOException {
        return Short.toUnsignedInt(ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
    }

    private static int dbfRecordLength(Path dbf) throws IOException {
        return Short.toUnsignedInt(ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN).getShort(10));
    }

    // ------------------------------------------------------------------ shapefiles

    private void shapefiles() throws IOException {
        add("shp", "valid control", validShp("valid", "kavels"), Expect.imported(N));
        for (int parts : new int[] {-1, Integer.MAX_VALUE, 65_536, 6, 1 << 30}) {
            Path shp = validShp("numParts " + parts, "delen");
            patch(shp, FIRST_RECORD + 8 + 36, ByteOrder.LITTLE_ENDIAN, parts);
            add("shp", "numParts " + parts, shp, Expect.refused("delen.shp", "record 1"));
        }
        for (int points : new int[] {-1, Integer.MAX_VALUE, 5_000_001, 100_000, 6, 2}) {
            Path shp = validShp("numPoints " + points, "punten");
            patch(shp, FIRST_RECORD + 8 + 40, ByteOrder.LITTLE_ENDIAN, points);
            // 2 points fit in the record: a degenerate ring, skipped; the others do not fit or exceed the cap
            add("shp", "numPoints " + points, shp, points == 2 ? Expect.imported(N - 1, "1 overgeslagen")
                    : points == 5_000_001 ? Expect.refused("punten.shp", "record 1", "5.000.000")
                    : Expect.refused("punten.shp", "record 1"));
        }
        // a part index pointing past the points, or a second part starting before the first
        Path badIndex = validShp("part index beyond", "index");
        patch(badIndex, FIRST_RECORD + 8 + 44, ByteOrder.LITTLE_ENDIAN, 40);
        add("shp", "part index beyond the points", badIndex, Expect.refused("index.shp", "record 1"));
        double[] bad = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        String[] badName = {"Inf", "-Inf", "NaN"};
        for (int v = 0; v < bad.length; v++) {
            for (int vertex = 0; vertex < 5; vertex++) {
                for (int axis = 0; axis < 2; axis++) {
                    int record = vertex % 2 == 0 ? 1 : 4;
                    Path shp = validShp("vertex " + badName[v] + " " + vertex + axis, "oneindig");
                    int at = recordOffset(shp, record - 1) + 8 + 44 + 4 + vertex * 16 + axis * 8;
                    patchDouble(shp, at, bad[v]);
                    add("shp", badName[v] + " at vertex " + vertex + (axis == 0 ? " x" : " y") + " of record " + record,
                            shp, Expect.refused("oneindig.shp", "object " + record, "Inf/NaN"));
                }
            }
        }
        for (int type : new int[] {8, 99, 31, -1}) {
            Path shp = validShp("record type " + type, "vormtype");
            patch(shp, FIRST_RECORD + 8, ByteOrder.LITTLE_ENDIAN, type);
            add("shp", "record shape type " + type, shp, Expect.refused("vormtype.shp", "record 1"));
        }
        for (int code : new int[] {0, 1, 9995, -9994}) {
            Path shp = validShp("file code " + code, "code");
            patch(shp, 0, ByteOrder.BIG_ENDIAN, code);
            add("shp", "file code " + code, shp, Expect.refused("code.shp", "geen shapefile"));
        }
        for (int type : new int[] {31, 99, -1, 2}) {
            Path shp = validShp("header type " + type, "kop");
            patch(shp, 32, ByteOrder.LITTLE_ENDIAN, type);
            add("shp", "header shape type " + type, shp, Expect.refused("kop.shp", "vormtype"));
        }
        for (int len : new int[] {10, 99, 150, 300, 500}) {
            Path shp = validShp("truncated shp " + len, "kort");
            truncate(shp, len);
            add("shp", ".shp cut at " + len + " bytes", shp, Expect.refused("kort.shp"));
        }
        Path noShx = validShp("no shx", "zonderindex");
        Files.delete(sibling(noShx, ".shx"));
        add("shx", "missing .shx", noShx, Expect.refused("zonderindex.shp", ".shx"));
        Path shortShx = validShp("short shx", "kortindex");
        truncate(sibling(shortShx, ".shx"), 120);
        add("shx", ".shx cut in an entry", shortShx, Expect.refused("kortindex.shx"));
        Path beyondShx = validShp("shx beyond", "voorbij");
        patch(sibling(beyondShx, ".shx"), 100, ByteOrder.BIG_ENDIAN, 1_000_000);
        add("shx", ".shx offset beyond the .shp", beyondShx, Expect.refused("voorbij.shp", "record 1"));
        Path lowShx = validShp("shx low", "laag");
        patch(sibling(lowShx, ".shx"), 100 + 8, ByteOrder.BIG_ENDIAN, 10);
        add("shx", ".shx offset inside the header", lowShx, Expect.refused("laag.shp", "record 2"));
        Path longRec = validShp("shx length huge", "lang");
        patch(sibling(longRec, ".shx"), 104, ByteOrder.BIG_ENDIAN, Integer.MAX_VALUE);
        add("shx", ".shx record length 2^31-1", longRec, Expect.refused("lang.shp", "record 1"));
        Path shpLen = validShp("shp content length huge", "inhoud");
        patch(shpLen, FIRST_RECORD + 4, ByteOrder.BIG_ENDIAN, Integer.MAX_VALUE);
        add("shp", "record content length 2^31-1 in the .shp", shpLen, Expect.imported(N));
        Path noDbf = validShp("no dbf", "zonderdbf");
        Files.delete(sibling(noDbf, ".dbf"));
        add("dbf", "missing .dbf", noDbf, Expect.refused("zonderdbf.shp", ".dbf"));
        Path empty = caseDir("zero records").resolve("leeg.shp");
        new ShapefileWriter().write(empty, "leeg", FIELDS, List.of(), ProgressListener.NONE);
        add("shp", "no records", empty, Expect.imported(0));
        Path nulls = caseDir("null shapes").resolve("nul.shp");
        List<Feature> nullFeatures = new ArrayList<>();
        for (int i = 1; i <= 4; i++) nullFeatures.add(new Feature(i, null, new Object[] {"x", (long) i, 1.0}));
        nullFeatures.addAll(squares(2));
        new ShapefileWriter().write(nulls, "nul", FIELDS, nullFeatures, ProgressListener.NONE);
        add("shp", "null shapes beside squares", nulls, Expect.imported(2));
        for (String[] crs : new String[][] {{"EPSG:999999", "999999"}, {"EPSG:99999999999", "99999999999"},
                {"EPSG:4326", "4326"}, {"onzin", "--crs"}, {"EPSG:-1", "--crs"}}) {
            Path shp = validShp("crs " + crs[0], "stelsel");
            add("prj", "--crs " + crs[0] + " on RD data", shp, Expect.refused(crs[1]), "--crs", crs[0]);
        }
        Path ring = caseDir("open ring").resolve("open.shp");
        new ShapefileWriter().write(ring, "open", FIELDS, squares(N), ProgressListener.NONE);
        patchDouble(ring, POINTS_AT + 4 * 16, 150_050); // last vertex no longer closes the ring
        add("shp", "unclosed ring (repaired)", ring, Expect.imported(N));
    }

    // ------------------------------------------------------------------ dbf

    private void dbfs() throws IOException {
        for (int k = 1; k <= N; k++) {
            Path shp = validShp("deleted " + k, "verwijderd");
            Path dbf = sibling(shp, ".dbf");
            byte[] b = Files.readAllBytes(dbf);
            int h = dbfHeaderLength(dbf), r = dbfRecordLength(dbf);
            for (int i = 0; i < k; i++) b[h + (i * 2 % N + (i * 2 >= N ? 1 : 0)) * r] = '*';
            Files.write(dbf, b);
            add("dbf", k + " records marked deleted", shp, Expect.imported(N - k, "als verwijderd gemarkeerd"));
        }
        for (int lie : new int[] {33, 64, 0, 65_535, -32, 1, 2}) {
            Path shp = validShp("header length " + lie, "koplengte");
            Path dbf = sibling(shp, ".dbf");
            int real = dbfHeaderLength(dbf);
            int value = lie <= 2 && lie > -100 && lie != 0 ? real + lie : lie;
            patchShort(dbf, 8, value);
            add("dbf", "header length says " + value + " (really " + real + ")", shp, Expect.imported(N));
            cases.set(cases.size() - 1, withCheck(cases.get(cases.size() - 1), p -> requireFieldCount(p, "koplengte", 3)));
        }
        for (int delta : new int[] {1, -1, -50}) {
            Path shp = validShp("record length " + delta, "recordlengte");
            Path dbf = sibling(shp, ".dbf");
            patchShort(dbf, 10, dbfRecordLength(dbf) + delta);
            add("dbf", "record length off by " + delta, shp, Expect.imported(N));
        }
        Path negative = validShp("records negative", "negatief");
        patch(sibling(negative, ".dbf"), 4, ByteOrder.LITTLE_ENDIAN, -5);
        add("dbf", "negative record count", negative, Expect.refused("negatief.dbf"));
        for (int count : new int[] {5, 7, 1_000_000}) {
            Path shp = validShp("record count " + count, "aantal");
            patch(sibling(shp, ".dbf"), 4, ByteOrder.LITTLE_ENDIAN, count);
            add("dbf", "record count " + count + " (shp has " + N + ")", shp, Expect.refused("aantal"));
        }
        Path cut = validShp("dbf cut", "afgekapt");
        Path cutDbf = sibling(cut, ".dbf");
        truncate(cutDbf, Files.size(cutDbf) - 30);
        add("dbf", ".dbf cut short", cut, Expect.refused("afgekapt.dbf"));
        // 20-digit integers: N(20,0) holds numbers no long or double keeps exactly
        Path big = caseDir("wide integers").resolve("groot.shp");
        new ShapefileWriter().write(big, "groot", List.of(new Field("naam", FieldType.TEXT)), squares(N).stream()
                .map(f -> new Feature(f.id(), f.geometry(), new Object[] {"x"})).toList(), ProgressListener.NONE);
        writeDbfNumeric(sibling(big, ".dbf"), "BAGID", 20, "12345678901234567891", "98765432109876543210",
                "18446744073709551616", "-9223372036854775809", "1", "00000000000000000042");
        add("dbf", "20-digit integers", big, Expect.imported(N, "tekst bewaard"));
        cases.set(cases.size() - 1, withCheck(cases.get(cases.size() - 1),
                p -> requireValue(p, "groot", "BAGID", "12345678901234567891")));
        Path mid = caseDir("18 digit integers").resolve("achttien.shp");
        new ShapefileWriter().write(mid, "achttien", List.of(new Field("naam", FieldType.TEXT)), squares(N).stream()
                .map(f -> new Feature(f.id(), f.geometry(), new Object[] {"x"})).toList(), ProgressListener.NONE);
        writeDbfNumeric(sibling(mid, ".dbf"), "NR", 18, "123456789012345678", "1", "2", "3", "4", "5");
        add("dbf", "18-digit integers stay numbers", mid, Expect.imported(N));
        for (int fields : new int[] {300, 2_000, 2_046}) {
            Path shp = caseDir(fields + " fields").resolve("velden.shp");
            new ShapefileWriter().write(shp, "velden", List.of(new Field("naam", FieldType.TEXT)), squares(N).stream()
                    .map(f -> new Feature(f.id(), f.geometry(), new Object[] {"x"})).toList(), ProgressListener.NONE);
            writeWideDbf(sibling(shp, ".dbf"), fields, N);
            add("dbf", fields + " fields", shp, fields <= 1998 ? Expect.imported(N)
                    : Expect.refused("velden.shp", String.format(Locale.GERMANY, "%,d", fields), "1.998"));
        }
        // field names the project cannot take as they are
        for (String[] names : new String[][] {{"fid", "naam", "nr"}, {"FID", "naam", "nr"}, {"geom", "naam", "nr"},
                {"naam", "NAAM", "Naam"}, {"", "naam", "nr"}}) {
            Path shp = validShp("field names " + String.join(" ", names), "veldnamen");
            renameDbfFields(sibling(shp, ".dbf"), names);
            add("dbf", "field names " + Arrays.toString(names), shp, Expect.imported(N, "heet in het project"));
        }
    }

    static void requireFieldCount(Path project, String layer, int n) throws Exception {
        var l = nl.ruimteschets.io.ProjectStore.open(project).layer(layer).orElseThrow();
        if (l.fields().size() != n) throw new AssertionError("layer " + layer + " has fields " + l.fields());
    }

    static void requireValue(Path project, String layer, String field, String value) throws Exception {
        var l = nl.ruimteschets.io.ProjectStore.open(project).layer(layer).orElseThrow();
        int i = -1;
        for (int k = 0; k < l.fields().size(); k++) if (l.fields().get(k).name().equals(field)) i = k;
        if (i < 0) throw new AssertionError("no field " + field + " in " + l.fields());
        for (Feature f : l.features()) if (value.equals(String.valueOf(f.value(i)))) return;
        throw new AssertionError(value + " not kept exactly in " + field);
    }

    private static Case withCheck(Case c, ProjectCheck check) {
        return new Case(c.kind(), c.name(), c.input(), c.args(), c.expect(), c.prep(), check);
    }

    /** Replaces the .dbf with one N(width,0) field holding {@code values} (one per record). */
    static void writeDbfNumeric(Path dbf, String field, int width, String... values) throws IOException {
        int headerLength = 32 + 32 + 1, recordLength = 1 + width;
        ByteBuffer b = ByteBuffer.allocate(headerLength + values.length * recordLength + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1);
        b.putInt(values.length).putShort((short) headerLength).putShort((short) recordLength);
        b.position(29);
        b.put((byte) 0x57);
        b.position(32);
        b.put(Arrays.copyOf(field.getBytes(StandardCharsets.US_ASCII), 11)).put((byte) 'N').putInt(0)
                .put((byte) width).put((byte) 0);
        b.position(64);
        b.put((byte) 0x0D);
        for (String v : values) {
            b.put((byte) ' ').put(String.format("%" + width + "s", v).getBytes(StandardCharsets.US_ASCII));
        }
        b.put((byte) 0x1A);
        Files.write(dbf, b.array());
    }

    /** A .dbf with {@code fields} C(2) fields F1..Fn. */
    static void writeWideDbf(Path dbf, int fields, int records) throws IOException {
        int headerLength = 32 + 32 * fields + 1, recordLength = 1 + 2 * fields;
        ByteBuffer b = ByteBuffer.allocate(headerLength + records * recordLength + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1);
        b.putInt(records).putShort((short) headerLength).putShort((short) recordLength);
        b.position(29);
        b.put((byte) 0x57);
        for (int i = 0; i < fields; i++) {
            b.position(32 + 32 * i);
            b.put(Arrays.copyOf(("F" + (i + 1)).getBytes(StandardCharsets.US_ASCII), 11)).put((byte) 'C').putInt(0)
                    .put((byte) 2).put((byte) 0);
        }
        b.position(headerLength - 1);
        b.put((byte) 0x0D);
        for (int r = 0; r < records; r++) {
            b.put((byte) ' ');
            for (int i = 0; i < fields; i++) b.put((byte) 'a').put((byte) 'b');
        }
        b.put((byte) 0x1A);
        Files.write(dbf, b.array());
    }

    private static void renameDbfFields(Path dbf, String[] names) throws IOException {
        byte[] b = Files.readAllBytes(dbf);
        for (int i = 0; i < names.length; i++) {
            byte[] n = Arrays.copyOf(names[i].getBytes(StandardCharsets.US_ASCII), 11);
            System.arraycopy(n, 0, b, 32 + 32 * i, 11);
        }
        Files.write(dbf, b);
    }

    // ------------------------------------------------------------------ encodings

    private void encodings() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        String[] names = {"Café", "Één", "Köln", "Zee", "Ĳs", "Dinant"}; // short: the field is 7 bytes wide
        // cpg text, bytes charset, expected warning fragment (null: none)
        Object[][] variants = {
            {"UTF-8", cp1252, "niet te lezen"}, {"UTF-16", StandardCharsets.UTF_8, "niet te lezen"},
            {"UTF-32", StandardCharsets.UTF_8, "niet te lezen"}, {"UTF-16LE", cp1252, "niet te lezen"},
            {"onzin-codering", StandardCharsets.UTF_8, "onbekend"}, {"", StandardCharsets.UTF_8, null},
            {"1252", cp1252, null}, {"ANSI 1252", cp1252, null}, {"UTF8", StandardCharsets.UTF_8, null},
            {"CP850", Charset.forName("IBM850"), null}, {"88591", StandardCharsets.ISO_8859_1, null},
        };
        for (Object[] v : variants) {
            Path shp = validShp("cpg " + v[0], "codering");
            Path dbf = sibling(shp, ".dbf");
            writeDbfText(dbf, (Charset) v[1], names);
            Files.writeString(sibling(shp, ".cpg"), (String) v[0], StandardCharsets.ISO_8859_1);
            add("cpg", ".cpg \"" + v[0] + "\" over " + v[1] + " text", shp,
                    v[2] == null ? Expect.imported(N) : Expect.imported(N, (String) v[2]));
            if (v[2] != null && ((String) v[0]).startsWith("UTF")) {
                cases.set(cases.size() - 1, withCheck(cases.get(cases.size() - 1),
                        p -> requireValue(p, "codering", "naam", "Café")));
            }
        }
        for (String[] forced : new String[][] {{"windows-1252", "ok"}, {"IBM850", "ok"}, {"xyz-onbestaand", "refused"}}) {
            Path shp = validShp("forced " + forced[0], "geforceerd");
            add("cpg", "--encoding " + forced[0], shp, forced[1].equals("ok") ? Expect.imported(N)
                    : Expect.refused("xyz-onbestaand", "niet ondersteund"), "--encoding", forced[0]);
        }
        Path noCpg = validShp("no cpg cp1252", "zondercpg");
        Files.delete(sibling(noCpg, ".cpg"));
        writeDbfText(sibling(noCpg, ".dbf"), cp1252, names);
        add("cpg", "no .cpg, LDID 0, cp1252 text", noCpg, Expect.imported(N));
        cases.set(cases.size() - 1, withCheck(cases.get(cases.size() - 1), p -> requireValue(p, "zondercpg", "naam", "Café")));
        // .prj variants
        Object[][] prjs = {{"dit is geen WKT", Expect.refused("projectie.prj", "--crs")}, {"", Expect.imported(N)},
            {"PROJCS[\"Amersfoort / RD New\"]", Expect.imported(N)}, {"\u0000\u0001\u0002", Expect.imported(N)}};
        for (Object[] p : prjs) {
            Path shp = validShp("prj " + counter, "projectie");
            Files.writeString(sibling(shp, ".prj"), (String) p[0], StandardCharsets.ISO_8859_1);
            add("prj", ".prj " + ((String) p[0]).replaceAll("\\p{Cntrl}", "?"), shp, (Expect) p[1]);
        }
    }

    /** Rewrites the "naam" column of the .dbf written by {@link #validShp} with {@code names} in {@code charset}; LDID 0. */
    private static void writeDbfText(Path dbf, Charset charset, String[] names) throws IOException {
        byte[] b = Files.readAllBytes(dbf);
        b[29] = 0;
        int h = dbfHeaderLength(dbf), r = dbfRecordLength(dbf);
        int width = Byte.toUnsignedInt(b[32 + 16]);
        for (int i = 0; i < N; i++) {
            byte[] text = names[i % names.length].getBytes(charset);
            byte[] cell = new byte[width];
            Arrays.fill(cell, (byte) ' ');
            System.arraycopy(text, 0, cell, 0, Math.min(width, text.length));
            System.arraycopy(cell, 0, b, h + i * r + 1, width);
        }
        Files.write(dbf, b);
    }

    // ------------------------------------------------------------------ names

    static final List<String> NASTY_NAMES = List.of("'s-Hertogenbosch", "O'Brien's \"kavels\"", "a\"b", "x'; DROP TABLE rs_meta; --",
            "naam; DELETE FROM rs_layer_role", "Zuid-Holland (2024)", "Ĳsselmonde", "Één, twee & drie", "café crème",
            "met spaties  en tab\t", "[haken]", "`backtick`", "100%", "_underscore_", "-- commentaar",
            "\"); DROP TABLE gpkg_contents; --", "ünïcödé 日本", "emoji 🌍", "a".repeat(200), "rtree_x_geom",
            "Robert'); DROP TABLE Students;--", "semi;colon", "punt.naam", "slash/naam", "back\\slash");

    private void names() throws IOException {
        for (String name : NASTY_NAMES) {
            Path shp = validShp("layer name " + counter, "bron");
            add("name", "--layer " + name.substring(0, Math.min(40, name.length())), shp, Expect.imported(N), "--layer", name);
        }
        for (String taken : List.of("Clusters", "CLUSTERS", "clusters", "rs_meta", "RS_LAYER_ROLE", "gpkg_contents", "sqlite_master")) {
            Path shp = validShp("taken " + taken, "bezet");
            add("name", "--layer " + taken + " (taken)", shp, Expect.refused(taken), "--layer", taken);
        }
        for (String base : List.of("'s-Hertogenbosch", "Bergen op Zoom", "Sluis; Oostburg", "Ĳmuiden",
                "kavels \"oud\"")) {
            Path shp = validShp("file name " + counter, base);
            add("name", "file named " + base, shp, Expect.imported(N));
        }
    }

    // ------------------------------------------------------------------ zips

    private void zips() throws IOException {
        Path valid = validShp("zip src", "inzip");
        add("zip", "zip of one shapefile", zip(valid.resolveSibling("een.zip"), valid, ""), Expect.imported(N));
        Path two = validShp("zip two", "noord");
        Path other = two.resolveSibling("zuid.shp");
        new ShapefileWriter().write(other, "zuid", FIELDS, squares(3), ProgressListener.NONE);
        Path twoZip = two.resolveSibling("twee.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(twoZip))) {
            putShapefile(z, two, "");
            putShapefile(z, other, "");
        }
        add("zip", "two shapefiles, none chosen", twoZip, Expect.refused("twee.zip", "noord, zuid", "--table"));
        add("zip", "two shapefiles, zuid chosen", twoZip, Expect.imported(3), "--table", "zuid");
        add("zip", "two shapefiles, noord.shp chosen", twoZip, Expect.imported(N), "--table", "noord.shp");
        add("zip", "two shapefiles, missing one chosen", twoZip, Expect.refused("twee.zip", "west"), "--table", "west");
        for (String evil : List.of("../boos.shp", "/etc/boos.shp", "C:/Windows/boos.shp", "a/../../boos.shp")) {
            Path src = validShp("zip slip " + counter, "boos");
            Path z = src.resolveSibling("slip.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
                putShapefile(out, src, "");
                out.putNextEntry(new ZipEntry(evil));
                out.write(1);
                out.closeEntry();
            }
            add("zip", "zip slip " + evil, z, Expect.refused("slip.zip", "onveilig"));
        }
        Path src = validShp("zip subdir", "diep");
        add("zip", "shapefile in a subfolder", zip(src.resolveSibling("map.zip"), src, "data/2024/"), Expect.imported(N));
        Path mac = validShp("zip macosx", "mac");
        Path macZip = mac.resolveSibling("mac.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(macZip))) {
            putShapefile(z, mac, "");
            z.putNextEntry(new ZipEntry("__MACOSX/._mac.shp"));
            z.write(new byte[] {0, 5, 22, 7});
            z.closeEntry();
        }
        add("zip", "macOS resource forks", macZip, Expect.imported(N));
        Path noShp = caseDir("zip no shp").resolve("niets.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(noShp))) {
            z.putNextEntry(new ZipEntry("lees mij.txt"));
            z.write("hallo".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        add("zip", "zip without a shapefile", noShp, Expect.refused("niets.zip", "geen shapefile"));
        Path garbage = caseDir("zip garbage").resolve("rommel.zip");
        Files.write(garbage, "dit is geen zip-bestand maar tekst".getBytes(StandardCharsets.UTF_8));
        add("zip", "text named .zip", garbage, Expect.refused("rommel.zip"));
        Path cutZip = zip(validShp("zip cut", "kapot").resolveSibling("kapot.zip"), dir.resolve("dummy"), null);
        add("zip", "zip cut in the middle", cutZip, Expect.refused("kapot.zip"));
        Path emptyZip = caseDir("zip empty").resolve("leeg.zip");
        Files.write(emptyZip, new byte[0]);
        add("zip", "empty .zip file", emptyZip, Expect.refused("leeg.zip", "leeg"));
        Path many = caseDir("zip entries").resolve("veel.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 10_002; i++) {
                z.putNextEntry(new ZipEntry("d/" + i + ".txt"));
                z.closeEntry();
            }
        }
        add("zip", "10,002 entries", many, Expect.refused("veel.zip", "10.000"));
        Path bombSrc = validShp("zip bomb", "bom");
        Path bomb = bombSrc.resolveSibling("bom.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("bom.shp"));
            z.write(Files.readAllBytes(bombSrc));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("bom.dbf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 100; i++) z.write(zeros); // 100 MB of zeros: about 100 KB compressed
            z.closeEntry();
        }
        add("zip", "zip bomb: 100 MB of zeros from ~100 KB", bomb, Expect.refused("bom.zip", "zip-bom"));
    }

    /** Zips a shapefile's parts under {@code folder}; with folder null, writes a valid zip and cuts it in half. */
    private Path zip(Path target, Path shp, String folder) throws IOException {
        if (folder == null) {
            Path src = target.resolveSibling("kapot.shp");
            Path full = target.resolveSibling("heel.zip");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(full))) {
                putShapefile(z, src, "");
            }
            byte[] b = Files.readAllBytes(full);
            Files.write(target, Arrays.copyOf(b, b.length / 2));
            Files.delete(full);
            return target;
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(target))) {
            putShapefile(z, shp, folder);
        }
        return target;
    }

    private static void putShapefile(ZipOutputStream z, Path shp, String folder) throws IOException {
        for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
            Path part = sibling(shp, ext);
            if (!Files.exists(part)) continue;
            z.putNextEntry(new ZipEntry(folder + part.getFileName()));
            z.write(Files.readAllBytes(part));
            z.closeEntry();
        }
    }

    // ------------------------------------------------------------------ GeoJSON

    private static final String SQUARE_WGS = "[[[4.40,51.90],[4.41,51.90],[4.41,51.91],[4.40,51.91],[4.40,51.90]]]";

    private static String fc(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String geometry, String props) {
        return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":" + geometry + "}";
    }

    private static String polygon(String coords) {
        return "{\"type\":\"Polygon\",\"coordinates\":" + coords + "}";
    }

    private Path json(String name, String text) throws IOException {
        Path p = caseDir(name).resolve("gebied.geojson");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private void geoJson() throws IOException {
        String valid = fc(feature(polygon(SQUARE_WGS), "{\"naam\":\"a\",\"nr\":1}"),
                feature(polygon(SQUARE_WGS.replace("4.40", "4.42").replace("4.41", "4.43")), "{\"naam\":\"b\",\"nr\":2}"));
        add("geojson", "valid control", json("json valid", valid), Expect.imported(2));
        for (int cut : new int[] {1, 10, 30, 60, 90, 120, 150, valid.length() - 1, valid.length() - 3, valid.length() / 2}) {
            add("geojson", "cut at " + cut, json("json cut " + cut, valid.substring(0, cut)),
                    Expect.refused("gebied.geojson", "geen geldige"));
        }
        String[][] syntax = {
            {"missing comma", valid.replace("\"naam\":\"a\",", "\"naam\":\"a\" ")},
            {"trailing garbage", valid + " }}}"},
            {"single quotes", valid.replace("\"naam\":\"a\"", "'naam':'a'")},
            {"NaN literal", valid.replace("4.40", "NaN")},
            {"Infinity literal", valid.replace("51.90", "Infinity")},
            {"comment", "// kaart\n" + valid},
            {"unquoted key", valid.replace("\"naam\":\"a\"", "naam:\"a\"")},
            {"control char in string", valid.replace("\"a\"", "\"a\u0001b\"")},
            {"leading zeros", valid.replace("\"nr\":1", "\"nr\":007")},
            {"hex number", valid.replace("\"nr\":1", "\"nr\":0x1F")},
        };
        for (String[] s : syntax) add("geojson", "syntax: " + s[0], json("json " + s[0], s[1]), Expect.refused("gebied.geojson"));
        for (int depth : new int[] {100, 1_000, 100_000}) {
            String props = "{\"diep\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
            add("geojson", "properties nested " + depth + " deep",
                    json("json deep " + depth, fc(feature(polygon(SQUARE_WGS), props))), Expect.refused("gebied.geojson", "genest"));
        }
        add("geojson", "20 MB string", json("json long string", fc(feature(polygon(SQUARE_WGS),
                "{\"tekst\":\"" + "x".repeat(20_000_000) + "\"}"))), Expect.refused("gebied.geojson", "te lange tekst"));
        add("geojson", "100 KB string is fine", json("json 100k string", fc(feature(polygon(SQUARE_WGS),
                "{\"tekst\":\"" + "x".repeat(100_000) + "\"}"))), Expect.imported(1));
        String[][] shortPositions = {
            {"point", "{\"type\":\"Point\",\"coordinates\":[4.4]}"},
            {"line", "{\"type\":\"LineString\",\"coordinates\":[[4.4,51.9],[4.5]]}"},
            {"polygon", polygon("[[[4.40,51.90],[4.41],[4.41,51.91],[4.40,51.91],[4.40,51.90]]]")},
            {"empty position", "{\"type\":\"Point\",\"coordinates\":[]}"},
        };
        for (String[] s : shortPositions) {
            add("geojson", "1-number position in a " + s[0], json("json short " + s[0], fc(feature(s[1], "{}"))),
                    s[0].equals("empty position") ? Expect.imported(0) : Expect.refused("gebied.geojson", "Object 1", "minder dan twee"));
        }
        add("geojson", "1e309 longitude (infinite)", json("json 1e309",
                fc(feature(polygon(SQUARE_WGS.replace("[4.41,51.91]", "[1e309,51.91]")), "{}"))),
                Expect.refused("gebied.geojson", "Object 1"));
        add("geojson", "-1e309 latitude (infinite)", json("json -1e309",
                fc(feature(polygon(SQUARE_WGS.replace("[4.41,51.91]", "[4.41,-1e309]")), "{}"))),
                Expect.refused("gebied.geojson", "Object 1"));
        add("geojson", "1e308 longitude", json("json 1e308",
                fc(feature(polygon(SQUARE_WGS.replace("[4.41,51.91]", "[1e308,51.91]")), "{}"))),
                Expect.refused("gebied.geojson", "Object 1"));
        add("geojson", "-1e308 in a point", json("json -1e308 point",
                fc(feature("{\"type\":\"Point\",\"coordinates\":[-1e308,52]}", "{}"))), Expect.refused("gebied.geojson", "Object 1"));
        add("geojson", "antimeridian polygon 170..-170", json("json antimeridian", fc(feature(polygon(
                "[[[170,51.9],[-170,51.9],[-170,52],[170,52],[170,51.9]]]"), "{}"))),
                Expect.refused("gebied.geojson", "Object 1", "180"));
        add("geojson", "antimeridian line", json("json antimeridian line", fc(feature(
                "{\"type\":\"LineString\",\"coordinates\":[[179,52],[-179,52]]}", "{}"))), Expect.refused("gebied.geojson", "180"));
        add("geojson", "empty collection", json("json empty", fc()), Expect.imported(0));
        add("geojson", "top level array", json("json array", "[1,2,3]"), Expect.refused("gebied.geojson"));
        add("geojson", "top level number", json("json number", "42"), Expect.refused("gebied.geojson"));
        add("geojson", "top level string", json("json string", "\"FeatureCollection\""), Expect.refused("gebied.geojson"));
        add("geojson", "unknown geometry type", json("json circle", fc(feature("{\"type\":\"Circle\",\"coordinates\":[4.4,51.9]}", "{}"))),
                Expect.refused("gebied.geojson", "Object 1"));
        add("geojson", "null geometries skipped", json("json nulls", fc(feature("null", "{}"), feature(polygon(SQUARE_WGS), "{}"))),
                Expect.imported(1));
        add("geojson", "fid and case-twins as properties", json("json fid", fc(feature(polygon(SQUARE_WGS),
                "{\"fid\":7,\"FID\":8,\"Naam\":\"a\",\"naam\":\"b\",\"geom\":\"x\"}"))), Expect.imported(1, "heet in het project"));
        add("geojson", "huge integer property", json("json bigint", fc(feature(polygon(SQUARE_WGS),
                "{\"id\":123456789012345678901234567890}"))), Expect.imported(1));
        add("geojson", "nested property objects", json("json nested props", fc(feature(polygon(SQUARE_WGS),
                "{\"a\":{\"b\":[1,{\"c\":null}]},\"d\":true}"))), Expect.imported(1));
        add("geojson", "UTF-8 byte order mark", json("json bom", "\uFEFF" + valid), Expect.imported(2));
        add("geojson", "bare geometry", json("json bare", polygon(SQUARE_WGS)), Expect.imported(1));
        add("geojson", "geometry collection", json("json collection", fc(feature("{\"type\":\"GeometryCollection\",\"geometries\":["
                + polygon(SQUARE_WGS) + ",{\"type\":\"Point\",\"coordinates\":[4.4,51.9]}]}", "{}"))), Expect.imported(1));
        add("geojson", "crs EPSG:28992 with RD coordinates", json("json rd", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":[" + feature(polygon(
                "[[[150000,450000],[150100,450000],[150100,450100],[150000,450100],[150000,450000]]]"), "{}") + "]}"),
                Expect.imported(1));
        add("geojson", "property names with quotes and semicolons", json("json names", fc(feature(polygon(SQUARE_WGS),
                "{\"a\\\"b\":1,\"c'd\":2,\"e;DROP TABLE rs_meta\":3,\"spatie naam\":4,\"ĳ\":5}"))), Expect.imported(1));
        add("geojson", "many features with one broken in the middle", json("json broken middle", fc(
                feature(polygon(SQUARE_WGS), "{}"), feature(polygon(SQUARE_WGS), "{}"),
                feature("{\"type\":\"Polygon\",\"coordinates\":\"kapot\"}", "{}"), feature(polygon(SQUARE_WGS), "{}"))),
                Expect.refused("gebied.geojson", "Object 3"));
    }

    // ------------------------------------------------------------------ GeoPackages

    private Path gpkg(String name, String table) throws IOException {
        Path p = caseDir(name).resolve("bron.gpkg");
        new GeoPackageWriter().write(p, table, FIELDS, squares(N), ProgressListener.NONE);
        return p;
    }

    /** Runs SQL on a file with plain sqlite-jdbc; the RTree triggers go first, as they need GeoPackage functions we lack here. */
    static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            List<String> triggers = new ArrayList<>();
            try (var rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree%'")) {
                while (rs.next()) triggers.add(rs.getString(1));
            }
            for (String t : triggers) s.execute("DROP TRIGGER \"" + t.replace("\"", "\"\"") + "\"");
            for (String q : statements) s.execute(q);
        }
    }

    private void geoPackages() throws Exception {
        add("gpkg", "valid control", gpkg("gpkg valid", "kavels"), Expect.imported(N));
        Path declared = gpkg("gpkg declared point", "vlakken");
        sql(declared, "UPDATE gpkg_geometry_columns SET geometry_type_name = 'POINT'");
        add("gpkg", "table declared POINT holding multipolygons", declared, Expect.imported(N, "geometrietype"));
        cases.set(cases.size() - 1, withCheck(cases.get(cases.size() - 1), p -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT geometry_type_name FROM gpkg_geometry_columns WHERE table_name = 'bron'")) {
                if (!rs.next() || rs.getString(1).equals("POINT")) throw new AssertionError("still declared POINT");
            }
        }));
        Path empty = caseDir("gpkg empty").resolve("leeg.gpkg");
        new GeoPackageWriter().write(empty, "tijdelijk", FIELDS, squares(1), ProgressListener.NONE);
        sql(empty, "DROP TABLE tijdelijk", "DELETE FROM gpkg_geometry_columns", "DELETE FROM gpkg_contents",
                "DROP TABLE IF EXISTS rtree_tijdelijk_geom");
        add("gpkg", "GeoPackage without feature tables", empty, Expect.refused("leeg.gpkg", "geen objecttabellen"));
        Path two = gpkg("gpkg two tables", "eerste");
        new GeoPackageWriter().write(two, "tweede", FIELDS, squares(2), ProgressListener.NONE);
        add("gpkg", "two tables, none chosen", two, Expect.refused("bron.gpkg", "eerste, tweede"));
        add("gpkg", "two tables, tweede chosen", two, Expect.imported(2), "--table", "tweede");
        add("gpkg", "two tables, missing chosen", two, Expect.refused("derde"), "--table", "derde");
        Path text = caseDir("gpkg text").resolve("tekst.gpkg");
        Files.writeString(text, "geen sqlite");
        add("gpkg", "text named .gpkg", text, Expect.refused("tekst.gpkg", "geen"));
        Path plain = caseDir("gpkg plain sqlite").resolve("sqlite.gpkg");
        sql(plain, "CREATE TABLE t (a INTEGER)");
        add("gpkg", "SQLite without GeoPackage tables", plain, Expect.refused("sqlite.gpkg", "geen"));
        Path cut = gpkg("gpkg cut", "afgekapt");
        truncate(cut, 3000);
        add("gpkg", "GeoPackage cut at 3000 bytes", cut, Expect.refused("bron.gpkg"));
        for (String table : List.of("'s-Hertogenbosch", "a\"b;c", "x'); DROP TABLE rs_meta; --", "Één twee", "rtree_kavels")) {
            Path p = gpkg("gpkg table " + counter, table);
            add("gpkg", "source table " + table, p, Expect.imported(N), "--table", table);
        }
        Path blob = gpkg("gpkg bad blob", "blob");
        sql(blob, "UPDATE blob SET geom = X'4750000100000000DEADBEEF' WHERE fid = 3");
        add("gpkg", "corrupt geometry blob in feature 3", blob, Expect.refused("Object 3"));
        Path notBlob = gpkg("gpkg text geometry", "tekstgeom");
        sql(notBlob, "UPDATE tekstgeom SET geom = 'POLYGON((0 0,1 0,1 1,0 0))' WHERE fid = 2");
        add("gpkg", "text instead of a geometry blob", notBlob, Expect.refused("Object 2"));
        Path trig = gpkg("gpkg source triggers", "bewaakt");
        sql(trig, "CREATE TABLE log (x)", "CREATE TRIGGER spion AFTER INSERT ON bewaakt BEGIN INSERT INTO log VALUES (1); END");
        add("gpkg", "source with a trigger (not run on read)", trig, Expect.imported(N));
        Path cols = gpkg("gpkg odd columns", "kolommen");
        sql(cols, "CREATE TABLE k2 (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, shape MULTIPOLYGON, fid INTEGER, "
                        + "\"GEOM\" TEXT, naam TEXT, \"x'y\" VARCHAR(20))",
                "INSERT INTO k2 (id, shape, fid, GEOM, naam, \"x'y\") SELECT fid, geom, fid * 10, 'x', naam, 'q' FROM kolommen",
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('k2', 'features', 'k2', 28992)",
                "INSERT INTO gpkg_geometry_columns VALUES ('k2', 'shape', 'MULTIPOLYGON', 28992, 0, 0)");
        add("gpkg", "columns fid and GEOM beside pk id and geometry shape", cols, Expect.imported(N, "heet in het project"),
                "--table", "k2");
        Path nullGeom = gpkg("gpkg null geoms", "leeg");
        sql(nullGeom, "UPDATE leeg SET geom = NULL WHERE fid <= 2");
        add("gpkg", "two null geometries", nullGeom, Expect.imported(N - 2));
    }

    // ------------------------------------------------------------------ hostile projects

    private void hostile(String name, ProjectPrep prep, Expect e, ProjectCheck check) throws IOException {
        Path shp = validShp("project " + name, "nieuw");
        cases.add(new Case("project", name, shp, List.of(), e, prep, check));
    }

    private void hostileProjects() throws IOException {
        ProjectCheck roles = p -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + p); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT COUNT(*) FROM rs_layer_role");
                int layers = nl.ruimteschets.io.SampleProject.build().layers().size() + 1;
                if (!rs.next() || rs.getInt(1) != layers) throw new AssertionError("rs_layer_role rows: " + rs.getInt(1));
                rs = s.executeQuery("SELECT COUNT(*) FROM rs_meta WHERE key = 'schema_version'");
                if (!rs.next() || rs.getInt(1) != 1) throw new AssertionError("rs_meta lost its schema version");
                rs = s.executeQuery("SELECT COUNT(*) FROM \"Clusters\"");
                if (!rs.next() || rs.getInt(1) == 0) throw new AssertionError("layer Clusters emptied");
                rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'rtree_%'");
                if (rs.next()) throw new AssertionError("foreign trigger kept: " + rs.getString(1));
            }
        };
        hostile("trigger empties rs_layer_role on insert", p -> sql(p,
                "CREATE TRIGGER boos AFTER INSERT ON rs_layer_role BEGIN DELETE FROM rs_layer_role; END"), Expect.imported(N), roles);
        hostile("trigger wipes rs_meta on gpkg_contents insert", p -> sql(p,
                "CREATE TRIGGER boos AFTER INSERT ON gpkg_contents BEGIN DELETE FROM rs_meta; END"), Expect.imported(N), roles);
        hostile("trigger empties a layer", p -> sql(p,
                "CREATE TRIGGER boos AFTER INSERT ON gpkg_geometry_columns BEGIN DELETE FROM \"Clusters\"; END"), Expect.imported(N), roles);
        hostile("trigger disguised as an rtree trigger", p -> sql(p,
                "CREATE TRIGGER \"rtree_Clusters_geom_insert\" AFTER INSERT ON rs_layer_role BEGIN DELETE FROM \"Clusters\"; END",
                "DROP TRIGGER IF EXISTS \"rtree_Clusters_geom_insert\"",
                "CREATE TRIGGER \"rtree_Clusters_geom_insert\" AFTER INSERT ON rs_layer_role BEGIN DELETE FROM \"Clusters\"; END"),
                Expect.imported(N), roles);
        hostile("view calling load_extension", p -> sql(p, "CREATE VIEW boos AS SELECT load_extension('/tmp/boos.so') AS x"),
                Expect.imported(N), roles);
        hostile("newer schema", p -> sql(p, "UPDATE rs_meta SET value = '99' WHERE key = 'schema_version'"),
                Expect.refused("nieuwere versie"), null);
        hostile("damaged early pages (schema)", p -> {
            byte[] b = Files.readAllBytes(p);
            for (int i = 8192; i < Math.min(b.length, 8192 + 4096); i++) b[i] = (byte) 0xA5;
            Files.write(p, b);
        }, Expect.refused("p.gpkg"), null);
        hostile("damaged late pages (layer data)", p -> {
            byte[] b = Files.readAllBytes(p);
            for (int i = b.length - 3 * 4096 + 100; i < b.length - 2 * 4096; i++) b[i] = (byte) 0xA5;
            Files.write(p, b);
        }, Expect.refused("p.gpkg", "beschadigd"), null);
        hostile("leftovers of a killed save", p -> {
            Files.write(p.resolveSibling("." + p.getFileName() + "-1234567.gpkg"), new byte[4096]);
            Files.write(p.resolveSibling("." + p.getFileName() + "-pid999999999-42.gpkg"), new byte[4096]);
        }, Expect.imported(N), p -> {
            try (var s = Files.list(p.getParent())) {
                List<Path> left = s.filter(f -> f.getFileName().toString().startsWith("." + p.getFileName())).toList();
                if (!left.isEmpty()) throw new AssertionError("left: " + left);
            }
        });
        hostile("empty orphan layer of an interrupted import", p -> {
            sql(p, "CREATE TABLE \"nieuw\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom MULTIPOLYGON)",
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES ('nieuw', 'features', 'nieuw', 28992)",
                    "INSERT INTO gpkg_geometry_columns VALUES ('nieuw', 'geom', 'MULTIPOLYGON', 28992, 0, 0)");
        }, Expect.imported(N), roles);
    }

    // ------------------------------------------------------------------ other files

    private void otherFiles() throws IOException {
        for (String ext : List.of("shp", "gpkg", "geojson", "zip", "json")) {
            Path p = caseDir("empty " + ext).resolve("leeg." + ext);
            Files.write(p, new byte[0]);
            add("other", "empty ." + ext, p, Expect.refused("leeg." + ext, "leeg"));
        }
        for (String ext : List.of("kml", "txt", "csv", "")) {
            Path p = caseDir("format " + ext).resolve(ext.isEmpty() ? "geenextensie" : "kaart." + ext);
            Files.writeString(p, "x");
            add("other", "unknown format ." + ext, p, Expect.refused("onbekend formaat"));
        }
        add("other", "missing file", caseDir("missing").resolve("weg.shp"), Expect.refused("weg.shp", "niet gevonden"));
        add("other", "a folder", caseDir("folder"), Expect.refused("niet gevonden"));
    }
}
