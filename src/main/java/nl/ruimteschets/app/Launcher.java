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
        Set<String> commands = commands();
        if (java.util.Arrays.stream(args).anyMatch(commands::contains)) {
            System.exit(Cli.run(args));
        }
        javafx.application.Application.launch(RuimteschetsApp.class, args);
    }
}
