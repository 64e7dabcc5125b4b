package nl.ruimteschets.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import nl.ruimteschets.io.ConflictException;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.WriteRefusedException;
import nl.ruimteschets.io.ProjectStorage.ConnectionState;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.ChangeSet;
import nl.ruimteschets.model.change.ScenarioChanges;
import nl.ruimteschets.model.change.UndoHistory;

/**
 * The open project as the planner works on it: the project, the file it belongs to (none for the
 * bundled sample or a new project), the one undo history, the scenario on screen, and whether there
 * are unsaved changes. Every edit goes through {@link #perform}, so undo, the title's unsaved mark,
 * the map and the engine all follow. With shared storage (a PostGIS project) every change, undo and redo
 * is checked at once against what this client knows (a read-only role, a lost connection, an undo step a
 * colleague's later edit made stale: refused as {@link Refused} with the reason in words and nothing
 * applied), then applied and handed to a {@link SharedWriter} that writes it in the background, in order;
 * a refusal found there (a colleague's newer version, or a rule or permission of the database) shows the stored state, drops the refused step from
 * the undo/redo history (as a refusal found at once does) and reaches {@link #onRefused}. Colleagues' changes arrive through {@link #subscribe} without entering the undo
 * history. No JavaFX: tested headless. FX thread only.
 */
public final class Session {
    private final Project project;
    private Path file;
    private final UndoHistory history;
    private int savedRevision;
    private String scenario;
    private final List<Consumer<Change>> listeners = new ArrayList<>();
    /** Where a shared project lives (null for a file, which is written on Save). */
    private final ProjectStorage shared;
    private ConnectionState connection = ConnectionState.CONNECTED;
    /** Writes shared changes off the FX thread; null until {@link #subscribe} (then writes are synchronous). */
    private SharedWriter writer;
    private Consumer<Refused> refusedListener = r -> { };

    /** A change refused by the shared store; the message is in the user's language. */
    public static final class Refused extends UndoHistory.StaleStepException {
        private final boolean stale;
        private final transient nl.ruimteschets.model.UserMessage reason;

        public Refused(InputException e, boolean stale) {
            super(e.getMessage(Locale.getDefault()));
            this.stale = stale;
            this.reason = e.userMessage();
        }

        /** Why, in the window's language. */
        public String message(Locale locale) { return reason.format(locale); }

        /** Whether a colleague's newer version was shown instead. */
        public boolean conflict() { return stale; }
    }

    public Session(Project project, Path file) {
        this(project, file, null);
    }

    /** A project kept in storage: shared storage writes each change as it is made. */
    public static Session of(Project project, ProjectStorage storage) {
        return new Session(project, storage.file(), storage.isShared() ? storage : null);
    }

    private Session(Project project, Path file, ProjectStorage shared) {
        this.project = project;
        this.file = file;
        this.shared = shared;
        this.history = new UndoHistory(project, this::changed);
        this.scenario = project.scenarios().isEmpty() ? null : project.scenarios().get(0).name();
        if (shared != null) history.setGate(this::writeFirst);
    }

    /** The shared storage, or null for a project file. */
    public ProjectStorage shared() { return shared; }

    /** The state of a shared project's connection (always CONNECTED for a file). */
    public ConnectionState connection() { return connection; }

    /**
     * Starts hearing colleagues' changes; {@code fxThread} runs them on the thread that owns the project
     * (Platform::runLater in the app).
     */
    public void subscribe(Executor fxThread) {
        if (shared == null) return;
        if (writer == null) {
            writer = new SharedWriter(shared, fxThread, (shown, newer, why) -> {
                applyRemote(newer);
                // Like a conflict found before applying: the step can never be written, so it leaves the history
                // (so does one the database refused for another reason: the screen now shows what is stored).
                if (why instanceof ConflictException || why instanceof WriteRefusedException) history.drop(shown);
                refusedListener.accept(new Refused(why, why instanceof ConflictException));
            });
        }
        SharedWriter w = writer;
        shared.subscribe(changes -> fxThread.execute(() -> applyRemote(changes)),
                state -> {
                    if (state == ConnectionState.CONNECTED) w.connected();
                    fxThread.execute(() -> {
                        connection = state;
                        changed(null);
                    });
                });
    }

    /** Hears a change refused after it was applied (written in the background); called on the FX thread. */
    public void onRefused(Consumer<Refused> listener) {
        this.refusedListener = listener == null ? r -> { } : listener;
    }

    /** Changes made here and not yet written to the shared store (0 for a file). */
    public int pendingWrites() {
        return writer == null ? 0 : writer.pending();
    }

