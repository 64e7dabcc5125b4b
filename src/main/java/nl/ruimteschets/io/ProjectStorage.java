package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.Change;

/**
 * Where a project is kept, behind one interface so nothing above io knows which: a GeoPackage file
 * ({@link GeoPackageStorage}, the embedded default, written on Save) or a schema in PostgreSQL/PostGIS
 * ({@link PostgisStorage}, shared: every change is written as it is made and colleagues' changes arrive).
 * {@link #open} picks by the location's form: {@code postgresql://host:port/db?schema=NAME} or a file path.
 *
 * <p>Implementations say their own thread safety; {@link #write} is called from the thread that owns the
 * project, listeners are called on the storage's own thread.
 */
public interface ProjectStorage extends AutoCloseable {

    /** Opens the storage at a location (a file path or a PostgreSQL URL); nothing is read yet. */
    static ProjectStorage open(String location, PasswordPrompt prompt) throws InputException {
        if (PgLocation.isUrl(location)) return PostgisStorage.connect(PgLocation.parse(location), prompt);
        return new GeoPackageStorage(Path.of(location));
    }

    /** Whether the text names a database project rather than a file. */
    static boolean isDatabase(String location) {
        return PgLocation.isUrl(location);
    }

    /** The location as shown to the planner (never with a password). */
    String location();

    /** The file, for a GeoPackage; null for a database. */
    default Path file() { return null; }

    /** Reads the whole project: layers, planning tables, scenarios and candidates. */
    Project load() throws InputException;

    /**
     * Writes the whole project, replacing what the storage held (Save, Save As, copy). Atomic: on failure
     * the storage is as before.
     */
    void save(Project project) throws IOException, InputException;

    /**
     * As {@link #save(Project)}, reporting rows of layers that are streamed rather than held in memory (a copy of
     * a project with a database layer) to {@code progress}, which can cancel ({@link CancelledException}: the
     * storage is then as before). Storages that hold every layer in memory just save.
     */
    default void save(Project project, ProgressListener progress) throws IOException, InputException {
        save(project);
    }

    /**
     * Whether changes are written one by one as the planner makes them ({@link #write}) and colleagues'
     * changes arrive ({@link #subscribe}); false for a file, which is written on Save.
     */
    boolean isShared();

    /**
     * Writes one change the planner is about to apply (an edit, or an undo/redo step), in its own
     * transaction, checking that what it changes is still as this client last saw it. Does nothing for
     * unshared storage.
     *
     * @param undoOrRedo true for an undo or redo step, which must not overwrite a colleague's later edit
     * @throws ConflictException when a colleague changed or removed it first (nothing written)
     * @throws WriteRefusedException when the store refused it for another reason (a rule of the database, a
     *         missing permission, a value out of range; nothing written), with the stored state to show
     * @throws InputException when it cannot be written (read-only role, connection lost), in words
     */
    void write(Change change, boolean undoOrRedo) throws InputException;

    /**
     * Checks, without asking the server, whether a change can be written: not on a read-only role or a lost
     * connection, and, with {@code staleUndo}, not an undo/redo step whose object a colleague changed since
     * (as far as this client has heard). Lets the window refuse at once and write in the background.
     *
     * @throws ConflictException for a stale undo/redo step
     * @throws InputException when the store cannot take changes now, in words
     */
    default void check(Change change, boolean staleUndo) throws InputException { }

    /**
     * Hears colleagues' changes (as changes to apply to the model without undo) and the connection's
     * state. Called on the storage's thread; hand over to the thread that owns the project.
     */
    default void subscribe(Consumer<List<Change>> changes, Consumer<ConnectionState> state) { }

    /** Who wrote a candidate last, for a shared project (null for a file or when unknown). */
    default String author(String scenario, String candidateId) { return null; }

    /** The colour (0xRRGGBBAA) an author chose when joining a workshop; null for a file or when none was chosen. */
    default Integer authorColour(String author) { return null; }

    /** The state of a shared storage's connection. */
    enum ConnectionState { CONNECTED, LOST, READ_ONLY }

    @Override
    void close();
}
