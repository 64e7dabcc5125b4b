package nl.ruimteschets.io.postgis;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * SQL helpers for the PostGIS store: quoted identifiers (every table, column and schema name goes
 * through {@link #ident}; values always travel as parameters) and EWKB for geometry in EPSG:28992.
 * Stateless; thread-safe.
 */
final class PgSql {
    static final int SRID = 28992;
    /** PostgreSQL truncates longer identifiers, which would silently merge two layer names. */
    static final int MAX_IDENT_BYTES = 63;

    private PgSql() { }

    /** A quoted identifier; refuses names PostgreSQL would truncate or cannot hold. */
    static String ident(String name) throws InputException {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0
                || name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENT_BYTES) {
            throw new InputException(new UserMessage("pg.name.invalid", name == null ? "" : name.replace('\0', '?'),
                    MAX_IDENT_BYTES));
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** schema.table, both quoted. */
    static String table(String schema, String table) throws InputException {
        return ident(schema) + "." + ident(table);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static boolean tableExists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = ? AND tablename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A table's geometry column as PostGIS lists it: its name and declared type ("POLYGON", "GEOMETRY", …). */
    record GeometryColumn(String name, String type) { }

    /** The table's geometry column ("geom" first when it has several), or null when it has none. */
    static GeometryColumn geometryColumn(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT f_geometry_column, type FROM public.geometry_columns "
                + "WHERE f_table_schema = ? AND f_table_name = ? ORDER BY f_geometry_column <> 'geom', f_geometry_column LIMIT 1")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new GeometryColumn(rs.getString(1), rs.getString(2)) : null;
            }
        }
    }

    /**
     * The geometry as EWKB (2D, big-endian, with SRID 28992 in the header) without touching the
     * geometry's own SRID, which the model shares.
     */
    static byte[] ewkb(Geometry g) {
        if (g == null) return null;
        byte[] wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(g);
        ByteBuffer out = ByteBuffer.allocate(wkb.length + 4);
        out.put(wkb[0]);
        int type = ByteBuffer.wrap(wkb, 1, 4).getInt();
        out.putInt(type | 0x20000000);
        out.putInt(SRID);
        out.put(wkb, 5, wkb.length - 5);
        return out.array();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Hex text of the EWKB, the form COPY's text format takes for a geometry column. */
    static void appendHex(StringBuilder b, byte[] bytes) {
        for (byte x : bytes) b.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
    }
}
