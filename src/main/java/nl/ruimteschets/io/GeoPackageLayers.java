package nl.ruimteschets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * GeoPackage plumbing shared by the readers, writers and the project store: opening a user's file
 * with a clear {@link InputException} when it is not a GeoPackage, listing feature tables, inserting
 * the RD New SRS row (geopackage-java cannot create it, STACK.md P12) and type mapping. Stateless;
 * thread-safe, but a {@link GeoPackage} it returns belongs to one thread.
 */
public final class GeoPackageLayers {
    public static final int RD_NEW = 28992;
    /** OGC WKT 1 of EPSG:28992 as gdalsrsinfo prints it; GDAL and QGIS recognise it as "Amersfoort / RD New". */
    public static final String RD_NEW_WKT = "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\","
            + "SPHEROID[\"Bessel 1841\",6377397.155,299.1528128,AUTHORITY[\"EPSG\",\"7004\"]],"
            + "TOWGS84[565.2369,50.0087,465.658,-0.406857,0.350733,-1.87035,4.0812],AUTHORITY[\"EPSG\",\"6289\"]],"
            + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4289\"]],"
            + "PROJECTION[\"Oblique_Stereographic\"],PARAMETER[\"latitude_of_origin\",52.1561605555556],"
            + "PARAMETER[\"central_meridian\",5.38763888888889],PARAMETER[\"scale_factor\",0.9999079],"
            + "PARAMETER[\"false_easting\",155000],PARAMETER[\"false_northing\",463000],"
            + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],"
            + "AUTHORITY[\"EPSG\",\"28992\"]]";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** 'GPKG'; 'GP10'/'GP11' are GeoPackage 1.0/1.1 files, still valid. */
    private static final int[] APPLICATION_IDS = {0x47504B47, 0x47503130, 0x47503131};

    private GeoPackageLayers() { }

    /** The names of the feature tables in a GeoPackage, in gpkg_contents order. */
    public static List<String> featureTables(Path gpkg) throws InputException {
        GeoPackage gp = open(gpkg, false);
        try {
            return GpkgTables.featureTables(connection(gp));
        } catch (SQLException e) {
            throw new InputException(new UserMessage("gpkg.read.failed.plain", gpkg.getFileName()), e);
        } finally {
            gp.close();
        }
    }

    /**
     * Opens an existing GeoPackage after checking that it is one: SQLite header, GeoPackage
     * application_id and a gpkg_contents table. Throws InputException naming the file otherwise.
     */
    static GeoPackage open(Path file, boolean writable) throws InputException {
        checkFile(file);
        GeoPackage gp;
        try {
            // validate=false: the user's file may be called .GPKG or .rsproj; we check the content below
            gp = GeoPackageManager.open(writable, file.toFile(), false);
        } catch (RuntimeException e) {
            throw notGeoPackage(file, e);
        }
        try {
            Connection c = connection(gp);
            GpkgTables.harden(c);
            int appId;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                appId = rs.next() ? rs.getInt(1) : 0;
            }
            boolean known = false;
            for (int id : APPLICATION_IDS) known |= id == appId;
            if (!known || !gp.isTable("gpkg_contents")) throw notGeoPackage(file, null);
            return gp;
        } catch (SQLException | RuntimeException e) {
            gp.close();
            throw notGeoPackage(file, e);
        } catch (InputException e) {
            gp.close();
            throw e;
        }
    }

    static void checkFile(Path file) throws InputException {
        if (!Files.isRegularFile(file)) throw new InputException(new UserMessage("error.file.missing", file));
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new InputException(new UserMessage("gpkg.read.failed", file, e.getMessage()), e);
        }
        if (n == 0) throw new InputException(new UserMessage("error.file.empty", file));
        if (n < head.length || !java.util.Arrays.equals(head, SQLITE_MAGIC)) throw notGeoPackage(file, null);
    }

    /** Not a GeoPackage, or (when SQLite says so) a damaged one. */
    static InputException notGeoPackage(Path file, Throwable cause) {
        if (cause != null && causeSays(cause, "corrupt", "malformed")) {
            return new InputException(new UserMessage("gpkg.damaged", file.getFileName()), cause);
        }
        return new InputException(new UserMessage("gpkg.not.geopackage", file), cause);
    }

    /** Inserts the EPSG:28992 row unless present (srs_id = 28992, as GDAL does), on the caller's connection and transaction. */
    static void ensureRdSrs(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, "
                + "organization_coordsys_id, definition, description) SELECT ?, ?, 'EPSG', ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?)")) {
            ps.setString(1, "Amersfoort / RD New");
            ps.setInt(2, RD_NEW);
            ps.setInt(3, RD_NEW);
            ps.setString(4, RD_NEW_WKT);
            ps.setString(5, "Amersfoort / RD New");
            ps.setInt(6, RD_NEW);
            ps.executeUpdate();
        }
    }

    static Connection connection(GeoPackage gp) {
        return gp.getConnection().getConnection();
    }

    /**
     * An IOException for a failed write whose message keeps SQLite's words for the log, while
     * {@link #isDiskFull} and {@link #isReadOnly} let the caller tell the user what happened.
     */
    static IOException ioFailure(String what, Exception e) {
        return new IOException(what + ": " + e.getMessage(), e);
    }

    /** True when the failure (or a cause) is a full disk, as the JDK or SQLite word it. */
    static boolean isDiskFull(Throwable e) {
        return causeSays(e, "no space left", "sqlite_full", "disk is full", "disk quota", "file too large");
    }

    /** True when the failure (or a cause) is a file or folder we may not write. */
    static boolean isReadOnly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.AccessDeniedException || t instanceof java.nio.file.ReadOnlyFileSystemException) return true;
        }
        return causeSays(e, "sqlite_readonly", "read-only", "readonly database", "permission denied");
    }

    private static boolean causeSays(Throwable e, String... words) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            for (String w : words) if (m.contains(w)) return true;
        }
        return false;
    }

    static GeoPackageDataType dataType(FieldType t) {
        return switch (t) {
            case TEXT -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
        };
    }

    static FieldType fieldType(GeoPackageDataType t) {
        if (t == null) return FieldType.TEXT;
        return switch (t) {
            case BOOLEAN -> FieldType.BOOLEAN;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> FieldType.INTEGER;
            case FLOAT, DOUBLE, REAL -> FieldType.REAL;
            case DATE -> FieldType.DATE;
            default -> FieldType.TEXT; // TEXT, DATETIME (kept as ISO text), BLOB is not expected in layers
        };
    }

    /** The family of an OGC geometry type name (POINT, MULTIPOLYGON, ...); MIXED for GEOMETRY or unknown. */
    public static GeometryKind kindOf(String geometryTypeName) {
        String t = geometryTypeName == null ? "" : geometryTypeName.toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "POINT", "MULTIPOINT" -> GeometryKind.POINT;
            case "LINESTRING", "MULTILINESTRING", "CURVE", "MULTICURVE" -> GeometryKind.LINE;
            case "POLYGON", "MULTIPOLYGON", "SURFACE", "MULTISURFACE", "CURVEPOLYGON" -> GeometryKind.POLYGON;
            default -> GeometryKind.MIXED;
        };
    }

    /** SQL identifier quoting; table and column names come from user files. */
    static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
