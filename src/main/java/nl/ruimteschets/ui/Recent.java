package nl.ruimteschets.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The recently opened or saved project files, newest first, kept in the user's preferences. */
final class Recent {
    private static final int MAX = 8;
    private static final String KEY = "recentProjects";

    private Recent() { }

    static List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (String s : prefs().get(KEY, "").split("\n")) {
            if (!s.isBlank() && Files.exists(Path.of(s))) out.add(Path.of(s));
        }
        return out;
    }

    static void add(Path file) {
        List<Path> l = list();
        Path abs = file.toAbsolutePath();
        l.remove(abs);
        l.add(0, abs);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX, l.size()); i++) sb.append(l.get(i)).append('\n');
        prefs().put(KEY, sb.toString());
    }

    private static Preferences prefs() {
        return Preferences.userNodeForPackage(Recent.class);
    }
}
