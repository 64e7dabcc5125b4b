package nl.ruimteschets.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.RingStatistic;
import nl.ruimteschets.io.AtomicFiles;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.render.Viewport;
import nl.ruimteschets.report.PdfReport;
import nl.ruimteschets.report.Report;
import org.locationtech.jts.geom.Envelope;

/**
 * Scenarios side by side: two to four maps that pan and zoom together and draw every candidate's
 * computed noise and safety contours and nitrogen hexagons, a table of the scenario totals with their
 * differences against the first (Δ ha, Δ dwellings/objects, Δ mol N; green when better, red when
 * worse), a swipe view that reveals one scenario over another with a slider, and a PDF report of the
 * comparison. Figures are computed on one worker thread. FX thread only (apart from that worker).
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
    /** Each scenario's computed contours and nitrogen hexagons, by name, for its maps. */
    private final Map<String, Shown> computed = new ConcurrentHashMap<>();
    /** For the Δ cells of the table: better or worse than the first scenario. */
    private List<List<Report.Verdict>> verdicts = List.of();
    /** One worker: the analysis context is built once and every computation runs in order. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruimteschets-compare");
        t.setDaemon(true);
        return t;
    });
    private AnalysisContext context;

    /** What a comparison map draws of a scenario's results. */
    private record Shown(List<CandidateResult> results, List<double[]> hexagons) { }

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
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button report = new Button(text.getString("compare.report"));
        report.setId("compareReport");
        report.setOnAction(e -> reportDialog());
        top.getChildren().addAll(gap, report);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
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
        // Fits a 1366×768 screen as well as a large one.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(1200, screen.getWidth()), Math.min(800, screen.getHeight() - 30)));
        // Esc closes the comparison, as it leaves presentation mode.
        stage.getScene().addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                stage.close();
                e.consume();
            }
        });
        stage.setOnHidden(e -> worker.shutdownNow());
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
            m.setLegend(locale, 1); // the app's language, not the JVM's
            m.showLayersOf(project);
            m.setCandidates(s.candidates());
            m.setAnnotations(s.annotations());
            showResults(m, s.name());
            m.setId("compareMap" + (i + 1));
            // The shared view first: the canvas's own first layout must not become everyone's view.
            if (start != null) m.setViewport(start);
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
        withReport(scenarios, r -> {
            List<String> header = r.comparisonHeader();
            verdicts = r.comparisonVerdicts();
            table.getColumns().clear();
            for (int c = 0; c < header.size(); c++) {
                int col = c;
                TableColumn<List<String>, String> tc = new TableColumn<>(header.get(c));
                tc.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().get(col)));
                tc.setCellFactory(x -> new DeltaCell(col));
                // Wide enough for a scenario's name in the header (Δ columns carry it too).
                tc.setPrefWidth(col == 0 ? 300 : Math.max(150, 8 * header.get(c).length() + 24));
                table.getColumns().add(tc);
            }
            table.getItems().setAll(r.comparisonRows());
            status.setText(text.getString("compare.deltaNote"));
        });
    }

    /** A table cell whose Δ is green when better than the first scenario and red when worse (by the indicator's direction). */
    private final class DeltaCell extends TableCell<List<String>, String> {
        private final int column;

        DeltaCell(int column) { this.column = column; }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            Report.Verdict v = empty || getIndex() < 0 || getIndex() >= verdicts.size() ? null : verdicts.get(getIndex()).get(column);
            getStyleClass().removeAll("delta-better", "delta-worse");
            if (v == Report.Verdict.BETTER || v == Report.Verdict.WORSE) {
                boolean better = v == Report.Verdict.BETTER;
                getStyleClass().add(better ? "delta-better" : "delta-worse");
                setStyle(better ? "-fx-text-fill: #1b5e20; -fx-font-weight: bold; -fx-background-color: #e8f5e9;"
                        : "-fx-text-fill: #b71c1c; -fx-font-weight: bold; -fx-background-color: #ffebee;");
                setTooltip(new Tooltip(text.getString(better ? "compare.better" : "compare.worse")));
            } else {
                setStyle(null);
                setTooltip(null);
            }
        }
    }

    /**
     * Computes the scenarios on the worker (figures, every candidate's contours and the summed nitrogen
     * hexagons), keeps what their maps draw, then hands the report to {@code then} on the FX thread.
     */
    private void withReport(List<Scenario> scenarios, Consumer<Report> then) {
        worker.execute(() -> {
            Report r;
            try {
                if (context == null) context = new AnalysisContext(project.layers());
                r = Report.of(context, project, projectName, scenarios, locale);
            } catch (nl.ruimteschets.geo.TileCache.Unavailable e) {
                // A layer in the database cannot be read (or read whole): say which, in words.
                Platform.runLater(() -> status.setText(e.userMessage().format(locale)));
                return;
            }
            // Figures and contours first; the hexagons (the slow part) follow on the same worker.
            for (Report.Computed c : r.scenarios()) {
                computed.putIfAbsent(c.scenario().name(), new Shown(c.result().candidates(), List.of()));
            }
            Platform.runLater(() -> {
                redrawResults();
                then.accept(r);
            });
            boolean more = false;
            for (Report.Computed c : r.scenarios()) {
                if (computed.get(c.scenario().name()).hexagons().isEmpty() && c.result().candidates().stream().anyMatch(x -> x.nitrogen() != null)) {
                    computed.put(c.scenario().name(), shown(c));
                    more = true;
                }
            }
            if (more) Platform.runLater(this::redrawResults);
        });
    }

    private void redrawResults() {
        for (MapCanvas m : maps()) showResults(m, null);
        if (swipeTop != null) showResults(swipeTop, swipeA.getValue());
        if (swipeBottom != null) showResults(swipeBottom, swipeB.getValue());
    }

    /** Every candidate's contours, and the hexagons of all candidates with their depositions added up. */
    private Shown shown(Report.Computed c) {
        Map<Long, double[]> hex = new HashMap<>();
        for (CandidateResult cr : c.result().candidates()) {
            if (cr.nitrogen() == null) continue;
            context.nitrogen().evaluate(cr.candidate(), cr.nitrogen().emission(), null, RingStatistic.MEAN,
                    (id, x, y, d) -> hex.merge(id, new double[] {x, y, d}, (a, b) -> new double[] {a[0], a[1], a[2] + b[2]}));
        }
        return new Shown(c.result().candidates(), List.copyOf(hex.values()));
    }

    /** Draws a scenario's computed results on a map once they are there (null: the map's own scenario). */
    private void showResults(MapCanvas m, String scenario) {
        String name = scenario != null ? scenario : (String) m.getProperties().get(SCENARIO_KEY);
        if (scenario != null) m.getProperties().put(SCENARIO_KEY, scenario);
        Shown sh = name == null ? null : computed.get(name);
        if (sh != null) m.showAllResults(sh.results(), sh.hexagons());
    }

    private static final String SCENARIO_KEY = "ruimteschets.scenario";

    private void reportDialog() {
        if (chosen().size() < 2) {
            status.setText(text.getString("compare.needTwo"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(nl.ruimteschets.io.Exports.safeName(String.join("_", chosen().stream().map(Scenario::name).toList())) + ".pdf");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) writeReport(f.toPath(), null);
    }

    /**
     * Writes the comparison of the ticked scenarios as a PDF report whose maps show this window's
     * view; {@code done} runs on the FX thread afterwards (tests).
     */
    void writeReport(Path target, Runnable done) {
        List<Scenario> scenarios = chosen();
        Viewport v = mapList.isEmpty() ? start : mapList.get(0).viewport();
        Envelope view = v == null ? null : v.worldBounds();
        status.setText(text.getString("compare.report.writing"));
        worker.execute(() -> {
            try {
                if (context == null) context = new AnalysisContext(project.layers());
                Path temp = AtomicFiles.tempBeside(target, ".pdf");
                PdfReport.write(Report.of(context, project, projectName, scenarios, locale).withView(view), temp);
                AtomicFiles.moveIntoPlace(temp, target);
                Platform.runLater(() -> {
                    status.setText(java.text.MessageFormat.format(text.getString("export.done"), 1, target));
                    if (done != null) done.run();
                });
            } catch (nl.ruimteschets.geo.TileCache.Unavailable e) {
                Platform.runLater(() -> status.setText(e.userMessage().format(locale)));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> status.setText(text.getString("error.export") + ": " + target.getFileName()));
            }
        });
    }

    private void buildSwipe() {
        Scenario a = project.scenario(swipeA.getValue()).orElse(null);
        Scenario b = project.scenario(swipeB.getValue()).orElse(null);
        if (a == null || b == null) return;
        swipeBottom = new MapCanvas();
        swipeTop = new MapCanvas();
        swipeBottom.showLayersOf(project);
        swipeTop.showLayersOf(project);
        swipeBottom.setLegend(locale, 1);
        swipeTop.setLegend(locale, 1);
        swipeBottom.setCandidates(b.candidates());
        swipeTop.setCandidates(a.candidates());
        swipeBottom.setAnnotations(b.annotations());
        swipeTop.setAnnotations(a.annotations());
        showResults(swipeBottom, b.name());
        showResults(swipeTop, a.name());
        if (!computed.containsKey(a.name()) || !computed.containsKey(b.name())) withReport(List.of(a, b), r -> { });
        swipeTop.setId("swipeTop");
        if (start != null) {
            swipeBottom.setViewport(start);
            swipeTop.setViewport(start);
        }
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
