package nl.ruimteschets.io;

import java.util.List;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import nl.ruimteschets.model.change.Change;

/**
 * A change a shared store refused for a reason other than a colleague's version (a rule of the database such
 * as a CHECK constraint, a missing permission, a value out of range): nothing of it was written. Carries the
 * changes that bring this client's model back to what is stored, so the screen and the database agree again.
 * Immutable.
 */
public final class WriteRefusedException extends InputException {
    private final transient List<Change> stored;

    public WriteRefusedException(UserMessage message, List<Change> stored, Throwable cause) {
        super(message, cause);
        this.stored = List.copyOf(stored);
    }

    /** Apply these (without undo) to show what the store holds. */
    public List<Change> stored() { return stored; }
}
