package nl.ruimteschets.model.change;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import nl.ruimteschets.model.Project;

/**
 * The one undo/redo history of an open project. {@link #perform} applies a change and records its
 * inverse; a new change clears the redo stack. Listeners hear about every applied change, so the
 * view, the engine and the "unsaved changes" mark follow. Owned by the FX thread; not thread-safe.
 */
public final class UndoHistory {
    /** A step as the user named it (the original change's description) and the change that reverses it. */
    private record Step(String descriptionKey, Change reverse) { }

    private final Project project;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final Consumer<Change> listener;
    private int revision;

    public UndoHistory(Project project, Consumer<Change> listener) {
        this.project = project;
        this.listener = listener;
    }

    public void perform(Change change) {
        undo.push(new Step(change.descriptionKey(), change.apply(project)));
        redo.clear();
        revision++;
        listener.accept(change);
    }

    public boolean canUndo() { return !undo.isEmpty(); }

    public boolean canRedo() { return !redo.isEmpty(); }

    public void undo() {
        move(undo, redo);
    }

    public void redo() {
        move(redo, undo);
    }

    private void move(Deque<Step> from, Deque<Step> to) {
        if (from.isEmpty()) return;
        Step step = from.pop();
        to.push(new Step(step.descriptionKey(), step.reverse().apply(project)));
        revision++;
        listener.accept(step.reverse());
    }

    /** Changes with every perform, undo and redo; compare with a saved value for "unsaved changes". */
    public int revision() { return revision; }

    public String undoDescriptionKey() { return undo.isEmpty() ? null : undo.peek().descriptionKey(); }

    public String redoDescriptionKey() { return redo.isEmpty() ? null : redo.peek().descriptionKey(); }
}
