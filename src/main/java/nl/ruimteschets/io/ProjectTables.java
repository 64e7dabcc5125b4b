package nl.ruimteschets.io;

import static nl.ruimteschets.io.GeoPackageLayers.q;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;

/**
 * Small JDBC helpers for the project's attribute tables (rs_meta, rs_layer_role, ...): create one as a
 * GeoPackage "attributes" table (so GDAL and QGIS list it), insert rows, read rows. Stateless;
 * thread-safe, but the GeoPackage belongs to one thread. SQL errors propagate as SQLException.
 */
final class ProjectTables {
    /** A column: name and GeoPackage type. */
    record Col(String name, GeoPackageDataType type) { }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private ProjectTables() { }

    static Col text(String name) { return new Col(name, GeoPackageDataType.TEXT); }
    static Col real(String name) { return new Col(name, GeoPackageDataType.DOUBLE); }
    static Col integer(String name) { return new Col(name, GeoPackageDataType.INTEGER); }
    static Col bool(String name) { return new Col(name, GeoPackageDataType.BOOLEAN); }

    /** Creates the table (an "id" primary key is added) registered in gpkg_contents as attributes. */
    static void create(GeoPackage gp, String table, List<Col> cols) {
        List<AttributesColumn> columns = new ArrayList<>();
        for (Col c : cols) columns.add(AttributesColumn.createColumn(c.name(), c.type()));
        gp.createAttributesTable(AttributesTableMetadata.create(table, columns));
    }

    /** Inserts the rows in one transaction (values in column order; Boolean as 0/1). */
    static void insert(GeoPackage gp, String table, List<Col> cols, List<Object[]> rows) throws SQLException {
        StringBuilder names = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (Col c : cols) {
            names.append(names.length() == 0 ? "" : ", ").append(q(c.name()));
            marks.append(marks.length() == 0 ? "?" : ", ?");
        }
        Connection con = gp.getConnection().getConnection();
        gp.beginTransaction();
        boolean ok = false;
        try (PreparedStatement ps = con.prepareStatement(
                "INSERT INTO " + q(table) + " (" + names + ") VALUES (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    Object v = row[i] instanceof Boolean b ? (Object) (b ? 1 : 0) : row[i];
                    ps.setObject(i + 1, v);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            ok = true;
        } finally {
            gp.endTransaction(ok);
        }
    }

    /** Runs a query and hands each row to {@code reader}. */
    static void query(GeoPackage gp, String sql, RowReader reader) throws SQLException {
        try (Statement s = gp.getConnection().getConnection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) reader.read(rs);
        }
    }

    /** A nullable double column value. */
    static Double optDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
