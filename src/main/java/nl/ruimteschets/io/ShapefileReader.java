package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.locationtech.jts.geom.Geometry;

/**
 * Streams an ESRI shapefile (.shp + .shx + .dbf, optional .prj and .cpg), or a .zip holding one, as
 * {@link Feature}s: id = 1-based record number, geometry as H2GIS' shape handlers build it (Multi*
 * for polygons and lines, Z kept, null shapes as null), attributes from the .dbf.
 *
 * <p>Each {@link #next()} reads one .shx entry, one shape and one DBF record by position, so memory
 * does not grow with the file. The DBF charset is chosen from, in order: the forced encoding, the
 * .cpg, the DBF language driver byte, and for LDID 0 a UTF-8 validity scan (else windows-1252).
 *
 * <p>Fails with {@link InputException} whose message names the file: missing or empty .shp, missing
 * .shx or .dbf, a header that is too short or has the wrong file code, records beyond the end of the
 * file, a .dbf whose record count differs from the .shp, unsafe or empty zips. Driver exceptions are
 * wrapped the same way. Not thread-safe; {@link #close()} also deletes files extracted from a zip.
 */
public final class ShapefileReader implements FeatureReader {
    private static final int HEADER = 100;
    private static final int FILE_CODE = 9994;
    private static final Set<Integer> KNOWN_TYPES = Set.of(0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28);

