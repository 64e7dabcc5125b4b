package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Temp-file-then-move, so a failed write (full disk, crash, cancel) never leaves a half-written file
 * under the target name. Stateless; thread-safe.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** A fresh temp path in the target's directory (same file system, so the move can be atomic). */
    public static Path tempBeside(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        return Files.createTempFile(dir, "." + target.getFileName() + "-", suffix);
    }

    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(Path.of(p + "-journal")); // SQLite's rollback journal, if a crash left one
        } catch (IOException ignored) {
            // best effort: the temp file is hidden and named after the target
        }
    }
}
