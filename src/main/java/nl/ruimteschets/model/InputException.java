package nl.ruimteschets.model;

import java.util.Locale;

/**
 * Bad input from the user's files: the message names the file and the problem in words a planner
 * understands. Thrown by readers before anything in the project has changed.
 */
public class InputException extends Exception {
    private final transient UserMessage userMessage;

    public InputException(UserMessage userMessage) {
        this(userMessage, null);
    }

    public InputException(UserMessage userMessage, Throwable cause) {
        super(userMessage.format(Locale.ROOT), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() { return userMessage; }

    public String getMessage(Locale locale) { return userMessage.format(locale); }
}
