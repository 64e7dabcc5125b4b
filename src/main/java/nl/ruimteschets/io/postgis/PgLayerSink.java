package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.postgis.PgSql.ident;
import static nl.ruimteschets.io.postgis.PgSql.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.ruimteschets.io.FeatureSink;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.InputException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams features into a new layer table of a PostGIS project: fid (the feature's id when positive, else the
 * next free one), geom in EPSG:28992, one column per field, rows sent with PostgreSQL's COPY in chunks of about
 * 64 KB, so memory stays flat for any size. On {@link #commit} the GiST index is built and the table's
 * measures (count, extent, largest feature) are known without a second pass ({@link #stats}).
 *
 * <p>Works inside the caller's transaction on the caller's connection (auto-commit off): the caller commits,
 * or rolls back to leave no table behind. After any failure the COPY is cancelled. Not thread-safe.
 */
public final class PgLayerSink implements FeatureSink, AutoCloseable {
    private static final int CHUNK = 60_000;

    private final Connection connection;
    private final String table;
    private final String declaredType;
    private final boolean narrow;
    private final int fieldCount;
    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(1 << 16);
    private final Envelope extent = new Envelope();
    private final Set<String> typesSeen = new LinkedHashSet<>();
    private double maxFeatureSize;
    private long count;
    private boolean done;

    /**
     * Creates the table and starts the COPY.
     *
     * @param geometryType the JTS type name the column declares ("Polygon", "MultiPolygon", "Geometry", …)
     * @param narrow with a "Geometry" column: declare the one type all rows turned out to have, at commit
     *        (an imported file whose kind is only known when read), so QGIS sees one geometry type
     */
    private PgLayerSink(Connection c, String schema, String layer, List<Field> fields, String geometryType, boolean narrow)
            throws SQLException, InputException {
        this.connection = c;
        this.table = table(schema, layer);
        this.declaredType = pgType(geometryType);
        this.narrow = narrow && declaredType.equals("Geometry");
        this.fieldCount = fields.size();
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table).append(" (fid bigint PRIMARY KEY, geom geometry(")
                .append(declaredType).append(", ").append(PgSql.SRID).append(")");
        StringBuilder cols = new StringBuilder("fid, geom");
        for (Field f : fields) {
            ddl.append(", ").append(ident(f.name())).append(' ').append(PgProjectTables.sqlType(f.type()));
            cols.append(", ").append(ident(f.name()));
        }
        PgSql.exec(c, ddl.append(')').toString());
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + cols + ") FROM STDIN");
    }

    /** A sink on the store's own connection, for {@link PgImport} and project saves. */
    public static PgLayerSink create(Connection c, String schema, String layer, List<Field> fields, String geometryType,
                                     boolean narrow) throws SQLException, InputException {
        return new PgLayerSink(c, schema, layer, fields, geometryType, narrow);
    }

    /** The PostGIS spelling of a JTS geometry type; anything else is plain Geometry. */
    static String pgType(String jtsType) {
        if (jtsType == null) return "Geometry";
        return switch (jtsType) {
            case "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon" -> jtsType;
            default -> "Geometry";
        };
    }

    @Override
    public void accept(Feature f) throws IOException {
        if (done) throw new IllegalStateException("sink already committed or aborted");
        long fid = f.id(); // as given, 0 and negative keys included (see GeoPackageLayerSink.accept)
        buffer.append(fid).append('\t');
        Geometry g = f.geometry();
        if (g == null) {
            buffer.append("\\N");
        } else {
            PgSql.appendHex(buffer, PgSql.ewkb(g));
            if (!g.isEmpty()) {
                Envelope e = g.getEnvelopeInternal();
                extent.expandToInclude(e);
                maxFeatureSize = Math.max(maxFeatureSize, Math.max(e.getWidth(), e.getHeight()));
                typesSeen.add(g.getGeometryType());
            }
        }
        for (int i = 0; i < fieldCount; i++) {
            buffer.append('\t');
            copyValue(buffer, f.value(i));
        }
        buffer.append('\n');
        count++;
        if (buffer.length() > CHUNK) send();
    }

    /** Ends the COPY, declares the one geometry type when asked to narrow, and builds the GiST index. */
    public void commit() throws SQLException, IOException {
        if (done) return;
        try {
            send();
            copy.endCopy();
            done = true;
            if (narrow && typesSeen.size() == 1) {
                String t = typesSeen.iterator().next();
                PgSql.exec(connection, "ALTER TABLE " + table + " ALTER COLUMN geom TYPE geometry(" + pgType(t) + ", "
                        + PgSql.SRID + ")");
            }
            PgSql.exec(connection, "CREATE INDEX ON " + table + " USING gist (geom)");
        } finally {
            abort();
        }
    }

    /** Cancels an unfinished COPY; the caller's rollback then removes the table. */
    public void abort() {
        done = true;
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException ignored) {
            // the connection is gone or the server ended the COPY: the rollback that follows discards it all
        }
    }

    @Override
    public void close() {
        abort();
    }

    public long count() { return count; }

    /** Count, extent and largest envelope side of what was written, as {@link BigLayers} records them. */
    public BigLayers.Stats stats() { return new BigLayers.Stats(count, new Envelope(extent), maxFeatureSize); }

    private void send() throws IOException {
        if (buffer.length() == 0) return;
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IOException("cannot write to " + table + ": " + e.getMessage(), e);
        }
    }

    /** One value in COPY's text format: \N for null, backslash escapes for tab, newline and backslash. */
    static void copyValue(StringBuilder b, Object v) {
        if (v == null) {
            b.append("\\N");
            return;
        }
        String s = v instanceof Double d ? Double.toString(d) : v.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }
}
