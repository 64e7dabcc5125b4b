package nl.ruimteschets.io;

import static nl.ruimteschets.io.GeoPackageLayers.q;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.Field;

/**
 * GeoPackage schema work in plain JDBC, where every table and column name is data: identifiers are
 * double-quoted with {@link GeoPackageLayers#q}, values are bound parameters. geopackage-java pastes
 * names into its SQL unquoted (a layer called {@code 's-Hertogenbosch} made a project unreadable),
 * so feature tables, their RTree index and their metadata rows are created, listed and dropped here.
 *
 * <p>Also the defences against a project file that brings its own SQL: {@link #harden} turns off
 * trusted schema (views and triggers may not call application functions), and
 * {@link #dropForeignCode} removes every trigger and view a writer would otherwise run, then
 * recreates the GeoPackage RTree triggers we own. Stateless; thread-safe, but a connection belongs to one thread.
 */
final class GpkgTables {
    static final String FID = "fid";
    static final String GEOM = "geom";
    /** The GeoPackage 1.4 RTree triggers (spec F.3), with {@code <t>} table, {@code <c>} geometry and {@code <i>} id column. */
    private static final List<String> RTREE_TRIGGERS = List.of(
            "CREATE TRIGGER <rt_insert> AFTER INSERT ON <t> WHEN (new.<c> NOT NULL AND NOT ST_IsEmpty(NEW.<c>)) "
                    + "BEGIN INSERT OR REPLACE INTO <rt> VALUES (NEW.<i>, ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>), "
                    + "ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)); END",
            "CREATE TRIGGER <rt_update6> AFTER UPDATE OF <c> ON <t> WHEN OLD.<i> = NEW.<i> AND "
                    + "(NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>)) AND (OLD.<c> NOTNULL AND NOT ST_IsEmpty(OLD.<c>)) "
                    + "BEGIN UPDATE <rt> SET minx = ST_MinX(NEW.<c>), maxx = ST_MaxX(NEW.<c>), miny = ST_MinY(NEW.<c>), "
                    + "maxy = ST_MaxY(NEW.<c>) WHERE id = NEW.<i>; END",
            "CREATE TRIGGER <rt_update7> AFTER UPDATE OF <c> ON <t> WHEN OLD.<i> = NEW.<i> AND "
                    + "(NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>)) AND (OLD.<c> ISNULL OR ST_IsEmpty(OLD.<c>)) "
                    + "BEGIN INSERT INTO <rt> VALUES (NEW.<i>, ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>), "
                    + "ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)); END",
            "CREATE TRIGGER <rt_update2> AFTER UPDATE OF <c> ON <t> WHEN OLD.<i> = NEW.<i> AND "
                    + "(NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>)) BEGIN DELETE FROM <rt> WHERE id = OLD.<i>; END",
            "CREATE TRIGGER <rt_update5> AFTER UPDATE ON <t> WHEN OLD.<i> != NEW.<i> AND "
                    + "(NEW.<c> NOTNULL AND NOT ST_IsEmpty(NEW.<c>)) BEGIN DELETE FROM <rt> WHERE id = OLD.<i>; "
                    + "INSERT OR REPLACE INTO <rt> VALUES (NEW.<i>, ST_MinX(NEW.<c>), ST_MaxX(NEW.<c>), "
                    + "ST_MinY(NEW.<c>), ST_MaxY(NEW.<c>)); END",
            "CREATE TRIGGER <rt_update4> AFTER UPDATE ON <t> WHEN OLD.<i> != NEW.<i> AND "
                    + "(NEW.<c> ISNULL OR ST_IsEmpty(NEW.<c>)) BEGIN DELETE FROM <rt> WHERE id IN (OLD.<i>, NEW.<i>); END",
            "CREATE TRIGGER <rt_delete> AFTER DELETE ON <t> WHEN old.<c> NOT NULL "
                    + "BEGIN DELETE FROM <rt> WHERE id = OLD.<i>; END");

    private GpkgTables() { }

