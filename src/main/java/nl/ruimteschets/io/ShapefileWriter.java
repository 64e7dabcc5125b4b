package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.h2gis.functions.io.shp.internal.ShapeHandler;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.utility.ReadBufferManager;
import org.h2gis.functions.io.utility.WriteBufferManager;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes one layer (EPSG:28992) as a shapefile set: .shp .shx .dbf (UTF-8, record count set, P14),
 * .cpg ("UTF-8") and .prj (ESRI WKT of RD New). Polygons are written with outer rings clockwise and
 * holes counter-clockwise, as the format requires (the H2GIS handler writes rings as given). Field
 * names are shortened by {@link ShapefileFieldNames#shorten}. Field types: TEXT C(longest value in
 * UTF-8 bytes, 1…254; longer text is cut on a character boundary), INTEGER N(18,0), REAL N(24,6),
 * BOOLEAN L, DATE D. Null geometries become null shape records.
 *
 * <p>The rows are read twice (count, text widths and file sizes first, then writing), so a layer kept in its
 * database is streamed twice and never held. A .shp or .dbf over 2 GB is invalid (offsets are 32-bit), so when
 * the first pass finds one would be larger the write stops before any file is written, suggesting GeoPackage.
 * All files are first written under hidden temporary names in the target directory and
 * only moved to the final names when all are complete; on failure or {@link CancelledException}
 * the temporary files are deleted and existing files under the final names stay untouched.
 * Mixed geometry families are refused in words (ProjectWriteException) before anything is written. Not thread-safe; use one instance per write.
 */
