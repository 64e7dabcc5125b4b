package nl.ruimteschets.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.UndoHistory;

/**
 * The open project as the planner works on it: the project, the file it belongs to (none for the
 * bundled sample or a new project), the one undo history, the scenario on screen, and whether there
 * are unsaved changes. Every edit goes through {@link #perform}, so undo, the title's unsaved mark,
 * the map and the engine all follow. No JavaFX: tested headless. FX thread only.
 */
public final class Session {
    private final Project project;
    private Path file;
    private final UndoHistory history;
    private int savedRevision;
    private String scenario;
    private final List<Consumer<Change>> listeners = new ArrayList<>();

    public Session(Project project, Path file) {
        this.project = project;
        this.file = file;
        this.history = new UndoHistory(project, this::changed);
        this.scenario = project.scenarios().isEmpty() ? null : project.scenarios().get(0).name();
    }

    public Project project() { return project; }

    /** The project file, or null when the project has not been saved yet. */
    public Path file() { return file; }

    public UndoHistory history() { return history; }

    public void perform(Change change) { history.perform(change); }

    public void undo() { history.undo(); }

    public void redo() { history.redo(); }

    public boolean dirty() { return history.revision() != savedRevision; }

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