    /**
     * SQLite's defensive settings as far as sqlite-jdbc reaches them. It has no call for
     * sqlite3_db_config(SQLITE_DBCONFIG_DEFENSIVE); what that flag guards (writable_schema, shadow tables,
     * journal_mode=OFF) is only reachable through SQL we run ourselves, and none of ours does. What a file can
     * bring along is closed here: views and triggers stored in it may not call functions with side effects
     * (trusted_schema), load_extension stays unauthorised (sqlite-jdbc's default, checked in
     * HardenedConnectionTest), and damaged pages are detected on read (cell_size_check).
     */
    static void harden(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA trusted_schema = OFF");
            s.execute("PRAGMA writable_schema = OFF");
            s.execute("PRAGMA cell_size_check = ON");
        }
    }

    /** A table or view of that name exists; SQLite compares names case-insensitively (ASCII), so do we. */
    static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Feature tables in gpkg_contents order that really exist. */
    static List<String> featureTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        if (!exists(c, "gpkg_contents")) return out;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT c.table_name FROM gpkg_contents c "
                + "JOIN sqlite_master m ON m.name = c.table_name AND m.type IN ('table', 'view') "
                + "WHERE lower(c.data_type) = 'features' ORDER BY c.rowid")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    static boolean isFeatureTable(Connection c, String table) throws SQLException {
        return featureTables(c).contains(table);
    }

    /** The geometry column of a feature table (gpkg_geometry_columns), or null. */
    static String geometryColumn(Connection c, String table) throws SQLException {
        return geometryColumnsValue(c, table, "column_name");
    }

    /** The declared geometry type name of a feature table, or null. */
    static String geometryTypeName(Connection c, String table) throws SQLException {
        return geometryColumnsValue(c, table, "geometry_type_name");
    }

    private static String geometryColumnsValue(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + q(column) + " FROM gpkg_geometry_columns WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** A column of a table: name, declared type, primary-key flag. */
    record Column(String name, String type, boolean primaryKey) { }

    static List<Column> columns(Connection c, String table) throws SQLException {
        List<Column> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + q(table) + ")")) {
            while (rs.next()) out.add(new Column(rs.getString("name"), rs.getString("type"), rs.getInt("pk") > 0));
        }
        return out;
    }

    /**
     * Creates an EPSG:28992 feature table with columns fid, geom and {@code fields} (whose names must
     * already be unique and differ from fid/geom, see {@link StoreFieldNames}), registered in
     * gpkg_contents and gpkg_geometry_columns, plus its empty RTree table. Call inside the caller's transaction.
     */
    static void createFeatureTable(Connection c, String table, String geometryTypeName, List<Field> fields)
            throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(q(table)).append(" (")
                .append(q(FID)).append(" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ")
                .append(q(GEOM)).append(' ').append(geometryTypeName);
        for (Field f : fields) ddl.append(", ").append(q(f.name())).append(' ').append(GeoPackageLayers.dataType(f.type()).name());
        ddl.append(')');
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (table_name TEXT NOT NULL, "
                    + "column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, "
                    + "z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), "
                    + "CONSTRAINT uk_gc_table_name UNIQUE (table_name), "
                    + "CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), "
                    + "CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
                    + "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
                    + "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
            s.execute("CREATE VIRTUAL TABLE " + q(rtreeName(table)) + " USING rtree(id, minx, maxx, miny, maxy)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                + "description, last_change, srs_id) VALUES (?, 'features', ?, '', "
                + "strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?)")) {
            ps.setString(1, table);
            ps.setString(2, table);
            ps.setInt(3, GeoPackageLayers.RD_NEW);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns (table_name, column_name, "
                + "geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)")) {
            ps.setString(1, table);
            ps.setString(2, GEOM);
            ps.setString(3, geometryTypeName);
            ps.setInt(4, GeoPackageLayers.RD_NEW);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO gpkg_extensions (table_name, column_name, "
                + "extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index', "
                + "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")) {
            ps.setString(1, table);
            ps.setString(2, GEOM);
            ps.executeUpdate();
        }
    }

    static String rtreeName(String table) {
        return "rtree_" + table + "_" + GEOM;
    }

    /** Adds the RTree maintenance triggers of a feature table created by {@link #createFeatureTable}. */
    static void createRtreeTriggers(Connection c, String table, String geomColumn, String idColumn) throws SQLException {
        String rt = "rtree_" + table + "_" + geomColumn;
        try (Statement s = c.createStatement()) {
            for (String t : RTREE_TRIGGERS) {
                String sql = t;
                for (String n : List.of("insert", "update2", "update4", "update5", "update6", "update7", "delete")) {
                    sql = sql.replace("<rt_" + n + ">", q(rt + "_" + n));
                }
                s.execute(sql.replace("<rt>", q(rt)).replace("<t>", q(table)).replace("<c>", q(geomColumn))
                        .replace("<i>", q(idColumn)));
            }
        }
    }

    /** Drops a feature table with its RTree, triggers and every metadata row naming it; absent parts are fine. */
    static void dropFeatureTable(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String trigger : names(c, "trigger", table)) s.execute("DROP TRIGGER IF EXISTS " + q(trigger));
            s.execute("DROP TABLE IF EXISTS " + q(rtreeName(table)));
            s.execute("DROP TABLE IF EXISTS " + q(table));
        }
        for (String meta : List.of("gpkg_geometry_columns", "gpkg_extensions", "gpkg_data_columns", "gpkg_ogr_contents",
                "gpkg_contents")) {
            if (!exists(c, meta)) continue;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q(meta) + " WHERE table_name = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
    }

    /** Names of the schema objects of {@code type} attached to {@code table}. */
    private static List<String> names(Connection c, String type, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM sqlite_master WHERE type = ? AND tbl_name = ?")) {
            ps.setString(1, type);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Before we write into a file: drops every trigger (anyone can add one that empties a table when
     * we insert a row) and every view that is not a registered feature layer, then gives each feature
     * table that has an RTree index the standard triggers again. Returns how many objects were dropped.
     */
    static int dropForeignCode(Connection c) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view')")) {
            while (rs.next()) objects.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        List<String> layers = featureTables(c);
        int dropped = 0;
        try (Statement s = c.createStatement()) {
            for (String[] o : objects) {
                if (o[0].equals("view") && layers.contains(o[1])) continue; // a spatial view registered as a layer: data, not code we run
                s.execute("DROP " + (o[0].equals("view") ? "VIEW" : "TRIGGER") + " IF EXISTS " + q(o[1]));
                if (!isRtreeTriggerName(o[1], layers)) dropped++;
            }
        }
        for (String t : layers) {
            String geom = geometryColumn(c, t);
            if (geom == null || !exists(c, "rtree_" + t + "_" + geom)) continue;
            String pk = null;
            for (Column col : columns(c, t)) if (col.primaryKey()) pk = col.name();
            if (pk != null) createRtreeTriggers(c, t, geom, pk);
        }
        return dropped;
    }

    /** rtree_<layer>_geom_<insert|update1..7|delete>: one of the standard triggers, which we recreate. */
    private static boolean isRtreeTriggerName(String name, List<String> layers) {
        for (String t : layers) {
            String prefix = "rtree_" + t + "_";
            if (name.startsWith(prefix) && name.substring(prefix.length()).matches(".+_(insert|update[1-7]|delete)")) return true;
        }
        return false;
    }
}
