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

    /** At most this many entries in a zip; a shapefile needs five. */
    static final int MAX_ENTRIES = 10_000;
    /** Total bytes extracted from one zip; property {@code ruimteschets.zip.maxBytes} overrides (tests). */
    static long maxBytes() {
        return Long.getLong("ruimteschets.zip.maxBytes", 4L << 30);
    }
    /** An entry that expands more than this many times its compressed size is a zip bomb, not a shapefile. */
    static final long MAX_RATIO = 1_000;

    /** The shapefiles in a zip, as paths without ".shp" (macOS resource forks left out), sorted. Nothing is extracted. */
    static List<String> list(Path zip) throws InputException {
        String zipName = zip.getFileName().toString();
        List<String> out = new java.util.ArrayList<>();
        int entries = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (++entries > MAX_ENTRIES) throw new InputException(new UserMessage("shp.zip.entries", zipName, MAX_ENTRIES));
                String name = e.getName().replace('\\', '/');
                if (isUnsafe(name)) throw new InputException(new UserMessage("shp.zip.unsafe", zipName, e.getName()));
                if (!e.isDirectory() && isShapefilePart(name) && name.toLowerCase(Locale.ROOT).endsWith(".shp")) {
                    out.add(name.substring(0, name.length() - 4));
                }
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new InputException(new UserMessage("shp.zip.corrupt", zipName), e);
        }
        if (out.isEmpty()) throw new InputException(new UserMessage("shp.zip.noshp", zipName));
        out.sort(null);
        return out;
    }

    /** The member to read: the one asked for (with or without .shp, or by its base name), or the only one. */
    static String choose(String zipName, List<String> members, String asked) throws InputException {
        if (asked == null || asked.isBlank()) {
            if (members.size() == 1) return members.get(0);
            throw new InputException(new UserMessage("shp.zip.multiple.choose", zipName, String.join(", ", members)));
        }
        String a = asked.replace('\\', '/');
        if (a.toLowerCase(Locale.ROOT).endsWith(".shp")) a = a.substring(0, a.length() - 4);
        for (String m : members) {
            if (m.equals(a) || m.substring(m.lastIndexOf('/') + 1).equals(a)) return m;
        }
        throw new InputException(new UserMessage("shp.zip.member.missing", zipName, asked, String.join(", ", members)));
    }

    /** Extracts only the parts of shapefile {@code member} (a path without ".shp", from {@link #list}). */
    static Extracted extract(Path zip, String member) throws InputException {
        return extractParts(zip, member == null ? null : member.toLowerCase(Locale.ROOT) + ".");
    }

    static Extracted extract(Path zip) throws InputException {
        return extractParts(zip, null);
    }

    private static Extracted extractParts(Path zip, String prefix) throws InputException {
        String zipName = zip.getFileName().toString();
        Path dir;
        try {
            dir = Files.createTempDirectory("ruimteschets-shp");
        } catch (IOException e) {
            throw new InputException(new UserMessage("shp.read.failed", zipName, e.getMessage()), e);
        }
        try {
            extractInto(zip, zipName, dir, prefix);
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
            if (GeoPackageLayers.isDiskFull(e)) throw new InputException(new UserMessage("shp.zip.diskfull", zipName), e);
            throw new InputException(new UserMessage("shp.zip.corrupt", zipName), e);
        }
    }

    private static void extractInto(Path zip, String zipName, Path dir, String prefix) throws IOException, InputException {
        long total = 0;
        int entries = 0;
        long zipSize = Math.max(1, Files.size(zip));
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (++entries > MAX_ENTRIES) throw new InputException(new UserMessage("shp.zip.entries", zipName, MAX_ENTRIES));
                String name = e.getName().replace('\\', '/');
                if (isUnsafe(name)) throw new InputException(new UserMessage("shp.zip.unsafe", zipName, e.getName()));
                if (e.isDirectory() || !isShapefilePart(name)) continue;
                if (prefix != null && !name.toLowerCase(Locale.ROOT).startsWith(prefix)) continue;
                if (prefix != null && name.length() - prefix.length() != 3) continue; // a.shp, not a.b.shp
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) throw new InputException(new UserMessage("shp.zip.unsafe", zipName, e.getName()));
                Files.createDirectories(target.getParent());
                total = copyCapped(z, target, total, zipSize, zipName);
            }
        }
    }

    /**
     * Copies one entry, refusing once the whole zip expands beyond {@link #maxBytes()} or beyond
     * {@link #MAX_RATIO} times the zip's size (a zip bomb): checked while copying, since an entry's
     * declared size may lie.
     */
    private static long copyCapped(InputStream in, Path target, long total, long zipSize, String zipName)
            throws IOException, InputException {
        long max = Math.min(maxBytes(), Math.max(64L << 20, zipSize * MAX_RATIO));
        byte[] buf = new byte[64 * 1024];
        try (java.io.OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new InputException(new UserMessage("shp.zip.toolarge", zipName, max >> 20));
                }
                out.write(buf, 0, n);
            }
        }
        return total;
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