    private final Path shp;
    private final String shpName;
    private final Path tempDir;
    private final List<UserMessage> warnings = new ArrayList<>();
    private FileChannel shpChannel;
    private FileChannel shxChannel;
    private DbfReader dbf;
    private org.h2gis.functions.io.shp.internal.ShapefileReader shapes;
    private long shpSize;
    private int shapeTypeId;
    private int count;
    private int row;
    private int deletedRecords;
    private final ShapeRecordCheck recordCheck = new ShapeRecordCheck();
    private SourceCrs crs = SourceCrs.NONE;
    private Charset charset;
    private final ByteBuffer shxEntry = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);

    private ShapefileReader(Path shp, String displayName, Path tempDir) {
        this.shp = shp;
        this.shpName = displayName;
        this.tempDir = tempDir;
    }

    /**
     * Opens a .shp, or a .zip containing one (extracted to a temp directory; with several shapefiles
     * the first by path is read and a warning is added to {@link #warnings()}).
     *
     * @param forcedEncoding charset name for the .dbf that overrides .cpg and header, or null
     */
    public static ShapefileReader open(Path shpOrZip, String forcedEncoding) throws InputException {
        return open(shpOrZip, null, forcedEncoding);
    }

    /**
     * Opens a .shp, or one shapefile of a .zip: {@code member} is its path in the zip (as
     * {@link ShapefileZip#list} gives it, with or without ".shp"); null is fine when the zip holds one.
     * A zip with several and no member is refused with the list, so the user can choose.
     */
    public static ShapefileReader open(Path shpOrZip, String member, String forcedEncoding) throws InputException {
        requireNonEmpty(shpOrZip, shpOrZip.getFileName().toString());
        if (!shpOrZip.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            ShapefileReader r = new ShapefileReader(shpOrZip, shpOrZip.getFileName().toString(), null);
            r.openParts(forcedEncoding);
            return r;
        }
        String zipName = shpOrZip.getFileName().toString();
        List<String> members = ShapefileZip.list(shpOrZip);
        String chosen = ShapefileZip.choose(zipName, members, member);
        ShapefileZip.Extracted x = ShapefileZip.extract(shpOrZip, chosen);
        Path first = x.shapefiles().get(0);
        String display = zipName + "/" + chosen;
        ShapefileReader r = new ShapefileReader(first, display, x.dir());
        try {
            requireNonEmpty(first, display);
            r.openParts(forcedEncoding);
            return r;
        } catch (InputException | RuntimeException e) {
            r.closeQuietly();
            throw e;
        }
    }

    private static void requireNonEmpty(Path file, String name) throws InputException {
        if (!Files.isRegularFile(file)) throw new InputException(new UserMessage("shp.file.missing", name));
        try {
            if (Files.size(file) == 0) throw new InputException(new UserMessage("shp.file.empty", name));
        } catch (IOException e) {
            throw new InputException(new UserMessage("shp.read.failed", name, e.getMessage()), e);
        }
    }

    private void openParts(String forcedEncoding) throws InputException {
        try {
            readShpHeader();
            Path shx = sibling(".shx");
            if (shx == null) throw new InputException(new UserMessage("shp.shx.missing", shpName));
            Path dbfPath = sibling(".dbf");
            if (dbfPath == null) throw new InputException(new UserMessage("shp.dbf.missing", shpName));
            shxChannel = FileChannel.open(shx, StandardOpenOption.READ);
            long shxSize = shxChannel.size();
            if (shxSize < HEADER || (shxSize - HEADER) % 8 != 0) {
                throw new InputException(new UserMessage("shp.shx.corrupt", shx.getFileName().toString()));
            }
            count = (int) ((shxSize - HEADER) / 8);
            openDbf(dbfPath, forcedEncoding);
            readPrj();
            if (shapeTypeId != 0) {
                shapes = new org.h2gis.functions.io.shp.internal.ShapefileReader(shpChannel);
            }
        } catch (InputException e) {
            closeQuietly();
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new InputException(new UserMessage("shp.read.failed", shpName, describe(e)), e);
        }
    }

    private void readShpHeader() throws IOException, InputException {
        shpChannel = FileChannel.open(shp, StandardOpenOption.READ);
        shpSize = shpChannel.size();
        if (shpSize < HEADER) throw new InputException(new UserMessage("shp.header.short", shpName));
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.BIG_ENDIAN);
        shpChannel.read(h, 0);
        int code = h.getInt(0);
        if (code != FILE_CODE) {
            throw new InputException(new UserMessage("shp.header.filecode", shpName, String.valueOf(code)));
        }
        shapeTypeId = h.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        if (!KNOWN_TYPES.contains(shapeTypeId)) {
            throw new InputException(new UserMessage("shp.shapetype.unsupported", shpName, String.valueOf(shapeTypeId)));
        }
    }

    private void openDbf(Path dbfPath, String forcedEncoding) throws IOException, InputException {
        String dbfName = dbfPath.getFileName().toString();
        try {
            dbf = new DbfReader(dbfPath);
        } catch (DbfReader.DbfException e) {
            throw new InputException(new UserMessage("shp.dbf.corrupt", dbfName, e.getMessage()), e);
        }
        if (dbf.numRecords() != count) {
            throw new InputException(new UserMessage("shp.count.mismatch", shpName, String.valueOf(count),
                    dbfName, String.valueOf(dbf.numRecords())));
        }
        if (dbf.headerMismatch() != null) {
            warnings.add(new UserMessage("shp.dbf.headerlength", dbfName, dbf.headerMismatch().split("/")[0],
                    String.valueOf(dbf.describedHeaderBytes())));
        }
        for (String wide : dbf.wideIntegerFields()) warnings.add(new UserMessage("shp.dbf.bigint", dbfName, wide));
        charset = chooseCharset(dbfName, forcedEncoding);
        dbf.setCharset(charset);
    }

    private Charset chooseCharset(String dbfName, String forcedEncoding) throws IOException, InputException {
        if (forcedEncoding != null) {
            try {
                return Charset.forName(forcedEncoding);
            } catch (IllegalArgumentException e) {
                throw new InputException(new UserMessage("shp.encoding.unsupported", dbfName, forcedEncoding), e);
            }
        }
        Path cpg = sibling(".cpg");
        if (cpg != null) {
            String text = Files.readString(cpg, StandardCharsets.ISO_8859_1).trim();
            Charset c = DbfEncoding.fromCpg(text);
            // A .cpg can lie: UTF-16 cannot encode a DBF at all, and "UTF-8" over cp1252 bytes gives U+FFFD.
            boolean asciiBased = c != null && "A".equals(new String(new byte[] {65}, c));
            if (c != null && asciiBased && (!c.equals(StandardCharsets.UTF_8) || dbf.textIsValidUtf8())) return c;
            if (c != null) {
                Charset detected = dbf.textIsValidUtf8() ? StandardCharsets.UTF_8 : DbfEncoding.CP1252;
                warnings.add(new UserMessage("shp.encoding.cpg.mismatch", cpg.getFileName().toString(), text, detected.name()));
                return detected;
            }
            warnings.add(new UserMessage("shp.encoding.cpg.unknown", cpg.getFileName().toString(), text));
        }
        Charset c = DbfEncoding.fromLanguageDriver(dbf.languageDriver());
        if (c != null) return c;
        // LDID 0 says nothing; modern writers mean UTF-8, old Dutch files mean cp1252 (P15).
        return dbf.textIsValidUtf8() ? StandardCharsets.UTF_8 : DbfEncoding.CP1252;
    }

    private void readPrj() throws IOException {
        Path prj = sibling(".prj");
        if (prj != null) {
            String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
            crs = new SourceCrs(null, wkt.isEmpty() ? null : wkt, prj.getFileName().toString());
        }
    }

    /** The sidecar with the same base name and the given extension, matched case-insensitively. */
    private Path sibling(String ext) throws IOException {
        String name = shp.getFileName().toString();
        String base = name.substring(0, name.length() - 4).toLowerCase(Locale.ROOT);
        Path dir = shp.toAbsolutePath().getParent();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(base + ext))
                    .sorted().findFirst().orElse(null);
        }
    }

    @Override
    public Feature next() throws IOException, InputException {
        Feature f;
        do {
            if (row >= count) return null;
            f = nextRecord();
        } while (f == null); // a record marked deleted
        return f;
    }

    /** The next record as a feature, or null when it is marked deleted. */
    private Feature nextRecord() throws IOException, InputException {
        int record = row + 1;
        try {
            shxEntry.clear();
            if (shxChannel.read(shxEntry, HEADER + 8L * row) < 8) {
                throw new InputException(new UserMessage("shp.record.beyond", shpName, String.valueOf(record)));
            }
            long offset = 2L * shxEntry.getInt(0);
            long end = offset + 8 + 2L * shxEntry.getInt(4);
            if (offset < HEADER || end > shpSize || end < offset + 12) {
                throw new InputException(new UserMessage("shp.record.beyond", shpName, String.valueOf(record)));
            }
            Object[] values = dbf.read(row);
            row++;
            if (dbf.deleted()) { // dBASE's deletion flag: the record is no longer part of the file
                deletedRecords++;
                return null;
            }
            if (shapes != null) recordCheck.check(shpChannel, offset, end, shpName, record);
            Geometry g = shapes == null ? null : shapes.geomAt((int) offset);
            // H2GIS returns an empty geometry for a null shape record
            return new Feature(record, g == null || g.isEmpty() ? null : g, values);
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputException(new UserMessage("shp.record.corrupt", shpName, String.valueOf(record), describe(e)), e);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override public List<Field> fields() { return dbf.fields(); }

    @Override
    public GeometryKind geometryKind() {
        ShapeType t = ShapeType.forID(shapeTypeId);
        if (t.isPolygonType()) return GeometryKind.POLYGON;
        if (t.isLineType()) return GeometryKind.LINE;
        if (t.isPointType() || t.isMultiPointType()) return GeometryKind.POINT;
        return GeometryKind.MIXED;
    }

    @Override public SourceCrs crs() { return crs; }

    @Override public boolean flatRings() { return true; }

    @Override public String encoding() { return charset.name(); }

    @Override public long count() { return count; }

    /** Non-fatal findings (unknown or wrong .cpg, lying DBF header, wide integers); after reading also the deleted records skipped. */
    @Override
    public List<UserMessage> warnings() {
        List<UserMessage> all = new ArrayList<>(warnings);
        if (deletedRecords > 0) all.add(new UserMessage("shp.dbf.deleted", shpName, deletedRecords));
        return all;
    }

    @Override
    public void close() throws IOException {
        closeQuietly();
    }

    private void closeQuietly() {
        for (AutoCloseable c : new AutoCloseable[] {dbf, shxChannel, shpChannel}) {
            try {
                if (c != null) c.close();
            } catch (Exception ignored) {
                // closing a read-only file cannot lose data
            }
        }
        ShapefileZip.deleteTree(tempDir);
    }
}
