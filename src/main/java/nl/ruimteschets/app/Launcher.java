package nl.ruimteschets.app;

import java.util.Set;

/**
 * Entry point of the jar. With a subcommand it runs the headless command line; otherwise (no
 * arguments, a project file, or GUI options) it opens the desktop app. A plain class, because a main
 * class that extends Application fails on the class path (STACK.md P5).
 */
public final class Launcher {
    /** The command line's subcommands (with aliases) and its help/version options. */
    private static Set<String> commands() {
        Set<String> s = new java.util.HashSet<>(new picocli.CommandLine(new Cli()).getSubcommands().keySet());
        s.addAll(Set.of("--help", "-h", "--version", "-V", "help"));
        return s;
    }

    private Launcher() { }

    public static void main(String[] args) {
        // Asking picocli costs ~150 ms of start-up: not needed for the app's own arguments.
        if (!onlyAppArguments(args)) {
            Set<String> commands = commands();
            if (java.util.Arrays.stream(args).anyMatch(commands::contains)) {
                System.exit(Cli.run(args));
            }
        }
        // Without a project file the sample opens: build it while JavaFX starts.
        if (RuimteschetsApp.Options.parse(java.util.List.of(args)).file() == null) RuimteschetsApp.prepareSample();
        javafx.application.Application.launch(RuimteschetsApp.class, args);
    }

    /** No arguments, or only a project file and the app's options: certainly not a subcommand. */
    static boolean onlyAppArguments(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang") && i + 1 < args.length) i++;
            else if (!a.equals("--exit-after-shown") && !a.toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) return false;
        }
        return true;
    }
}