    /** Applies colleagues' changes (stored state) without touching the undo history. */
    public void applyRemote(List<Change> changes) {
        for (Change c : changes) {
            c.apply(project);
            changed(c);
        }
    }

    /**
     * Shows a layer this client imported straight into the shared store (already committed there, so it is not
     * written again and does not enter the undo history: undoing would mean dropping a table colleagues may
     * already use, and redo re-reading the file). This client's own notification does not come back, so this
     * is the one place the layer is added here; a layer of that name already shown is left as it is.
     */
    public void addImported(nl.ruimteschets.model.Layer layer, int index) {
        if (project.layer(layer.name()).isPresent()) return;
        applyRemote(List.of(new nl.ruimteschets.model.change.LayerChanges.Add(layer,
                index < 0 || index > project.layers().size() ? -1 : index)));
    }

    private void writeFirst(Change change, boolean undoOrRedo) {
        try {
            // What this client knows is the whole truth about its own writes only when none is still queued.
            shared.check(change, undoOrRedo && (writer == null || writer.idle()));
            if (writer != null) writer.submit(frozen(change), undoOrRedo, change);
            else shared.write(change, undoOrRedo);
        } catch (ConflictException e) {
            applyRemote(e.newer());
            throw new Refused(e, true);
        } catch (InputException e) {
            throw new Refused(e, false);
        }
    }

    /** A change the writer thread may read while the FX thread goes on editing: a scenario is copied. */
    private static Change frozen(Change c) {
        if (c instanceof ScenarioChanges.Add a) return new ScenarioChanges.Add(ScenarioChanges.copy(a.scenario(), a.scenario().name()), a.index());
        if (c instanceof ChangeSet set) return new ChangeSet(set.descriptionKey(), set.changes().stream().map(Session::frozen).toList());
        return c;
    }

    /**
     * Closes shared storage (stops listening) after writing what is still queued (waiting at most a few
     * seconds: a change still queued then is logged as not written); nothing to do for a file.
     */
    public void close() {
        if (shared == null) return;
        if (writer != null) {
            try {
                if (!writer.drain(10_000)) {
                    System.getLogger(Session.class.getName()).log(System.Logger.Level.WARNING,
                            writer.pending() + " shared change(s) not written before closing " + shared.location());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer.close();
        }
        shared.close();
    }

    /** What the title shows: the file name, or the database location. */
    public String displayName() {
        if (shared != null) return shared.location();
        return file == null ? null : file.getFileName().toString();
    }

    public Project project() { return project; }

    /** The project file, or null when the project has not been saved yet. */
    public Path file() { return file; }

    public UndoHistory history() { return history; }

    public void perform(Change change) { history.perform(change); }

    public void undo() { history.undo(); }

    public void redo() { history.redo(); }

    /** Unsaved changes; never for a shared project, where every change is saved as it is made. */
    public boolean dirty() { return shared == null && history.revision() != savedRevision; }

    /** Call after a successful save to {@code savedTo}. */
    public void markSaved(Path savedTo) {
        markSavedAt(savedTo, history.revision());
    }

    /** A save of the state at {@code revision} finished (edits made meanwhile stay unsaved). */
    public void markSavedAt(Path savedTo, int revision) {
        file = savedTo;
        savedRevision = revision;
        changed(null);
    }

    /** The scenario on screen; falls back to the first when the current one was removed or renamed away. */
    public Optional<Scenario> scenario() {
        Optional<Scenario> s = scenario == null ? Optional.empty() : project.scenario(scenario);
        if (s.isEmpty() && !project.scenarios().isEmpty()) {
            scenario = project.scenarios().get(0).name();
            return Optional.of(project.scenarios().get(0));
        }
        return s;
    }

    public String scenarioName() { return scenario().map(Scenario::name).orElse(null); }

    public void selectScenario(String name) {
        if (project.scenario(name).isEmpty()) throw new IllegalArgumentException("no scenario " + name);
        scenario = name;
        changed(null);
    }

    /** Called after every change, undo, redo, save and scenario switch (null change for the latter two). */
    public void addListener(Consumer<Change> listener) { listeners.add(listener); }

    public void removeListener(Consumer<Change> listener) { listeners.remove(listener); }

    private void changed(Change c) {
        // A rename of the scenario on screen keeps it on screen.
        if (c instanceof nl.ruimteschets.model.change.ScenarioChanges.Rename r && r.from().equals(scenario)) scenario = r.to();
        for (Consumer<Change> l : List.copyOf(listeners)) l.accept(c);
    }
}
