package nl.ruimteschets.app;

import java.util.Locale;

/**
 * Chooses the interface language: Dutch unless the user asks for English, through the setting
 * ({@code -Druimteschets.lang=en}, {@code RUIMTESCHETS_LANG=en} or the CLI's {@code --lang en}) or
 * through an English system locale (LANG=en_*). A bare C/POSIX locale is not a choice and keeps Dutch.
 */
public final class AppLocale {
    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private AppLocale() { }

    public static Locale resolve(String explicit) {
        String setting = explicit != null ? explicit
                : System.getProperty("ruimteschets.lang", System.getenv("RUIMTESCHETS_LANG"));
        if (setting != null && !setting.isBlank()) return of(setting);
        String lang = System.getenv("LANG");
        return lang != null && lang.startsWith("en") ? Locale.ENGLISH : DUTCH;
    }

    public static Locale of(String tag) {
        return tag.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : DUTCH;
    }
}
