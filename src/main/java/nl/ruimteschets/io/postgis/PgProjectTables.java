package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.ProjectStore.ANNOTATION;
import static nl.ruimteschets.io.ProjectStore.CANDIDATE;
import static nl.ruimteschets.io.ProjectStore.CLUSTER;
import static nl.ruimteschets.io.ProjectStore.LAYER_DISPLAY;
import static nl.ruimteschets.io.ProjectStore.LAYER_ROLE;
import static nl.ruimteschets.io.ProjectStore.META;
import static nl.ruimteschets.io.ProjectStore.PROFILE;
import static nl.ruimteschets.io.ProjectStore.RS_TABLES;
import static nl.ruimteschets.io.ProjectStore.SCENARIO;

import static nl.ruimteschets.io.postgis.PgSql.ident;
import static nl.ruimteschets.io.postgis.PgSql.table;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.StreamedLayer;
import nl.ruimteschets.io.QgisStyles;
import nl.ruimteschets.io.ReportJson;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A project as tables in one PostgreSQL schema, the same tables as in a project GeoPackage: every layer a
 * PostGIS table (fid, geom in EPSG:28992 with a GiST index, its fields), rs_meta, rs_layer_role,
 * rs_layer_display, rs_activity_profile, rs_cluster, rs_scenario, rs_candidate and rs_annotation (PostGIS
 * tables, so QGIS shows the candidates and workshop notes; candidates carry a version and author per row
 * for shared editing). Whole-project
 * {@link #save} and {@link #load}; the caller owns the connection and its transaction. Stateless;
 * thread-safe.
 */
final class PgProjectTables {
    static final GeometryFactory FACTORY = new GeometryFactory(PackedCoordinateSequenceFactory.DOUBLE_FACTORY);
    /** The candidate columns after the key (scenario, candidate_id), in the order {@link #candidateValues} gives. */
    static final String CANDIDATE_COLS = "name, kind, parent_cluster, point_area_ha, profile, nb_ratio_override, "
            + "nox_kg_yr_override, nh3_kg_yr_override, lw_override, notes, geom";

    private PgProjectTables() { }

    // ---------------------------------------------------------------- save

    /**
     * Replaces the project in {@code schema} (created when absent) by {@code p}. Refuses a schema that
     * holds tables of something else, so a wrong URL cannot drop a colleague's data.
     */
    static void save(Connection c, String schema, Project p, String author) throws SQLException, InputException, IOException {
        save(c, schema, p, author, ProgressListener.NONE);
    }

    /**
     * As {@link #save(Connection, String, Project, String)}; a layer that stays in another database or in a
     * GeoPackage ({@link StreamedLayer}) is streamed into a new table of the schema with COPY and marked to
     * stay in the database ({@link BigLayers}), reporting rows to {@code progress}, which can cancel.
     */
    static void save(Connection c, String schema, Project p, String author, ProgressListener progress)
            throws SQLException, InputException, IOException {
        String s = ident(schema);
        PgSql.exec(c, "CREATE SCHEMA IF NOT EXISTS " + s);
        List<String> ours = ownedTables(c, schema);
        for (String t : existingTables(c, schema)) {
            if (!ours.contains(t) && p.layer(t).isPresent()) {
                throw new InputException(new UserMessage("pg.schema.foreign", schema, t));
            }
        }
        List<String> kept = new ArrayList<>();
        long total = 0;
        for (Layer l : p.layers()) {
            if (!l.inDatabase()) continue;
            if (l.remote() instanceof PostgisTiledLayer t && t.isIn(c, schema)) {
                kept.add(l.name()); // already where it stays
            } else if (l.remote() instanceof StreamedLayer) {
                total += l.featureCount();
            } else {
                throw new InputException(new UserMessage("pg.layer.indatabase.copy", l.name(), l.remote().location()));
            }
        }
        for (String t : ours) if (!kept.contains(t)) PgSql.exec(c, "DROP TABLE IF EXISTS " + table(schema, t) + " CASCADE");
        if (PgSql.tableExists(c, schema, BigLayers.STORAGE)) { // marks of tables no longer there would mark a new namesake
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(schema, BigLayers.STORAGE)
                    + " WHERE NOT (layer_table = ANY (?)) AND NOT starts_with(layer_table, ?)")) { // (removed layers' marks stay for undo)
                ps.setArray(1, c.createArrayOf("text", kept.toArray()));
                ps.setString(2, PgRemovedLayers.PREFIX);
                ps.executeUpdate();
            }
        }
        createPlanningTables(c, schema);
        int order = 0;
        long streamed = 0;
        for (Layer l : p.layers()) {
            if (!l.inDatabase()) writeLayer(c, schema, l);
            else if (!kept.contains(l.name())) streamed += streamLayer(c, schema, l, progress.part(streamed, total));
            insertRole(c, schema, l, order++);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, LAYER_DISPLAY)
                + " (layer_table, visible, opacity, fill, stroke, label_field) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, LayerDisplay> e : p.displays().entrySet()) {
                if (p.layer(e.getKey()).isEmpty()) continue;
                setDisplay(ps, e.getKey(), e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, META) + " (key, value) VALUES (?, ?)")) {
            for (String[] kv : new String[][] {{"schema_version", String.valueOf(ProjectStore.SCHEMA_VERSION)},
                    {"app", ProjectStore.APP_NAME}}) {
                ps.setString(1, kv[0]);
                ps.setString(2, kv[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, PROFILE) + " (name, description, "
                + "noise_lw, noise_source_height_m, day_only, pr_distance_m, brand_m, explosie_m, gifwolk_m, "
                + "nox_kg_per_ha_yr, nh3_kg_per_ha_yr, emission_height_m, netto_bruto_ratio, source_tags, heat_mw) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ActivityProfile a : p.profiles().values()) {
                Object[] v = {a.name(), a.description(), a.noiseLw(), a.noiseSourceHeightM(), a.dayOnly(), a.prDistanceM(),
                        a.brandM(), a.explosieM(), a.gifwolkM(), a.noxKgPerHaYr(), a.nh3KgPerHaYr(), a.emissionHeightM(),
                        a.nettoBrutoRatio(), a.sourceTags(), a.heatMw()};
                for (int i = 0; i < v.length; i++) ps.setObject(i + 1, v[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, CLUSTER) + " (name, sub_areas, "
                + "demand_2030_ha, demand_2050_ha, supply_ha, netto_bruto_ratio, source) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Cluster cl : p.clusters().values()) {
                Object[] v = {cl.name(), ReportJson.MAPPER.writeValueAsString(cl.subAreas()), cl.demand2030Ha(),
                        cl.demand2050Ha(), cl.supplyHa(), cl.nettoBrutoRatio(), cl.source()};
                for (int i = 0; i < v.length; i++) ps.setObject(i + 1, v[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int sOrder = 0;
        for (Scenario sc : p.scenarios()) insertScenario(c, schema, sc, sOrder++, author);
        List<QgisStyles.Entry> styles = QgisStyles.entries(p);
        PgLayerStyles.write(c, schema, styles, styles.stream().map(QgisStyles.Entry::table).toList());
    }

    /** Tables this store wrote: the rs_* tables and the layers rs_layer_role lists. */
    static List<String> ownedTables(Connection c, String schema) throws SQLException, InputException {
        List<String> out = new ArrayList<>();
        if (!PgSql.tableExists(c, schema, LAYER_ROLE)) {
            for (String t : RS_TABLES) if (PgSql.tableExists(c, schema, t)) out.add(t);
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT layer_table FROM " + table(schema, LAYER_ROLE));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) if (PgSql.tableExists(c, schema, rs.getString(1))) out.add(rs.getString(1));
        }
        for (String t : RS_TABLES) if (PgSql.tableExists(c, schema, t)) out.add(t);
        return out;
    }

    private static List<String> existingTables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void createPlanningTables(Connection c, String schema) throws SQLException, InputException {
        PgSql.exec(c, "CREATE TABLE " + table(schema, META) + " (key text PRIMARY KEY, value text)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, LAYER_ROLE) + " (id serial PRIMARY KEY, layer_table text UNIQUE NOT NULL, "
                + "role text, field_mapping text, source text, import_report text, display_order integer, "
                + "version bigint NOT NULL DEFAULT 1)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, LAYER_DISPLAY) + " (id serial PRIMARY KEY, layer_table text UNIQUE NOT NULL, "
                + "visible boolean, opacity double precision, fill text, stroke text, label_field text)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, PROFILE) + " (id serial PRIMARY KEY, name text, description text, "
                + "noise_lw double precision, noise_source_height_m double precision, day_only boolean, "
                + "pr_distance_m double precision, brand_m double precision, explosie_m double precision, "
                + "gifwolk_m double precision, nox_kg_per_ha_yr double precision, nh3_kg_per_ha_yr double precision, "
                + "emission_height_m double precision, netto_bruto_ratio double precision, source_tags text, "
                + "heat_mw double precision)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, CLUSTER) + " (id serial PRIMARY KEY, name text, sub_areas text, "
                + "demand_2030_ha double precision, demand_2050_ha double precision, supply_ha double precision, "
                + "netto_bruto_ratio double precision, source text)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, SCENARIO) + " (id serial PRIMARY KEY, name text UNIQUE NOT NULL, "
                + "description text, display_order integer)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, CANDIDATE) + " (fid bigserial PRIMARY KEY, "
                + "scenario text NOT NULL, candidate_id text NOT NULL, name text, kind text, parent_cluster text, "
                + "point_area_ha double precision, profile text, nb_ratio_override double precision, "
                + "nox_kg_yr_override double precision, nh3_kg_yr_override double precision, lw_override double precision, "
                + "notes text, geom geometry(Geometry, " + PgSql.SRID + "), display_order double precision, "
                + "version bigint NOT NULL DEFAULT 1, author text, changed_at timestamptz NOT NULL DEFAULT now(), "
                + "UNIQUE (scenario, candidate_id))");
        PgSql.exec(c, "CREATE INDEX ON " + table(schema, CANDIDATE) + " USING gist (geom)");
        PgSql.exec(c, "CREATE TABLE " + table(schema, ANNOTATION) + " (fid bigserial PRIMARY KEY, scenario text NOT NULL, "
                + "annotation_id text NOT NULL, number integer, text text, arrow_x double precision, arrow_y double precision, "
                + "geom geometry(Point, " + PgSql.SRID + "), display_order double precision, author text, "
                + "version bigint NOT NULL DEFAULT 1, UNIQUE (scenario, annotation_id))");
        PgSql.exec(c, "CREATE INDEX ON " + table(schema, ANNOTATION) + " USING gist (geom)");
    }

    static String insertAnnotationSql(String schema) throws InputException {
        return "INSERT INTO " + table(schema, ANNOTATION) + " (scenario, annotation_id, number, text, arrow_x, arrow_y, geom, "
                + "display_order, author) VALUES (?, ?, ?, ?, ?, ?, ST_SetSRID(ST_MakePoint(?, ?), " + PgSql.SRID + "), ?, ?)";
    }

    static void bindAnnotation(PreparedStatement ps, String scenario, Annotation a, double order, String author)
            throws SQLException {
        ps.setString(1, scenario);
        ps.setString(2, a.id());
        int next = bindNoteContent(ps, 3, a);
        ps.setDouble(next, order);
        ps.setString(next + 1, author);
    }

    /**
     * Binds what a note says and where, from parameter {@code first} on: number, text, arrow x and y, point x and
     * y (the order of {@link #insertAnnotationSql} and of an update); returns the next parameter's index.
     */
    static int bindNoteContent(PreparedStatement ps, int first, Annotation a) throws SQLException {
        ps.setInt(first, a.number());
        ps.setString(first + 1, a.text());
        ps.setObject(first + 2, a.arrowX(), java.sql.Types.DOUBLE);
        ps.setObject(first + 3, a.arrowY(), java.sql.Types.DOUBLE);
        ps.setDouble(first + 4, a.x());
        ps.setDouble(first + 5, a.y());
        return first + 6;
    }

    static Annotation annotation(ResultSet rs) throws SQLException {
        Double ax = rs.getObject(5) == null ? null : rs.getDouble(5);
        Double ay = rs.getObject(6) == null ? null : rs.getDouble(6);
        return new Annotation(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getDouble(7), rs.getDouble(8), ax, ay);
    }

    static String selectAnnotationsSql(String schema) throws InputException {
        return "SELECT scenario, annotation_id, number, text, arrow_x, arrow_y, ST_X(geom), ST_Y(geom) FROM "
                + table(schema, ANNOTATION);
    }

    /**
     * Adds the version columns of notes and layers to a project an earlier Ruimteschets wrote (only when
     * missing: ALTER TABLE would wait for every colleague's open transaction).
     */
    static void addVersionColumns(Connection c, String schema) throws SQLException, InputException {
        for (String t : List.of(ANNOTATION, LAYER_ROLE)) {
            if (!PgSql.tableExists(c, schema, t)) continue;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.columns "
                    + "WHERE table_schema = ? AND table_name = ? AND column_name = 'version'")) {
                ps.setString(1, schema);
                ps.setString(2, t);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) continue;
                }
            }
            PgSql.exec(c, "ALTER TABLE " + table(schema, t) + " ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 1");
        }
    }

    /** The version of every note (by {@link PostgisStorage#key}) and layer (by table name); none for an older project. */
    static void readVersions(Connection c, String schema, Map<String, Long> notes, Map<String, Long> layers)
            throws SQLException, InputException {
        if (hasVersion(c, schema, ANNOTATION)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT scenario, annotation_id, version FROM " + table(schema, ANNOTATION));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) notes.put(PostgisStorage.key(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
        }
        if (hasVersion(c, schema, LAYER_ROLE)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT layer_table, version FROM " + table(schema, LAYER_ROLE));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) layers.put(rs.getString(1), rs.getLong(2));
            }
        }
    }

    private static boolean hasVersion(Connection c, String schema, String t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? AND column_name = 'version'")) {
            ps.setString(1, schema);
            ps.setString(2, t);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The name and type of a layer's {@code index}-th field (after fid and geom), as stored. */
    static Field storedField(Connection c, String schema, String layer, int index) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attname, format_type(atttypid, atttypmod) FROM pg_catalog.pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attname NOT IN ('fid', 'geom') "
                + "ORDER BY attnum OFFSET ? LIMIT 1")) {
            ps.setString(1, table(schema, layer));
            ps.setInt(2, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Field(rs.getString(1), fieldType(rs.getString(2))) : null;
            }
        }
    }

    /** One stored attribute value as the model holds it. */
    static Object storedValue(Connection c, String schema, String layer, long fid, Field f) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ident(f.name()) + " FROM " + table(schema, layer) + " WHERE fid = ?")) {
            ps.setLong(1, fid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? value(rs, 1, f.type()) : null;
            }
        }
    }

    static void setDisplay(PreparedStatement ps, String layer, LayerDisplay d) throws SQLException {
        ps.setString(1, layer);
        ps.setBoolean(2, d.visible());
        ps.setDouble(3, d.opacity());
        ps.setString(4, String.format("#%08X", d.fill()));
        ps.setString(5, String.format("#%08X", d.stroke()));
        ps.setString(6, d.labelField());
    }

    static void insertRole(Connection c, String schema, Layer l, int order) throws SQLException, InputException, IOException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, LAYER_ROLE)
                + " (layer_table, role, field_mapping, source, import_report, display_order) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, l.name());
            ps.setString(2, l.role().name());
            ps.setString(3, ReportJson.MAPPER.writeValueAsString(l.fieldMapping()));
            ps.setString(4, l.source());
            ps.setString(5, ReportJson.write(l.report()));
            ps.setInt(6, order);
            ps.executeUpdate();
        }
    }

    /** Numbers the layers' display_order 0, 1, … in the order given (bottom first). */
    static void setDrawingOrder(Connection c, String schema, List<String> order) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(schema, LAYER_ROLE)
                + " SET display_order = ? WHERE layer_table = ?")) {
            for (int i = 0; i < order.size(); i++) {
                ps.setInt(1, i);
                ps.setString(2, order.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void insertScenario(Connection c, String schema, Scenario sc, int order, String author)
            throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, SCENARIO)
                + " (name, description, display_order) VALUES (?, ?, ?)")) {
            ps.setString(1, sc.name());
            ps.setString(2, sc.description());
            ps.setInt(3, order);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(insertCandidateSql(schema))) {
            int i = 0;
            for (Candidate cand : sc.candidates()) {
                bindCandidate(ps, sc.name(), cand, i++, author);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(insertAnnotationSql(schema))) {
            int i = 0;
            for (Annotation a : sc.annotations()) {
                bindAnnotation(ps, sc.name(), a, i++, author);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static String insertCandidateSql(String schema) throws InputException {
        return "INSERT INTO " + table(schema, CANDIDATE) + " (scenario, candidate_id, " + CANDIDATE_COLS
                + ", display_order, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromEWKB(?), ?, ?)";
    }

    /** Binds scenario, id, the {@link #CANDIDATE_COLS}, display order and author (15 parameters). */
    static void bindCandidate(PreparedStatement ps, String scenario, Candidate cand, double order, String author)
            throws SQLException {
        ps.setString(1, scenario);
        ps.setString(2, cand.id());
        int i = bindCandidateValues(ps, cand, 3);
        ps.setDouble(i++, order);
        ps.setString(i, author);
    }

    /** Binds the {@link #CANDIDATE_COLS} from parameter {@code at}; returns the next parameter index. */
    static int bindCandidateValues(PreparedStatement ps, Candidate cand, int at) throws SQLException {
        CandidateOverrides o = cand.overrides();
        Object[] v = {cand.name(), cand.kind().name(), cand.parentCluster(), cand.pointAreaHa(), cand.profileName(),
                o.nettoBrutoRatio(), o.noxKgYr(), o.nh3KgYr(), o.noiseLw(), cand.notes()};
        for (Object x : v) {
            if (x == null) ps.setNull(at++, java.sql.Types.DOUBLE);
            else ps.setObject(at++, x);
        }
        ps.setBytes(at++, PgSql.ewkb(cand.geometry()));
        return at;
    }

    // ---------------------------------------------------------------- layers

    /** Streams a layer kept elsewhere into a new table with COPY and marks it to stay in the database; returns its rows. */
    private static long streamLayer(Connection c, String schema, Layer l, ProgressListener progress)
            throws SQLException, InputException, IOException {
        StreamedLayer source = (StreamedLayer) l.remote();
        try (PgLayerSink sink = PgLayerSink.create(c, schema, l.name(), source.fields(), source.geometryType(), false)) {
            long n = source.scan(sink, progress);
            sink.commit();
            BigLayers.keep(c, schema, l.name(), true, sink.stats());
            return n;
        }
    }

    /**
     * The table of a layer a planner adds (or brings back by undo) in an open project: a layer kept in this
     * database gets its own table back from where its removal hid it, one kept elsewhere is streamed in, and one
     * in memory is written. Never an empty table in place of a kept layer.
     */
    static void addLayerTable(Connection c, String schema, Layer l) throws SQLException, InputException, IOException {
        if (!l.inDatabase()) writeLayer(c, schema, l);
        else if (l.remote() instanceof PostgisTiledLayer t && t.isIn(c, schema)) PgRemovedLayers.restore(c, schema, l.name());
        else if (l.remote() instanceof StreamedLayer) streamLayer(c, schema, l, ProgressListener.NONE);
        else throw new InputException(new UserMessage("pg.layer.indatabase.copy", l.name(), l.remote().location()));
    }

    /** Creates the layer's table with a GiST index and streams its features in with COPY. */
    static void writeLayer(Connection c, String schema, Layer l) throws SQLException, InputException, IOException {
        try (PgLayerSink sink = PgLayerSink.create(c, schema, l.name(), l.fields(), commonType(l.features()), false)) {
            for (Feature f : l.features()) sink.accept(f);
            sink.commit();
        }
    }

    /** The PostGIS type all features share (so QGIS sees one layer), else plain Geometry. */
    private static String commonType(List<Feature> features) {
        String type = null;
        for (Feature f : features) {
            if (f.geometry() == null) continue;
            String t = f.geometry().getGeometryType();
            if (type == null) type = t;
            else if (!type.equals(t)) return "Geometry";
        }
        return type == null ? "Geometry" : type;
    }

    static String sqlType(FieldType t) {
        return switch (t) {
            case TEXT -> "text";
            case INTEGER -> "bigint";
            case REAL -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
        };
    }

    private static FieldType fieldType(String pgType) {
        return switch (pgType) {
            case "bigint", "integer", "smallint" -> FieldType.INTEGER;
            case "double precision", "real", "numeric" -> FieldType.REAL;
            case "boolean" -> FieldType.BOOLEAN;
            case "date" -> FieldType.DATE;
            default -> FieldType.TEXT;
        };
    }

    // ---------------------------------------------------------------- load

    /** The version of each candidate as loaded, by {@link PostgisStorage#key}. */
    static Project load(Connection c, String schema, Map<String, Long> versions) throws SQLException, InputException, IOException {
        return load(c, schema, versions, null);
    }

    /**
     * @param connector where a layer that stays in the database ({@link BigLayers}) opens its own connections;
     *        null reads every layer into memory
     */
    static Project load(Connection c, String schema, Map<String, Long> versions, PgConnector connector)
            throws SQLException, InputException, IOException {
        Project p = new Project();
        boolean isProject = PgSql.tableExists(c, schema, META);
        if (isProject) checkVersion(c, schema);
        List<String> placed = new ArrayList<>();
        if (isProject && PgSql.tableExists(c, schema, LAYER_ROLE)) {
            record Row(String table, String role, String mapping, String source, String report) { }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT layer_table, role, field_mapping, source, import_report FROM "
                    + table(schema, LAYER_ROLE) + " ORDER BY display_order, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
            for (Row r : rows) {
                if (!PgSql.tableExists(c, schema, r.table()) || placed.contains(r.table())) continue;
                Map<String, String> mapping = r.mapping() == null || r.mapping().isBlank() ? Map.of()
                        : ReportJson.MAPPER.readValue(r.mapping(), new TypeReference<Map<String, String>>() { });
                p.putLayer(loadLayer(c, schema, r.table(), LayerRole.parse(r.role()), mapping, r.source(),
                        ReportJson.read(r.report()), connector));
                placed.add(r.table());
            }
        }
        // A plain PostGIS schema (or tables added beside the project): every geometry table as a base map.
        try (PreparedStatement ps = c.prepareStatement("SELECT f_table_name FROM public.geometry_columns "
                + "WHERE f_table_schema = ? ORDER BY f_table_name")) {
            ps.setString(1, schema);
            List<String> more = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) more.add(rs.getString(1));
            }
            for (String t : more) {
                if (placed.contains(t) || (isProject && (t.equals(CANDIDATE) || t.equals(ANNOTATION) || PgRemovedLayers.isHidden(t)))) {
                    continue;
                }
                p.putLayer(loadLayer(c, schema, t, LayerRole.BASEMAP, Map.of(), "postgresql:" + schema + "." + t, new ImportReport(),
                        connector));
            }
        }
        if (isProject) readPlanning(c, schema, p, versions);
        return p;
    }

    private static void checkVersion(Connection c, String schema) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM " + table(schema, META) + " WHERE key = 'schema_version'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return;
            int v;
            try {
                v = Integer.parseInt(rs.getString(1).trim());
            } catch (NumberFormatException e) {
                throw new InputException(new UserMessage("project.version.invalid", schema, rs.getString(1)), e);
            }
            if (v > ProjectStore.SCHEMA_VERSION) {
                throw new InputException(new UserMessage("project.version.newer", schema, v, ProjectStore.SCHEMA_VERSION));
            }
        }
    }

    static Layer loadLayer(Connection c, String schema, String table, LayerRole role, Map<String, String> mapping,
                           String source, ImportReport report) throws SQLException, InputException {
        return loadLayer(c, schema, table, role, mapping, source, report, null);
    }

    /** The layer read into memory, or, when it is too big ({@link BigLayers}) and a connector is given, left in the database. */
    static Layer loadLayer(Connection c, String schema, String table, LayerRole role, Map<String, String> mapping,
                           String source, ImportReport report, PgConnector connector) throws SQLException, InputException {
        PgSql.GeometryColumn declared = PgSql.geometryColumn(c, schema, table);
        String geomCol = declared == null ? "geom" : declared.name();
        List<Field> fields = new ArrayList<>();
        boolean hasFid = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.equals("fid")) hasFid = true;
                    else if (!name.equals(geomCol)) fields.add(new Field(name, fieldType(rs.getString(2))));
                }
            }
        }
        Layer big = BigLayers.remoteOrNull(c, connector, schema, table, geomCol, fields, role, mapping, source, report);
        if (big != null) return big;
        StringBuilder sql = new StringBuilder("SELECT ").append(hasFid ? "fid" : "0").append(", ST_AsBinary(ST_Force2D(")
                .append(ident(geomCol)).append("))");
        for (Field f : fields) sql.append(", ").append(ident(f.name()));
        sql.append(" FROM ").append(table(schema, table)).append(hasFid ? " ORDER BY fid" : "");
        List<Feature> features = new ArrayList<>();
        WKBReader wkb = new WKBReader(FACTORY);
        boolean auto = c.getAutoCommit();
        if (auto) c.setAutoCommit(false); // a cursor (fetch size) streams big tables instead of holding them twice
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                long n = 0;
                while (rs.next()) {
                    n++;
                    byte[] g = rs.getBytes(2);
                    Object[] values = new Object[fields.size()];
                    for (int i = 0; i < values.length; i++) values[i] = value(rs, 3 + i, fields.get(i).type());
                    features.add(new Feature(hasFid ? rs.getLong(1) : n, g == null ? null : wkb.read(g), values));
                }
            }
        } catch (ParseException e) {
            throw new InputException(new UserMessage("pg.geometry.damaged", schema + "." + table), e);
        } finally {
            if (auto) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
        return new Layer(table, role, fields, features, mapping, source, report);
    }

    /** Values as the GeoPackage reader gives them: Long, Double, Boolean, LocalDate or String. */
    static Object value(ResultSet rs, int col, FieldType type) throws SQLException {
        Object v = switch (type) {
            case INTEGER -> rs.getLong(col);
            case REAL -> rs.getDouble(col);
            case BOOLEAN -> rs.getBoolean(col);
            case DATE -> rs.getObject(col, LocalDate.class);
            case TEXT -> rs.getString(col);
        };
        return rs.wasNull() ? null : v;
    }

    private static void readPlanning(Connection c, String schema, Project p, Map<String, Long> versions)
            throws SQLException, InputException, IOException {
        if (PgSql.tableExists(c, schema, LAYER_DISPLAY)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT layer_table, visible, opacity, fill, stroke, label_field FROM "
                    + table(schema, LAYER_DISPLAY) + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LayerDisplay d = display(rs);
                    if (d != null && p.layer(rs.getString(1)).isPresent()) p.displays().put(rs.getString(1), d);
                }
            }
        }
        if (PgSql.tableExists(c, schema, PROFILE)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table(schema, PROFILE) + " ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) p.putProfile(new ActivityProfile(rs.getString("name"), rs.getString("description"),
                        rs.getDouble("noise_lw"), rs.getDouble("noise_source_height_m"), rs.getBoolean("day_only"),
                        rs.getDouble("pr_distance_m"), rs.getDouble("brand_m"), rs.getDouble("explosie_m"),
                        rs.getDouble("gifwolk_m"), rs.getDouble("nox_kg_per_ha_yr"), rs.getDouble("nh3_kg_per_ha_yr"),
                        rs.getDouble("emission_height_m"), rs.getDouble("netto_bruto_ratio"), rs.getString("source_tags"),
                        rs.getDouble("heat_mw")));
            }
        }
        if (PgSql.tableExists(c, schema, CLUSTER)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, sub_areas, demand_2030_ha, demand_2050_ha, supply_ha, "
                    + "netto_bruto_ratio, source FROM " + table(schema, CLUSTER) + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String sub = rs.getString(2);
                    List<String> subAreas = sub == null ? List.of()
                            : ReportJson.MAPPER.readValue(sub, new TypeReference<List<String>>() { });
                    p.putCluster(new Cluster(rs.getString(1), subAreas, rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            rs.getDouble(6), rs.getString(7)));
                }
            }
        }
        Map<String, Scenario> byName = new LinkedHashMap<>();
        if (PgSql.tableExists(c, schema, SCENARIO)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, description FROM " + table(schema, SCENARIO)
                    + " ORDER BY display_order, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) byName.put(rs.getString(1), new Scenario(rs.getString(1), rs.getString(2)));
            }
        }
        if (PgSql.tableExists(c, schema, CANDIDATE)) {
            try (PreparedStatement ps = c.prepareStatement(selectCandidatesSql(schema) + " ORDER BY display_order, fid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    VersionedCandidate v = candidate(rs);
                    byName.computeIfAbsent(v.scenario(), n -> new Scenario(n, "")).add(v.candidate());
                    versions.put(PostgisStorage.key(v.scenario(), v.candidate().id()), v.version());
                }
            }
        }
        if (PgSql.tableExists(c, schema, ANNOTATION)) {
            try (PreparedStatement ps = c.prepareStatement(selectAnnotationsSql(schema) + " ORDER BY display_order, fid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Scenario s = byName.get(rs.getString(1));
                    if (s != null) s.addAnnotation(annotation(rs), -1);
                }
            }
        }
        p.scenarios().addAll(byName.values());
    }

    static LayerDisplay display(ResultSet rs) throws SQLException {
        try {
            return new LayerDisplay(rs.getBoolean(2), Math.max(0, Math.min(1, rs.getDouble(3))), rgba(rs.getString(4)),
                    rgba(rs.getString(5)), rs.getString(6));
        } catch (IllegalArgumentException e) {
            return null; // a colour edited by hand into something unreadable: the role's look
        }
    }

    private static int rgba(String hex) {
        if (hex == null || !hex.matches("#[0-9A-Fa-f]{8}")) throw new IllegalArgumentException("not #RRGGBBAA: " + hex);
        return (int) Long.parseLong(hex.substring(1), 16);
    }

    /** A candidate row with the scenario it belongs to, its version and who wrote it last. */
    record VersionedCandidate(String scenario, Candidate candidate, long version, String author) { }

    static String selectCandidatesSql(String schema) throws InputException {
        return "SELECT scenario, candidate_id, name, kind, parent_cluster, point_area_ha, profile, nb_ratio_override, "
                + "nox_kg_yr_override, nh3_kg_yr_override, lw_override, notes, ST_AsBinary(geom), version, author FROM "
                + table(schema, CANDIDATE);
    }

    static VersionedCandidate candidate(ResultSet rs) throws SQLException, InputException {
        Geometry g;
        try {
            g = new WKBReader(FACTORY).read(rs.getBytes(13));
        } catch (ParseException | RuntimeException e) {
            throw new InputException(new UserMessage("pg.geometry.damaged", CANDIDATE), e);
        }
        Candidate cand = new Candidate(rs.getString(2), nz(rs.getString(3)), CandidateKind.valueOf(rs.getString(4)),
                rs.getString(5), g, rs.getDouble(6), rs.getString(7), new CandidateOverrides(opt(rs, 8), opt(rs, 9),
                opt(rs, 10), opt(rs, 11)), rs.getString(12));
        return new VersionedCandidate(rs.getString(1), cand, rs.getLong(14), rs.getString(15));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Double opt(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
