package nl.ruimteschets.io;

import java.util.List;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import nl.ruimteschets.model.change.Change;

/**
 * A change that could not be written because a colleague changed or removed the same thing first. Carries
 * the changes that bring this client's model to the newer state, so the planner sees what won.
 */
public final class ConflictException extends InputException {
    private final transient List<Change> newer;

    public ConflictException(UserMessage message, List<Change> newer) {
        super(message);
        this.newer = List.copyOf(newer);
    }

    /** Apply these (without undo) to show the colleague's version. */
    public List<Change> newer() { return newer; }
}
