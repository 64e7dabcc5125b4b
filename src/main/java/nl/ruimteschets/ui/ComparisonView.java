package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.render.Viewport;
import nl.ruimteschets.report.Report;

/**
 * Scenarios side by side: two to four maps that pan and zoom together, a table of the scenario
 * totals with their differences against the first (Δ ha, Δ dwellings/objects, Δ mol N), and a swipe
 * view that reveals one scenario over another with a slider. Figures are computed off the FX thread.
 * FX thread only.
 */
final class ComparisonView {
    private final ResourceBundle text;
    private final Locale locale;
    private final Project project;
    private final String projectName;
    private final List<CheckBox> picks = new ArrayList<>();
    private final GridPane maps = new GridPane();
    private final List<MapCanvas> mapList = new ArrayList<>();
    private final TableView<List<String>> table = new TableView<>();
    private final Label status = new Label();
    private final StackPane swipe = new StackPane();
    private final Slider swipeSlider = new Slider(0, 1, 0.5);
    private final ChoiceBox<String> swipeA = new ChoiceBox<>(), swipeB = new ChoiceBox<>();
    private MapCanvas swipeTop, swipeBottom;
    /** The swipe edge, drawn over both maps so the room sees where one scenario ends. */
    private final javafx.scene.shape.Line divider = new javafx.scene.shape.Line();
    private final javafx.scene.layout.Pane dividerPane = new javafx.scene.layout.Pane(divider);
    private boolean syncing;
    private Viewport start;
    private Stage stage;

    private ComparisonView(ResourceBundle text, Locale locale, Project project, String projectName, Viewport start) {
        this.text = text;
        this.locale = locale;
        this.project = project;
        this.projectName = projectName;
        this.start = start;
    }

    /** Opens the comparison window with the first two to four scenarios ticked. */
    static ComparisonView show(Window owner, ResourceBundle text, Locale locale, Project project, String projectName, Viewport view) {
        ComparisonView v = new ComparisonView(text, locale, project, projectName, view);
        v.open(owner);
        return v;
    }

    private void open(Window owner) {
        HBox top = new HBox(10, new Label(text.getString("compare.pick")));
        top.setPadding(new Insets(8));
        int i = 0;
        for (Scenario s : project.scenarios()) {
            CheckBox box = new CheckBox(s.name());
            box.setSelected(i++ < 4);
            box.selectedProperty().addListener((o, a, b) -> rebuild());
            picks.add(box);
            top.getChildren().add(box);
        }
        maps.setId("compareMaps");
        maps.setHgap(4);
        maps.setVgap(4);
        table.setId("compareTable");
        table.setPrefHeight(170);
        VBox side = new VBox(6, maps, table, status);
        VBox.setVgrow(maps, Priority.ALWAYS);
        side.setPadding(new Insets(4));

        swipe.setId("compareSwipe");
        swipeSlider.setId("swipeSlider");
        List<String> names = project.scenarios().stream().map(Scenario::name).toList();
        swipeA.getItems().setAll(names);
        swipeB.getItems().setAll(names);
        swipeA.setValue(names.get(0));
        swipeB.setValue(names.size() > 1 ? names.get(1) : names.get(0));
        swipeA.valueProperty().addListener((o, a, b) -> buildSwipe());
        swipeB.valueProperty().addListener((o, a, b) -> buildSwipe());
        swipeSlider.valueProperty().addListener((o, a, b) -> clipSwipe());
        HBox swipeBar = new HBox(10, new Label(text.getString("compare.swipe.left")), swipeA, swipeSlider,
                new Label(text.getString("compare.swipe.right")), swipeB);
        HBox.setHgrow(swipeSlider, Priority.ALWAYS);
        swipeBar.setPadding(new Insets(6));
        BorderPane swipePane = new BorderPane(swipe, swipeBar, null, null, null);

        TabPane tabs = new TabPane(new Tab(text.getString("compare.sideBySide"), side), new Tab(text.getString("compare.swipe"), swipePane));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        BorderPane root = new BorderPane(tabs, top, null, null, null);
        root.setId("comparison");
        stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(text.getString("compare.title") + " — " + projectName);
        stage.setScene(new Scene(root, 1200, 800));
        // Esc closes the comparison, as it leaves presentation mode.
        stage.getScene().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.show();
        rebuild();
        buildSwipe();
    }

    Stage stage() { return stage; }

    List<MapCanvas> maps() { return List.copyOf(mapList); }

    TableView<List<String>> table() { return table; }

    MapCanvas swipeTop() { return swipeTop; }

