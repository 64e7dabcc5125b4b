package nl.ruimteschets.app;

import nl.ruimteschets.model.UserMessage;

/**
 * Entry point of the jar. With no arguments, or only a project file and the app's options, it opens the
 * desktop app (or says in one line that there is no display); anything else goes to the headless
 * command line, which runs a subcommand or reports a usage error. A plain class, because a main
 * class that extends Application fails on the class path (STACK.md P5).
 */
public final class Launcher {
    private Launcher() { }

    public static void main(String[] args) {
        // Anything but the app's own arguments is the command line's: a subcommand, or a usage error
        // (exit 2) for an unknown word such as "ruimteschets foo", never a window.
        if (!onlyAppArguments(args)) System.exit(Cli.run(args));
        RuimteschetsApp.Options options = RuimteschetsApp.Options.parse(java.util.List.of(args));
        String noDisplay = noDisplay(System.getProperty("os.name", ""), System.getenv("DISPLAY"), System.getenv("WAYLAND_DISPLAY"));
        if (noDisplay != null) exitWithoutWindow(options, new UserMessage("app.noDisplay", noDisplay));
        // Without a project file the sample opens: build it while JavaFX starts.
        if (options.file() == null && options.database() == null) RuimteschetsApp.prepareSample();
        try {
            javafx.application.Application.launch(RuimteschetsApp.class, args);
        } catch (UnsupportedOperationException e) { // "Unable to open DISPLAY": a display that is set but not there
            exitWithoutWindow(options, new UserMessage("app.noDisplay", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) { // anything else the start-up could not get past: one line, no trace
            exitWithoutWindow(options, Cli.failure(e.getCause() != null ? e.getCause() : e));
        }
    }

    /** Why no window can open here (Linux/BSD without DISPLAY or WAYLAND_DISPLAY), or null. */
    static String noDisplay(String osName, String display, String waylandDisplay) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return null;
        boolean none = (display == null || display.isBlank()) && (waylandDisplay == null || waylandDisplay.isBlank());
        return none ? "DISPLAY" : null;
    }

    /** One line in the user's language, no stack trace, exit 1. */
    private static void exitWithoutWindow(RuimteschetsApp.Options options, UserMessage why) {
        System.err.println(Cli.oneLine(why.format(AppLocale.resolve(options.lang()))));
        System.exit(1);
    }

    /** No arguments, or only a project file and the app's options: certainly not a subcommand. */
    static boolean onlyAppArguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang") && i + 1 < args.length) i++;
            else if (!a.equals("--exit-after-shown") && !a.toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")
                    && !nl.ruimteschets.io.ProjectStorage.isDatabase(a)) return false; // a PostGIS project's URL opens the app too
        }
        return true;
    }
}
