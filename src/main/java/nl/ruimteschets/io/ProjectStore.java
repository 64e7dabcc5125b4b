package nl.ruimteschets.io;

import static nl.ruimteschets.io.GeoPackageLayers.q;
import static nl.ruimteschets.io.ProjectTables.bool;
import static nl.ruimteschets.io.ProjectTables.integer;
import static nl.ruimteschets.io.ProjectTables.real;
import static nl.ruimteschets.io.ProjectTables.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import nl.ruimteschets.io.ProjectTables.Col;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads and writes a project file: one GeoPackage holding the imported layers as EPSG:28992 feature
 * tables, the attribute tables rs_meta, rs_layer_role, rs_layer_display, rs_activity_profile, rs_cluster and rs_scenario,
 * and the feature tables rs_candidate and rs_annotation (so QGIS shows the candidates and workshop notes).
 *
 * <p>{@link #save} works on a copy beside the target (layers already in the file are kept, not
 * rewritten) and moves it over the target at the end; on any failure the copy is deleted and the
 * target is byte-for-byte as before. {@link #open} throws {@link InputException} naming the file for a
 * non-GeoPackage or a newer schema; a plain GeoPackage opens with every feature table as a BASEMAP
 * layer. Stateless; thread-safe as long as two threads do not use the same file.
 */
public final class ProjectStore {
    public static final int SCHEMA_VERSION = 1;
    public static final String APP_NAME = "Ruimteschets";
    public static final String META = "rs_meta";
    public static final String LAYER_ROLE = "rs_layer_role";
    /** How each layer is drawn; absent in files from before it existed, whose layers get their role's look. */
    public static final String LAYER_DISPLAY = "rs_layer_display";
    public static final String PROFILE = "rs_activity_profile";
    public static final String CLUSTER = "rs_cluster";
    public static final String SCENARIO = "rs_scenario";
    public static final String CANDIDATE = "rs_candidate";
    /** Workshop notes as a point table (QGIS shows them); absent in files from before they existed. */
    public static final String ANNOTATION = "rs_annotation";
    /** The project's own tables, the same in a GeoPackage and in a PostGIS schema (QGIS users find the same names). */
    public static final List<String> RS_TABLES = List.of(META, LAYER_ROLE, LAYER_DISPLAY, PROFILE, CLUSTER, SCENARIO,
            CANDIDATE, ANNOTATION);

    /**
     * Layers that stay where they are instead of being read into memory (a PostGIS layer too big for memory,
     * copied here): the same table and columns as in a PostGIS project, so a copy back keeps the mark.
     * Absent in files without such layers.
     */
    public static final String LAYER_STORAGE = "rs_layer_storage";
    /**
     * Tables of removed layers that were kept in the file (same columns as {@value #LAYER_STORAGE}): the app's undo
     * brings back a layer object without features, so the save leaves the table in the file, unlisted, for it.
     */
    static final String REMOVED_LAYERS = "rs_removed_layer";

    private static final List<Col> META_COLS = List.of(text("key"), text("value"));
    private static final List<Col> STORAGE_COLS = List.of(text("layer_table"), bool("in_database"),
            integer("feature_count"), real("min_x"), real("min_y"), real("max_x"), real("max_y"), real("max_feature_size"));
    private static final List<Col> ROLE_COLS = List.of(text("layer_table"), text("role"), text("field_mapping"),
            text("source"), text("import_report"), integer("display_order"));
    /** Colours as "#RRGGBBAA" text, readable in QGIS's attribute table; label_field null for no labels (absent in older files). */
    private static final List<Col> DISPLAY_COLS = List.of(text("layer_table"), bool("visible"), real("opacity"),
            text("fill"), text("stroke"), text("label_field"));
    private static final List<Col> PROFILE_COLS = List.of(text("name"), text("description"), real("noise_lw"),
            real("noise_source_height_m"), bool("day_only"), real("pr_distance_m"), real("brand_m"),
            real("explosie_m"), real("gifwolk_m"), real("nox_kg_per_ha_yr"), real("nh3_kg_per_ha_yr"),
            real("emission_height_m"), real("netto_bruto_ratio"), text("source_tags"), real("heat_mw"));
    private static final List<Col> CLUSTER_COLS = List.of(text("name"), text("sub_areas"), real("demand_2030_ha"),
            real("demand_2050_ha"), real("supply_ha"), real("netto_bruto_ratio"), text("source"));
    private static final List<Col> SCENARIO_COLS = List.of(text("name"), text("description"), integer("display_order"));
    static final List<Field> CANDIDATE_FIELDS = List.of(new Field("candidate_id", FieldType.TEXT),
            new Field("scenario", FieldType.TEXT), new Field("name", FieldType.TEXT), new Field("kind", FieldType.TEXT),
            new Field("parent_cluster", FieldType.TEXT), new Field("point_area_ha", FieldType.REAL),
            new Field("profile", FieldType.TEXT), new Field("nb_ratio_override", FieldType.REAL),
            new Field("nox_kg_yr_override", FieldType.REAL), new Field("nh3_kg_yr_override", FieldType.REAL),
            new Field("lw_override", FieldType.REAL), new Field("notes", FieldType.TEXT));
    /** The arrow's tip as plain coordinates: a point table holds one geometry per row. */
    static final List<Field> ANNOTATION_FIELDS = List.of(new Field("annotation_id", FieldType.TEXT),
            new Field("scenario", FieldType.TEXT), new Field("number", FieldType.INTEGER), new Field("text", FieldType.TEXT),
            new Field("arrow_x", FieldType.REAL), new Field("arrow_y", FieldType.REAL));

    private ProjectStore() { }

    // ---------------------------------------------------------------- open

    /**
     * Loads a project (or a plain GeoPackage) into memory. First cleans what a killed save or import
     * left: temp copies beside the file are deleted and a hot SQLite journal is rolled back. A layer
     * table without its role row (an import interrupted by an older version) is skipped when empty and
     * otherwise shown as a background layer; each of these is a note in {@link Project#openNotes()}.
     */
    public static Project open(Path file) throws InputException {
        List<UserMessage> notes = new ArrayList<>();
        recoverLeftovers(file, notes);
        GeoPackage gp = GeoPackageLayers.open(file, false);
        try {
            Project p = new Project();
            boolean isProject = gp.isTable(META);
            if (isProject) checkVersion(gp, file);
            List<String> placed = new ArrayList<>();
            boolean hasRoles = isProject && gp.isTable(LAYER_ROLE);
            if (hasRoles) {
                readLayerRoles(gp, file, p, placed, hasRoles && gp.isTable(LAYER_STORAGE) ? readKept(gp, LAYER_STORAGE) : Map.of());
            }
            Set<String> removed = isProject && gp.isTable(REMOVED_LAYERS) ? readKept(gp, REMOVED_LAYERS).keySet() : Set.of();
            for (String table : GpkgTables.featureTables(GeoPackageLayers.connection(gp))) {
                if (placed.contains(table) || removed.contains(table)
                        || (isProject && (table.equals(CANDIDATE) || table.equals(ANNOTATION)))) continue;
                Layer l = loadLayer(gp, file, table, LayerRole.BASEMAP, Map.of(), file.toString(), new ImportReport());
                if (hasRoles && l.features().isEmpty()) {
                    notes.add(new UserMessage("project.orphan.skipped", table));
                    continue;
                }
                if (hasRoles) notes.add(new UserMessage("project.orphan.basemap", table));
                p.putLayer(l);
            }
            if (isProject) readPlanning(gp, file, p);
            if (isProject && gp.isTable(LAYER_DISPLAY)) readDisplays(gp, p);
            p.openNotes().addAll(notes);
            return p;
        } catch (InputException e) {
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            throw new InputException(new UserMessage("project.read.failed.plain", file.getFileName()), e);
        } finally {
            gp.close();
        }
    }

    /** Deletes temp copies of killed writers and rolls back a hot journal (opening read-write lets SQLite do it). */
    private static void recoverLeftovers(Path file, List<UserMessage> notes) {
        int temps = AtomicFiles.deleteLeftovers(file);
        if (temps > 0) notes.add(new UserMessage("project.leftovers.deleted", temps, file.getFileName()));
        for (String suffix : List.of("-journal", "-wal")) {
            Path journal = Path.of(file + suffix);
            try {
                if (!Files.exists(journal) || Files.size(journal) == 0 || !Files.isWritable(file)) continue;
            } catch (IOException e) {
                continue;
            }
            try {
                GeoPackage gp = GeoPackageLayers.open(file, true);
                try {
                    ProjectTables.query(gp, "SELECT COUNT(*) FROM sqlite_master", rs -> { });
                } finally {
                    gp.close();
                }
                notes.add(new UserMessage("project.journal.recovered", file.getFileName()));
            } catch (InputException | SQLException | RuntimeException e) {
                // the read-only open below says what is wrong with the file
            }
        }
    }

    /**
     * Refuses to write into {@code file} when that could lose or misread work: a file we may not
     * write, a project of a newer schema, or one that fails SQLite's quick_check. Throws the reason in
     * the user's words.
     */
    static void checkWritable(Path file) throws InputException {
        String name = file.getFileName().toString();
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isWritable(file) || dir == null || !Files.isWritable(dir)) {
            throw new InputException(new UserMessage("project.readonly", name));
        }
        GeoPackage gp = GeoPackageLayers.open(file, false);
        try {
            if (gp.isTable(META)) checkVersion(gp, file);
            List<String> problems = new ArrayList<>();
            ProjectTables.query(gp, "PRAGMA quick_check", rs -> problems.add(rs.getString(1)));
            if (!problems.equals(List.of("ok"))) throw new InputException(new UserMessage("project.damaged", name));
        } catch (SQLException | RuntimeException e) {
            throw new InputException(new UserMessage("project.damaged", name), e);
        } finally {
            gp.close();
        }
    }

    private static void checkVersion(GeoPackage gp, Path file) throws SQLException, InputException {
        Map<String, String> meta = new HashMap<>();
        ProjectTables.query(gp, "SELECT key, value FROM " + META, rs -> meta.put(rs.getString(1), rs.getString(2)));
        int version;
        try {
            version = Integer.parseInt(meta.getOrDefault("schema_version", "1").trim());
        } catch (NumberFormatException e) {
            throw new InputException(new UserMessage("project.version.invalid", file, meta.get("schema_version")), e);
        }
        if (version > SCHEMA_VERSION) {
            throw new InputException(new UserMessage("project.version.newer", file, version, SCHEMA_VERSION));
        }
    }

    /** What {@value #LAYER_STORAGE} says of each table marked to stay in the file. */
    private record Kept(long count, Envelope extent, double maxFeatureSize) { }

    private static Map<String, Kept> readKept(GeoPackage gp, String storageTable) throws SQLException {
        Map<String, Kept> kept = new HashMap<>();
        ProjectTables.query(gp, "SELECT layer_table, in_database, feature_count, min_x, min_y, max_x, max_y, max_feature_size FROM "
                + storageTable, rs -> {
                    if (rs.getInt(2) == 0) return;
                    Envelope e = rs.getObject(4) == null ? new Envelope()
                            : new Envelope(rs.getDouble(4), rs.getDouble(6), rs.getDouble(5), rs.getDouble(7));
                    kept.put(rs.getString(1), new Kept(rs.getLong(3), e, rs.getDouble(8)));
                });
        return kept;
    }

    private static void readLayerRoles(GeoPackage gp, Path file, Project p, List<String> placed, Map<String, Kept> kept)
            throws SQLException, IOException, InputException {
        record Row(String table, String role, String mapping, String source, String report) { }
        List<Row> rows = new ArrayList<>();
        ProjectTables.query(gp, "SELECT layer_table, role, field_mapping, source, import_report FROM " + LAYER_ROLE
                + " ORDER BY display_order, id", rs -> rows.add(new Row(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5))));
        for (Row r : rows) {
            if (!GpkgTables.isFeatureTable(GeoPackageLayers.connection(gp), r.table()) || placed.contains(r.table())) continue;
            Map<String, String> mapping = r.mapping() == null || r.mapping().isBlank() ? Map.of()
                    : ReportJson.MAPPER.readValue(r.mapping(), new TypeReference<Map<String, String>>() { });
            Layer stays = kept.containsKey(r.table()) ? keptLayer(gp, file, r.table(), LayerRole.parse(r.role()), mapping,
                    r.source(), ReportJson.read(r.report()), kept.get(r.table())) : null;
            p.putLayer(stays != null ? stays : loadLayer(gp, file, r.table(), LayerRole.parse(r.role()), mapping, r.source(),
                    ReportJson.read(r.report())));
            placed.add(r.table());
        }
    }

    private static void readDisplays(GeoPackage gp, Project p) throws SQLException {
        // SELECT *: files from before label_field have no such column, and their layers get no labels.
        ProjectTables.query(gp, "SELECT * FROM " + LAYER_DISPLAY + " ORDER BY id", rs -> {
            String layer = rs.getString("layer_table");
            if (p.layer(layer).isEmpty()) return;
            String labelField = null;
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                if (meta.getColumnName(c).equalsIgnoreCase("label_field")) labelField = rs.getString(c);
            }
            try {
                p.displays().put(layer, new LayerDisplay(rs.getInt("visible") != 0, Math.max(0, Math.min(1, rs.getDouble("opacity"))),
                        rgba(rs.getString("fill")), rgba(rs.getString("stroke")), labelField));
            } catch (IllegalArgumentException e) {
                // A colour edited by hand into something unreadable: that layer keeps its role's look.
            }
        });
    }

    private static int rgba(String hex) {
        if (hex == null || !hex.matches("#[0-9A-Fa-f]{8}")) throw new IllegalArgumentException("not #RRGGBBAA: " + hex);
        return (int) Long.parseLong(hex.substring(1), 16);
    }

    /**
     * A marked table as a layer read by area through its R-tree ({@link GeoPackageTiledLayer}), never whole;
     * null (read it into memory) when it has no R-tree or integer key to read by.
     */
    private static Layer keptLayer(GeoPackage gp, Path file, String table, LayerRole role, Map<String, String> mapping,
                                   String source, ImportReport report, Kept k) throws SQLException {
        java.sql.Connection con = GeoPackageLayers.connection(gp);
        String key = GeoPackageReader.keyColumn(con, table), geom = GpkgTables.geometryColumn(con, table);
        if (key == null || geom == null || !GpkgTables.exists(con, GpkgTables.rtreeName(table))) return null;
        GeoPackageTiledLayer remote = new GeoPackageTiledLayer(file, table, key, geom, GeoPackageReader.fields(con, table),
                StreamedLayer.jtsType(GpkgTables.geometryTypeName(con, table)), k.count(), k.extent(), k.maxFeatureSize());
        return new Layer(table, role, remote.fields(), remote, mapping, source, report);
    }

    private static Layer loadLayer(GeoPackage gp, Path file, String table, LayerRole role,
                                   Map<String, String> mapping, String source, ImportReport report)
            throws IOException, InputException {
        List<Feature> features = new ArrayList<>();
        try (GeoPackageReader r = GeoPackageReader.open(file, gp, table)) {
            for (Feature f; (f = r.next()) != null; ) features.add(f);
            Layer layer = new Layer(table, role, r.fields(), features, mapping, source, report);
            SavedLayers.record(file, layer);
            return layer;
        }
    }

    private static void readPlanning(GeoPackage gp, Path file, Project p)
            throws SQLException, IOException, InputException {
        if (gp.isTable(PROFILE)) {
            ProjectTables.query(gp, "SELECT * FROM " + PROFILE + " ORDER BY id", rs -> p.putProfile(new ActivityProfile(
                    rs.getString("name"), rs.getString("description"), rs.getDouble("noise_lw"),
                    rs.getDouble("noise_source_height_m"), rs.getInt("day_only") != 0, rs.getDouble("pr_distance_m"),
                    rs.getDouble("brand_m"), rs.getDouble("explosie_m"), rs.getDouble("gifwolk_m"),
                    rs.getDouble("nox_kg_per_ha_yr"), rs.getDouble("nh3_kg_per_ha_yr"),
                    rs.getDouble("emission_height_m"), rs.getDouble("netto_bruto_ratio"), rs.getString("source_tags"),
                    heatMw(rs))));
        }
        if (gp.isTable(CLUSTER)) {
            List<Object[]> raw = new ArrayList<>();
            ProjectTables.query(gp, "SELECT name, sub_areas, demand_2030_ha, demand_2050_ha, supply_ha, "
                    + "netto_bruto_ratio, source FROM " + CLUSTER + " ORDER BY id", rs -> raw.add(new Object[] {
                    rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                    rs.getDouble(6), rs.getString(7)}));
            for (Object[] c : raw) {
                List<String> subAreas = c[1] == null ? List.of()
                        : ReportJson.MAPPER.readValue((String) c[1], new TypeReference<List<String>>() { });
                p.putCluster(new Cluster((String) c[0], subAreas, (Double) c[2], (Double) c[3], (Double) c[4],
                        (Double) c[5], (String) c[6]));
            }
        }
        Map<String, Scenario> byName = new LinkedHashMap<>();
        if (gp.isTable(SCENARIO)) {
            ProjectTables.query(gp, "SELECT name, description FROM " + SCENARIO + " ORDER BY display_order, id",
                    rs -> byName.put(rs.getString(1), new Scenario(rs.getString(1), rs.getString(2))));
        }
        if (GpkgTables.isFeatureTable(GeoPackageLayers.connection(gp), CANDIDATE)) readCandidates(gp, file, byName);
        if (GpkgTables.isFeatureTable(GeoPackageLayers.connection(gp), ANNOTATION)) readAnnotations(gp, file, byName);
        p.scenarios().addAll(byName.values());
    }

    private static void readCandidates(GeoPackage gp, Path file, Map<String, Scenario> byName)
            throws IOException, InputException {
        try (GeoPackageReader r = GeoPackageReader.open(file, gp, CANDIDATE)) {
            Map<String, Integer> ix = new HashMap<>();
            for (int i = 0; i < r.fields().size(); i++) ix.put(r.fields().get(i).name(), i);
            for (Feature f; (f = r.next()) != null; ) {
                Object[] v = f.values();
                String scenario = str(v, ix, "scenario");
                Candidate c = new Candidate(str(v, ix, "candidate_id"), str(v, ix, "name"),
                        CandidateKind.valueOf(str(v, ix, "kind")), str(v, ix, "parent_cluster"), f.geometry(),
                        dbl(v, ix, "point_area_ha") == null ? 0 : dbl(v, ix, "point_area_ha"), str(v, ix, "profile"),
                        new CandidateOverrides(dbl(v, ix, "nb_ratio_override"), dbl(v, ix, "nox_kg_yr_override"),
                                dbl(v, ix, "nh3_kg_yr_override"), dbl(v, ix, "lw_override")),
                        str(v, ix, "notes"));
                byName.computeIfAbsent(scenario, n -> new Scenario(n, "")).add(c);
            }
        }
    }

    /** Notes of scenarios that exist; a row without a point or with a broken number is left out, not fatal. */
    private static void readAnnotations(GeoPackage gp, Path file, Map<String, Scenario> byName)
            throws IOException, InputException {
        try (GeoPackageReader r = GeoPackageReader.open(file, gp, ANNOTATION)) {
            Map<String, Integer> ix = new HashMap<>();
            for (int i = 0; i < r.fields().size(); i++) ix.put(r.fields().get(i).name(), i);
            for (Feature f; (f = r.next()) != null; ) {
                Object[] v = f.values();
                Scenario s = byName.get(str(v, ix, "scenario"));
                if (s == null || !(f.geometry() instanceof org.locationtech.jts.geom.Point pt) || pt.isEmpty()) continue;
                Double number = dbl(v, ix, "number"), ax = dbl(v, ix, "arrow_x"), ay = dbl(v, ix, "arrow_y");
                String id = str(v, ix, "annotation_id");
                try {
                    s.addAnnotation(new Annotation(id.isEmpty() ? java.util.UUID.randomUUID().toString() : id,
                            number == null ? s.nextAnnotationNumber() : number.intValue(), str(v, ix, "text"),
                            pt.getX(), pt.getY(), ax == null || ay == null ? null : ax, ax == null || ay == null ? null : ay), -1);
                } catch (IllegalArgumentException e) {
                    // A note edited by hand into something impossible (number 0, infinite arrow): skipped.
                }
            }
        }
    }

    private static String str(Object[] v, Map<String, Integer> ix, String name) {
        Integer i = ix.get(name);
        return i == null || v[i] == null ? "" : v[i].toString();
    }

    /** Heat content of a profile; files written before it was recorded have no column: a cold source. */
    private static double heatMw(java.sql.ResultSet rs) throws SQLException {
        java.sql.ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (md.getColumnName(i).equalsIgnoreCase("heat_mw")) return rs.getDouble(i);
        }
        return 0.0;
    }

    private static Double dbl(Object[] v, Map<String, Integer> ix, String name) {
        Integer i = ix.get(name);
        return i == null || v[i] == null ? null : ((Number) v[i]).doubleValue();
    }

    // ---------------------------------------------------------------- save

    /**
     * Writes the whole project to {@code file}: a copy of the existing file (so its layer tables are not
     * rewritten) or a new GeoPackage, updated and then moved over the target.
     *
     * @throws IOException on any failure; the target is then untouched
     */
    public static void save(Project project, Path file) throws IOException {
        save(project, file, ProgressListener.NONE);
    }

    /**
     * As {@link #save(Project, Path)}; a layer that stays in a database or another file is streamed into the
     * project's file in batches (never whole in memory) and marked in {@value #LAYER_STORAGE} to stay there,
     * reporting rows to {@code progress}, which can cancel ({@link CancelledException}: the target is untouched).
     */
    public static void save(Project project, Path file, ProgressListener progress) throws IOException {
        for (Layer l : project.layers()) {
            if (l.inDatabase() && !(l.remote() instanceof StreamedLayer)) {
                throw new ProjectWriteException(new UserMessage("pg.layer.indatabase.copy", l.name(), l.remote().location()), null);
            }
        }
        if (Files.exists(file) && isGeoPackage(file)) {
            try {
                checkWritable(file);
            } catch (InputException e) {
                throw new ProjectWriteException(e.userMessage(), e);
            }
        }
        try (Copy copy = Copy.of(file)) {
            GeoPackage gp = copy.gp;
            for (String t : RS_TABLES) GpkgTables.dropFeatureTable(GeoPackageLayers.connection(gp), t);
            writeLayers(gp, project, file, progress);
            writePlanning(gp, project);
            writeStyles(gp, project);
            copy.moveIntoPlace();
        } catch (CancelledException e) {
            throw e;
        } catch (InputException e) {
            throw new ProjectWriteException(e.userMessage(), e);
        } catch (SQLException | IOException | RuntimeException e) {
            throw ProjectWriteException.of(file, e);
        }
        for (Layer l : project.layers()) if (!l.inDatabase()) SavedLayers.record(file, l);
    }

    /**
     * A working copy of a project beside it: the file copied (or a new GeoPackage), opened with
     * trusted schema off and every foreign trigger and view dropped, journal in memory (a crash only
     * loses the copy). {@link #moveIntoPlace} flushes it and renames it over the project in one step;
     * {@link #close} without it deletes the copy, so the project is exactly as it was.
     */
    static final class Copy implements AutoCloseable {
        final Path target;
        final Path temp;
        GeoPackage gp;

        private Copy(Path target, Path temp) {
            this.target = target;
            this.temp = temp;
        }

        static Copy of(Path target) throws IOException, SQLException {
            Copy c = new Copy(target, AtomicFiles.tempBeside(target, ".gpkg"));
            try {
                if (isGeoPackage(target)) {
                    Files.copy(target, c.temp, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(c.temp); // geopackage-java creates the file itself
                    GeoPackageManager.create(c.temp.toFile(), false);
                }
                c.gp = GeoPackageManager.open(true, c.temp.toFile(), false);
                java.sql.Connection con = GeoPackageLayers.connection(c.gp);
                GpkgTables.harden(con);
                try (java.sql.Statement st = con.createStatement()) {
                    st.execute("PRAGMA journal_mode = MEMORY");
                    st.execute("PRAGMA synchronous = OFF");
                }
                GpkgTables.dropForeignCode(con);
                GeoPackageLayers.ensureRdSrs(con);
                return c;
            } catch (IOException | SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }

        void moveIntoPlace() throws IOException {
            gp.close();
            gp = null;
            AtomicFiles.force(temp);
            AtomicFiles.moveIntoPlace(temp, target);
        }

        @Override
        public void close() {
            if (gp != null) gp.close();
            gp = null;
            AtomicFiles.deleteQuietly(temp);
        }
    }

    private static boolean isGeoPackage(Path file) {
        if (!Files.exists(file)) return false;
        try {
            GeoPackageLayers.open(file, false).close();
            return true;
        } catch (InputException e) {
            return false; // saving over a non-GeoPackage file replaces it, as Save As would
        }
    }

    /** Keeps tables that already hold the layer, drops feature tables of removed layers, writes the rest. */
    private static void writeLayers(GeoPackage gp, Project project, Path file, ProgressListener progress)
            throws IOException, SQLException, InputException {
        List<String> names = project.layers().stream().map(Layer::name).toList();
        java.sql.Connection con = GeoPackageLayers.connection(gp);
        Map<String, Kept> keptBefore = new HashMap<>();
        if (gp.isTable(REMOVED_LAYERS)) keptBefore.putAll(readKept(gp, REMOVED_LAYERS));
        if (gp.isTable(LAYER_STORAGE)) keptBefore.putAll(readKept(gp, LAYER_STORAGE));
        List<Object[]> removedKept = new ArrayList<>();
        for (String t : GpkgTables.featureTables(con)) {
            if (names.contains(t)) continue;
            Kept k = keptBefore.get(t);
            if (k == null) GpkgTables.dropFeatureTable(con, t);
            else removedKept.add(storageRow(t, k.count(), k.extent(), k.maxFeatureSize())); // undo may bring it back
        }
        List<Object[]> roles = new ArrayList<>();
        List<Object[]> kept = new ArrayList<>();
        long total = 0, streamed = 0;
        for (Layer l : project.layers()) if (l.inDatabase() && !isOwnTable(file, l)) total += l.featureCount();
        int order = 0;
        for (Layer l : project.layers()) {
            if (l.inDatabase()) {
                Envelope e;
                long count;
                double maxSize;
                if (isOwnTable(file, l) && GpkgTables.isFeatureTable(con, l.name())) { // Save of this very file: the table stays
                    e = l.remote().extent();
                    count = l.remote().estimatedCount();
                    maxSize = l.remote().maxFeatureSize();
                } else {
                    StreamedLayer source = (StreamedLayer) l.remote();
                    GpkgTables.dropFeatureTable(con, l.name());
                    try (GeoPackageLayerSink sink = GeoPackageLayerSink.createExact(gp, l.name(), source.fields(), source.geometryType())) {
                        streamed += source.scan(sink, progress.part(streamed, total));
                        sink.commit();
                        e = sink.extent();
                        count = sink.count();
                        maxSize = sink.maxFeatureSize();
                    }
                }
                kept.add(storageRow(l.name(), count, e, maxSize));
            } else if (!SavedLayers.mayHold(file, l) || !holds(gp, l)) { // an edited layer is written again
                GpkgTables.dropFeatureTable(con, l.name());
                writeTable(gp, l.name(), l.fields(), kindOf(l.features()), l.features());
            }
            roles.add(new Object[] {l.name(), l.role().name(), json(l.fieldMapping()), l.source(),
                    ReportJson.write(l.report()), order++});
        }
        ProjectTables.create(gp, LAYER_ROLE, ROLE_COLS);
        ProjectTables.insert(gp, LAYER_ROLE, ROLE_COLS, roles);
        GpkgTables.dropFeatureTable(con, LAYER_STORAGE);
        if (!kept.isEmpty()) {
            ProjectTables.create(gp, LAYER_STORAGE, STORAGE_COLS);
            ProjectTables.insert(gp, LAYER_STORAGE, STORAGE_COLS, kept);
        }
        GpkgTables.dropFeatureTable(con, REMOVED_LAYERS);
        if (!removedKept.isEmpty()) {
            ProjectTables.create(gp, REMOVED_LAYERS, STORAGE_COLS);
            ProjectTables.insert(gp, REMOVED_LAYERS, STORAGE_COLS, removedKept);
        }
        List<Object[]> displays = new ArrayList<>();
        project.displays().forEach((name, d) -> {
            if (names.contains(name)) displays.add(new Object[] {name, d.visible(), d.opacity(),
                    String.format("#%08X", d.fill()), String.format("#%08X", d.stroke()), d.labelField()});
        });
        ProjectTables.create(gp, LAYER_DISPLAY, DISPLAY_COLS);
        ProjectTables.insert(gp, LAYER_DISPLAY, DISPLAY_COLS, displays);
    }

    private static Object[] storageRow(String table, long count, Envelope e, double maxSize) {
        return new Object[] {table, true, count, e.isNull() ? null : e.getMinX(), e.isNull() ? null : e.getMinY(),
                e.isNull() ? null : e.getMaxX(), e.isNull() ? null : e.getMaxY(), maxSize};
    }

    /** Whether the layer is a marked table of this very file (the app saving the project it opened). */
    private static boolean isOwnTable(Path file, Layer l) {
        return l.remote() instanceof GeoPackageTiledLayer g && g.table().equals(l.name())
                && g.file().equals(file.toAbsolutePath().normalize());
    }

    /** A table of that name with as many rows: written by an earlier save or imported in place. */
    private static boolean holds(GeoPackage gp, Layer l) throws SQLException {
        if (!GpkgTables.isFeatureTable(GeoPackageLayers.connection(gp), l.name())) return false;
        long[] n = {-1};
        ProjectTables.query(gp, "SELECT COUNT(*) FROM " + q(l.name()), rs -> n[0] = rs.getLong(1));
        return n[0] == l.features().size();
    }

    private static void writeTable(GeoPackage gp, String table, List<Field> fields, GeometryKind kind,
                                   Iterable<Feature> features) throws IOException {
        GeoPackageLayerSink sink = GeoPackageLayerSink.create(gp, table, fields, kind);
        try {
            for (Feature f : features) sink.accept(f);
            sink.commit();
        } finally {
            sink.close();
        }
    }

    private static GeometryKind kindOf(List<Feature> features) {
        return QgisStyles.kindOf(features);
    }

    private static void writePlanning(GeoPackage gp, Project p) throws SQLException, IOException {
        ProjectTables.create(gp, META, META_COLS);
        ProjectTables.insert(gp, META, META_COLS, List.of(new Object[] {"schema_version", String.valueOf(SCHEMA_VERSION)},
                new Object[] {"app", APP_NAME}));
        List<Object[]> rows = new ArrayList<>();
        for (ActivityProfile a : p.profiles().values()) {
            rows.add(new Object[] {a.name(), a.description(), a.noiseLw(), a.noiseSourceHeightM(), a.dayOnly(),
                    a.prDistanceM(), a.brandM(), a.explosieM(), a.gifwolkM(), a.noxKgPerHaYr(), a.nh3KgPerHaYr(),
                    a.emissionHeightM(), a.nettoBrutoRatio(), a.sourceTags(), a.heatMw()});
        }
        ProjectTables.create(gp, PROFILE, PROFILE_COLS);
        ProjectTables.insert(gp, PROFILE, PROFILE_COLS, rows);
        rows.clear();
        for (Cluster c : p.clusters().values()) {
            rows.add(new Object[] {c.name(), json(c.subAreas()), c.demand2030Ha(), c.demand2050Ha(), c.supplyHa(),
                    c.nettoBrutoRatio(), c.source()});
        }
        ProjectTables.create(gp, CLUSTER, CLUSTER_COLS);
        ProjectTables.insert(gp, CLUSTER, CLUSTER_COLS, rows);
        rows.clear();
        List<Feature> candidates = new ArrayList<>();
        int order = 0;
        for (Scenario s : p.scenarios()) {
            rows.add(new Object[] {s.name(), s.description(), order++});
            for (Candidate c : s.candidates()) {
                CandidateOverrides o = c.overrides();
                candidates.add(new Feature(candidates.size() + 1, c.geometry(), new Object[] {c.id(), s.name(), c.name(), c.kind().name(),
                        c.parentCluster(), c.pointAreaHa(), c.profileName(), o.nettoBrutoRatio(), o.noxKgYr(),
                        o.nh3KgYr(), o.noiseLw(), c.notes()}));
            }
        }
        ProjectTables.create(gp, SCENARIO, SCENARIO_COLS);
        ProjectTables.insert(gp, SCENARIO, SCENARIO_COLS, rows);
        // GEOMETRY: candidates are polygons and satellite points side by side
        writeTable(gp, CANDIDATE, CANDIDATE_FIELDS, GeometryKind.MIXED, candidates);
        List<Feature> notes = new ArrayList<>();
        for (Scenario s : p.scenarios()) {
            for (Annotation a : s.annotations()) {
                notes.add(new Feature(notes.size() + 1, Rd.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(a.x(), a.y())),
                        new Object[] {a.id(), s.name(), (long) a.number(), a.text(), a.arrowX(), a.arrowY()}));
            }
        }
        writeTable(gp, ANNOTATION, ANNOTATION_FIELDS, GeometryKind.POINT, notes);
    }

    /** QGIS styles for every layer and the candidates, so QGIS shows the project as Ruimteschets does. */
    private static void writeStyles(GeoPackage gp, Project p) throws SQLException {
        List<QgisStyles.Entry> entries = QgisStyles.entries(p);
        QgisStyles.write(gp, entries, entries.stream().map(QgisStyles.Entry::table).toList());
    }

    private static String json(Object value) throws JsonProcessingException {
        return ReportJson.MAPPER.writeValueAsString(value);
    }

    // ---------------------------------------------------------------- import in place

    /**
     * Starts an import into a working {@link Copy} of {@code projectFile} (created when absent):
     * checks the project may be written, cleans empty layer tables an interrupted import left without
     * a role row, and refuses a name already taken. Stream the features into {@link #newLayer}, then
     * {@link Import#recordLayer} and {@link Import#commit}; closing without commit leaves the project as it was.
     */
    public static Import beginImport(Path projectFile) throws InputException, ProjectWriteException {
        List<UserMessage> notes = new ArrayList<>();
        if (Files.exists(projectFile)) {
            recoverLeftovers(projectFile, notes);
            checkWritable(projectFile);
        }
        try {
            return new Import(Copy.of(projectFile), notes);
        } catch (IOException | SQLException | RuntimeException e) {
            throw ProjectWriteException.of(projectFile, e);
        }
    }

    /** One import in progress; see {@link #beginImport}. Not thread-safe. */
    public static final class Import implements AutoCloseable {
        private final Copy copy;
        private final List<UserMessage> notes;

        private Import(Copy copy, List<UserMessage> notes) {
            this.copy = copy;
            this.notes = notes;
        }

        /** What was cleaned or recovered before the import (temp copies of killed writers, a hot journal). */
        public List<UserMessage> notes() { return notes; }

        /** A sink for a new layer table; refuses a name an existing table or layer already has. */
        public GeoPackageLayerSink newLayer(String table, List<Field> fields, GeometryKind kind)
                throws InputException, ProjectWriteException {
            try {
                java.sql.Connection con = GeoPackageLayers.connection(copy.gp);
                dropEmptyOrphans(con);
                if (table.isBlank() || table.toLowerCase(java.util.Locale.ROOT).startsWith("sqlite_")
                        || table.toLowerCase(java.util.Locale.ROOT).startsWith("gpkg_")) {
                    throw new InputException(new UserMessage("project.layer.reserved", table));
                }
                if (GpkgTables.exists(con, table) || GpkgTables.exists(con, GpkgTables.rtreeName(table))
                        || RS_TABLES.contains(table.toLowerCase(java.util.Locale.ROOT))
                        || table.equalsIgnoreCase(LAYER_STORAGE)) {
                    throw new InputException(new UserMessage("project.layer.exists", table, copy.target.getFileName()));
                }
                return GeoPackageLayerSink.create(copy.gp, table, fields, kind);
            } catch (IOException | SQLException | RuntimeException e) {
                throw ProjectWriteException.of(copy.target, e);
            }
        }

        private void dropEmptyOrphans(java.sql.Connection con) throws SQLException {
            if (!copy.gp.isTable(LAYER_ROLE)) return;
            List<String> recorded = new ArrayList<>();
            ProjectTables.query(copy.gp, "SELECT layer_table FROM " + LAYER_ROLE, rs -> recorded.add(rs.getString(1)));
            for (String t : GpkgTables.featureTables(con)) {
                if (recorded.contains(t) || t.equals(CANDIDATE)) continue;
                long[] n = {-1};
                ProjectTables.query(copy.gp, "SELECT COUNT(*) FROM " + q(t), rs -> n[0] = rs.getLong(1));
                if (n[0] == 0) GpkgTables.dropFeatureTable(con, t);
            }
        }

        /** Records (or replaces) the layer's role, field mapping, source and import report in rs_layer_role. */
        public void recordLayer(String table, LayerRole role, Map<String, String> fieldMapping, String source,
                                ImportReport report) throws ProjectWriteException {
            GeoPackage gp = copy.gp;
            try {
                if (!gp.isTable(META)) {
                    ProjectTables.create(gp, META, META_COLS);
                    ProjectTables.insert(gp, META, META_COLS, List.of(
                            new Object[] {"schema_version", String.valueOf(SCHEMA_VERSION)}, new Object[] {"app", APP_NAME}));
                }
                if (!gp.isTable(LAYER_ROLE)) ProjectTables.create(gp, LAYER_ROLE, ROLE_COLS);
                java.sql.Connection con = GeoPackageLayers.connection(gp);
                long order = placeInDrawingOrder(con, table, role);
                try (java.sql.PreparedStatement ps = con.prepareStatement("DELETE FROM " + LAYER_ROLE + " WHERE layer_table = ?")) {
                    ps.setString(1, table);
                    ps.executeUpdate();
                }
                ProjectTables.insert(gp, LAYER_ROLE, ROLE_COLS, List.<Object[]>of(new Object[] {table, role.name(),
                        json(fieldMapping), source == null ? "" : source, ReportJson.write(report), order}));
            } catch (SQLException | IOException | RuntimeException e) {
                throw ProjectWriteException.of(copy.target, e);
            }
        }

        /**
         * The display_order a new layer gets: its role's place, as {@link Project#placeFor} gives in the app
         * (just below the first layer of a higher rank), the layers above it moving up one.
         */
        private static long placeInDrawingOrder(java.sql.Connection con, String table, LayerRole role) throws SQLException {
            int rank = role.drawRank(isPointTable(con, table));
            long order = 0;
            Long above = null;
            try (java.sql.PreparedStatement ps = con.prepareStatement("SELECT layer_table, role, display_order FROM "
                    + LAYER_ROLE + " WHERE layer_table <> ? ORDER BY display_order, id")) {
                ps.setString(1, table);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        order = Math.max(order, rs.getLong(3) + 1);
                        LayerRole other;
                        try {
                            other = LayerRole.parse(rs.getString(2));
                        } catch (IllegalArgumentException e) {
                            continue; // an unknown role is read as a background layer on open; it does not decide the place
                        }
                        if (above == null && other.drawRank(isPointTable(con, rs.getString(1))) > rank) above = rs.getLong(3);
                    }
                }
            }
            if (above == null) return order;
            try (java.sql.PreparedStatement ps = con.prepareStatement("UPDATE " + LAYER_ROLE
                    + " SET display_order = display_order + 1 WHERE display_order >= ? AND layer_table <> ?")) {
                ps.setLong(1, above);
                ps.setString(2, table);
                ps.executeUpdate();
            }
            return above;
        }

        private static boolean isPointTable(java.sql.Connection con, String table) throws SQLException {
            String type = GpkgTables.geometryTypeName(con, table);
            return type != null && (type.equalsIgnoreCase("POINT") || type.equalsIgnoreCase("MULTIPOINT"));
        }

        /** Writes the layer's QGIS style (layer_styles) into the copy, so it lands with the layer. */
        public void writeStyle(QgisStyles.Entry entry) throws ProjectWriteException {
            try {
                QgisStyles.write(copy.gp, List.of(entry), null);
            } catch (SQLException | RuntimeException e) {
                throw ProjectWriteException.of(copy.target, e);
            }
        }

        /** Moves the finished copy over the project in one rename. */
        public void commit() throws ProjectWriteException {
            try {
                copy.moveIntoPlace();
            } catch (IOException | RuntimeException e) {
                throw ProjectWriteException.of(copy.target, e);
            }
        }

        @Override
        public void close() {
            copy.close();
        }
    }
}
