package nl.ruimteschets.io;

import static nl.ruimteschets.io.GeoPackageLayers.q;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.db.GeoPackageDataType;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Streams one feature table of a GeoPackage. Columns and geometry type come from geopackage-java's
 * table metadata; rows are read with a plain JDBC cursor and the blobs decoded straight to JTS
 * ({@link GpkgBlob}), which keeps memory bounded and avoids NGA's second geometry model. Feature ids
 * are the row ids (fid). A missing file, a non-GeoPackage, a missing table or a corrupt geometry
 * throw {@link InputException} naming the file. Not thread-safe; close it.
 */
public final class GeoPackageReader implements FeatureReader {
    /** Packed doubles: about half the memory of Coordinate objects for big layers. */
    static final GeometryFactory FACTORY =
new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private final Path file;
    private final String table;
    private final GeoPackage gp;
    private final boolean ownGeoPackage;
    private final List<Field> fields = new ArrayList<>();
    private final GeometryKind kind;
    private final SourceCrs crs;
    private final long count;
    private final WKBReader wkb;
    private Statement statement;
    private ResultSet rows;

    private GeoPackageReader(Path file, GeoPackage gp, boolean ownGeoPackage, String table,
                             GeometryFactory factory) throws InputException {
        this.file = file;
        this.gp = gp;
        this.ownGeoPackage = ownGeoPackage;
        this.table = table;
        this.wkb = new WKBReader(factory);
        try {
            Connection c = GeoPackageLayers.connection(gp);
            if (!GpkgTables.isFeatureTable(c, table)) {
                throw new InputException(new UserMessage("gpkg.table.missing", table, file));
            }
            // Plain JDBC with quoted names: geopackage-java's FeatureDao fails on a name with an apostrophe.
            String geomColumn = GpkgTables.geometryColumn(c, table);
            String pk = keyColumn(c, table);
            StringBuilder sql = new StringBuilder("SELECT ").append(pk == null ? "rowid" : q(pk))
                    .append(", ").append(geomColumn == null ? "NULL" : q(geomColumn));
            for (Field f : fields(c, table)) {
                fields.add(f);
                sql.append(", ").append(q(f.name()));
            }
            sql.append(" FROM ").append(q(table)).append(" ORDER BY ").append(pk == null ? "rowid" : q(pk));
            this.kind = GeoPackageLayers.kindOf(GpkgTables.geometryTypeName(c, table));
            this.crs = readCrs(c);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + q(table))) {
                this.count = rs.next() ? rs.getLong(1) : -1;
            }
            statement = c.createStatement();
            rows = statement.executeQuery(sql.toString());
        } catch (SQLException | RuntimeException e) {
            closeQuietly();
            throw new InputException(new UserMessage("gpkg.table.unreadable", table, file.getFileName()), e);
        }
    }

    /** The table's integer primary key column, or null (then rows are named by rowid). */
    static String keyColumn(Connection c, String table) throws SQLException {
        for (GpkgTables.Column col : GpkgTables.columns(c, table)) if (col.primaryKey()) return col.name();
        return null;
    }

    /** The attribute fields of a feature table, in column order: every column but the key and the geometry. */
    static List<Field> fields(Connection c, String table) throws SQLException {
        String pk = keyColumn(c, table), geomColumn = GpkgTables.geometryColumn(c, table);
        List<Field> out = new ArrayList<>();
        for (GpkgTables.Column col : GpkgTables.columns(c, table)) {
            if (col.name().equals(pk) || col.name().equals(geomColumn)) continue;
            out.add(new Field(col.name(), GeoPackageLayers.fieldType(dataType(col.type()))));
        }
        return out;
    }

    /** A declared SQLite column type as GeoPackage names it; unknown spellings (VARCHAR(20), INT64) by SQLite's affinity rules. */
    private static GeoPackageDataType dataType(String declared) {
        String t = declared == null ? "" : declared.toUpperCase(java.util.Locale.ROOT).replaceAll("\\(.*", "").trim();
        try {
            return GeoPackageDataType.fromName(t);
        } catch (RuntimeException e) {
            if (t.contains("INT")) return GeoPackageDataType.INTEGER;
            if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) return GeoPackageDataType.DOUBLE;
            return GeoPackageDataType.TEXT;
        }
    }

    /** Opens {@code table} of {@code gpkg} read-only. */
    public static GeoPackageReader open(Path gpkg, String table) throws InputException {
        GeoPackage gp = GeoPackageLayers.open(gpkg, false);
        try {
            return new GeoPackageReader(gpkg, gp, true, table, FACTORY);
        } catch (InputException | RuntimeException e) {
            gp.close();
            throw e;
        }
    }

    /** Reads a table of a GeoPackage the caller keeps open (project loading). */
    static GeoPackageReader open(Path file, GeoPackage gp, String table) throws InputException {
        return new GeoPackageReader(file, gp, false, table, FACTORY);
    }

    private SourceCrs readCrs(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT s.srs_id, s.srs_name, s.organization, "
                + "s.organization_coordsys_id, s.definition FROM gpkg_geometry_columns g "
                + "JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id WHERE g.table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return SourceCrs.NONE;
                String name = rs.getString(2);
                String org = rs.getString(3);
                int code = rs.getInt(4);
                String wkt = rs.getString(5);
                if (wkt != null && (wkt.isBlank() || "undefined".equalsIgnoreCase(wkt.trim()))) wkt = null;
                boolean epsg = org != null && org.equalsIgnoreCase("EPSG") && code > 0;
                if (epsg) return new SourceCrs(code, wkt, "EPSG:" + code);
                return new SourceCrs(null, wkt, name == null ? "" : name);
            }
        }
    }

    @Override public List<Field> fields() { return fields; }
    @Override public GeometryKind geometryKind() { return kind; }
    @Override public SourceCrs crs() { return crs; }
    @Override public String encoding() { return "UTF-8"; } // SQLite text is UTF-8 by the GeoPackage spec
    @Override public long count() { return count; }

    @Override
    public Feature next() throws IOException, InputException {
        if (rows == null) return null;
        long id = 0;
        try {
            if (!rows.next()) {
                closeQuietly();
                return null;
            }
            id = rows.getLong(1);
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) values[i] = value(rows.getObject(i + 3), fields.get(i).type());
            return new Feature(id, GpkgBlob.decode(rows.getBytes(2), wkb), values);
        } catch (ParseException e) {
            throw new InputException(new UserMessage("gpkg.geometry.invalid", id, table, file.getFileName(), e.getClass().getSimpleName()), e);
        } catch (SQLException e) {
            throw new IOException("cannot read " + table + " of " + file + ": " + e.getMessage(), e);
        }
    }

    /** SQLite is dynamically typed: normalise to Long, Double, Boolean, LocalDate or String. */
    static Object value(Object raw, FieldType type) {
        if (raw == null) return null;
        switch (type) {
            case INTEGER:
                if (raw instanceof Number n) return n.longValue();
                break;
            case REAL:
                if (raw instanceof Number n) return n.doubleValue();
                break;
            case BOOLEAN:
                if (raw instanceof Number n) return n.longValue() != 0;
                break;
            case DATE:
                try {
                    return LocalDate.parse(raw.toString());
                } catch (java.time.format.DateTimeParseException e) {
                    return raw.toString();
                }
            default:
                break;
        }
        return raw instanceof byte[] ? null : raw.toString();
    }

    @Override
    public void close() {
        closeQuietly();
        if (ownGeoPackage) gp.close();
    }

    private void closeQuietly() {
        try {
            if (rows != null) rows.close();
            if (statement != null) statement.close();
        } catch (SQLException ignored) {
            // closing a read cursor cannot lose data
        }
        rows = null;
        statement = null;
    }
}
