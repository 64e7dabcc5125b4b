package nl.ruimteschets.io;

import static nl.ruimteschets.io.GeoPackageLayers.q;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.sf.GeometryType;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.GeometryKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams features into a new EPSG:28992 feature table of an open GeoPackage: fid column "fid" (the
 * feature id when positive), geometry column "geom" (MULTIPOLYGON, MULTILINESTRING, POINT/MULTIPOINT or
 * GEOMETRY by {@link GeometryKind}; single polygons and lines are promoted), one column per field.
 *
 * <p>Table, rows, RTree index, its triggers and the gpkg_contents bbox all go in ONE transaction
 * (rows in JDBC batches, so memory stays bounded), written with quoted names through {@link GpkgTables}:
 * {@link #abort()} rolls everything back, leaving the file's other tables as they were. When the
 * features turn out not to be of the declared kind (a table declared POINT holding multipolygons),
 * {@link #commit()} declares the column GEOMETRY and {@link #kindMismatch()} says so. {@link #createExact} instead
 * declares the type it is given and keeps every geometry as it comes (a copy between stores). Any SQL failure is
 * an IOException; after one, call abort(). Not thread-safe.
 */
public final class GeoPackageLayerSink implements FeatureSink, Closeable {
    private static final int BATCH = 10_000;

    private final GeoPackage gp;
    private final String table;
    private final List<Field> fields;
    private final GeometryKind kind;
    /** The declared type of an exact copy, or null to declare by {@link #kind}. */
    private final GeometryType exactType;
    private final boolean ownGeoPackage;
    private final PreparedStatement insert;
    /** Filled row by row from the envelopes we already have; see {@link #commit()}. */
    private final PreparedStatement rtreeInsert;
    private final Envelope extent = new Envelope();
    private double maxFeatureSize;
    private boolean anyMultiPoint;
    private GeometryKind actual;
    private boolean kindMismatch;
    private int pending;
    private long count;
    private boolean done;

    private GeoPackageLayerSink(GeoPackage gp, String table, List<Field> fields, GeometryKind kind,
                                GeometryType exactType, boolean ownGeoPackage) throws IOException {
        this.gp = gp;
        this.table = table;
        this.fields = List.copyOf(fields);
        this.kind = kind;
        this.exactType = exactType;
        this.ownGeoPackage = ownGeoPackage;
        try {
            gp.beginTransaction();
            GeoPackageLayers.ensureRdSrs(connection());
            GpkgTables.createFeatureTable(connection(), table, geometryType().getName(), fields);
            StringBuilder cols = new StringBuilder(q(GpkgTables.FID) + ", " + q(GpkgTables.GEOM));
            StringBuilder marks = new StringBuilder("?, ?");
            for (Field f : fields) {
                cols.append(", ").append(q(f.name()));
                marks.append(", ?");
            }
            insert = connection().prepareStatement(
                    "INSERT INTO " + q(table) + " (" + cols + ") VALUES (" + marks + ")");
            rtreeInsert = connection().prepareStatement(
                    "INSERT INTO " + q(GpkgTables.rtreeName(table)) + " (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
        } catch (SQLException | RuntimeException e) {
            if (gp.inTransaction()) gp.endTransaction(false);
            throw GeoPackageLayers.ioFailure("cannot create table " + table, e);
        }
    }

    /**
     * Starts a new table in its own transaction. The caller keeps owning {@code gp}.
     *
     * @throws IOException when the table cannot be created (e.g. it exists)
     */
    public static GeoPackageLayerSink create(GeoPackage gp, String table, List<Field> fields, GeometryKind kind)
            throws IOException {
        return new GeoPackageLayerSink(gp, table, fields, kind, null, false);
    }

    /**
     * Starts a new table declaring exactly {@code jtsType} ("Polygon", "MultiPolygon", "Geometry", …; unknown
     * names declare GEOMETRY) and keeping every geometry as it comes, so a copy from PostGIS and back is the same.
     */
    public static GeoPackageLayerSink createExact(GeoPackage gp, String table, List<Field> fields, String jtsType)
            throws IOException {
        GeometryType type;
        try {
            type = GeometryType.fromName(jtsType.toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            type = GeometryType.GEOMETRY;
        }
        return new GeoPackageLayerSink(gp, table, fields, GeometryKind.MIXED, type == null ? GeometryType.GEOMETRY : type, false);
    }

    /** Owns {@code gp}: commit and abort close it (importing straight into a project file). */
    static GeoPackageLayerSink createOwning(GeoPackage gp, String table, List<Field> fields, GeometryKind kind)
            throws IOException {
        return new GeoPackageLayerSink(gp, table, fields, kind, null, true);
    }

    public String table() { return table; }

    public long count() { return count; }

    /** The envelope of everything written so far (null envelope when nothing had a geometry). */
    public Envelope extent() { return new Envelope(extent); }

    /** The largest width or height of any written feature's envelope. */
    public double maxFeatureSize() { return maxFeatureSize; }

    /** After commit: the features were not all of the kind the source declared (the column is now GEOMETRY). */
    public boolean kindMismatch() { return kindMismatch; }

    @Override
    public void accept(Feature feature) throws IOException {
        if (done) throw new IllegalStateException("sink already committed or aborted");
        try {
            Geometry g = promote(feature.geometry());
            // The id as given: unique in every source (a key, a record number, a position), 0 and negative ones
            // included; making one up for id 0 collided with the source's own next id.
            long fid = feature.id();
            insert.setLong(1, fid);
            if (g == null) {
                insert.setNull(2, Types.BLOB);
            } else {
                insert.setBytes(2, GpkgBlob.encode(g, GeoPackageLayers.RD_NEW));
                if (!g.isEmpty()) {
                    Envelope e = g.getEnvelopeInternal();
                    extent.expandToInclude(e);
                    maxFeatureSize = Math.max(maxFeatureSize, Math.max(e.getWidth(), e.getHeight()));
                    rtreeInsert.setLong(1, fid);
                    rtreeInsert.setDouble(2, e.getMinX());
                    rtreeInsert.setDouble(3, e.getMaxX());
                    rtreeInsert.setDouble(4, e.getMinY());
                    rtreeInsert.setDouble(5, e.getMaxY());
                    rtreeInsert.addBatch();
                }
                anyMultiPoint |= g instanceof MultiPoint;
                if (!g.isEmpty()) {
                    GeometryKind k = GeometryKind.of(g);
                    actual = actual == null ? k : actual.combine(k);
                }
            }
            for (int i = 0; i < fields.size(); i++) setValue(i + 3, feature.value(i));
            insert.addBatch();
            count++;
            if (++pending >= BATCH) flush();
        } catch (SQLException e) {
            throw GeoPackageLayers.ioFailure("cannot write feature " + feature.id() + " to " + table, e);
        }
    }

    /**
     * Finishes the table inside the same transaction (bbox in gpkg_contents, the declared geometry
     * type reconciled with what arrived, the RTree triggers), then commits it. The index rows went in
     * with the features, from envelopes computed in Java: loading it afterwards calls geopackage-java's
     * ST_MinX… functions through JNI for every row, which made a million-feature import half again as slow as GDAL.
     */
    public void commit() throws IOException {
        if (done) return;
        try {
            flush();
            insert.close();
            rtreeInsert.close();
            finishMetadata();
            GpkgTables.createRtreeTriggers(connection(), table, GpkgTables.GEOM, GpkgTables.FID);
            gp.endTransaction(true);
            done = true;
        } catch (SQLException | RuntimeException e) {
            abort();
            throw GeoPackageLayers.ioFailure("cannot finish table " + table, e);
        } finally {
            if (done && ownGeoPackage) gp.close();
        }
    }

    /** Rolls the table back: nothing of it stays in the file. */
    public void abort() {
        if (done) return;
        done = true;
        try {
            insert.close();
            rtreeInsert.close();
        } catch (SQLException ignored) {
            // the statements die with the rollback anyway
        }
        try {
            if (gp.inTransaction()) gp.endTransaction(false);
        } catch (RuntimeException ignored) {
            // a failed rollback (disk gone) leaves the temp copy, which the caller deletes
        }
        if (ownGeoPackage) gp.close();
    }

    /** Aborts unless committed, so a forgotten commit never leaves a half table behind. */
    @Override
    public void close() {
        abort();
    }

    private GeometryType geometryType() {
        if (exactType != null) return exactType;
        return switch (kind) {
            case POLYGON -> GeometryType.MULTIPOLYGON;
            case LINE -> GeometryType.MULTILINESTRING;
            case POINT -> GeometryType.POINT;
            case MIXED -> GeometryType.GEOMETRY;
        };
    }

    /** The declared type is multi for areas and lines, so QGIS and GDAL see one consistent type. */
    private Geometry promote(Geometry g) {
        if (g == null) return null;
        if (kind == GeometryKind.POLYGON && g instanceof Polygon p) {
            return g.getFactory().createMultiPolygon(new Polygon[] {p});
        }
        if (kind == GeometryKind.LINE && g instanceof LineString l) {
            return g.getFactory().createMultiLineString(new LineString[] {l});
        }
        return g;
    }

    private void setValue(int index, Object v) throws SQLException {
        if (v == null) insert.setNull(index, Types.NULL);
        else if (v instanceof Boolean b) insert.setInt(index, b ? 1 : 0);
        else if (v instanceof Double || v instanceof Float) insert.setDouble(index, ((Number) v).doubleValue());
        else if (v instanceof Number n) insert.setLong(index, n.longValue());
        else insert.setString(index, v.toString()); // text and dates (ISO 8601, as GeoPackage wants)
    }

    private void flush() throws SQLException {
        if (pending == 0) return;
        insert.executeBatch();
        rtreeInsert.executeBatch();
        pending = 0;
    }

    private void finishMetadata() throws SQLException {
        Connection c = connection();
        try (PreparedStatement ps = c.prepareStatement("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, "
                + "max_y = ?, last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?")) {
            if (extent.isNull()) {
                for (int i = 1; i <= 4; i++) ps.setNull(i, Types.DOUBLE);
            } else {
                ps.setDouble(1, extent.getMinX());
                ps.setDouble(2, extent.getMinY());
                ps.setDouble(3, extent.getMaxX());
                ps.setDouble(4, extent.getMaxY());
            }
            ps.setString(5, table);
            ps.executeUpdate();
        }
        if (exactType != null) return; // declared as the source declared it
        if (actual != null && actual != kind && kind != GeometryKind.MIXED) {
            kindMismatch = true;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE gpkg_geometry_columns SET geometry_type_name = 'GEOMETRY' WHERE table_name = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        } else if (kind == GeometryKind.POINT && anyMultiPoint) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE gpkg_geometry_columns SET geometry_type_name = 'MULTIPOINT' WHERE table_name = ?")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
    }

    private Connection connection() {
        return gp.getConnection().getConnection();
    }
}
