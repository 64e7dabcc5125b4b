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
    /**
     * A step as the user named it (the original change's description), the change that reverses it, and the
     * change whose application made it (what a {@link Gate} saw: how a refusal found later names the step).
     */
    private record Step(String descriptionKey, Change reverse, Change madeBy) { }

    private final Project project;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final Consumer<Change> listener;
    private int revision;
    /** Sees every change before it is applied and may refuse it (a shared store writing it first). */
    private Gate gate = (change, undoOrRedo) -> { };

    /** Checks or records a change before it is applied; throws (nothing applied then) to refuse it. */
    @FunctionalInterface
    public interface Gate {
        void before(Change change, boolean undoOrRedo);
    }

    /** Thrown by a {@link Gate} when an undo/redo step can never apply (a colleague changed its object): the step is dropped. */
    public static class StaleStepException extends IllegalStateException {
        public StaleStepException(String message) {
            super(message);
        }
    }

    public UndoHistory(Project project, Consumer<Change> listener) {
        this.project = project;
        this.listener = listener;
    }

    public void setGate(Gate gate) { this.gate = gate; }

    public void perform(Change change) {
        gate.before(change, false);
        undo.push(new Step(change.descriptionKey(), change.apply(project), change));
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
        Step step = from.peek();
        try {
            gate.before(step.reverse(), true);
        } catch (StaleStepException e) {
            from.pop();
            revision++;
            listener.accept(null);
            throw e;
        }
        from.pop();
        to.push(new Step(step.descriptionKey(), step.reverse().apply(project), step.reverse()));
        revision++;
        listener.accept(step.reverse());
    }

    /**
     * Drops the step that applying {@code madeBy} (the very change a {@link Gate} was given) put on the undo or
     * redo stack, when that change turns out never to have been accepted (a shared store refused it after it
     * was applied): undoing or redoing it could only be refused again. Other steps stay. False when no step
     * holds it any more (already undone, redone or dropped).
     */
    public boolean drop(Change madeBy) {
        boolean dropped = undo.removeIf(s -> s.madeBy() == madeBy) | redo.removeIf(s -> s.madeBy() == madeBy);
        if (dropped) {
            revision++;
            listener.accept(null);
        }
        return dropped;
    }

    /** Changes with every perform, undo and redo; compare with a saved value for "unsaved changes". */
    public int revision() { return revision; }

    public String undoDescriptionKey() { return undo.isEmpty() ? null : undo.peek().descriptionKey(); }

    public String redoDescriptionKey() { return redo.isEmpty() ? null : redo.peek().descriptionKey(); }
}