    Slider swipeSlider() { return swipeSlider; }

    private List<Scenario> chosen() {
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) if (picks.get(i).isSelected()) out.add(project.scenarios().get(i));
        return out.size() > 4 ? out.subList(0, 4) : out;
    }

    private void rebuild() {
        List<Scenario> scenarios = chosen();
        maps.getChildren().clear();
        mapList.clear();
        if (scenarios.size() < 2) {
            status.setText(text.getString("compare.needTwo"));
            table.getItems().clear();
            return;
        }
        int cols = 2;
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            MapCanvas m = new MapCanvas();
            m.showLayersOf(project);
            m.setCandidates(s.candidates());
            m.setId("compareMap" + (i + 1));
            m.onViewport(v -> sync(m, v));
            Label title = new Label(s.name());
            title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
            BorderPane cell = new BorderPane(m, title, null, null, null);
            GridPane.setHgrow(cell, Priority.ALWAYS);
            GridPane.setVgrow(cell, Priority.ALWAYS);
            maps.add(cell, i % cols, i / cols);
            mapList.add(m);
        }
        Platform.runLater(() -> {
            for (MapCanvas m : mapList) if (start != null) m.setViewport(start.resize(m.getWidth(), m.getHeight()));
        });
        computeTable(scenarios);
    }

    /** Pan or zoom in one map moves all the others to the same view. */
    private void sync(MapCanvas source, Viewport v) {
        if (syncing) return;
        syncing = true;
        try {
            start = v;
            for (MapCanvas m : mapList) if (m != source) m.setViewport(v.resize(m.getWidth(), m.getHeight()));
            for (MapCanvas m : new MapCanvas[] {swipeTop, swipeBottom}) {
                if (m != null && m != source) m.setViewport(v.resize(m.getWidth(), m.getHeight()));
            }
        } finally {
            syncing = false;
        }
    }

    private void computeTable(List<Scenario> scenarios) {
        status.setText(text.getString("engine.computing"));
        Thread t = new Thread(() -> {
            Report r = Report.of(project, projectName, scenarios, locale);
            List<String> header = r.comparisonHeader();
            List<List<String>> rows = r.comparisonRows();
            Platform.runLater(() -> {
                table.getColumns().clear();
                for (int c = 0; c < header.size(); c++) {
                    int col = c;
                    TableColumn<List<String>, String> tc = new TableColumn<>(header.get(c));
                    tc.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(col)));
                    tc.setPrefWidth(col == 0 ? 300 : 150);
                    table.getColumns().add(tc);
                }
                table.getItems().setAll(rows);
                status.setText(text.getString("compare.deltaNote"));
            });
        }, "ruimteschets-compare");
        t.setDaemon(true);
        t.start();
    }

    private void buildSwipe() {
        Scenario a = project.scenario(swipeA.getValue()).orElse(null);
        Scenario b = project.scenario(swipeB.getValue()).orElse(null);
        if (a == null || b == null) return;
        swipeBottom = new MapCanvas();
        swipeTop = new MapCanvas();
        swipeBottom.showLayersOf(project);
        swipeTop.showLayersOf(project);
        swipeBottom.setCandidates(b.candidates());
        swipeTop.setCandidates(a.candidates());
        swipeTop.setId("swipeTop");
        swipeBottom.onViewport(v -> sync(swipeBottom, v));
        swipeTop.onViewport(v -> sync(swipeTop, v));
        divider.setStroke(javafx.scene.paint.Color.web("#ffd600"));
        divider.setStrokeWidth(3);
        dividerPane.setMouseTransparent(true);
        swipe.getChildren().setAll(swipeBottom, swipeTop, dividerPane);
        swipeTop.widthProperty().addListener((o, x, y) -> clipSwipe());
        swipeTop.heightProperty().addListener((o, x, y) -> clipSwipe());
        Platform.runLater(() -> {
            if (start != null) {
                swipeBottom.setViewport(start.resize(swipeBottom.getWidth(), swipeBottom.getHeight()));
                swipeTop.setViewport(start.resize(swipeTop.getWidth(), swipeTop.getHeight()));
            }
            clipSwipe();
        });
    }

    /** The left scenario shows left of the slider's position, the right one beyond it. */
    private void clipSwipe() {
        if (swipeTop == null) return;
        double x = swipeTop.getWidth() * swipeSlider.getValue();
        swipeTop.setClip(new Rectangle(0, 0, x, swipeTop.getHeight()));
        divider.setStartX(x);
        divider.setEndX(x);
        divider.setStartY(0);
        divider.setEndY(swipeTop.getHeight());
    }
}
