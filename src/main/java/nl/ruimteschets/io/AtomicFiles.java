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

    /**
     * A fresh temp path in the target's directory (same file system, so the move can be atomic), named
     * {@code .<target>-pid<N>-<random><suffix>} so {@link #deleteLeftovers} can tell a live writer's copy
     * from one a killed process left behind.
     */
    public static Path tempBeside(Path target, String suffix) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        return Files.createTempFile(dir, "." + target.getFileName() + "-pid" + ProcessHandle.current().pid() + "-", suffix);
    }

    /**
     * Deletes the temp copies (and their SQLite journals) that a killed save, import or export left
     * beside {@code target}: those of processes that no longer run, and unnamed ones of older versions.
     * Returns how many files were deleted. Best effort.
     */
    public static int deleteLeftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + "-";
        int deleted = 0;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(prefix) || !(n.endsWith(".gpkg") || n.endsWith(".gpkg-journal"))) continue;
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("-pid(\\d+)-").matcher(n.substring(prefix.length() - 1));
                if (m.lookingAt() && isAlive(Long.parseLong(m.group(1)))) continue;
                try {
                    if (Files.deleteIfExists(p)) deleted++;
                } catch (IOException ignored) {
                    // not ours to delete (permissions): leave it
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // an unreadable folder: nothing to clean
        }
        return deleted;
    }

    private static boolean isAlive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Flushes a finished file to disk before it is moved over the original (a power cut then finds one or the other). */
    public static void force(Path file) throws IOException {
        try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        givePermissions(temp, target);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What a new file in a folder gets (0666 less the umask), found once by creating one; null until known. */
    private static volatile java.util.Set<java.nio.file.attribute.PosixFilePermission> newFilePermissions;

    /**
     * A temp file is created readable by its owner only; the file it becomes gets the permissions the file it
     * replaces had, or those of any new file (so a colleague on a shared folder can open an export), never 0600.
     */
    private static void givePermissions(Path temp, Path target) {
        var view = Files.getFileAttributeView(temp, java.nio.file.attribute.PosixFileAttributeView.class);
        if (view == null) return; // not POSIX (Windows): the file takes the folder's ACLs
        try {
            view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target) : newFilePermissions(temp.toAbsolutePath().getParent()));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // the owner can still read and write it; nothing is lost
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> newFilePermissions(Path dir) throws IOException {
        var known = newFilePermissions;
        if (known != null) return known;
        Path probe = dir.resolve(".ruimteschets-umask-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createFile(probe); // no attributes given: the umask decides, as for any program's new file
            known = Files.getPosixFilePermissions(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
        newFilePermissions = known;
        return known;
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
