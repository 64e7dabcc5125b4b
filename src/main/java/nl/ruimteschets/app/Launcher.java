package nl.ruimteschets.app;

import java.util.Set;

/**
 * Entry point of the jar. With a subcommand it runs the headless command line; otherwise (no
 * arguments, a project file, or GUI options) it opens the desktop app. A plain class, because a main
 * class that extends Application fails on the class path (STACK.md P5).
 */
public final class Launcher {
    private static final Set<String> COMMANDS =
            Set.of("import", "layers", "analyse", "analyze", "export", "sample", "--help", "-h", "--version", "-V", "help");

    private Launcher() { }

    public static void main(String[] args) {
        if (java.util.Arrays.stream(args).anyMatch(COMMANDS::contains)) {
            System.exit(Cli.run(args));
        }
        javafx.application.Application.launch(RuimteschetsApp.class, args);
    }
}
