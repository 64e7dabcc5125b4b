package nl.ruimteschets.model;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A message for the user, kept as a key into {@code nl/ruimteschets/messages} plus arguments, so the
 * engine can report problems without choosing a language; the CLI and the UI format it in theirs.
 */
public record UserMessage(String key, Object... args) {

    public static final String BUNDLE = "nl.ruimteschets.messages";

    public String format(Locale locale) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key + Arrays.toString(args);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    @Override
    public String toString() {
        return format(Locale.ROOT);
    }
}
