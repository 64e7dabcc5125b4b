package nl.ruimteschets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * Extracts the shapefile parts of a .zip into a fresh temporary directory.
 *
 * <p>Refuses the whole archive (InputException {@code shp.zip.unsafe}) when any entry name is absolute
 * or climbs out with {@code ..}: such "zip slip" entries could overwrite files elsewhere. Only the
 * shapefile sidecars (.shp .shx .dbf .prj .cpg) are written; macOS resource forks are skipped because
 * their {@code ._name.shp} would look like a second shapefile. Stateless and thread-safe.
 */
final class ShapefileZip {
    private static final List<String> PARTS = List.of(".shp", ".shx", ".dbf", ".prj", ".cpg");

    /** The extracted directory and the .shp files found in it, sorted by relative path. */
    record Extracted(Path dir, List<Path> shapefiles) { }

    private ShapefileZip() { }

    static Extracted extract(Path zip) throws InputException {
        String zipName = zip.getFileName().toString();
        Path dir;
        try {
            dir = Files.createTempDirectory("ruimteschets-shp");
        } catch (IOException e) {
            throw new InputException(new UserMessage("shp.read.failed", zipName, e.getMessage()), e);
        }
        try {
            extractInto(zip, zipName, dir);
            List<Path> shps;
            try (Stream<Path> s = Files.walk(dir)) {
                shps = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp"))
                        .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                        .collect(Collectors.toList());
            }
            if (shps.isEmpty()) throw new InputException(new UserMessage("shp.zip.noshp", zipName));
            return new Extracted(dir, shps);
        } catch (InputException e) {
            deleteTree(dir);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw new InputException(new UserMessage("shp.read.failed", zipName, String.valueOf(e.getMessage())), e);
        }
    }

    private static void extractInto(Path zip, String zipName, Path dir) throws IOException, InputException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                String name = e.getName().replace('\\', '/');
                if (isUnsafe(name)) throw new InputException(new UserMessage("shp.zip.unsafe", zipName, e.getName()));
                if (e.isDirectory() || !isShapefilePart(name)) continue;
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) throw new InputException(new UserMessage("shp.zip.unsafe", zipName, e.getName()));
                Files.createDirectories(target.getParent());
                Files.copy(z, target);
            }
        }
    }

    /** Absolute, drive-lettered or containing a ".." segment. */
    static boolean isUnsafe(String name) {
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) return true;
        for (String seg : name.split("/")) {
            if (seg.equals("..")) return true;
        }
        return false;
    }

    private static boolean isShapefilePart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String file = lower.substring(lower.lastIndexOf('/') + 1);
        if (lower.startsWith("__macosx/") || file.startsWith("._")) return false;
        return PARTS.stream().anyMatch(lower::endsWith);
    }

    /** Best effort: a leftover temp file must not turn a finished read into an error. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // the OS temp cleaner will get it
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
