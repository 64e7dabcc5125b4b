package nl.ruimteschets.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.model.Project;

/**
 * The autosave: unsaved work is written every minute to a recovery GeoPackage in the user's
 * Ruimteschets folder ({@code ~/.ruimteschets}, or {@code -Druimteschets.home}), with the path of the
 * project it belongs to beside it. A clean exit or a save removes it; after a crash the app offers it.
 */
public final class Recovery {
    private Recovery() { }

    static Path dir() {
        return Path.of(System.getProperty("ruimteschets.home", System.getProperty("user.home") + "/.ruimteschets"));
    }

    static Path file() { return dir().resolve("herstel.gpkg"); }

    private static Path origin() { return dir().resolve("herstel.txt"); }

    static synchronized void write(Project copy, Path original) {
        try {
            Files.createDirectories(dir());
            ProjectStore.save(copy, file());
            Files.writeString(origin(), original == null ? "" : original.toAbsolutePath().toString(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Autosave is a safety net: a failure must not disturb the planner; the next minute tries again.
            System.getLogger(Recovery.class.getName()).log(System.Logger.Level.WARNING, "autosave failed: " + e.getMessage());
        }
    }

    static synchronized void clear() {
        try {
            Files.deleteIfExists(file());
            Files.deleteIfExists(origin());
        } catch (IOException e) {
            System.getLogger(Recovery.class.getName()).log(System.Logger.Level.WARNING, "cannot remove recovery file: " + e.getMessage());
        }
    }

    /** A recovery file left by a session that did not end cleanly, if any. */
    public static Optional<Path> pending() {
        return Files.exists(file()) ? Optional.of(file()) : Optional.empty();
    }

    /** The project file the recovered work belongs to, or null when it was never saved. */
    public static Path originalOf() {
        try {
            String s = Files.exists(origin()) ? Files.readString(origin(), StandardCharsets.UTF_8).trim() : "";
            return s.isEmpty() ? null : Path.of(s);
        } catch (IOException e) {
            return null;
        }
    }

    /** Opens the recovered project as unsaved work belonging to its original file. */
    public static Session recover() throws nl.ruimteschets.model.InputException {
        Project p = ProjectStore.open(file());
        Session s = new Session(p, originalOf());
        s.markSavedAt(originalOf(), -1); // never equal to a real revision: the title shows unsaved work
        return s;
    }
}
