package nl.ruimteschets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dutch and English texts must match key for key, and every key the code uses must exist. */
class MessageBundlesTest {

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages", "ui"})
    void dutchAndEnglishHaveTheSameKeys(String bundle) throws IOException {
        Set<String> nl = new TreeSet<>(load("/nl/ruimteschets/" + bundle + ".properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("/nl/ruimteschets/" + bundle + "_en.properties").stringPropertyNames());
        Set<String> onlyNl = new TreeSet<>(nl);
        onlyNl.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(nl);
        assertEquals(Set.of(), onlyNl, "keys missing in English");
        assertEquals(Set.of(), onlyEn, "keys missing in Dutch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"messages"})
    void everyMessageKeyInTheCodeExistsAndEveryKeyIsUsed(String bundle) throws IOException {
        Set<String> keys = load("/nl/ruimteschets/" + bundle + ".properties").stringPropertyNames();
        Pattern use = Pattern.compile("new UserMessage\\(\\s*\"([a-zA-Z0-9_.]+)\"");
        Set<String> used = new TreeSet<>();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                all.append(src);
                Matcher m = use.matcher(src);
                while (m.find()) used.add(m.group(1));
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(keys);
        assertEquals(Set.of(), missing, "keys used in code but not in " + bundle + ".properties");
        Set<String> unused = new TreeSet<>();
        for (String k : keys) if (!all.toString().contains("\"" + k + "\"")) unused.add(k);
        assertTrue(unused.isEmpty(), "keys never used in code: " + unused);
    }

    /** A key the UI code asks for must exist (else the window throws MissingResourceException when it gets there). */
    @org.junit.jupiter.api.Test
    void everyUiKeyTheCodeAsksForExists() throws IOException {
        Set<String> keys = load("/nl/ruimteschets/ui.properties").stringPropertyNames();
        Pattern use = Pattern.compile("\\b(getString|text|t)\\(\\s*\"([a-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)+)\"\\s*[,)]");
        Set<String> missing = new TreeSet<>();
        for (String dir : new String[] {"src/main/java/nl/ruimteschets/ui"}) {
            try (Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    Matcher m = use.matcher(Files.readString(f));
                    while (m.find()) if (!keys.contains(m.group(2))) missing.add(f.getFileName() + ": " + m.group(2));
                }
            }
        }
        assertEquals(Set.of(), missing, "ui keys used in code but missing from ui.properties");
    }

    /** Dutch and English of a key take the same placeholders, so a figure is never lost in one language. */
    @ParameterizedTest
    @ValueSource(strings = {"messages", "ui"})
    void dutchAndEnglishTakeTheSamePlaceholders(String bundle) throws IOException {
        Properties nl = load("/nl/ruimteschets/" + bundle + ".properties");
        Properties en = load("/nl/ruimteschets/" + bundle + "_en.properties");
        Pattern placeholder = Pattern.compile("\\{(\\d+)|%(\\d\\$)?[-,.\\d]*[sdf]");
        Set<String> differ = new TreeSet<>();
        for (String k : nl.stringPropertyNames()) {
            if (!en.containsKey(k)) continue;
            Set<String> a = new TreeSet<>(), b = new TreeSet<>();
            Matcher m = placeholder.matcher(nl.getProperty(k));
            while (m.find()) a.add(m.group(1) != null ? "{" + m.group(1) : "%");
            m = placeholder.matcher(en.getProperty(k));
            while (m.find()) b.add(m.group(1) != null ? "{" + m.group(1) : "%");
            if (!a.equals(b)) differ.add(k + " " + a + " / " + b);
        }
        assertEquals(Set.of(), differ, "placeholders differ between Dutch and English");
    }
}
