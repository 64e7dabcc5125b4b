package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.postgis.PgSql.ident;
import static nl.ruimteschets.io.postgis.PgSql.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.io.StreamedLayer;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;

/**
 * Which layers of a PostGIS project stay in the database instead of being read into memory, kept in the
 * project's table {@value #STORAGE} (layer_table, in_database, and the measures the engine needs: feature
 * count, extent, largest feature size). A table listed there with in_database true stays; one not listed
 * stays when it holds more than {@link #threshold()} rows (the BAG's 11 million buildings, loaded by a GIS
 * colleague with ogr2ogr or QGIS), and is then measured once and listed. Stateless; thread-safe.
 */
public final class BigLayers {
    /** The project table that says which layers stay in the database. */
    public static final String STORAGE = "rs_layer_storage";
    /** Above this many rows a layer stays in the database: a million small polygons take about half a GB in memory. */
    public static final long DEFAULT_THRESHOLD = 1_000_000;

    /** What the engine needs to know of a table before fetching any of it. */
    public record Stats(long count, Envelope extent, double maxFeatureSize) { }

    private BigLayers() { }

    /** Rows above which a layer stays in the database (system property {@code ruimteschets.pg.inDatabaseAbove}). */
    public static long threshold() {
        return Long.getLong("ruimteschets.pg.inDatabaseAbove", DEFAULT_THRESHOLD);
    }

