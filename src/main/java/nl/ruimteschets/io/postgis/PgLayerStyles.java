package nl.ruimteschets.io.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.io.GeoPackageLayers;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.QgisStyles;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;

/**
 * QGIS styles for a PostGIS project, where QGIS's PostgreSQL provider looks for them: the table
 * {@code public.layer_styles} of the database (QGIS creates it there on "Save style → in database" and
 * reads the default style of a layer by f_table_catalog = the database, f_table_schema, f_table_name and
 * f_geometry_column). The QML and SLD are those {@link QgisStyles} writes into a GeoPackage, so a layer
 * looks the same in QGIS from either store. Our rows are named {@value QgisStyles#STYLE_NAME}; a style a
 * colleague saved from QGIS stays the default. A role that may not create or write the table (PostgreSQL
 * 15 no longer lets every role create in {@code public}) gets no styles rather than a failed save: the
 * project stays fully usable, QGIS then draws its own default. Stateless; thread-safe; the caller owns the
 * connection and its transaction.
 */
final class PgLayerStyles {
    /** The columns QGIS 3.22+ creates (the id serial and "type" included, so QGIS need not alter it). */
    private static final String DDL = "CREATE TABLE IF NOT EXISTS public.layer_styles (id serial PRIMARY KEY, "
            + "f_table_catalog varchar, f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, "
            + "stylename text, styleqml xml, stylesld xml, useasdefault boolean, description text, "
            + "owner varchar(63) DEFAULT CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)";

    private PgLayerStyles() { }

    /** Whether this role can keep styles: the table is there and writable, or it may create it. */
    static boolean writable(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN to_regclass('public.layer_styles') IS NULL "
                + "THEN has_schema_privilege('public', 'CREATE') "
                // each right on its own: a list of rights is true when any one is granted
                + "ELSE has_table_privilege('public.layer_styles', 'INSERT') AND has_table_privilege('public.layer_styles', 'DELETE') "
                + "AND has_table_privilege('public.layer_styles', 'SELECT') END");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false; // no public schema
        }
    }

    /**
     * Replaces our style of each entry's table in {@code schema}; with {@code keepOnly} non-null, also drops
     * our rows for the schema's tables not in it (layers no longer in the project).
     */
    static void write(Connection c, String schema, List<QgisStyles.Entry> entries, List<String> keepOnly) throws SQLException {
        if (!writable(c)) return;
        PgSql.exec(c, DDL);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() "
                + "AND f_table_schema = ? AND f_table_name = ? AND stylename = ?")) {
            List<String> drop = new ArrayList<>(entries.stream().map(QgisStyles.Entry::table).toList());
            if (keepOnly != null) {
                for (String t : styledTables(c, schema)) if (!keepOnly.contains(t)) drop.add(t);
            }
            for (String t : drop) {
                del.setString(1, schema);
                del.setString(2, t);
                del.setString(3, QgisStyles.STYLE_NAME);
                del.addBatch();
            }
            del.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, "
                + "f_table_name, f_geometry_column, stylename, styleqml, stylesld, useasdefault, description, type) "
                + "VALUES (current_database(), ?, ?, ?, ?, XMLPARSE(DOCUMENT ?), XMLPARSE(DOCUMENT ?), "
                + "NOT EXISTS (SELECT 1 FROM public.layer_styles o WHERE o.f_table_catalog = current_database() "
                + "AND o.f_table_schema = ? AND o.f_table_name = ? AND o.useasdefault), ?, 'Vector')")) {
            for (QgisStyles.Entry given : entries) {
                // a layer kept in the database has no features in memory: its family comes from PostGIS
                QgisStyles.Entry e = given.kind() != GeometryKind.MIXED ? given
                        : new QgisStyles.Entry(given.table(), given.geometryColumn(), storedKind(c, schema, given.table()), given.look());
                int i = 1;
                ins.setString(i++, schema);
                ins.setString(i++, e.table());
                ins.setString(i++, e.geometryColumn());
                ins.setString(i++, QgisStyles.STYLE_NAME);
                ins.setString(i++, QgisStyles.qml(e.kind(), e.look()));
                ins.setString(i++, QgisStyles.sld(e.table(), e.kind(), e.look()));
                ins.setString(i++, schema);
                ins.setString(i++, e.table());
                ins.setString(i, "Ruimteschets: " + e.table());
                ins.executeUpdate(); // one by one: the default test must see the rows written before
            }
        }
    }

    /** Removes our style of a layer that left the project. */
    static void remove(Connection c, String schema, String table) throws SQLException {
        if (!writable(c) || !tableExists(c)) return;
        try (PreparedStatement del = c.prepareStatement("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() "
                + "AND f_table_schema = ? AND f_table_name = ? AND stylename = ?")) {
            del.setString(1, schema);
            del.setString(2, table);
            del.setString(3, QgisStyles.STYLE_NAME);
            del.executeUpdate();
        }
    }

    /**
     * Rewrites the style of one stored layer from its role (rs_layer_role), its saved look and its geometry
     * type in PostGIS's geometry_columns: after a planner changed its colours, label or role.
     */
    static void restyle(Connection c, String schema, String layer, LayerDisplay display) throws SQLException, InputException {
        LayerRole role;
        try (PreparedStatement ps = c.prepareStatement("SELECT role FROM " + PgSql.table(schema, ProjectStore.LAYER_ROLE)
                + " WHERE layer_table = ?")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return;
                role = LayerRole.parse(rs.getString(1));
            }
        }
        write(c, schema, List.of(new QgisStyles.Entry(layer, "geom", GeometryKind.MIXED, QgisStyles.Look.of(role, display))), null);
    }

    /** The geometry family of a stored table, from PostGIS's geometry_columns (MIXED for plain Geometry). */
    private static GeometryKind storedKind(Connection c, String schema, String table) throws SQLException {
        PgSql.GeometryColumn g = PgSql.geometryColumn(c, schema, table);
        return g == null ? GeometryKind.MIXED : GeoPackageLayers.kindOf(g.type());
    }

    /** The saved look of a stored layer (null when it has none). */
    static LayerDisplay display(Connection c, String schema, String layer) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT layer_table, visible, opacity, fill, stroke, label_field FROM "
                + PgSql.table(schema, ProjectStore.LAYER_DISPLAY) + " WHERE layer_table = ?")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? PgProjectTables.display(rs) : null;
            }
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass('public.layer_styles') IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static List<String> styledTables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT f_table_name FROM public.layer_styles "
                + "WHERE f_table_catalog = current_database() AND f_table_schema = ? AND stylename = ?")) {
            ps.setString(1, schema);
            ps.setString(2, QgisStyles.STYLE_NAME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
