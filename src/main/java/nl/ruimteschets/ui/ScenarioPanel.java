package nl.ruimteschets.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.ScenarioChanges;

/**
 * The project's scenarios under the layers: the list (choosing one shows it) and the buttons to add,
 * duplicate, rename and delete one, each an undoable change.
 *
 * <p>FX thread only.
 */
final class ScenarioPanel extends VBox {
    private final MainWindow window;
    private final ListView<String> list = new ListView<>();

    ScenarioPanel(MainWindow window) {
        super(4);
        this.window = window;
        Label title = new Label(window.text("scenarios.title"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        list.setId("scenarioList");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            Session session = window.session();
            if (b != null && !b.equals(session.scenarioName())) {
                window.map().setSelected(null);
                session.selectScenario(b);
            }
        });
        Button add = new Button(window.text("scenarios.new"));
        add.setId("scenarioNew");
        add.setOnAction(e -> window.askName("scenarios.new", "").ifPresent(n ->
                window.perform(new ScenarioChanges.Add(new Scenario(n, ""), -1), () -> window.session().selectScenario(n))));
        Button dup = new Button(window.text("scenarios.duplicate"));
        dup.setId("scenarioDuplicate");
        dup.setOnAction(e -> window.session().scenario().ifPresent(s -> window.askName("scenarios.duplicate", s.name() + " (2)")
                .ifPresent(n -> window.perform(new ScenarioChanges.Add(ScenarioChanges.copy(s, n), -1),
                        () -> window.session().selectScenario(n)))));
        Button ren = new Button(window.text("scenarios.rename"));
        ren.setOnAction(e -> window.session().scenario().ifPresent(s -> window.askName("scenarios.rename", s.name()).ifPresent(n ->
                window.perform(new ScenarioChanges.Rename(s.name(), n), null))));
        Button del = new Button(window.text("scenarios.delete"));
        del.setOnAction(e -> window.session().scenario().ifPresent(s -> {
            if (window.session().project().scenarios().size() > 1) window.perform(new ScenarioChanges.Remove(s.name()), null);
        }));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(4, 4, add, dup, ren, del);
        getChildren().addAll(title, list, buttons);
        VBox.setVgrow(list, Priority.ALWAYS);
        setPadding(new Insets(6));
    }

    /** Shows the session's scenarios with the current one selected. */
    void show() {
        Session session = window.session();
        List<String> names = session.project().scenarios().stream().map(Scenario::name).toList();
        if (!list.getItems().equals(names)) list.getItems().setAll(names);
        list.getSelectionModel().select(session.scenarioName());
    }
}