    /**
     * The layer as one that stays in the database, or null when it is read into memory: not marked and
     * not above the threshold, marked to stay in memory, or without an integer key to name its features by.
     * A big table seen for the first time is measured (one pass) and, where the role may write, listed.
     */
    static Layer remoteOrNull(Connection c, PgConnector connector, String schema, String tableName, String geomColumn,
                              List<Field> fields, LayerRole role, Map<String, String> mapping, String source,
                              ImportReport report) throws SQLException, InputException {
        if (connector == null) return null;
        Stats stats = null;
        if (PgSql.tableExists(c, schema, STORAGE)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT in_database, feature_count, min_x, min_y, max_x, max_y, "
                    + "max_feature_size FROM " + table(schema, STORAGE) + " WHERE layer_table = ?")) {
                ps.setString(1, tableName);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if (!rs.getBoolean(1)) return null;
                        stats = new Stats(rs.getLong(2), new Envelope(rs.getDouble(3), rs.getDouble(5), rs.getDouble(4),
                                rs.getDouble(6)), rs.getDouble(7));
                    }
                }
            }
        }
        String id = idColumn(c, schema, tableName);
        if (id == null) return null;
        if (stats == null) {
            if (estimatedRows(c, schema, tableName) <= threshold()) return null;
            stats = measure(c, schema, tableName, geomColumn);
            record(c, schema, tableName, true, stats, true);
        }
        PostgisTiledLayer remote = new PostgisTiledLayer(connector, schema, tableName, geomColumn, id, fields,
                geometryType(c, schema, tableName), stats);
        return new Layer(tableName, role, fields, remote, mapping, source, report);
    }

    /**
     * Marks a table of the project as staying in the database (or, with {@code inDatabase} false, as read
     * into memory whatever its size): measures it and lists it in {@value #STORAGE}. The caller owns the
     * transaction.
     */
    public static Stats keep(Connection c, String schema, String tableName, boolean inDatabase) throws SQLException, InputException {
        Stats stats = measure(c, schema, tableName, geometryColumn(c, schema, tableName));
        record(c, schema, tableName, inDatabase, stats, false);
        return stats;
    }

    /** As {@link #keep}, with the measures the writer of a new table took on the way (no second pass over it). */
    static void keep(Connection c, String schema, String tableName, boolean inDatabase, Stats stats)
            throws SQLException, InputException {
        record(c, schema, tableName, inDatabase, stats, false);
    }

    /**
     * The planner's choice for a layer of the PostGIS project at {@code location}: stay in the database, or
     * be read into memory whatever its size; kept in {@value #STORAGE} for everyone who opens the project.
     *
     * @throws InputException when there is no such layer or the role may not write, in the planner's words
     */
    public static Stats mark(PgLocation location, PgConnector.PasswordPrompt prompt, String layer, boolean inDatabase)
            throws InputException {
        PgConnector connector = new PgConnector(location, prompt);
        try (Connection c = connector.connect()) {
            if (!PgSql.tableExists(c, location.schema(), layer)) {
                throw new InputException(new UserMessage("pg.layer.missing", layer, location.toString()));
            }
            return keep(c, location.schema(), layer, inDatabase);
        } catch (SQLException e) {
            throw new InputException(new UserMessage("pg.layer.mark.failed", layer, location.toString()), e);
        }
    }

    /** Count, extent and largest envelope side in one pass over the table, then fresh planner statistics. */
    static Stats measure(Connection c, String schema, String tableName, String geomColumn) throws SQLException, InputException {
        String g = ident(geomColumn);
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*), min(ST_XMin(" + g + ")), min(ST_YMin(" + g + ")), "
                + "max(ST_XMax(" + g + ")), max(ST_YMax(" + g + ")), max(greatest(ST_XMax(" + g + ") - ST_XMin(" + g + "), "
                + "ST_YMax(" + g + ") - ST_YMin(" + g + "))) FROM " + table(schema, tableName));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            Envelope extent = rs.getLong(1) == 0 ? new Envelope() : new Envelope(rs.getDouble(2), rs.getDouble(4),
                    rs.getDouble(3), rs.getDouble(5));
            return new Stats(rs.getLong(1), extent, rs.getDouble(6));
        }
    }

    /** Lists the table in {@value #STORAGE}; when {@code quietly}, a role that may not write just skips it. */
    private static void record(Connection c, String schema, String tableName, boolean inDatabase, Stats s, boolean quietly)
            throws SQLException, InputException {
        Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try {
            PgSql.exec(c, "CREATE TABLE IF NOT EXISTS " + table(schema, STORAGE) + " (layer_table text PRIMARY KEY, "
                    + "in_database boolean NOT NULL, feature_count bigint, min_x double precision, min_y double precision, "
                    + "max_x double precision, max_y double precision, max_feature_size double precision)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, STORAGE) + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (layer_table) DO UPDATE SET in_database = EXCLUDED.in_database, feature_count = "
                    + "EXCLUDED.feature_count, min_x = EXCLUDED.min_x, min_y = EXCLUDED.min_y, max_x = EXCLUDED.max_x, "
                    + "max_y = EXCLUDED.max_y, max_feature_size = EXCLUDED.max_feature_size")) {
                Envelope e = s.extent();
                Object[] v = {tableName, inDatabase, s.count(), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), s.maxFeatureSize()};
                for (int i = 0; i < v.length; i++) ps.setObject(i + 1, v[i]);
                ps.executeUpdate();
            }
            PgSql.exec(c, "ANALYZE " + table(schema, tableName)); // the map's estimate of features in a view needs it
            if (sp != null) c.releaseSavepoint(sp);
        } catch (SQLException e) {
            if (!quietly) throw e;
            if (sp != null) c.rollback(sp);
        }
    }

    /** The rows PostgreSQL's statistics estimate (counted when the table was never analysed). */
    private static long estimatedRows(Connection c, String schema, String tableName) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = ?::regclass")) {
            ps.setString(1, table(schema, tableName));
            try (ResultSet rs = ps.executeQuery()) {
                long n = rs.next() ? rs.getLong(1) : -1;
                if (n >= 0) return n;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table(schema, tableName));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** "fid" when the table has it, else its primary key when that is one integer column, else null. */
    private static String idColumn(Connection c, String schema, String tableName) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), i.indisprimary "
                + "FROM pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_index i ON i.indrelid = a.attrelid "
                + "AND i.indisprimary AND i.indnatts = 1 AND a.attnum = i.indkey[0] "
                + "WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, table(schema, tableName));
            String pk = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean integer = List.of("bigint", "integer", "smallint").contains(rs.getString(2));
                    if (rs.getString(1).equals("fid") && integer) return "fid";
                    if (rs.getBoolean(3) && integer) pk = rs.getString(1);
                }
            }
            return pk;
        }
    }

    private static String geometryColumn(Connection c, String schema, String tableName) throws SQLException, InputException {
        PgSql.GeometryColumn g = PgSql.geometryColumn(c, schema, tableName);
        if (g == null) throw new InputException(new UserMessage("pg.layer.nogeometry", schema + "." + tableName));
        return g.name();
    }

    private static String geometryType(Connection c, String schema, String tableName) throws SQLException {
        PgSql.GeometryColumn g = PgSql.geometryColumn(c, schema, tableName);
        return g == null ? "Geometry" : StreamedLayer.jtsType(g.type()); // POLYGON -> Polygon, as JTS names them
    }
}
