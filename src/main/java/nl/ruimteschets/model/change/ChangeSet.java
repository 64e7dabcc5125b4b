package nl.ruimteschets.model.change;

import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.Project;

/**
 * Several changes as one undo step. Applies them in order and undoes in reverse; when one fails
 * halfway, the ones already applied are rolled back before the failure is passed on, so the project
 * is never left half-changed.
 */
public record ChangeSet(String descriptionKey, List<Change> changes) implements Change {
    public ChangeSet {
        changes = List.copyOf(changes);
    }

    @Override
    public Change apply(Project project) {
        List<Change> inverses = new ArrayList<>();
        try {
            for (Change c : changes) inverses.add(0, c.apply(project));
        } catch (RuntimeException e) {
            for (Change inverse : inverses) inverse.apply(project);
            throw e;
        }
        return new ChangeSet(descriptionKey, inverses);
    }
}