public final class ShapefileWriter implements FeatureWriter {
    /** ESRI's RD New definition; GDAL maps it to EPSG:28992 "Amersfoort / RD New". */
    public static final String RD_NEW_ESRI_WKT = "PROJCS[\"RD_New\",GEOGCS[\"GCS_Amersfoort\","
            + "DATUM[\"D_Amersfoort\",SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],"
            + "PROJECTION[\"Double_Stereographic\"],PARAMETER[\"False_Easting\",155000.0],"
            + "PARAMETER[\"False_Northing\",463000.0],PARAMETER[\"Central_Meridian\",5.38763888888889],"
            + "PARAMETER[\"Scale_Factor\",0.9999079],PARAMETER[\"Latitude_Of_Origin\",52.15616055555555],"
            + "UNIT[\"Meter\",1.0]]";
    private static final int MAX_TEXT = 254;
    private static final String[] EXTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"};
    /** The largest .shp or .dbf GDAL and ESRI read: the format's offsets are signed 32-bit. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE;

    private final long maxFileBytes;

    public ShapefileWriter() {
        this(MAX_FILE_BYTES);
    }

    /** With a lower size limit, so a test can reach it without writing gigabytes. */
    ShapefileWriter(long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public List<Path> write(Path target, String layerName, List<nl.ruimteschets.model.Field> fields,
                            FeatureRows features, ProgressListener progress) throws IOException {
        String fileName = target.getFileName().toString();
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".shp")) {
            throw new IllegalArgumentException("target must be a .shp file: " + target);
        }
        Path dir = target.toAbsolutePath().getParent();
        String base = fileName.substring(0, fileName.length() - 4);
        String tmpBase = "." + base + ".tmp-" + UUID.randomUUID();
        List<Path> temps = new ArrayList<>();
        List<Path> finals = new ArrayList<>();
        for (String ext : EXTS) {
            temps.add(dir.resolve(tmpBase + ext));
            finals.add(dir.resolve(base + ext));
        }
        try {
            Survey survey = survey(layerName, fields, features, progress);
            long largest = Math.max(survey.shpBytes(), survey.dbfBytes(dbfHeader(fields, survey)));
            if (largest > maxFileBytes) {
                throw new ProjectWriteException(new nl.ruimteschets.model.UserMessage("export.shapefile.toolarge",
                        layerName, largest / (1024 * 1024)), null);
            }
            writeShpAndDbf(temps, fields, survey, features, progress);
            Files.writeString(temps.get(3), RD_NEW_ESRI_WKT, StandardCharsets.US_ASCII);
            Files.writeString(temps.get(4), "UTF-8", StandardCharsets.US_ASCII);
            progress.checkCancelled();
            for (int i = 0; i < EXTS.length; i++) move(temps.get(i), finals.get(i));
            return finals;
        } finally {
            for (Path t : temps) Files.deleteIfExists(t);
        }
    }

    /** What the first pass learns: record count, shape type, the widest text per field and the .shp size. */
    private record Survey(int count, ShapeType type, int[] textBytes, long shpBytes) {
        /** Header with its field descriptors and every record, deletion flag included (H2GIS writes no end mark). */
        long dbfBytes(DbaseFileHeader h) {
            return h.getHeaderLength() + (long) count * h.getRecordLength();
        }
    }

    private static Survey survey(String layerName, List<nl.ruimteschets.model.Field> fields, FeatureRows features,
                                 ProgressListener progress) throws IOException {
        int[] widths = new int[fields.size()];
        // per family, the sum of the record sizes each shape type would take (8-byte record header included)
        long[] sizes = new long[4]; // polygon or arc, point, multipoint, null shapes
        var seen = new Object() {
            long count;
            GeometryKind kind;
            boolean multiPoint; // a multipoint with several points: the layer must be MULTIPOINT
        };
        long counted = features.forEach(f -> {
            if (++seen.count % 1000 == 0) {
                progress.checkCancelled();
                progress.progress(seen.count, -1); // counting: the total is known after this pass
            }
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                sizes[3] += 12;
            } else {
                GeometryKind k = GeometryKind.of(g);
                seen.kind = seen.kind == null ? k : seen.kind.combine(k);
                seen.multiPoint |= g instanceof MultiPoint && g.getNumGeometries() > 1;
                int parts = 0;
                if (k == GeometryKind.POLYGON) {
                    for (int i = 0; i < g.getNumGeometries(); i++) parts += 1 + ((Polygon) g.getGeometryN(i)).getNumInteriorRing();
                } else {
                    parts = g.getNumGeometries();
                }
                sizes[0] += 8 + 44 + 4L * parts + 16L * g.getNumPoints();
                sizes[1] += 8 + 20;
                sizes[2] += 8 + 40 + 16L * g.getNumPoints();
            }
            for (int i = 0; i < widths.length; i++) {
                Object v = f.value(i);
                if (fields.get(i).type() == FieldType.TEXT && v != null) {
                    widths[i] = Math.max(widths[i], v.toString().getBytes(StandardCharsets.UTF_8).length);
                }
            }
        }, progress);
        progress.checkCancelled();
        GeometryKind kind = seen.kind;
        boolean multiPoint = seen.multiPoint;
        if (kind == GeometryKind.MIXED) {
            throw new ProjectWriteException(new nl.ruimteschets.model.UserMessage("export.shapefile.mixed", layerName), null);
        }
        if (counted > Integer.MAX_VALUE) throw new IllegalStateException("more records than a shapefile holds: " + counted);
        ShapeType type = kind == null || kind == GeometryKind.POLYGON ? ShapeType.POLYGON
                : kind == GeometryKind.LINE ? ShapeType.ARC : multiPoint ? ShapeType.MULTIPOINT : ShapeType.POINT;
        long shp = 100 + sizes[3] + (type == ShapeType.POINT ? sizes[1] : type == ShapeType.MULTIPOINT ? sizes[2] : sizes[0]);
        return new Survey((int) counted, type, widths, shp);
    }

    private static void writeShpAndDbf(List<Path> temps, List<nl.ruimteschets.model.Field> fields, Survey survey,
                                       FeatureRows features, ProgressListener progress) throws IOException {
        DbaseFileHeader header = dbfHeader(fields, survey);
        int[] written = {0};
        try (FileChannel shp = FileChannel.open(temps.get(0), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel shx = FileChannel.open(temps.get(1), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel dbfChannel = FileChannel.open(temps.get(2), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            var shapes = new org.h2gis.functions.io.shp.internal.ShapefileWriter(shp, shx);
            shapes.writeHeaders(survey.type());
            patchH2gisWriter(shapes, survey.type());
            DbaseFileWriter dbf = new DbaseFileWriter(header, dbfChannel, StandardCharsets.UTF_8);
            features.forEach(f -> {
                progress.checkCancelled();
                if (written[0] == survey.count()) throw new IllegalStateException("features changed between passes");
                shapes.writeGeometry(forShapefile(f.geometry(), survey.type()));
                try {
                    dbf.write(dbfValues(f, fields, header));
                } catch (DbaseFileException e) {
                    throw new IOException(e.getMessage(), e);
                }
                progress.progress(++written[0], survey.count());
            }, progress);
            if (written[0] != survey.count()) throw new IllegalStateException("features changed between passes");
            shapes.writeHeaders(survey.type()); // rewrites the headers with the final length and bounds
            shapes.close();
            dbf.close();
        }
        fixDbfDate(temps.get(2));
    }

    private static DbaseFileHeader dbfHeader(List<nl.ruimteschets.model.Field> fields, Survey survey) throws IOException {
        DbaseFileHeader h = new DbaseFileHeader();
        h.setEncoding("UTF-8");
        List<String> names = ShapefileFieldNames.shorten(fields.stream().map(nl.ruimteschets.model.Field::name).toList());
        try {
            for (int i = 0; i < fields.size(); i++) {
                switch (fields.get(i).type()) {
                    case TEXT -> h.addColumn(names.get(i), 'C', Math.max(1, Math.min(MAX_TEXT, survey.textBytes()[i])), 0);
                    case INTEGER -> h.addColumn(names.get(i), 'N', 18, 0);
                    case REAL -> h.addColumn(names.get(i), 'N', 24, 6);
                    case BOOLEAN -> h.addColumn(names.get(i), 'L', 1, 0);
                    case DATE -> h.addColumn(names.get(i), 'D', 8, 0);
                }
            }
        } catch (DbaseFileException e) {
            throw new IOException(e.getMessage(), e);
        }
        h.setNumRecords(survey.count()); // H2GIS never patches it on close (P14)
        return h;
    }

    /**
     * Works around two bugs of H2GIS 2.2.5's writer, so it must run right after the first
     * {@code writeHeaders}: it takes the bounds from the first shape (a NullPointerException when that
     * is a null shape), and {@code PolygonHandler.getLength} counts rings as {@code n += n + 1 + holes},
     * so every polygon with two or more parts gets a record length that is too long and the records
     * after it are misplaced in the .shx (GDAL then fails to read them).
     */
    private static void patchH2gisWriter(org.h2gis.functions.io.shp.internal.ShapefileWriter w, ShapeType type)
            throws IOException {
        try {
            java.lang.reflect.Field bounds = w.getClass().getDeclaredField("bounds");
            bounds.setAccessible(true);
            bounds.set(w, new Envelope());
            if (type == ShapeType.POLYGON) {
                java.lang.reflect.Field handler = w.getClass().getDeclaredField("handler");
                handler.setAccessible(true);
                handler.set(w, new PolygonLength((ShapeHandler) handler.get(w)));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("unsupported H2GIS version: cannot prepare the shapefile writer", e);
        }
    }

    /** H2GIS' polygon handler with the record length computed as the shapefile spec says. */
    private record PolygonLength(ShapeHandler delegate) implements ShapeHandler {
        @Override public ShapeType getShapeType() { return delegate.getShapeType(); }

        @Override public Geometry read(ReadBufferManager buffer, ShapeType type) throws IOException {
            return delegate.read(buffer, type);
        }

        @Override public void write(WriteBufferManager buffer, Geometry geometry) throws IOException {
            delegate.write(buffer, geometry);
        }

        @Override public int getLength(Geometry g) {
            int rings = 0;
            for (int i = 0; i < g.getNumGeometries(); i++) rings += 1 + ((Polygon) g.getGeometryN(i)).getNumInteriorRing();
            return 44 + 4 * rings + 16 * g.getNumPoints();
        }
    }

    /** Null or empty geometry becomes a null shape; polygons get shapefile ring order; Z is not written. */
    static Geometry forShapefile(Geometry g, ShapeType type) {
        if (g == null || g.isEmpty()) return null;
        g = g.copy(); // H2GIS 2.2.5 calls normalize() on what it writes, which would change the caller's geometry
        if (type == ShapeType.POINT && g instanceof MultiPoint) return g.getGeometryN(0);
        if (type == ShapeType.MULTIPOINT && g instanceof Point p) return g.getFactory().createMultiPoint(new Point[] {p});
        if (type != ShapeType.POLYGON) return g;
        Polygon[] parts = new Polygon[g.getNumGeometries()];
        for (int i = 0; i < parts.length; i++) parts[i] = orient((Polygon) g.getGeometryN(i));
        return g.getFactory().createMultiPolygon(parts);
    }

    private static Polygon orient(Polygon p) {
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) holes[i] = ring(p.getInteriorRingN(i), true);
        return p.getFactory().createPolygon(ring(p.getExteriorRing(), false), holes);
    }

    private static LinearRing ring(LinearRing r, boolean counterClockwise) {
        boolean ccw = org.locationtech.jts.algorithm.Orientation.isCCW(r.getCoordinateSequence());
        return ccw == counterClockwise ? r : r.reverse();
    }

    private static Object[] dbfValues(Feature f, List<nl.ruimteschets.model.Field> fields, DbaseFileHeader h) {
        Object[] out = new Object[fields.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = f.value(i);
            if (v == null) continue;
            out[i] = switch (fields.get(i).type()) {
                case TEXT -> fitUtf8(v.toString(), h.getFieldLength(i));
                case INTEGER -> v instanceof Number n ? (Object) n.longValue() : null;
                case REAL -> v instanceof Number n && Double.isFinite(n.doubleValue()) ? (Object) n.doubleValue() : null;
                case BOOLEAN -> v instanceof Boolean ? v : null;
                case DATE -> v instanceof LocalDate d ? Date.from(d.atStartOfDay(ZoneId.systemDefault()).toInstant())
                        : v instanceof Date ? v : null;
            };
        }
        return out;
    }

    /** Cuts text to at most {@code maxBytes} UTF-8 bytes without splitting a character. */
    static String fitUtf8(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) return s;
        int bytes = 0;
        int end = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > maxBytes) break;
            bytes += n;
            end += Character.charCount(cp);
        }
        return s.substring(0, end);
    }

    /** H2GIS writes the last-update year as year % 100 (1926 for 2026); put today's date in bytes 1-3. */
    private static void fixDbfDate(Path dbf) throws IOException {
        LocalDate today = LocalDate.now();
        try (FileChannel c = FileChannel.open(dbf, StandardOpenOption.WRITE)) {
            c.write(ByteBuffer.wrap(new byte[] {(byte) (today.getYear() - 1900), (byte) today.getMonthValue(),
                    (byte) today.getDayOfMonth()}), 1);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
