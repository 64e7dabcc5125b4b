package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * All user-visible text comes from the bundles: a text written into the code is in one language, so it
 * shows up in the window of the other. The window is opened in English and in Dutch with a candidate
 * selected, every text on screen (labels, chart, menus, tooltips) is collected, the project's own data
 * (layer, scenario, candidate and cluster names) is taken out, and no word may remain that only the
 * other language's bundle uses. A source scan also refuses literal texts in the usual UI calls.
 */
@ExtendWith(ApplicationExtension.class)
class UiLanguageTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theEnglishWindowShowsNoDutchAndTheDutchWindowNoEnglish(FxRobot robot) throws Exception {
        Set<String> nlWords = words(load("/nl/ruimteschets/ui.properties").values());
        Set<String> enWords = words(load("/nl/ruimteschets/ui_en.properties").values());
        Set<String> onlyDutch = new TreeSet<>(nlWords);
        onlyDutch.removeAll(enWords);
        Set<String> onlyEnglish = new TreeSet<>(enWords);
        onlyEnglish.removeAll(nlWords);
        assertEquals(Set.of(), foreignWords(robot, "en", onlyDutch), "Dutch words in the English window");
        assertEquals(Set.of(), foreignWords(robot, "nl", onlyEnglish), "English words in the Dutch window");
    }

    private Set<String> foreignWords(FxRobot robot, String language, Set<String> foreign) throws Exception {
        Project project = SampleProject.build();
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(Locale.forLanguageTag(language));
            w[0].show(stage, new Session(project, null));
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> w[0].lastResult() != null && !w[0].computing());
        Candidate first = project.scenarios().get(0).candidates().get(0);
        robot.interact(() -> w[0].select(first.id()));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            collect(stage.getScene().getRoot(), texts);
            stage.setTitle(w[0].title());
            texts.add(stage.getTitle());
        });
        List<String> data = new ArrayList<>();
        for (Layer l : project.layers()) {
            data.add(l.name());
            data.add(l.source());
        }
        for (Scenario s : project.scenarios()) {
            data.add(s.name());
            for (Candidate c : s.candidates()) {
                data.add(c.name());
                data.add(c.parentCluster());
                data.add(c.profileName());
                data.add(c.notes());
            }
        }
        data.addAll(project.clusters().keySet());
        data.addAll(project.profiles().keySet());
        data.removeIf(d -> d == null || d.isBlank());
        data.sort((a, b) -> b.length() - a.length()); // longest first, so a name inside another goes whole
        Set<String> found = new TreeSet<>();
        for (String t : texts) {
            String rest = t;
            for (String d : data) rest = rest.replace(d, " ");
            for (String word : words(List.of(rest))) if (foreign.contains(word)) found.add(word + " ← \"" + t + "\"");
        }
        robot.interact(() -> w[0].shutdown(false));
        return found;
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Labeled l && l.getText() != null) out.add(l.getText());
        if (n instanceof Text t && t.getText() != null) out.add(t.getText());
        Object tip = n.getProperties().get("javafx.scene.control.Tooltip");
        if (tip instanceof Tooltip t) out.add(t.getText());
        if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null) out.add(c.getTooltip().getText());
        if (n instanceof MenuBar bar) for (Menu m : bar.getMenus()) collect(m, out);
        if (n instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) collect(child, out);
    }

    private static void collect(MenuItem item, List<String> out) {
        if (item.getText() != null) out.add(item.getText());
        if (item instanceof Menu m) for (MenuItem child : m.getItems()) collect(child, out);
    }

    private static java.util.Properties load(String resource) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = UiLanguageTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Lower-case words of two or more letters, placeholders and format codes left out. */
    static Set<String> words(java.util.Collection<?> texts) {
        Set<String> out = new TreeSet<>();
        Pattern word = Pattern.compile("\\p{L}{2,}");
        for (Object o : texts) {
            String s = o.toString().replaceAll("\\{[^}]*}", " ").replaceAll("%(\\d\\$)?[-,.\\d]*[sdf%n]", " ");
            Matcher m = word.matcher(s);
            while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Literal texts in the calls that put text on screen; only symbols and names that need no translation. */
    @Test
    void noLiteralTextInTheUiCode() throws IOException {
        Pattern call = Pattern.compile("(setText|new Label|new Button|new ToggleButton|new CheckBox|new Tooltip|setTitle|"
                + "setHeaderText|setContentText|setPromptText|new MenuItem|new Menu|new CheckMenuItem|new RadioMenuItem|"
                + "new Tab|new TableColumn(<[^>]*>)?|setLabel)\\(\\s*\"([^\"]*)\"");
        Set<String> allowed = Set.of("", "↶", "↷", "×", "EPSG:28992 (RD New)");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/nl/ruimteschets/ui"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) if (!allowed.contains(m.group(3))) found.add(f.getFileName() + ": " + m.group());
            }
        }
        assertEquals(Set.of(), found, "text on screen must come from the ui bundle");
    }
}
