package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.ProjectStore.ANNOTATION;
import static nl.ruimteschets.io.ProjectStore.CANDIDATE;
import static nl.ruimteschets.io.ProjectStore.LAYER_DISPLAY;
import static nl.ruimteschets.io.ProjectStore.LAYER_ROLE;
import static nl.ruimteschets.io.ProjectStore.SCENARIO;
import static nl.ruimteschets.io.postgis.PgSql.table;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import nl.ruimteschets.io.ConflictException;
import nl.ruimteschets.io.CancelledException;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.WriteRefusedException;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ReportJson;
import nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt;
import nl.ruimteschets.io.postgis.PgProjectTables.VersionedCandidate;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.UserMessage;
import nl.ruimteschets.model.change.AnnotationChanges;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.ChangeSet;
import nl.ruimteschets.model.change.LayerChanges;
import nl.ruimteschets.model.change.ScenarioChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A project in a PostgreSQL/PostGIS schema, shared by several planners. Every change is written in its own
 * transaction with an optimistic check: a candidate row, a workshop note and a layer (its role row, for its
 * role, look and attribute values) carry a version, and an update or delete only succeeds when the row
 * still has the version this client last saw; otherwise {@link ConflictException} brings the newer state. After each commit a NOTIFY on the project's channel tells the other clients,
 * whose {@link ChangeFeed} thread fetches the rows and hands them over as changes to apply. An undo or
 * redo step is refused when a colleague changed the same candidate since this client's own edit. A change
 * the database refuses for another reason (a rule, a permission, a value) comes back as
 * {@link WriteRefusedException} with the stored state. Workshop participants ({@value #PARTICIPANT}) join and
 * leave; a trigger on that table announces every change of it, one made in psql or QGIS too.
 *
 * <p>Thread safety: {@link #write}, {@link #load} and {@link #save} are synchronized (one writer
 * connection); the version maps are concurrent, because the feed thread and the model's thread both use
 * them; listeners run on the feed thread.
 */
public final class PostgisStorage implements ProjectStorage {
    private static final System.Logger LOG = System.getLogger(PostgisStorage.class.getName());

    private final PgConnector connector;
    private final String schema;
    private final String channel;
    private final String clientId = UUID.randomUUID().toString();
    private volatile String author;
    private Connection writer; // guarded by this
    /** Version of each candidate as this client's model shows it, by {@link #key}. */
    final Map<String, Long> known = new ConcurrentHashMap<>();
    /** Version of each candidate as this client last wrote it (for undo: was it the last writer?). */
    private final Map<String, Long> mine = new ConcurrentHashMap<>();
    /** The same for workshop notes (by {@link #key} of scenario and note id) and for layers (by table name). */
    final Map<String, Long> knownNotes = new ConcurrentHashMap<>();
    private final Map<String, Long> mineNotes = new ConcurrentHashMap<>();
    final Map<String, Long> knownLayers = new ConcurrentHashMap<>();
    private final Map<String, Long> mineLayers = new ConcurrentHashMap<>();
    /** Who wrote each candidate last, by {@link #key}. */
    private final Map<String, String> authors = new ConcurrentHashMap<>();
    private final Set<String> scenarios = ConcurrentHashMap.newKeySet();
    /** The colour each workshop participant chose (0xRRGGBBAA), by name; from {@value #PARTICIPANT}. */
    private final Map<String, Integer> colours = new ConcurrentHashMap<>();
    /** Who joined a workshop on this project and in which colour; made by the first to join. */
    static final String PARTICIPANT = "rs_participant";
    /** The colour this client joined with (null when it has not joined or has left): a read-only watcher's lives only here. */
    private volatile Integer joinedColour;
    private volatile boolean readOnly;
    /** Hears the connection's state (set by {@link #subscribe}); told when a write finds the role read-only. */
    private volatile Consumer<ConnectionState> stateListener;
    private volatile boolean lost;
    private final ChangeFeed feed;

    private PostgisStorage(PgConnector connector, Connection writer) throws InputException {
        this.connector = connector;
        this.schema = connector.location().schema();
        PgSql.ident(schema);
        this.channel = channelFor(schema);
        this.writer = writer;
        // The operating-system login tells laptops apart in a workshop even when all use one database role.
        String login = System.getProperty("user.name");
        this.author = login == null || login.isBlank() ? connector.user() : login;
        this.feed = new ChangeFeed(this);
    }

    /** Connects (asking for a password through {@code prompt} when the server wants one) and starts listening. */
    public static PostgisStorage connect(PgLocation location, PasswordPrompt prompt) throws InputException {
        PgConnector connector = new PgConnector(location, prompt);
        Connection c = connector.connect();
        PostgisStorage s;
        try {
            s = new PostgisStorage(connector, c);
            s.checkPostgis(c);
            s.readOnly = !s.canWrite(c);
            s.feed.listen();
        } catch (SQLException e) {
            closeQuietly(c);
            throw connector.translate(e);
        } catch (InputException e) {
            closeQuietly(c);
            throw e;
        }
        return s;
    }

    private void checkPostgis(Connection c) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'postgis'");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) throw new InputException(new UserMessage("pg.postgis.missing", location()));
        }
    }

    /** Whether this role may change the project (or create it, when the schema is new). */
    private boolean canWrite(Connection c) throws SQLException {
        String sql = PgSql.tableExists(c, schema, CANDIDATE)
                // one call with 'INSERT, UPDATE, DELETE' is true when ANY is granted: ask for each
                ? "SELECT bool_and(has_table_privilege(format('%I.%I', ?::text, 'rs_candidate'), p)) "
                  + "FROM unnest(ARRAY['INSERT', 'UPDATE', 'DELETE']) AS p"
                : "SELECT has_database_privilege(current_database(), 'CREATE') "
                  + "OR has_schema_privilege(?::text, 'CREATE')";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            } catch (SQLException e) {
                return false; // no such schema and no right to see it
            }
        }
    }

    static String key(String scenario, String candidateId) {
        return scenario + '\u0000' + candidateId;
    }

    /** A channel name PostgreSQL will not truncate (schema names can be up to 63 bytes themselves). */
    private static String channelFor(String schema) {
        String c = "ruimteschets_" + schema;
        if (c.getBytes(StandardCharsets.UTF_8).length <= PgSql.MAX_IDENT_BYTES) return c;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return "ruimteschets_" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String channel() { return channel; }
    String clientId() { return clientId; }
    PgConnector connector() { return connector; }
    String schema() { return schema; }

    @Override
    public String location() { return connector.location().toString(); }

    @Override
    public boolean isShared() { return true; }

    /** Whether this database role may only read (open and present) the project. */
    public boolean isReadOnly() { return readOnly; }

    /** The name written with this client's changes (the operating-system login unless set). */
    public void setAuthor(String name) { this.author = name == null || name.isBlank() ? connector.user() : name; }

    /** The name written with this client's changes. */
    public String author() { return author; }

    /** The version of a candidate this client's model shows (after its own write: the version it wrote); null when unknown. */
    public Long version(String scenario, String candidateId) { return known.get(key(scenario, candidateId)); }

    @Override
    public String author(String scenario, String candidateId) { return authors.get(key(scenario, candidateId)); }

    @Override
    public Integer authorColour(String author) { return author == null ? null : colours.get(author); }

    /**
     * Joins a workshop on this project: {@code name} is written with this laptop's changes and every
     * screen draws that author's candidates in {@code rgba} (0xRRGGBBAA). A read-only role joins to watch:
     * its colour is only its own screen's.
     */
    public synchronized void join(String name, int rgba) throws InputException {
        setAuthor(name);
        colours.put(author, rgba);
        joinedColour = rgba;
        if (readOnly) return;
        try {
            Connection c = writer();
            PgSql.exec(c, "CREATE SCHEMA IF NOT EXISTS " + PgSql.ident(schema));
            if (!PgSql.tableExists(c, schema, PARTICIPANT) || !participantTrigger(c)) {
                try {
                    createParticipants(c);
                } catch (SQLException e) {
                    // a table an older version made, owned by another role: joining works, removals are announced by the app only
                    if (!"42501".equals(e.getSQLState())) throw e;
                    LOG.log(System.Logger.Level.INFO, "no trigger on " + PARTICIPANT + " in " + location() + ": not its owner");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, PARTICIPANT) + " (name, colour) VALUES (?, ?) "
                    + "ON CONFLICT (name) DO UPDATE SET colour = EXCLUDED.colour, joined_at = now()")) {
                ps.setString(1, author);
                ps.setString(2, String.format("#%08X", rgba));
                ps.executeUpdate();
            }
            notify(c, message("participant"));
        } catch (SQLException e) {
            throw failure(e, "pg.write.failed");
        }
    }

    /**
     * The participants' table, and a trigger that announces any change of it on the project's channel, so a
     * participant removed in psql or QGIS loses their colour on every screen too (the channel's name is worked
     * out as {@link #channelFor} does; a hashed one for a long schema name).
     */
    private void createParticipants(Connection c) throws SQLException, InputException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            PgSql.exec(c, "CREATE TABLE IF NOT EXISTS " + table(schema, PARTICIPANT)
                    + " (name text PRIMARY KEY, colour text NOT NULL, joined_at timestamptz NOT NULL DEFAULT now())");
            String function = table(schema, PARTICIPANT + "_changed");
            PgSql.exec(c, "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $f$ "
                    + "DECLARE ch text := 'ruimteschets_' || TG_TABLE_SCHEMA; BEGIN "
                    + "IF octet_length(ch) > " + PgSql.MAX_IDENT_BYTES + " THEN "
                    + "ch := 'ruimteschets_' || left(encode(sha256(convert_to(TG_TABLE_SCHEMA, 'UTF8')), 'hex'), 32); END IF; "
                    + "PERFORM pg_notify(ch, '{\"c\":\"db\",\"t\":\"participant\"}'); RETURN NULL; END $f$");
            PgSql.exec(c, "DROP TRIGGER IF EXISTS " + PgSql.ident(PARTICIPANT + "_changed") + " ON " + table(schema, PARTICIPANT));
            PgSql.exec(c, "CREATE TRIGGER " + PgSql.ident(PARTICIPANT + "_changed") + " AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "
                    + table(schema, PARTICIPANT) + " FOR EACH STATEMENT EXECUTE FUNCTION " + function + "()");
            c.commit();
        } finally {
            rollbackQuietly(c);
            c.setAutoCommit(auto);
        }
    }

    private boolean participantTrigger(Connection c) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_trigger WHERE tgrelid = to_regclass(?) AND tgname = ?")) {
            ps.setString(1, table(schema, PARTICIPANT));
            ps.setString(2, PARTICIPANT + "_changed");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Leaves the workshop: this client's colour goes from every screen (its changes keep this planner's name);
     * nothing to do when it has not joined.
     */
    public synchronized void leave() throws InputException {
        if (joinedColour == null) return;
        joinedColour = null;
        colours.remove(author);
        if (readOnly) return;
        try {
            Connection c = writer();
            if (!PgSql.tableExists(c, schema, PARTICIPANT)) return;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(schema, PARTICIPANT) + " WHERE name = ?")) {
                ps.setString(1, author);
                ps.executeUpdate();
            }
            notify(c, message("participant")); // (a table made before the trigger existed announces nothing itself)
        } catch (SQLException e) {
            throw failure(e, "pg.write.failed");
        }
    }

    /** Whether this client has joined a workshop on the project (and not left it). */
    public boolean joined() { return joinedColour != null; }

    /**
     * The participants as stored now: one who left or was removed loses their colour; a read-only watcher
     * keeps its own, which only its screen knows.
     */
    private void loadColours(Connection c) throws SQLException, InputException {
        Map<String, Integer> stored = new HashMap<>();
        if (PgSql.tableExists(c, schema, PARTICIPANT)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, colour FROM " + table(schema, PARTICIPANT));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String hex = rs.getString(2);
                    if (hex != null && hex.matches("#[0-9A-Fa-f]{8}")) stored.put(rs.getString(1), Integer.parseUnsignedInt(hex.substring(1), 16));
                }
            }
        }
        Integer own = joinedColour;
        if (readOnly && own != null) stored.put(author, own);
        colours.putAll(stored); // added before the others go: drawing never sees a staying participant without a colour
        colours.keySet().retainAll(stored.keySet());
    }

    // ---------------------------------------------------------------- whole project

    @Override
    public synchronized Project load() throws InputException {
        try {
            Connection c = writer();
            if (!readOnly && schemaExists(c)) PgProjectTables.addVersionColumns(c, schema);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one consistent picture
            try {
                Map<String, Long> versions = new HashMap<>();
                if (!schemaExists(c)) throw new InputException(new UserMessage("pg.schema.missing", schema, location()));
                Project p = PgProjectTables.load(c, schema, versions, connector);
                Map<String, Long> notes = new HashMap<>(), layers = new HashMap<>();
                PgProjectTables.readVersions(c, schema, notes, layers);
                c.commit();
                forgetVersions();
                known.putAll(versions);
                knownNotes.putAll(notes);
                knownLayers.putAll(layers);
                scenarios.clear();
                p.scenarios().forEach(s -> scenarios.add(s.name()));
                loadAuthors(c);
                loadColours(c);
                return p;
            } finally {
                rollbackQuietly(c);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(true);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            throw failure(e, "pg.read.failed");
        }
    }

    private void forgetVersions() {
        for (Map<String, Long> m : List.of(known, mine, knownNotes, mineNotes, knownLayers, mineLayers)) m.clear();
    }

    private void loadAuthors(Connection c) throws SQLException, InputException {
        if (!PgSql.tableExists(c, schema, CANDIDATE)) return;
        try (PreparedStatement ps = c.prepareStatement("SELECT scenario, candidate_id, author FROM " + table(schema, CANDIDATE));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) if (rs.getString(3) != null) authors.put(key(rs.getString(1), rs.getString(2)), rs.getString(3));
        }
    }

    private boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void save(Project project) throws InputException {
        save(project, ProgressListener.NONE);
    }

    /** Layers kept elsewhere are streamed in (see {@link PgProjectTables#save}); cancelling rolls everything back. */
    @Override
    public synchronized void save(Project project, ProgressListener progress) throws InputException {
        if (readOnly) throw new InputException(new UserMessage("pg.readonly", location()));
        try {
            Connection c = writer();
            c.setAutoCommit(false);
            try {
                PgProjectTables.save(c, schema, project, author, progress);
                notify(c, message("reload"));
                c.commit();
            } finally {
                rollbackQuietly(c);
                c.setAutoCommit(true);
            }
            forgetVersions();
            scenarios.clear();
            project.scenarios().forEach(s -> {
                scenarios.add(s.name());
                s.candidates().forEach(cand -> known.put(key(s.name(), cand.id()), 1L));
                s.annotations().forEach(a -> knownNotes.put(key(s.name(), a.id()), 1L));
            });
            project.layers().forEach(l -> knownLayers.put(l.name(), 1L));
        } catch (CancelledException e) {
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            throw failure(e, "pg.save.failed");
        }
    }

    /**
     * Imports a file as a new layer of this project, streamed into its own table in one transaction ({@link PgImport}):
     * nothing of the file is held in memory, a layer above {@link BigLayers#threshold()} rows stays in the database,
     * and colleagues' windows get the layer as if it had been added there. Cancel ({@link
     * nl.ruimteschets.io.CancelledException}) or a broken file rolls back: the project is as it was.
     *
     * @param layer name of the new layer, or null for the file's base name
     */
    public ImportReport importLayer(Path file, String layer, String sourceTable, LayerRole role, Integer epsg,
                                    String encoding, ProgressListener progress) throws IOException, InputException {
        return importPlaced(file, layer, sourceTable, role, null, epsg, encoding, progress).report();
    }

    /** A layer an open window imported, as the project now holds it (in the database or in memory), and its drawing place. */
    public record Imported(Layer layer, int index) { }

    /**
     * Imports as {@link #importLayer} does, with the planner's field mapping, and reads the new layer back for the
     * importing window: left in the database above {@link BigLayers#threshold()} rows, else read into memory. Colleagues
     * get it through their feed; this client's own notification does not come back to it, so the caller adds it.
     */
    public Imported importForWindow(Path file, String layer, String sourceTable, LayerRole role, Map<String, String> mapping,
                                    Integer epsg, String encoding, ProgressListener progress) throws IOException, InputException {
        PgImport.Placed placed = importPlaced(file, layer, sourceTable, role, mapping, epsg, encoding, progress);
        // Committed: a failure from here on must not say "nothing imported".
        Layer stored = null;
        Exception why = null;
        try {
            synchronized (this) {
                stored = fetchLayer(writer(), placed.name());
            }
        } catch (SQLException | IOException | InputException e) {
            why = e;
            LOG.log(System.Logger.Level.WARNING, "imported layer " + placed.name() + " not read back: " + e.getMessage());
        }
        if (stored == null) throw new InputException(new UserMessage("pg.import.readback", location(), placed.name()), why);
        return new Imported(stored, placed.index());
    }

    private synchronized PgImport.Placed importPlaced(Path file, String layer, String sourceTable, LayerRole role,
                                                      Map<String, String> mapping, Integer epsg, String encoding,
                                                      ProgressListener progress) throws IOException, InputException {
        if (readOnly) throw new InputException(new UserMessage("pg.readonly", location()));
        try {
            Connection c = writer();
            c.setAutoCommit(false);
            try {
                PgImport.Placed placed = PgImport.run(c, schema, author, file, layer, sourceTable, role, mapping, epsg, encoding, progress);
                notify(c, message("layer-add").put("l", placed.name()).put("i", placed.index()));
                c.commit();
                knownLayers.put(placed.name(), 1L);
                return placed;
            } finally {
                rollbackQuietly(c);
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e, "pg.save.failed");
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) throw failure(sql, "pg.save.failed");
            throw e;
        }
    }

    // ---------------------------------------------------------------- one change

    /** What a transaction will have written once it commits. */
    private final class Pending {
        final Map<String, Long> versions = new HashMap<>();
        final Set<String> removed = new LinkedHashSet<>();
        final List<ObjectNode> notes = new ArrayList<>();
        final Map<String, String> renamed = new HashMap<>();
        final Map<String, Long> noteVersions = new HashMap<>();
        final Set<String> removedNotes = new LinkedHashSet<>();
        final Map<String, Long> layerVersions = new HashMap<>();
        final Set<String> removedLayers = new LinkedHashSet<>();

        Long version(String key) {
            if (removed.contains(key)) return null;
            Long v = versions.get(key);
            return v != null ? v : known.get(key);
        }

        Long noteVersion(String key) {
            if (removedNotes.contains(key)) return null;
            Long v = noteVersions.get(key);
            return v != null ? v : knownNotes.get(key);
        }

        Long layerVersion(String layer) {
            if (removedLayers.contains(layer)) return null;
            Long v = layerVersions.get(layer);
            return v != null ? v : knownLayers.get(layer);
        }
    }

    @Override
    public synchronized void write(Change change, boolean undoOrRedo) throws InputException {
        if (lost) throw new InputException(new UserMessage("pg.connection.lost", location()));
        // (queued before the role turned out read-only: the planner's screen goes back to what is stored)
        if (readOnly) throw refused(new InputException(new UserMessage("pg.readonly", location())), change);
        Pending pending = new Pending();
        Connection c;
        try {
            c = writer();
        } catch (SQLException e) {
            throw failure(e, "pg.write.failed");
        }
        Conflict conflict = null;
        try {
            c.setAutoCommit(false);
            try {
                conflict = write(c, change, undoOrRedo, pending);
                if (conflict == null) {
                    for (ObjectNode n : pending.notes) notify(c, n);
                    c.commit();
                }
            } finally {
                rollbackQuietly(c);
                c.setAutoCommit(true);
            }
        } catch (SQLException | IOException | RuntimeException e) {
            throw refused(failure(e, "pg.write.failed"), change);
        } catch (InputException e) {
            throw refused(e, change);
        }
        if (conflict != null) throw conflict(conflict, change);
        pending.renamed.forEach((from, to) -> renameKeys(from, to));
        committed(pending.noteVersions, pending.removedNotes, knownNotes, mineNotes);
        committed(pending.layerVersions, pending.removedLayers, knownLayers, mineLayers);
        pending.versions.forEach((k, v) -> {
            known.put(k, v);
            mine.put(k, v);
            authors.put(k, author);
        });
        pending.removed.forEach(k -> {
            known.remove(k);
            mine.remove(k);
            authors.remove(k);
        });
    }

    /** After a commit: the versions this client wrote are both what it shows and its own. */
    private static void committed(Map<String, Long> written, Set<String> removed, Map<String, Long> known, Map<String, Long> mine) {
        written.forEach((k, v) -> {
            known.put(k, v);
            mine.put(k, v);
        });
        removed.forEach(k -> {
            known.remove(k);
            mine.remove(k);
        });
    }

    /** Why a change was refused, and which candidate to show in its newer state. */
    private record Conflict(String messageKey, String scenario, String candidateId, String name, String noteId) {
        Conflict(String messageKey, String scenario, String candidateId, String name) {
            this(messageKey, scenario, candidateId, name, null);
        }
    }

    private ConflictException conflict(Conflict conflict, Change change) throws InputException {
        List<Change> newer = new ArrayList<>();
        String who = null;
        String name = conflict.name();
        try {
            Connection c = writer();
            if (conflict.candidateId() != null) {
                VersionedCandidate v = fetchCandidate(c, conflict.scenario(), conflict.candidateId());
                if (v != null) who = v.author();
                if (v != null && !v.candidate().name().isBlank()) name = v.candidate().name();
            } else if (conflict.noteId() != null) {
                who = noteAuthor(c, conflict.scenario(), conflict.noteId());
            }
            storedStateOf(c, change, newer, new LinkedHashSet<>());
        } catch (SQLException | IOException e) {
            throw failure(e, "pg.write.failed");
        }
        return new ConflictException(new UserMessage(conflict.messageKey(), name, who == null ? "?" : who), newer);
    }

    /**
     * A change the database refused for a reason other than a colleague's version, with the stored state of
     * what it touched (nothing of it was written); a lost connection stays as it is (the change waits for it).
     */
    private InputException refused(InputException why, Change change) {
        if (why instanceof ConflictException || "pg.connection.lost".equals(why.userMessage().key())) return why;
        List<Change> stored = new ArrayList<>();
        try {
            storedStateOf(writer(), change, stored, new LinkedHashSet<>());
        } catch (SQLException | IOException | InputException | RuntimeException e) {
            // the stored state could not be read either: said as it is, the step stays
            LOG.log(System.Logger.Level.WARNING, "PostGIS store " + location() + ": stored state not read: " + e.getMessage());
            return why;
        }
        return new WriteRefusedException(why.userMessage(), stored, why.getCause() == null ? why : why.getCause());
    }

    /** The stored state of every candidate, note and layer a change touches, as changes that show it. */
    private void storedStateOf(Connection c, Change change, List<Change> out, Set<String> done)
            throws SQLException, InputException, IOException {
        if (change instanceof ChangeSet set) {
            for (Change part : set.changes()) storedStateOf(c, part, out, done);
            return;
        }
        String[] candidate = change instanceof CandidateChanges.Add a ? new String[] {a.scenario(), a.candidate().id()}
                : change instanceof CandidateChanges.Replace r ? new String[] {r.scenario(), r.candidate().id()}
                : change instanceof CandidateChanges.Remove r ? new String[] {r.scenario(), r.candidateId()} : null;
        if (candidate != null && done.add("c" + key(candidate[0], candidate[1]))) {
            out.add(put(candidate[0], candidate[1], fetchCandidate(c, candidate[0], candidate[1])));
        }
        String[] note = change instanceof AnnotationChanges.Add a ? new String[] {a.scenario(), a.annotation().id()}
                : change instanceof AnnotationChanges.Replace r ? new String[] {r.scenario(), r.annotation().id()}
                : change instanceof AnnotationChanges.Remove r ? new String[] {r.scenario(), r.annotationId()} : null;
        if (note != null && done.add("n" + key(note[0], note[1]))) out.add(fetchNote(c, note[0], note[1]));
        String layer = change instanceof LayerChanges.Display d ? d.name()
                : change instanceof LayerChanges.Replace r ? r.layer().name()
                : change instanceof LayerChanges.EditValue v ? v.layer()
                : change instanceof LayerChanges.Remove r ? r.name() : null;
        if (layer != null && done.add("l" + layer)) storedLayer(c, layer, false, out);
    }

    /**
     * The stored state of one layer as changes that show it ({@code added}: the model does not have it yet),
     * and this client now knows its version.
     */
    private void storedLayer(Connection c, String layer, boolean added, List<Change> out) throws SQLException, InputException, IOException {
        Layer stored = fetchLayer(c, layer);
        if (stored != null) {
            out.add(new RemoteChanges.Tolerant(added ? new LayerChanges.Add(stored, -1) : new LayerChanges.Replace(stored)));
            out.add(new RemoteChanges.Tolerant(new LayerChanges.Display(layer, PgLayerStyles.display(c, schema, layer))));
        }
        Long v = layerVersion(c, layer);
        if (v == null) knownLayers.remove(layer);
        else knownLayers.put(layer, v);
    }

    /**
     * Refuses at once, without the server, what cannot be written now: a read-only role, a lost connection,
     * and (with {@code staleUndo}) an undo/redo step on a candidate, note or layer a colleague changed after
     * this client's own edit, as far as this client has heard.
     */
    @Override
    public void check(Change change, boolean staleUndo) throws InputException {
        if (readOnly) throw new InputException(new UserMessage("pg.readonly", location()));
        if (lost) throw new InputException(new UserMessage("pg.connection.lost", location()));
        if (staleUndo) checkStale(change);
    }

    private void checkStale(Change change) throws ConflictException {
        if (change instanceof ChangeSet set) {
            for (Change part : set.changes()) checkStale(part);
            return;
        }
        if (change instanceof CandidateChanges.Replace r) stale(known, mine, key(r.scenario(), r.candidate().id()), "pg.conflict.undo", r.candidate().name(), authors.get(key(r.scenario(), r.candidate().id())));
        if (change instanceof CandidateChanges.Remove r) stale(known, mine, key(r.scenario(), r.candidateId()), "pg.conflict.undo", r.candidateId(), authors.get(key(r.scenario(), r.candidateId())));
        if (change instanceof AnnotationChanges.Replace r) stale(knownNotes, mineNotes, key(r.scenario(), r.annotation().id()), "pg.conflict.note.undo", String.valueOf(r.annotation().number()), null);
        if (change instanceof AnnotationChanges.Remove r) stale(knownNotes, mineNotes, key(r.scenario(), r.annotationId()), "pg.conflict.note.undo", "", null);
        String layer = change instanceof LayerChanges.Display d ? d.name() : change instanceof LayerChanges.Replace r ? r.layer().name()
                : change instanceof LayerChanges.EditValue v ? v.layer() : null;
        if (layer != null) stale(knownLayers, mineLayers, layer, "pg.conflict.layer.undo", layer, null);
    }

    /** A colleague changed it since this client's own write (or it was never this client's write to undo). */
    private static void stale(Map<String, Long> known, Map<String, Long> mine, String key, String messageKey, String name, String who)
            throws ConflictException {
        Long k = known.get(key);
        if (k == null || !k.equals(mine.get(key))) {
            throw new ConflictException(new UserMessage(messageKey, name, who == null ? "?" : who), List.of());
        }
    }

    private String noteAuthor(Connection c, String scenario, String id) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT author FROM " + table(schema, ANNOTATION)
                + " WHERE scenario = ? AND annotation_id = ?")) {
            ps.setString(1, scenario);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The stored note (null when removed), and this client now knows its version. */
    private Change fetchNote(Connection c, String scenario, String id) throws SQLException, InputException {
        Annotation a = null;
        long version = -1;
        try (PreparedStatement ps = c.prepareStatement(PgProjectTables.selectAnnotationsSql(schema)
                .replace(" FROM ", ", version FROM ") + " WHERE scenario = ? AND annotation_id = ?")) {
            ps.setString(1, scenario);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    a = PgProjectTables.annotation(rs);
                    version = rs.getLong(9);
                }
            }
        }
        if (a == null) knownNotes.remove(key(scenario, id));
        else knownNotes.put(key(scenario, id), version);
        return new RemoteChanges.PutAnnotation(scenario, id, a);
    }

    private Long layerVersion(Connection c, String layer) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + table(schema, LAYER_ROLE) + " WHERE layer_table = ?")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Writes one change inside the open transaction; returns a conflict instead of writing. */
    private Conflict write(Connection c, Change change, boolean undoOrRedo, Pending p)
            throws SQLException, InputException, IOException {
        if (change instanceof ChangeSet set) {
            for (Change part : set.changes()) {
                Conflict x = write(c, part, undoOrRedo, p);
                if (x != null) return x;
            }
            return null;
        }
        if (change instanceof CandidateChanges.Add a) return insertCandidate(c, a.scenario(), a.candidate(), a.index(), p);
        if (change instanceof CandidateChanges.Replace r) {
            return updateCandidate(c, r.scenario(), r.candidate(), undoOrRedo, p);
        }
        if (change instanceof CandidateChanges.Remove r) return deleteCandidate(c, r.scenario(), r.candidateId(), undoOrRedo, p);
        if (change instanceof ScenarioChanges.Add a) {
            if (existsScenario(c, a.scenario().name())) {
                return new Conflict("pg.conflict.scenario", null, null, a.scenario().name());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, SCENARIO)
                    + " (name, description, display_order) VALUES (?, ?, (SELECT COALESCE(MAX(display_order) + 1, 0) FROM "
                    + table(schema, SCENARIO) + "))")) {
                ps.setString(1, a.scenario().name());
                ps.setString(2, a.scenario().description());
                ps.executeUpdate();
            }
            p.notes.add(message("scenario-add").put("s", a.scenario().name()));
            for (Candidate cand : a.scenario().candidates()) {
                Conflict x = insertCandidate(c, a.scenario().name(), cand, -1, p);
                if (x != null) return x;
            }
            for (Annotation note : a.scenario().annotations()) {
                Conflict x = insertNote(c, a.scenario().name(), note, p);
                if (x != null) return x;
            }
            return null;
        }
        if (change instanceof ScenarioChanges.Remove r) {
            try (PreparedStatement ps = c.prepareStatement("SELECT candidate_id, version FROM " + table(schema, CANDIDATE)
                    + " WHERE scenario = ? FOR UPDATE")) {
                ps.setString(1, r.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long v = p.version(key(r.name(), rs.getString(1)));
                        if (v == null || v != rs.getLong(2)) {
                            return new Conflict("pg.conflict.candidate", r.name(), rs.getString(1), rs.getString(1));
                        }
                        p.removed.add(key(r.name(), rs.getString(1)));
                    }
                }
            }
            deleteWhere(c, CANDIDATE, "scenario", r.name());
            deleteWhere(c, ANNOTATION, "scenario", r.name());
            deleteWhere(c, SCENARIO, "name", r.name());
            p.notes.add(message("scenario-del").put("s", r.name()));
            return null;
        }
        if (change instanceof ScenarioChanges.Rename r) {
            if (existsScenario(c, r.to()) || !existsScenario(c, r.from())) {
                return new Conflict("pg.conflict.scenario", null, null, r.to());
            }
            update(c, "UPDATE " + table(schema, SCENARIO) + " SET name = ? WHERE name = ?", r.to(), r.from());
            update(c, "UPDATE " + table(schema, CANDIDATE) + " SET scenario = ? WHERE scenario = ?", r.to(), r.from());
            update(c, "UPDATE " + table(schema, ANNOTATION) + " SET scenario = ? WHERE scenario = ?", r.to(), r.from());
            p.renamed.put(r.from(), r.to());
            p.notes.add(message("scenario-ren").put("f", r.from()).put("s", r.to()));
            return null;
        }
        if (change instanceof AnnotationChanges.Add a) return insertNote(c, a.scenario(), a.annotation(), p);
        if (change instanceof AnnotationChanges.Replace r) return updateNote(c, r.scenario(), r.annotation(), undoOrRedo, p);
        if (change instanceof AnnotationChanges.Remove r) {
            String k = key(r.scenario(), r.annotationId());
            Long expected = p.noteVersion(k);
            if (expected == null || (undoOrRedo && !expected.equals(mineNotes.get(k)) && !p.noteVersions.containsKey(k))) {
                return new Conflict(undoOrRedo ? "pg.conflict.note.undo" : "pg.conflict.note", r.scenario(), null, "", r.annotationId());
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(schema, ANNOTATION)
                    + " WHERE scenario = ? AND annotation_id = ? AND version = ?")) {
                ps.setString(1, r.scenario());
                ps.setString(2, r.annotationId());
                ps.setLong(3, expected);
                if (ps.executeUpdate() == 0) return new Conflict("pg.conflict.note", r.scenario(), null, "", r.annotationId());
            }
            p.noteVersions.remove(k);
            p.removedNotes.add(k);
            p.notes.add(message("ann").put("s", r.scenario()).put("i", r.annotationId()));
            return null;
        }
        if (change instanceof LayerChanges.Move m) {
            reorder(c, m.name(), m.toIndex());
            p.notes.add(message("layer-move").put("l", m.name()).put("i", m.toIndex()));
            return null;
        }
        if (change instanceof LayerChanges.Add a) {
            PgProjectTables.addLayerTable(c, schema, a.layer());
            PgProjectTables.insertRole(c, schema, a.layer(), Integer.MAX_VALUE);
            reorder(c, a.layer().name(), a.index());
            PgLayerStyles.restyle(c, schema, a.layer().name(), PgLayerStyles.display(c, schema, a.layer().name()));
            p.layerVersions.put(a.layer().name(), 1L);
            p.removedLayers.remove(a.layer().name());
            p.notes.add(message("layer-add").put("l", a.layer().name()).put("i", a.index()));
            return null;
        }
        // Every other layer change (look, role, attribute value, removal) first takes the layer's version.
        String layerName = change instanceof LayerChanges.Display d ? d.name() : change instanceof LayerChanges.Replace r ? r.layer().name()
                : change instanceof LayerChanges.EditValue v ? v.layer() : change instanceof LayerChanges.Remove r ? r.name() : null;
        // (a plain PostGIS table beside the project, shown as a base map, has no role row and no version)
        if (layerName != null && (p.layerVersion(layerName) != null || layerVersion(c, layerName) != null)) {
            Long expected = p.layerVersion(layerName);
            if (expected == null || (undoOrRedo && !expected.equals(mineLayers.get(layerName)) && !p.layerVersions.containsKey(layerName))) {
                return new Conflict(undoOrRedo ? "pg.conflict.layer.undo" : "pg.conflict.layer", null, null, layerName);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(schema, LAYER_ROLE)
                    + " SET version = version + 1 WHERE layer_table = ? AND version = ? RETURNING version")) {
                ps.setString(1, layerName);
                ps.setLong(2, expected);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return new Conflict("pg.conflict.layer", null, null, layerName);
                    p.layerVersions.put(layerName, rs.getLong(1));
                }
            }
        }
        if (change instanceof LayerChanges.EditValue v) {
            nl.ruimteschets.model.Field f = PgProjectTables.storedField(c, schema, v.layer(), v.fieldIndex());
            if (f == null) return new Conflict("pg.conflict.layer", null, null, v.layer());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(schema, v.layer()) + " SET " + PgSql.ident(f.name())
                    + " = ? WHERE fid = ?")) {
                ps.setObject(1, v.value());
                ps.setLong(2, v.featureId());
                if (ps.executeUpdate() == 0) return new Conflict("pg.conflict.layer", null, null, v.layer());
            }
            p.notes.add(message("layer-value").put("l", v.layer()).put("f", v.featureId()).put("i", v.fieldIndex()));
            return null;
        }
        if (change instanceof LayerChanges.Display d) {
            deleteWhere(c, LAYER_DISPLAY, "layer_table", d.name());
            if (d.display() != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(schema, LAYER_DISPLAY)
                        + " (layer_table, visible, opacity, fill, stroke, label_field) VALUES (?, ?, ?, ?, ?, ?)")) {
                    PgProjectTables.setDisplay(ps, d.name(), d.display());
                    ps.executeUpdate();
                }
            }
            PgLayerStyles.restyle(c, schema, d.name(), d.display());
            p.notes.add(message("display").put("l", d.name()));
            return null;
        }
        if (change instanceof LayerChanges.Remove r) {
            // A layer kept in the database holds no features in memory: its undo needs the table itself.
            if (!PgRemovedLayers.hide(c, schema, r.name())) PgSql.exec(c, "DROP TABLE IF EXISTS " + table(schema, r.name()));
            deleteWhere(c, LAYER_ROLE, "layer_table", r.name());
            deleteWhere(c, LAYER_DISPLAY, "layer_table", r.name());
            PgLayerStyles.remove(c, schema, r.name());
            p.layerVersions.remove(r.name());
            p.removedLayers.add(r.name());
            p.notes.add(message("layer-del").put("l", r.name()));
            return null;
        }
        if (change instanceof LayerChanges.Replace r) {
            update(c, "UPDATE " + table(schema, LAYER_ROLE) + " SET role = ?, field_mapping = ? WHERE layer_table = ?",
                    r.layer().role().name(), ReportJson.MAPPER.writeValueAsString(r.layer().fieldMapping()), r.layer().name());
            PgLayerStyles.restyle(c, schema, r.layer().name(), PgLayerStyles.display(c, schema, r.layer().name()));
            p.notes.add(message("layer-role").put("l", r.layer().name()));
            return null;
        }
        throw new InputException(new UserMessage("pg.change.unsupported", change.descriptionKey()));
    }

    private Conflict insertCandidate(Connection c, String scenario, Candidate cand, int index, Pending p)
            throws SQLException, InputException {
        if (!existsScenario(c, scenario)) return new Conflict("pg.conflict.scenario.gone", null, null, scenario);
        try (PreparedStatement ps = c.prepareStatement(PgProjectTables.insertCandidateSql(schema)
                + " ON CONFLICT (scenario, candidate_id) DO NOTHING")) {
            // -1 (the end) or an index among the others: a key between its neighbours' keeps the order
            PgProjectTables.bindCandidate(ps, scenario, cand, orderAt(c, scenario, index), author);
            if (ps.executeUpdate() == 0) return new Conflict("pg.conflict.candidate", scenario, cand.id(), cand.name());
        }
        String k = key(scenario, cand.id());
        p.removed.remove(k);
        p.versions.put(k, 1L);
        p.notes.add(message("cand").put("s", scenario).put("i", cand.id()));
        return null;
    }

    private Conflict insertNote(Connection c, String scenario, Annotation a, Pending p) throws SQLException, InputException {
        if (!existsScenario(c, scenario)) return new Conflict("pg.conflict.scenario.gone", null, null, scenario);
        try (PreparedStatement ps = c.prepareStatement(PgProjectTables.insertAnnotationSql(schema)
                + " ON CONFLICT (scenario, annotation_id) DO NOTHING")) {
            PgProjectTables.bindAnnotation(ps, scenario, a, System.currentTimeMillis(), author);
            if (ps.executeUpdate() == 0) return new Conflict("pg.conflict.note", scenario, null, String.valueOf(a.number()), a.id());
        }
        String k = key(scenario, a.id());
        p.removedNotes.remove(k);
        p.noteVersions.put(k, 1L);
        p.notes.add(message("ann").put("s", scenario).put("i", a.id()));
        return null;
    }

    private Conflict updateNote(Connection c, String scenario, Annotation a, boolean undoOrRedo, Pending p)
            throws SQLException, InputException {
        String k = key(scenario, a.id());
        Long expected = p.noteVersion(k);
        String number = String.valueOf(a.number());
        if (expected == null || (undoOrRedo && !expected.equals(mineNotes.get(k)) && !p.noteVersions.containsKey(k))) {
            return new Conflict(undoOrRedo ? "pg.conflict.note.undo" : "pg.conflict.note", scenario, null, number, a.id());
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(schema, ANNOTATION) + " SET number = ?, text = ?, "
                + "arrow_x = ?, arrow_y = ?, geom = ST_SetSRID(ST_MakePoint(?, ?), " + PgSql.SRID + "), author = ?, "
                + "version = version + 1 WHERE scenario = ? AND annotation_id = ? AND version = ? RETURNING version")) {
            int next = PgProjectTables.bindNoteContent(ps, 1, a);
            ps.setString(next, author);
            ps.setString(next + 1, scenario);
            ps.setString(next + 2, a.id());
            ps.setLong(next + 3, expected);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Conflict("pg.conflict.note", scenario, null, number, a.id());
                p.noteVersions.put(k, rs.getLong(1));
            }
        }
        p.notes.add(message("ann").put("s", scenario).put("i", a.id()));
        return null;
    }

    private double orderAt(Connection c, String scenario, int index) throws SQLException, InputException {
        List<Double> orders = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT display_order FROM " + table(schema, CANDIDATE)
                + " WHERE scenario = ? ORDER BY display_order, fid")) {
            ps.setString(1, scenario);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) orders.add(rs.getDouble(1));
            }
        }
        if (index < 0 || index >= orders.size()) return orders.isEmpty() ? 0 : orders.get(orders.size() - 1) + 1;
        double after = orders.get(index);
        double before = index == 0 ? after - 1 : orders.get(index - 1);
        return (before + after) / 2;
    }

    private Conflict updateCandidate(Connection c, String scenario, Candidate cand, boolean undoOrRedo, Pending p)
            throws SQLException, InputException {
        String k = key(scenario, cand.id());
        Long expected = p.version(k);
        if (expected == null || (undoOrRedo && !expected.equals(mine.get(k)) && !p.versions.containsKey(k))) {
            return new Conflict(undoOrRedo ? "pg.conflict.undo" : "pg.conflict.candidate", scenario, cand.id(), cand.name());
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(schema, CANDIDATE) + " SET (" + PgProjectTables.CANDIDATE_COLS
                + ", version, author, changed_at) = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromEWKB(?), version + 1, ?, now()) "
                + "WHERE scenario = ? AND candidate_id = ? AND version = ? RETURNING version")) {
            int i = PgProjectTables.bindCandidateValues(ps, cand, 1);
            ps.setString(i++, author);
            ps.setString(i++, scenario);
            ps.setString(i++, cand.id());
            ps.setLong(i, expected);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return new Conflict("pg.conflict.candidate", scenario, cand.id(), cand.name());
                p.versions.put(k, rs.getLong(1));
            }
        }
        p.notes.add(message("cand").put("s", scenario).put("i", cand.id()));
        return null;
    }

    private Conflict deleteCandidate(Connection c, String scenario, String id, boolean undoOrRedo, Pending p)
            throws SQLException, InputException {
        String k = key(scenario, id);
        Long expected = p.version(k);
        if (expected == null || (undoOrRedo && !expected.equals(mine.get(k)) && !p.versions.containsKey(k))) {
            return new Conflict(undoOrRedo ? "pg.conflict.undo" : "pg.conflict.candidate", scenario, id, id);
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(schema, CANDIDATE)
                + " WHERE scenario = ? AND candidate_id = ? AND version = ?")) {
            ps.setString(1, scenario);
            ps.setString(2, id);
            ps.setLong(3, expected);
            if (ps.executeUpdate() == 0) return new Conflict("pg.conflict.candidate", scenario, id, id);
        }
        p.versions.remove(k);
        p.removed.add(k);
        p.notes.add(message("cand").put("s", scenario).put("i", id));
        return null;
    }

    private boolean existsScenario(Connection c, String name) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table(schema, SCENARIO) + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Rewrites display_order so {@code layer} sits at {@code index} (bottom = 0; -1 or past the end: on top). */
    private void reorder(Connection c, String layer, int index) throws SQLException, InputException {
        List<String> order = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT layer_table FROM " + table(schema, LAYER_ROLE)
                + " ORDER BY display_order, id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) order.add(rs.getString(1));
        }
        order.remove(layer);
        order.add(index < 0 || index > order.size() ? order.size() : index, layer);
        PgProjectTables.setDrawingOrder(c, schema, order);
    }

    private void deleteWhere(Connection c, String tableName, String column, String value) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(schema, tableName) + " WHERE "
                + PgSql.ident(column) + " = ?")) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) ps.setString(i + 1, values[i]);
            return ps.executeUpdate();
        }
    }

    private void renameKeys(String from, String to) {
        scenarios.remove(from);
        scenarios.add(to);
        for (Map<String, ?> m : List.<Map<String, ?>>of(known, mine, authors, knownNotes, mineNotes)) {
            for (String k : List.copyOf(m.keySet())) {
                if (k.startsWith(from + '\u0000')) {
                    @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m;
                    mm.put(to + k.substring(from.length()), mm.remove(k));
                }
            }
        }
    }

    // ---------------------------------------------------------------- notifications

    ObjectNode message(String type) {
        return ReportJson.MAPPER.createObjectNode().put("c", clientId).put("t", type);
    }

    private void notify(Connection c, ObjectNode message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, message.toString());
            ps.execute();
        }
    }

    /** The changes that bring a model to what a colleague's notification announced (run on the feed thread). */
    List<Change> changesFor(Connection c, JsonNode n) throws SQLException, InputException, IOException {
        List<Change> out = new ArrayList<>();
        String type = n.path("t").asText();
        switch (type) {
            case "cand" -> {
                String s = n.path("s").asText(), id = n.path("i").asText();
                out.add(put(s, id, fetchCandidate(c, s, id)));
            }
            case "ann" -> out.add(fetchNote(c, n.path("s").asText(), n.path("i").asText()));
            case "layer-value" -> {
                String l = n.path("l").asText();
                long fid = n.path("f").asLong();
                int i = n.path("i").asInt();
                nl.ruimteschets.model.Field f = PgProjectTables.storedField(c, schema, l, i);
                if (f != null) {
                    out.add(new RemoteChanges.Tolerant(new LayerChanges.EditValue(l, fid, i,
                            PgProjectTables.storedValue(c, schema, l, fid, f))));
                }
            }
            case "scenario-add" -> {
                String s = n.path("s").asText();
                scenarios.add(s);
                out.add(new RemoteChanges.PutScenario(s, ""));
            }
            case "scenario-del" -> {
                String s = n.path("s").asText();
                scenarios.remove(s);
                for (String k : List.copyOf(known.keySet())) if (k.startsWith(s + '\u0000')) known.remove(k);
                out.add(new RemoteChanges.DropScenario(s));
            }
            case "scenario-ren" -> {
                renameKeys(n.path("f").asText(), n.path("s").asText());
                out.add(new RemoteChanges.RenameScenario(n.path("f").asText(), n.path("s").asText()));
            }
            case "display" -> {
                String l = n.path("l").asText();
                LayerDisplay d = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT layer_table, visible, opacity, fill, stroke, label_field FROM "
                        + table(schema, LAYER_DISPLAY) + " WHERE layer_table = ?")) {
                    ps.setString(1, l);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) d = PgProjectTables.display(rs);
                    }
                }
                out.add(new RemoteChanges.Tolerant(new LayerChanges.Display(l, d)));
            }
            case "layer-add" -> {
                Layer layer = fetchLayer(c, n.path("l").asText());
                if (layer != null) out.add(new RemoteChanges.Tolerant(new LayerChanges.Add(layer, n.path("i").asInt(-1))));
            }
            case "layer-del" -> out.add(new RemoteChanges.Tolerant(new LayerChanges.Remove(n.path("l").asText())));
            case "layer-move" -> out.add(new RemoteChanges.Tolerant(new LayerChanges.Move(n.path("l").asText(), n.path("i").asInt())));
            case "layer-role" -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT role, field_mapping FROM " + table(schema, LAYER_ROLE)
                        + " WHERE layer_table = ?")) {
                    ps.setString(1, n.path("l").asText());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(new RemoteChanges.SetRole(n.path("l").asText(), LayerRole.parse(rs.getString(1)),
                                    ReportJson.MAPPER.readValue(rs.getString(2), new TypeReference<Map<String, String>>() { })));
                        }
                    }
                }
            }
            case "reload" -> out.addAll(resync(c));
            case "participant" -> {
                loadColours(c);
                out.add(new RemoteChanges.Redraw());
            }
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored notification type {0}", type);
        }
        if (n.has("l") && !type.equals("layer-del")) {
            Long v = layerVersion(c, n.path("l").asText());
            if (v != null) knownLayers.put(n.path("l").asText(), v);
        } else if (type.equals("layer-del")) {
            knownLayers.remove(n.path("l").asText());
        }
        return out;
    }

    private Layer fetchLayer(Connection c, String name) throws SQLException, InputException, IOException {
        try (PreparedStatement ps = c.prepareStatement("SELECT role, field_mapping, source, import_report FROM "
                + table(schema, LAYER_ROLE) + " WHERE layer_table = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                Map<String, String> mapping = ReportJson.MAPPER.readValue(rs.getString(2), new TypeReference<Map<String, String>>() { });
                ImportReport report = ReportJson.read(rs.getString(4));
                return PgProjectTables.loadLayer(c, schema, name, LayerRole.parse(rs.getString(1)), mapping, rs.getString(3), report,
                        connector);
            }
        }
    }

    /**
     * Everything that differs between the stored candidates, scenarios, notes, layers and workshop colours
     * and what this client knows:
     * after a reconnect (notifications were missed) or a colleague's whole-project save.
     */
    List<Change> resync(Connection c) throws SQLException, InputException, IOException {
        List<Change> out = new ArrayList<>();
        Set<String> stored = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, description FROM " + table(schema, SCENARIO)
                + " ORDER BY display_order, id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                stored.add(rs.getString(1));
                if (!scenarios.contains(rs.getString(1))) out.add(new RemoteChanges.PutScenario(rs.getString(1), rs.getString(2)));
            }
        }
        for (String s : List.copyOf(scenarios)) if (!stored.contains(s)) out.add(new RemoteChanges.DropScenario(s));
        scenarios.clear();
        scenarios.addAll(stored);
        Set<String> seen = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(PgProjectTables.selectCandidatesSql(schema) + " ORDER BY display_order, fid");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                VersionedCandidate v = PgProjectTables.candidate(rs);
                String k = key(v.scenario(), v.candidate().id());
                seen.add(k);
                Long have = known.get(k);
                if (have == null || have != v.version()) out.add(put(v.scenario(), v.candidate().id(), v));
            }
        }
        for (String k : List.copyOf(known.keySet())) {
            if (!seen.contains(k)) {
                int cut = k.indexOf('\u0000');
                out.add(put(k.substring(0, cut), k.substring(cut + 1), null));
            }
        }
        resyncNotesAndLayers(c, out);
        // Workshop colours: a participant who joined meanwhile is drawn in their colour, one who left in none.
        Map<String, Integer> before = Map.copyOf(colours);
        loadColours(c);
        if (!colours.equals(before)) out.add(new RemoteChanges.Redraw());
        return out;
    }

    /**
     * Notes and layers whose stored version differs from what this client knows, as changes that show the
     * stored state (and this client then knows those versions): without them the next edit of a note or layer
     * a colleague changed meanwhile would be refused as a conflict that never was.
     */
    private void resyncNotesAndLayers(Connection c, List<Change> out) throws SQLException, InputException, IOException {
        Map<String, Long> notes = new HashMap<>(), layers = new HashMap<>();
        PgProjectTables.readVersions(c, schema, notes, layers);
        for (Map.Entry<String, Long> n : notes.entrySet()) {
            if (!n.getValue().equals(knownNotes.get(n.getKey()))) {
                int cut = n.getKey().indexOf('\u0000');
                out.add(fetchNote(c, n.getKey().substring(0, cut), n.getKey().substring(cut + 1)));
            }
        }
        for (String k : List.copyOf(knownNotes.keySet())) {
            if (!notes.containsKey(k)) {
                int cut = k.indexOf('\u0000');
                knownNotes.remove(k);
                out.add(new RemoteChanges.PutAnnotation(k.substring(0, cut), k.substring(cut + 1), null));
            }
        }
        for (Map.Entry<String, Long> l : layers.entrySet()) {
            Long have = knownLayers.get(l.getKey());
            if (!l.getValue().equals(have)) storedLayer(c, l.getKey(), have == null, out);
        }
        for (String l : List.copyOf(knownLayers.keySet())) {
            if (!layers.containsKey(l)) {
                knownLayers.remove(l);
                out.add(new RemoteChanges.Tolerant(new LayerChanges.Remove(l)));
            }
        }
    }

    VersionedCandidate fetchCandidate(Connection c, String scenario, String id) throws SQLException, InputException {
        try (PreparedStatement ps = c.prepareStatement(PgProjectTables.selectCandidatesSql(schema)
                + " WHERE scenario = ? AND candidate_id = ?")) {
            ps.setString(1, scenario);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? PgProjectTables.candidate(rs) : null;
            }
        }
    }

    private Change put(String scenario, String id, VersionedCandidate v) {
        if (v != null && v.author() != null) authors.put(key(scenario, id), v.author());
        return new RemoteChanges.PutCandidate(scenario, id, v == null ? null : v.candidate(), v == null ? -1 : v.version(),
                v == null ? null : v.author(), this::seen);
    }

    /** The model now shows this version (or, for -1, no such candidate). */
    private void seen(String scenario, String id, long version) {
        String k = key(scenario, id);
        if (version < 0) known.remove(k);
        else known.merge(k, version, Math::max);
    }

    // ---------------------------------------------------------------- connection

    @Override
    public void subscribe(Consumer<List<Change>> changes, Consumer<ConnectionState> state) {
        stateListener = state;
        feed.start(changes, state);
        if (readOnly) state.accept(ConnectionState.READ_ONLY);
    }

    /** Called by the feed: the connection is gone (writes refused) or back. */
    void connectionLost(boolean isLost) {
        this.lost = isLost;
        if (isLost) {
            synchronized (this) {
                closeQuietly(writer);
                writer = null;
            }
        }
    }

    private synchronized Connection writer() throws SQLException, InputException {
        if (writer == null || writer.isClosed()) writer = connector.connect();
        return writer;
    }

    private InputException failure(Exception e, String key) {
        if (e instanceof InputException ie) return ie;
        if (e instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (state.equals("42501") || state.equals("25006")) {
                if (!readOnly) {
                    readOnly = true;
                    // found out on a write rather than on opening: the window says so too
                    Consumer<ConnectionState> listener = stateListener;
                    if (listener != null) listener.accept(ConnectionState.READ_ONLY);
                }
                return new InputException(new UserMessage(key.equals("pg.write.failed") ? "pg.write.denied" : "pg.readonly", location()), e);
            }
            // a rule of the database (CHECK, NOT NULL, unique, reference) or a value it cannot hold: said in words
            if (key.equals("pg.write.failed") && state.startsWith("23")) {
                return new InputException(new UserMessage("pg.write.rule", location()), e);
            }
            if (key.equals("pg.write.failed") && state.startsWith("22")) {
                return new InputException(new UserMessage("pg.write.value", location()), e);
            }
            if (state.startsWith("08")) {
                connectionLost(true);
                feed.wake();
                return new InputException(new UserMessage("pg.connection.lost", location()), e);
            }
        }
        LOG.log(System.Logger.Level.WARNING, "PostGIS store " + location() + ": " + e.getMessage());
        return new InputException(new UserMessage(key, location(), e.getClass().getSimpleName()), e);
    }

    @Override
    public void close() {
        feed.stop();
        synchronized (this) {
            closeQuietly(writer);
            writer = null;
        }
    }

    static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException e) {
            // closing a broken connection
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            if (!c.getAutoCommit()) c.rollback();
        } catch (SQLException e) {
            // the connection broke; the transaction is gone with it
        }
    }

    static PGNotification[] poll(Connection c, int millis) throws SQLException {
        return c.unwrap(PGConnection.class).getNotifications(millis);
    }
}
