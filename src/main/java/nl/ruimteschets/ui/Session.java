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
import nl.ruimteschets.io.ProjectStorage.ConnectionState;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.UndoHistory;

/**
 * The open project as the planner works on it: the project, the file it belongs to (none for the
 * bundled sample or a new project), the one undo history, the scenario on screen, and whether there
 * are unsaved changes. Every edit goes through {@link #perform}, so undo, the title's unsaved mark,
 * the map and the engine all follow. With shared storage (a PostGIS project) every change, undo and redo
 * is first written to the database; a refusal (a colleague's newer version, a read-only role, a lost
 * connection) comes back as {@link Refused} with the reason in words and nothing applied, and colleagues'
 * changes arrive through {@link #subscribe} without entering the undo history. No JavaFX: tested
 * headless. FX thread only.
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

    /** A change refused by the shared store; the message is in the user's language. */
    public static final class Refused extends UndoHistory.StaleStepException {
        private final boolean stale;
        private final transient nl.ruimteschets.model.UserMessage reason;

        Refused(InputException e, boolean stale) {
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
        shared.subscribe(changes -> fxThread.execute(() -> applyRemote(changes)),
                state -> fxThread.execute(() -> {
                    connection = state;
                    changed(null);
                }));
    }

    /** Applies colleagues' changes (stored state) without touching the undo history. */
    public void applyRemote(List<Change> changes) {
        for (Change c : changes) {
            c.apply(project);
            changed(c);
        }
    }

    private void writeFirst(Change change, boolean undoOrRedo) {
        try {
            shared.write(change, undoOrRedo);
        } catch (ConflictException e) {
            applyRemote(e.newer());
            throw new Refused(e, true);
        } catch (InputException e) {
            throw new Refused(e, false);
        }
    }

    /** Closes shared storage (stops listening); nothing to do for a file. */
    public void close() {
        if (shared != null) shared.close();
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
