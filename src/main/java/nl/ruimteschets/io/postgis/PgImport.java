package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.ProjectStore.LAYER_ROLE;
import static nl.ruimteschets.io.ProjectStore.META;
import static nl.ruimteschets.io.postgis.PgSql.table;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.io.FeatureReader;
import nl.ruimteschets.io.FeatureSink;
import nl.ruimteschets.io.Formats;
import nl.ruimteschets.io.Importer;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectImport;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Imports a file as a new layer straight into a PostGIS project, streaming as {@link ProjectImport} does for a
 * GeoPackage: reader → {@link Importer} (CRS, repair, counts) → {@link PgLayerSink} (COPY in chunks, GiST
 * index, EPSG:28992), then the layer's rs_layer_role row in its role's drawing place and its QGIS style. A layer
 * of more rows than {@link BigLayers#threshold()} is marked to stay in the database, so nobody reads it whole.
 * Everything happens in the caller's one transaction: a cancel or a broken file rolls back and leaves the
 * project as it was. Stateless; thread-safe.
 */
final class PgImport {
    /** The imported layer's name, its place in the drawing order and what the import found. */
    record Placed(String name, int index, boolean inDatabase, ImportReport report) { }

    private PgImport() { }

    /**
     * @param c a connection with auto-commit off; the caller commits or rolls back
     * @param layerName name of the new layer (default: the file's base name)
     * @param mapping semantic key → field, as the planner chose it; null to guess it from the field names
     */
    static Placed run(Connection c, String schema, String author, Path file, String layerName, String sourceTable,
                      LayerRole role, Map<String, String> mapping, Integer epsg, String encoding, ProgressListener progress)
            throws IOException, InputException, SQLException {
        String name = layerName != null ? layerName : Formats.baseName(file);
        if (reserved(name)) throw new InputException(new UserMessage("pg.import.reserved", name));
        ImportReport report = new ImportReport();
        report.setSource(file.getFileName().toString());
        report.setFormat(Formats.extension(file));
        try (FeatureReader reader = Formats.open(file, sourceTable, encoding)) {
            if (!PgSql.tableExists(c, schema, META)) PgProjectTables.save(c, schema, new Project(), author); // a new project
            if (PgSql.tableExists(c, schema, name)) {
                throw new InputException(new UserMessage("project.layer.exists", name, schema));
            }
            List<Field> fields = Importer.fields(reader);
            GeometryKind kind = reader.geometryKind();
            long rows;
            BigLayers.Stats stats;
            // A Geometry column narrowed at the end to the one type that arrived: a file's kind is only known once read.
            try (PgLayerSink sink = PgLayerSink.create(c, schema, name, fields, "Geometry", true)) {
                FeatureSink promoting = f -> sink.accept(promote(f, kind));
                Importer.run(reader, promoting, epsg, report, progress);
                sink.commit();
                rows = sink.count();
                stats = sink.stats();
            }
            reader.warnings().forEach(report::warn); // after reading: some are only known at the end
            boolean inDatabase = rows > BigLayers.threshold();
            if (inDatabase) BigLayers.keep(c, schema, name, true, stats);
            Layer layer = new Layer(name, role, fields, List.of(), mapping != null ? mapping : ProjectImport.guessMapping(reader.fields()),
                    file.toAbsolutePath().toString(), report);
            int index = place(c, schema, layer, kind == GeometryKind.POINT);
            PgLayerStyles.restyle(c, schema, name, PgLayerStyles.display(c, schema, name));
            return new Placed(name, index, inDatabase, report);
        }
    }

    /** Areas and lines as multi, as a GeoPackage project stores them, so QGIS sees one geometry type. */
    private static Feature promote(Feature f, GeometryKind kind) {
        Geometry g = f.geometry();
        Geometry multi = kind == GeometryKind.POLYGON && g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[] {p})
                : kind == GeometryKind.LINE && g instanceof LineString l ? g.getFactory().createMultiLineString(new LineString[] {l})
                : null;
        return multi == null ? f : new Feature(f.id(), multi, f.values());
    }

    /**
     * Records the layer in rs_layer_role at its role's place, as the app places an import (just below the first
     * layer of a higher rank, see {@link Project#placeFor}); the layers from there move up one. Returns the index.
     */
    private static int place(Connection c, String schema, Layer layer, boolean points) throws SQLException, InputException, IOException {
        PgProjectTables.insertRole(c, schema, layer, Integer.MAX_VALUE);
        int rank = layer.role().drawRank(points);
        List<String> order = new ArrayList<>();
        int index = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT r.layer_table, r.role, g.type FROM " + table(schema, LAYER_ROLE)
                + " r LEFT JOIN public.geometry_columns g ON g.f_table_schema = ? AND g.f_table_name = r.layer_table "
                + "WHERE r.layer_table <> ? ORDER BY r.display_order, r.id")) {
            ps.setString(1, schema);
            ps.setString(2, layer.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LayerRole other;
                    try {
                        other = LayerRole.parse(rs.getString(2));
                    } catch (IllegalArgumentException e) {
                        other = LayerRole.BASEMAP; // an unknown role is read as a background layer
                    }
                    boolean otherPoints = rs.getString(3) != null && rs.getString(3).toUpperCase(Locale.ROOT).endsWith("POINT");
                    if (index < 0 && other.drawRank(otherPoints) > rank) index = order.size();
                    order.add(rs.getString(1));
                }
            }
        }
        if (index < 0) index = order.size();
        order.add(index, layer.name());
        PgProjectTables.setDrawingOrder(c, schema, order);
        return index;
    }

    /** Names of the project's own tables, PostgreSQL's and QGIS's styles: not for a layer. */
    private static boolean reserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.isBlank() || lower.startsWith("rs_") || lower.startsWith("pg_") || lower.equals("layer_styles");
    }
}
