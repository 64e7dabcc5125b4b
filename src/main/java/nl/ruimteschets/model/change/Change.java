package nl.ruimteschets.model.change;

import nl.ruimteschets.model.Project;

/**
 * One edit of a project that can apply itself and produce its exact inverse (JOSM's commands). Logic
 * returns changes; only the owner of the project (the FX thread) applies them, through
 * {@link UndoHistory}. Implementations are immutable values.
 */
public interface Change {

    /**
     * Applies the change and returns the change that undoes it.
     *
     * @throws IllegalStateException when the project is not in the state the change expects
     *         (nothing has been changed then)
     */
    Change apply(Project project);

    /** A short description for the undo menu, as a message key of the UI bundle. */
    String descriptionKey();
}
