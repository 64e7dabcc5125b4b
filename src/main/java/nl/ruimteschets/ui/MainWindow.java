package nl.ruimteschets.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.NitrogenModel;
import nl.ruimteschets.analysis.RingStatistic;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.Exports;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.ChangeSet;
import nl.ruimteschets.model.change.LayerChanges;
import nl.ruimteschets.model.change.ScenarioChanges;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The planner's window: menu bar and toolbar, layers and scenarios on the left, the map in the
 * centre, indicators and the selected candidate's properties on the right, a status bar below.
 * Every edit goes through the {@link Session} as an undoable change; the {@link ScenarioEngine}
 * recomputes off the FX thread after every change and during drags, and its newest result is shown.
 *
 * <p>FX thread only.
 */
public final class MainWindow implements MapTools.Editor, LayerPanel.Actions {
    private static final String DEFAULT_PROFILE = "Regulier bedrijventerrein";

    private final Locale locale;
    private final ResourceBundle text;
    private final MapCanvas map = new MapCanvas();
    private final MapTools tools;
    private final Label status = new Label();
    private final Label coords = new Label();
    private final Label scale = new Label();
    private final Label engineState = new Label();
    private LayerPanel layerPanel;
    private IndicatorPanel indicators;
    private CandidateSheet sheet;
    private final ListView<String> scenarioList = new ListView<>();
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final Map<MapTools.Tool, ToggleButton> toolButtons = new HashMap<>();
    private Button undoButton, redoButton;
    private MenuItem undoItem, redoItem;
    private Stage stage;
    private Session session;
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruimteschets-engine");
        t.setDaemon(true);
        return t;
    });
    private volatile AnalysisContext context;
    private ScenarioEngine engine;
    private List<Layer> engineLayers = List.of();
    private ScenarioResult lastResult;
    private long submitted, delivered;
    private Candidate preview;
    private Timeline autosave;
    private final java.util.function.Consumer<Change> sessionListener = c -> refresh();
    private Runnable onLanguageSwitch = () -> { };
    /** Workshop view: in this window on one screen, or an audience window on a second screen. */
    private PresentationView presentation;
    private javafx.scene.Parent plannerRoot;
    private SplitPane centrePane;
    private Stage audience;
    private MapCanvas audienceMap;

    public MainWindow(Locale locale) {
        this.locale = locale;
        this.text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        this.tools = new MapTools(map, this);
        map.setTools(tools);
    }

    public MapCanvas map() { return map; }

    public Session session() { return session; }

    public ScenarioResult lastResult() { return lastResult; }

    /** True while the engine has work in hand that has not been shown yet. */
    public boolean computing() { return delivered < submitted; }

    /** Opens the window on a project without a file (the sample; tests). */
    public void show(Stage stage, Project project, String title) {
        show(stage, new Session(project, null));
    }

    public void show(Stage stage, Session s) {
        this.stage = stage;
        this.session = s;
        indicators = new IndicatorPanel(text, locale);
        sheet = new CandidateSheet(text, locale, c -> session.perform(new CandidateChanges.Replace(session.scenarioName(), c,
                "change.candidate.properties")));
        layerPanel = new LayerPanel(text, this);

        BorderPane root = new BorderPane();
        root.setTop(new VBox(menuBar(), toolBar()));
        SplitPane left = new SplitPane(layerPanel, scenarioPanel());
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        SplitPane right = new SplitPane(indicators, sheetPane());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        SplitPane centre = new SplitPane(left, map, right);
        centrePane = centre;
        centre.setDividerPositions(0.19, 0.7);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        root.setCenter(centre);
        root.setBottom(statusBar());

        // RD coordinates are written without separators, as in every Dutch GIS.
        map.onCursor(p -> coords.setText(String.format(Locale.ROOT, "RD  x %.0f  y %.0f", p[0], p[1])));
        map.onViewport(v -> {
            scale.setText(String.format(locale, "1:%,d", v.scaleDenominator()));
            if (audienceMap != null) audienceMap.setViewport(v.resize(audienceMap.getWidth(), audienceMap.getHeight()));
        });
        map.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        map.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) for (java.io.File f : e.getDragboard().getFiles()) importFile(f.toPath());
            e.setDropCompleted(ok);
            e.consume();
        });

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        stage.setScene(scene);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::presentationKeys);
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard()) e.consume();
            else shutdown(true);
        });
        if (session.project().scenarios().isEmpty()) {
            // A project made on the command line may have layers only: give the planner somewhere to draw.
            session.project().scenarios().add(new Scenario(text.getString("scenarios.first"), ""));
            session.selectScenario(text.getString("scenarios.first"));
        }
        session.addListener(sessionListener);
        session.subscribe(Platform::runLater);
        map.showLayersOf(session.project());
        refresh();
        stage.show();
        map.zoomTo(map.fullExtent());
        tools.setTool(MapTools.Tool.EDIT);
        rebuildEngine();
        autosave = new Timeline(new KeyFrame(Duration.seconds(60), e -> autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        map.requestFocus();
    }

    /** Called to reopen the window in another language (the app rebuilds it on the same session). */
    public void onLanguageSwitch(Runnable r) { onLanguageSwitch = r; }

    // ------------------------------------------------------------------ layout

    private MenuBar menuBar() {
        Menu file = new Menu(text.getString("menu.file"));
        MenuItem newItem = item("menu.file.new", "Shortcut+N", e -> newProject());
        MenuItem open = item("menu.file.open", "Shortcut+O", e -> openDialog());
        MenuItem openDb = item("menu.file.openDatabase", null, e -> {
            if (confirmDiscard()) DatabaseOpen.ask(stage, text).ifPresent(this::openLocation);
        });
        Menu recent = new Menu(text.getString("menu.file.recent"));
        recent.setOnShowing(e -> fillRecent(recent));
        fillRecent(recent);
        MenuItem save = item("menu.file.save", "Shortcut+S", e -> save(false));
        MenuItem saveAs = item("menu.file.saveAs", "Shortcut+Shift+S", e -> save(true));
        MenuItem imp = item("menu.file.import", "Shortcut+I", e -> importDialog());
        Menu export = new Menu(text.getString("menu.file.export"));
        export.getItems().addAll(item("menu.export.shp", null, e -> exportDialog("shp")),
                item("menu.export.gpkg", null, e -> exportDialog("gpkg")),
                item("menu.export.geojson", null, e -> exportDialog("geojson")),
                item("menu.export.png", "Shortcut+P", e -> exportPngDialog()),
                new SeparatorMenuItem(),
                item("menu.export.pdf", "Shortcut+R", e -> reportDialog("pdf")),
                item("menu.export.csv", null, e -> reportDialog("csv")));
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", e -> {
            if (confirmDiscard()) {
                shutdown(true);
                stage.close();
            }
        });
        file.getItems().addAll(newItem, open, openDb, recent, save, saveAs, new SeparatorMenuItem(), imp, export,
                new SeparatorMenuItem(), quit);

        Menu edit = new Menu(text.getString("menu.edit"));
        undoItem = item("menu.edit.undo", "Shortcut+Z", e -> undo());
        redoItem = item("menu.edit.redo", "Shortcut+Y", e -> redo());
        MenuItem del = item("menu.edit.delete", null, e -> {
            if (map.selectedId() != null) delete(map.selectedId());
        });
        edit.getItems().addAll(undoItem, redoItem, new SeparatorMenuItem(), del);

        Menu toolsMenu = new Menu(text.getString("menu.tools"));
        for (MapTools.Tool t : MapTools.Tool.values()) {
            MenuItem it = new MenuItem(text.getString("tool." + t.name()) + "  (" + t.key.getName() + ")");
            it.setOnAction(e -> selectTool(t));
            toolsMenu.getItems().add(it);
        }
        CheckMenuItem snap = new CheckMenuItem(text.getString("tool.snap") + "  (K)");
        snap.setSelected(true);
        snap.selectedProperty().addListener((o, a, b) -> tools.setSnapping(b));
        toolsMenu.getItems().addAll(new SeparatorMenuItem(), snap);

        Menu view = new Menu(text.getString("menu.view"));
        MenuItem extent = item("menu.view.extent", "Shortcut+0", e -> map.zoomTo(map.fullExtent()));
        MenuItem selection = item("menu.view.selection", "Shortcut+9", e -> {
            Candidate c = map.selected();
            if (c != null) map.zoomTo(c.footprint().getEnvelopeInternal());
        });
        MenuItem compare = item("menu.view.compare", "Shortcut+K", e -> compare());
        MenuItem presentItem = item("present.start", "F5", e -> present());
        view.getItems().addAll(extent, selection, new SeparatorMenuItem(), compare, presentItem, new SeparatorMenuItem());
        for (MapCanvas.Overlay o : MapCanvas.Overlay.values()) {
            CheckMenuItem it = new CheckMenuItem(text.getString("overlay." + o.name()));
            it.setSelected(map.overlay(o));
            it.selectedProperty().addListener((ob, a, b) -> {
                map.setOverlay(o, b);
                if (o == MapCanvas.Overlay.NITROGEN) updateHexagons();
            });
            view.getItems().add(it);
        }

        Menu language = new Menu(text.getString("menu.language"));
        ToggleGroup langs = new ToggleGroup();
        for (String tag : new String[] {"nl", "en"}) {
            RadioMenuItem it = new RadioMenuItem(text.getString("language." + tag));
            it.setId("language-" + tag);
            it.setToggleGroup(langs);
            it.setSelected(locale.getLanguage().equals(tag));
            it.setOnAction(e -> switchLanguage(tag));
            language.getItems().add(it);
        }
        MenuBar bar = new MenuBar(file, edit, toolsMenu, view, language);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String key, String accelerator, javafx.event.EventHandler<javafx.event.ActionEvent> action) {
        MenuItem it = new MenuItem(text.getString(key));
        it.setId(key.replace('.', '-'));
        if (accelerator != null) it.setAccelerator(KeyCombination.keyCombination(accelerator));
        it.setOnAction(action);
        return it;
    }

    private ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        for (MapTools.Tool t : MapTools.Tool.values()) {
            ToggleButton b = new ToggleButton(text.getString("tool." + t.name()));
            b.setId("tool-" + t.name());
            b.setToggleGroup(toolGroup);
            b.setTooltip(new Tooltip(text.getString("tool." + t.name()) + " (" + t.key.getName() + ")\n"
                    + text.getString("tool." + t.name() + ".hint")));
            b.setOnAction(e -> selectTool(t));
            toolButtons.put(t, b);
            bar.getItems().add(b);
        }
        toolButtons.get(MapTools.Tool.EDIT).setSelected(true);
        ToggleButton snap = new ToggleButton(text.getString("tool.snap"));
        snap.setId("tool-snap");
        snap.setSelected(true);
        snap.setTooltip(new Tooltip(text.getString("tool.snap.tip")));
        snap.selectedProperty().addListener((o, a, b) -> tools.setSnapping(b));
        undoButton = new Button("↶");
        undoButton.setId("undoButton");
        undoButton.setOnAction(e -> undo());
        redoButton = new Button("↷");
        redoButton.setId("redoButton");
        redoButton.setOnAction(e -> redo());
        Button present = new Button(text.getString("present.start"));
        present.setId("presentButton");
        present.setTooltip(new Tooltip(text.getString("present.start") + " (F5)"));
        present.setOnAction(e -> present());
        bar.getItems().addAll(new javafx.scene.control.Separator(), snap, new javafx.scene.control.Separator(), undoButton, redoButton,
                new javafx.scene.control.Separator(), present);
        // Tool keys act when the map has focus (so typing in a field never switches tools).
        map.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) return;
            if (e.getCode() == javafx.scene.input.KeyCode.K) {
                snap.setSelected(!snap.isSelected());
                e.consume();
                return;
            }
            for (MapTools.Tool t : MapTools.Tool.values()) {
                if (t.key == e.getCode()) {
                    selectTool(t);
                    e.consume();
                }
            }
        });
        return bar;
    }

    private VBox scenarioPanel() {
        Label title = new Label(text.getString("scenarios.title"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        scenarioList.setId("scenarioList");
        scenarioList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(session.scenarioName())) {
                map.setSelected(null);
                session.selectScenario(b);
            }
        });
        Button add = new Button(text.getString("scenarios.new"));
        add.setId("scenarioNew");
        add.setOnAction(e -> askName("scenarios.new", "").ifPresent(n ->
                perform(new ScenarioChanges.Add(new Scenario(n, ""), -1), () -> session.selectScenario(n))));
        Button dup = new Button(text.getString("scenarios.duplicate"));
        dup.setId("scenarioDuplicate");
        dup.setOnAction(e -> session.scenario().ifPresent(s -> askName("scenarios.duplicate", s.name() + " (2)").ifPresent(n ->
                perform(new ScenarioChanges.Add(ScenarioChanges.copy(s, n), -1), () -> session.selectScenario(n)))));
        Button ren = new Button(text.getString("scenarios.rename"));
        ren.setOnAction(e -> session.scenario().ifPresent(s -> askName("scenarios.rename", s.name()).ifPresent(n ->
                perform(new ScenarioChanges.Rename(s.name(), n), null))));
        Button del = new Button(text.getString("scenarios.delete"));
        del.setOnAction(e -> session.scenario().ifPresent(s -> {
            if (session.project().scenarios().size() > 1) perform(new ScenarioChanges.Remove(s.name()), null);
        }));
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(4, 4, add, dup, ren, del);
        VBox box = new VBox(4, title, scenarioList, buttons);
        VBox.setVgrow(scenarioList, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private VBox sheetPane() {
        Label title = new Label(text.getString("prop.title"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        VBox box = new VBox(4, title, sheet);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    private HBox statusBar() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setId("statusText");
        engineState.setId("engineState");
        engineState.setMinWidth(140);
        // The hint may be cut; coordinates, scale and CRS never are.
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.SOMETIMES);
        Label crs = new Label("EPSG:28992 (RD New)");
        for (Label l : new Label[] {engineState, coords, scale, crs}) l.setMinWidth(Region.USE_PREF_SIZE);
        coords.setMinWidth(170);
        scale.setMinWidth(90);
        HBox bar = new HBox(16, status, spacer, engineState, coords, scale, crs);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.setStyle("-fx-background-color: #eceff1; -fx-border-color: #cfd8dc; -fx-border-width: 1 0 0 0;");
        return bar;
    }

    // ------------------------------------------------------------------ state → screen

    /** Brings every view in line with the session after a change, undo, redo, save or switch. */
    private void refresh() {
        Project p = session.project();
        map.showLayersOf(p);
        if (!engineLayers.equals(p.layers())) rebuildEngine();
        layerPanel.show(map.layers());
        List<String> names = p.scenarios().stream().map(Scenario::name).toList();
        if (!scenarioList.getItems().equals(names)) scenarioList.getItems().setAll(names);
        scenarioList.getSelectionModel().select(session.scenarioName());
        List<Candidate> cands = session.scenario().map(Scenario::candidates).orElse(List.of());
        if (map.selectedId() != null && cands.stream().noneMatch(c -> c.id().equals(map.selectedId()))) map.setSelected(null);
        preview = null;
        map.setCandidates(cands);
        sheet.show(p, map.selected());
        boolean canUndo = session.history().canUndo(), canRedo = session.history().canRedo();
        undoButton.setDisable(!canUndo);
        redoButton.setDisable(!canRedo);
        undoItem.setDisable(!canUndo);
        redoItem.setDisable(!canRedo);
        String u = session.history().undoDescriptionKey(), r = session.history().redoDescriptionKey();
        undoItem.setText(text.getString("menu.edit.undo") + (u == null ? "" : ": " + text.getString(u)));
        redoItem.setText(text.getString("menu.edit.redo") + (r == null ? "" : ": " + text.getString(r)));
        undoButton.setTooltip(new Tooltip(undoItem.getText() + " (Ctrl+Z)"));
        redoButton.setTooltip(new Tooltip(redoItem.getText() + " (Ctrl+Y)"));
        stage.setTitle(title());
        submit();
        updatePresentation();
    }

    String title() {
        String name = session.displayName() == null ? text.getString("title.unsaved") : session.displayName();
        String state = switch (session.connection()) {
            case LOST -> " (" + text.getString("db.state.lost") + ")";
            case READ_ONLY -> " (" + text.getString("db.state.readOnly") + ")";
            case CONNECTED -> "";
        };
        return (session.dirty() ? "* " : "") + name + state + " — " + text.getString("app.title");
    }

    private void perform(Change c, Runnable after) {
        try {
            session.perform(c);
            if (after != null) after.run();
        } catch (IllegalStateException e) {
            error(text.getString("error.change"), e.getMessage());
        }
    }

    private void undo() {
        try {
            session.undo();
        } catch (IllegalStateException e) {
            error(text.getString("error.change"), e.getMessage());
        }
    }

    private void redo() {
        try {
            session.redo();
        } catch (IllegalStateException e) {
            error(text.getString("error.change"), e.getMessage());
        }
    }

    private void selectTool(MapTools.Tool t) {
        tools.setTool(t);
        ToggleButton b = toolButtons.get(t);
        if (b != null) b.setSelected(true);
        map.requestFocus();
    }

    // ------------------------------------------------------------------ engine

    private void rebuildEngine() {
        List<Layer> layers = List.copyOf(session.project().layers());
        engineLayers = layers;
        engineState.setText(text.getString("engine.indexing"));
        engineThread.execute(() -> {
            AnalysisContext ctx = new AnalysisContext(layers);
            Platform.runLater(() -> {
                if (engineLayers != layers) return; // a newer rebuild is on its way
                context = ctx;
                engine = new ScenarioEngine(ctx, engineThread, r -> Platform.runLater(() -> delivered(ctx, r)));
                delivered = 0; // a new engine counts its versions from 1 again
                submitted = 0;
                submit();
            });
        });
    }

    /** Hands the scenario as now on screen (with the live preview, if dragging) to the engine. */
    private void submit() {
        if (engine == null) return;
        List<Candidate> cands = new ArrayList<>(map.candidates());
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            if (!(c.geometry() instanceof Polygonal) || c.geometry().isValid()) continue;
            // A drag can make a bow-tie for a moment; the engine sees its repaired form.
            cands.set(i, c.withGeometry(GeometryRepair.makeValid(c.geometry())));
        }
        submitted = engine.submit(new ScenarioEngine.Snapshot(cands, session.project().profiles(),
                List.copyOf(session.project().clusters().values())));
        engineState.setText(text.getString("engine.computing"));
    }

    private void delivered(AnalysisContext ctx, ScenarioResult r) {
        if (ctx != context || r.version() < delivered) return;
        delivered = r.version();
        lastResult = r;
        showResult();
        engineState.setText(computing() ? text.getString("engine.computing") : text.getString("engine.ready"));
    }

    private void showResult() {
        String sel = map.selectedId();
        indicators.show(lastResult, sel);
        CandidateResult cr = selectedResult();
        map.setSelectedResult(cr);
        updateHexagons();
        updatePresentation();
    }

    private CandidateResult selectedResult() {
        if (lastResult == null || map.selectedId() == null) return null;
        return lastResult.candidates().stream().filter(x -> x.candidate().id().equals(map.selectedId())).findFirst().orElse(null);
    }

    /** Nitrogen hexagons of the selected candidate for the map, computed off the FX thread. */
    private void updateHexagons() {
        CandidateResult cr = selectedResult();
        AnalysisContext ctx = context;
        if (cr == null || cr.nitrogen() == null || ctx == null || !map.overlay(MapCanvas.Overlay.NITROGEN)) {
            map.setHexagons(List.of());
            return;
        }
        long version = delivered;
        engineThread.execute(() -> {
            if (version != delivered) return;
            List<double[]> hex = new ArrayList<>();
            NitrogenModel.HexagonSink sink = (id, x, y, d) -> hex.add(new double[] {x, y, d});
            ctx.nitrogen().evaluate(cr.candidate(), cr.nitrogen().emission(), null, RingStatistic.MEAN, sink);
            Platform.runLater(() -> {
                if (version != delivered) return;
                map.setHexagons(hex);
                if (audienceMap != null) audienceMap.setHexagons(hex);
            });
        });
    }

    // ------------------------------------------------------------------ MapTools.Editor

    @Override
    public void preview(Candidate c) {
        preview = c;
        List<Candidate> cands = new ArrayList<>(session.scenario().map(Scenario::candidates).orElse(List.of()));
        cands.replaceAll(x -> x.id().equals(c.id()) ? c : x);
        map.setCandidates(cands);
        submit();
    }

    @Override
    public void commitEdit(Candidate c) {
        preview = null;
        if (c == null) {
            refresh();
            return;
        }
        Candidate checked = checkedShape(c);
        if (checked == null) {
            refresh();
            return;
        }
        perform(new CandidateChanges.Replace(session.scenarioName(), checked, "change.candidate.geometry"), null);
    }

    /** The candidate with a valid shape: repaired with a message, or null (refused) when nothing is left. */
    private Candidate checkedShape(Candidate c) {
        if (c.isPoint() || c.geometry().isValid()) return c;
        Geometry fixed = GeometryRepair.makeValid(c.geometry());
        if (!(fixed instanceof Polygonal) || fixed.isEmpty() || fixed.getArea() < 1) {
            notify(text.getString("shape.refused"));
            return null;
        }
        notify(text.getString("shape.repaired"));
        return c.withGeometry(fixed);
    }

    @Override
    public void select(String candidateId) {
        map.setSelected(candidateId);
        sheet.show(session.project(), map.selected());
        showResult();
    }

    @Override
    public void create(Geometry g, CandidateKind kind) {
        Scenario s = session.scenario().orElse(null);
        if (s == null) return;
        Candidate c = new Candidate(newId(), nextName(kind), kind, nearestCluster(g), g, 0, defaultProfile(), null, "");
        Candidate checked = checkedShape(c);
        if (checked == null) return;
        perform(new CandidateChanges.Add(s.name(), checked, -1), () -> {
            select(checked.id());
            selectTool(MapTools.Tool.EDIT);
            status(String.format(text.getString("created"), checked.name(), number(checked.grossAreaHa(), 1)));
        });
    }

    @Override
    public void createPoint(Point p) {
        TextInputDialog d = new TextInputDialog("50");
        d.initOwner(stage);
        d.setTitle(text.getString("tool.SATELLITE_POINT"));
        d.setHeaderText(text.getString("satellite.areaQuestion"));
        d.getEditor().setId("satelliteArea");
        d.showAndWait().ifPresent(s -> {
            double ha;
            try {
                ha = java.text.NumberFormat.getNumberInstance(locale).parse(s.trim()).doubleValue();
            } catch (java.text.ParseException e) {
                ha = -1;
            }
            if (!(ha > 0)) {
                notify(text.getString("prop.error.positive"));
                return;
            }
            Candidate c = new Candidate(newId(), nextName(CandidateKind.SATELLITE), CandidateKind.SATELLITE, nearestCluster(p),
                    p, ha, defaultProfile(), null, "");
            perform(new CandidateChanges.Add(session.scenarioName(), c, -1), () -> select(c.id()));
        });
    }

    @Override
    public void delete(String candidateId) {
        perform(new CandidateChanges.Remove(session.scenarioName(), candidateId), null);
    }

    @Override
    public void identify(double x, double y, double toleranceM) {
        Geometry probe = Rd.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)).buffer(toleranceM, 4);
        StringBuilder sb = new StringBuilder();
        for (MapCanvas.MapLayer l : map.layers()) {
            if (!l.visible()) continue;
            for (Feature f : l.index().intersecting(probe)) {
                sb.append(l.layer().name()).append(" — ").append(text.getString("role." + l.layer().role().name()))
                        .append(" #").append(f.id()).append('\n');
                for (int i = 0; i < l.layer().fields().size(); i++) {
                    sb.append("   ").append(l.layer().fields().get(i).name()).append(": ").append(f.value(i)).append('\n');
                }
            }
        }
        if (sb.length() == 0) sb.append(text.getString("identify.none"));
        TextArea area = new TextArea(sb.toString());
        area.setEditable(false);
        area.setPrefSize(460, 300);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.initOwner(stage);
        a.setTitle(text.getString("tool.IDENTIFY"));
        a.setHeaderText(String.format(Locale.ROOT, "RD %,.0f  %,.0f", x, y));
        a.getDialogPane().setContent(area);
        a.getDialogPane().setId("identifyDialog");
        a.show();
    }

    @Override
    public void status(String s) { status.setText(s); }

    @Override
    public String text(String key) { return text.getString(key); }

    @Override
    public String number(double value, int decimals) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    private static String newId() {
        return "k" + Long.toString(System.nanoTime(), 36);
    }

    private String nextName(CandidateKind kind) {
        String base = text.getString("kind." + kind.name());
        int n = 1;
        List<String> names = session.scenario().map(s -> s.candidates().stream().map(Candidate::name).toList()).orElse(List.of());
        while (names.contains(base + " " + n)) n++;
        return base + " " + n;
    }

    private String defaultProfile() {
        Map<String, ActivityProfile> profiles = session.project().profiles();
        if (profiles.containsKey(DEFAULT_PROFILE)) return DEFAULT_PROFILE;
        return profiles.isEmpty() ? "" : profiles.keySet().iterator().next();
    }

    /** The cluster whose contour lies nearest; the planner can choose another in the properties. */
    private String nearestCluster(Geometry g) {
        String best = "";
        double bd = Double.POSITIVE_INFINITY;
        for (Layer l : session.project().layers(LayerRole.CLUSTER)) {
            for (Feature f : l.features()) {
                String name = l.text(f, Layer.MAP_CLUSTER);
                if (name == null || name.isBlank() || !session.project().clusters().containsKey(name)) continue;
                double d = DistanceOp.distance(g, f.geometry());
                if (d < bd) { bd = d; best = name; }
            }
        }
        if (best.isEmpty() && !session.project().clusters().isEmpty()) best = session.project().clusters().keySet().iterator().next();
        return best;
    }

    // ------------------------------------------------------------------ LayerPanel.Actions

    @Override
    public void visible(String layer, boolean on) { setDisplay(layer, display(layer).withVisible(on)); }

    @Override
    public void opacity(String layer, double opacity) { setDisplay(layer, display(layer).withOpacity(opacity)); }

    @Override
    public void previewOpacity(String layer, double opacity) { map.previewOpacity(layer, opacity); }

    /** How the layer is drawn now: its saved look, or its role's. */
    private LayerDisplay display(String layer) {
        LayerDisplay d = session.project().displays().get(layer);
        if (d != null) return d;
        LayerStyle byRole = LayerStyle.forRole(session.project().layer(layer).orElseThrow().role());
        return new LayerDisplay(true, 1, byRole.fill(), byRole.stroke());
    }

    /** A new look is an undo step and saved with the project; setting the look it has is no step. */
    private void setDisplay(String layer, LayerDisplay d) {
        if (!d.equals(display(layer))) perform(new LayerChanges.Display(layer, d), null);
    }

    @Override
    public void move(String layer, int drawIndex) { perform(new LayerChanges.Move(layer, drawIndex), null); }

    @Override
    public void zoomTo(Layer layer) { map.zoomTo(layer.extent()); }

    @Override
    public void table(Layer layer) {
        AttributeTable.show(stage, layer, locale, f -> {
            map.setHighlight(f.geometry());
            Envelope e = f.geometry().getEnvelopeInternal();
            if (!map.viewport().worldBounds().contains(e)) map.zoomTo(e);
        });
    }

    @Override
    public void remove(Layer layer) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, String.format(text.getString("layers.remove.confirm"), layer.name()),
                ButtonType.OK, ButtonType.CANCEL);
        a.initOwner(stage);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> perform(new LayerChanges.Remove(layer.name()), null));
    }

    @Override
    public void properties(Layer layer) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(stage);
        d.setTitle(String.format(text.getString("layers.props.title"), layer.name()));
        ChoiceBox<LayerRole> role = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(LayerRole.values()));
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(LayerRole r) { return r == null ? "" : text.getString("role." + r.name()); }
            @Override public LayerRole fromString(String s) { return null; }
        });
        role.setValue(layer.role());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(text.getString("layers.props.role")), role);
        Map<String, ChoiceBox<String>> mapping = new java.util.LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        fields.add("—");
        layer.fields().forEach(f -> fields.add(f.name()));
        int row = 1;
        for (String key : new String[] {Layer.MAP_NAME, Layer.MAP_CLUSTER, Layer.MAP_KIND, Layer.MAP_VULNERABILITY, Layer.MAP_KDW,
            Layer.MAP_AREA_HA}) {
            ChoiceBox<String> box = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(fields));
            box.setValue(layer.fieldMapping().getOrDefault(key, "—"));
            mapping.put(key, box);
            g.addRow(row++, new Label(text.getString("mapping." + key)), box);
        }
        LayerDisplay shown = display(layer.name());
        ColorPicker fill = new ColorPicker(MapCanvas.color(shown.fill() | 0xFF));
        ColorPicker stroke = new ColorPicker(MapCanvas.color(shown.stroke()));
        g.addRow(row++, new Label(text.getString("layers.props.fill")), fill);
        g.addRow(row, new Label(text.getString("layers.props.stroke")), stroke);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            List<Change> changes = new ArrayList<>();
            LayerDisplay look = display(layer.name());
            LayerDisplay recoloured = look.withColours(rgba(fill.getValue(), look.fill() & 0xFF), rgba(stroke.getValue(), 0xFF));
            if (!recoloured.equals(look)) changes.add(new LayerChanges.Display(layer.name(), recoloured));
            Map<String, String> m = new HashMap<>();
            mapping.forEach((k, box) -> {
                if (box.getValue() != null && !box.getValue().equals("—")) m.put(k, box.getValue());
            });
            if (role.getValue() != layer.role() || !m.equals(layer.fieldMapping())) {
                changes.add(new LayerChanges.Replace(layer.withRole(role.getValue(), m)));
            }
            // One dialog, one undo step.
            if (!changes.isEmpty()) perform(new ChangeSet("change.layer.properties", changes), null);
        });
    }

    private static int rgba(Color c, int alpha) {
        return ((int) Math.round(c.getRed() * 255) << 24) | ((int) Math.round(c.getGreen() * 255) << 16)
                | ((int) Math.round(c.getBlue() * 255) << 8) | alpha;
    }

    // ------------------------------------------------------------------ presentation

    /** True while the workshop view is on screen (here or on a second screen). */
    public boolean presenting() { return presentation != null; }

    /** F5 presents, Esc leaves, 1–9 switch scenarios while presenting. */
    private void presentationKeys(javafx.scene.input.KeyEvent e) {
        if (e.getCode() == javafx.scene.input.KeyCode.F5) {
            if (!presenting()) present();
            e.consume();
        } else if (presenting() && e.getCode() == javafx.scene.input.KeyCode.ESCAPE && !tools.busy()) {
            leavePresentation();
            e.consume();
        } else if (presenting() && e.getCode().isDigitKey() && !e.isShortcutDown()) {
            int n = e.getCode().getCode() - javafx.scene.input.KeyCode.DIGIT1.getCode();
            if (e.getCode().getName().startsWith("Numpad")) n = e.getCode().getCode() - javafx.scene.input.KeyCode.NUMPAD1.getCode();
            List<Scenario> all = session.project().scenarios();
            if (n >= 0 && n < Math.min(9, all.size())) {
                presentScenario(all.get(n).name());
                e.consume();
            }
        }
    }

    /**
     * Enters the workshop view. With one screen the window goes full screen and the map moves into
     * the view, so sketching goes on; with two, an audience window opens full screen on the second
     * screen and follows the planner window.
     */
    public void present() {
        if (presenting()) return;
        List<javafx.stage.Screen> screens = javafx.stage.Screen.getScreens();
        if (screens.size() > 1) {
            audienceMap = new MapCanvas();
            audienceMap.showLayersOf(session.project());
            presentation = new PresentationView(text, locale, audienceMap, this::leavePresentation, this::presentScenario);
            audience = new Stage();
            audience.setTitle(text.getString("present.audience"));
            javafx.geometry.Rectangle2D b = screens.get(1).getBounds();
            audience.setX(b.getMinX());
            audience.setY(b.getMinY());
            Scene sc = new Scene(presentation, b.getWidth(), b.getHeight());
            sc.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::presentationKeys);
            audience.setScene(sc);
            audience.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            audience.setFullScreen(true);
            audience.setOnCloseRequest(e -> leavePresentation());
            audience.show();
            audienceMap.setViewport(map.viewport().resize(audienceMap.getWidth(), audienceMap.getHeight()));
        } else {
            plannerRoot = stage.getScene().getRoot();
            centrePane.getItems().set(1, new Region()); // the map moves into the workshop view
            presentation = new PresentationView(text, locale, map, this::leavePresentation, this::presentScenario);
            stage.getScene().setRoot(presentation);
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it also ends a sketch first
            stage.setFullScreen(true);
        }
        updatePresentation();
        map.requestFocus();
    }

    public void leavePresentation() {
        if (!presenting()) return;
        if (audience != null) {
            Stage a = audience;
            audience = null;
            audienceMap = null;
            a.close();
        } else {
            presentation.setCenter(null);
            centrePane.getItems().set(1, map);
            stage.getScene().setRoot(plannerRoot);
            stage.setFullScreen(false);
        }
        presentation = null;
        map.requestFocus();
    }

    private void presentScenario(String name) {
        map.setSelected(null);
        session.selectScenario(name);
    }

    private void updatePresentation() {
        if (presentation == null) return;
        List<String> names = session.project().scenarios().stream().map(Scenario::name).toList();
        presentation.show(names, session.scenarioName(), lastResult, map.selectedId());
        if (audienceMap != null) {
            audienceMap.showLayersOf(session.project());
            audienceMap.setCandidates(map.candidates());
            audienceMap.setSelected(map.selectedId());
            audienceMap.setSelectedResult(selectedResult());
        }
    }

    // ------------------------------------------------------------------ files

    private void newProject() {
        if (!confirmDiscard()) return;
        Project p = new Project();
        session.project().profiles().values().forEach(p::putProfile);
        session.project().clusters().values().forEach(p::putCluster);
        p.scenarios().add(new Scenario(text.getString("scenarios.first"), ""));
        replaceSession(new Session(p, null));
    }

    private void openDialog() {
        if (!confirmDiscard()) return;
        FileChooser fc = new FileChooser();
        fc.setTitle(text.getString("menu.file.open"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filter.project"), "*.gpkg"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) open(f.toPath());
    }

    /** Opens a project file in this window (in the background; the map stays usable meanwhile). */
    public void open(Path file) {
        engineState.setText(text.getString("file.opening"));
        Thread t = new Thread(() -> {
            try {
                Project p = nl.ruimteschets.io.ProjectStore.open(file);
                Platform.runLater(() -> {
                    replaceSession(new Session(p, file));
                    Recent.add(file);
                });
            } catch (nl.ruimteschets.model.InputException e) {
                Platform.runLater(() -> error(text.getString("error.open"), e.getMessage(locale)));
            } catch (RuntimeException e) {
                Platform.runLater(() -> error(text.getString("error.open"), file + ": " + e.getMessage()));
            }
        }, "ruimteschets-open");
        t.setDaemon(true);
        t.start();
    }

    /** Opens a project from a PostgreSQL URL (in the background; a password is asked for only when needed). */
    public void openLocation(String url) {
        engineState.setText(text.getString("file.opening"));
        nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt prompt = DatabaseOpen.prompt(stage, text);
        Thread t = new Thread(() -> {
            try {
                nl.ruimteschets.io.ProjectStorage storage = nl.ruimteschets.io.ProjectStorage.open(url, prompt);
                try {
                    Project p = storage.load();
                    Platform.runLater(() -> {
                        replaceSession(Session.of(p, storage));
                        DatabaseOpen.remember(storage.location());
                    });
                } catch (nl.ruimteschets.model.InputException | RuntimeException e) {
                    storage.close();
                    throw e;
                }
            } catch (nl.ruimteschets.model.InputException e) {
                Platform.runLater(() -> error(text.getString("error.open"), e.getMessage(locale)));
            }
        }, "ruimteschets-open-db");
        t.setDaemon(true);
        t.start();
    }

    private void replaceSession(Session s) {
        session.removeListener(sessionListener);
        if (s != session) session.close();
        session = s;
        session.addListener(sessionListener);
        session.subscribe(Platform::runLater);
        map.setSelected(null);
        lastResult = null;
        map.showLayersOf(s.project());
        refresh();
        rebuildEngine();
        map.zoomTo(map.fullExtent());
    }

    /**
     * Saves the project (Save As when asked or when it has no file yet). A copy of the project is
     * written in the background, so a big save never freezes the window; the write itself is atomic.
     */
    public void save(boolean as) {
        if (!as && session.shared() != null) {
            status(text.getString("db.saved.always"));
            return;
        }
        Path target = session.file();
        if (as || target == null) {
            FileChooser fc = new FileChooser();
            fc.setTitle(text.getString("menu.file.saveAs"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filter.project"), "*.gpkg"));
            fc.setInitialFileName(target == null ? "ruimteschets.gpkg" : target.getFileName().toString());
            java.io.File f = fc.showSaveDialog(stage);
            if (f == null) return;
            target = f.toPath().toString().endsWith(".gpkg") ? f.toPath() : Path.of(f.getPath() + ".gpkg");
        }
        saveTo(target, null);
    }

    /** Saves to {@code target}; {@code done} runs on the FX thread after success. */
    public void saveTo(Path target, Runnable done) {
        Project copy = snapshot(session.project());
        int revision = session.history().revision();
        Session owner = session;
        engineState.setText(text.getString("file.saving"));
        Thread t = new Thread(() -> {
            try {
                nl.ruimteschets.io.ProjectStore.save(copy, target);
                Platform.runLater(() -> {
                    if (owner == session && session.history().revision() == revision) session.markSaved(target);
                    else if (owner == session) session.markSavedAt(target, revision);
                    Recent.add(target);
                    Recovery.clear();
                    status(String.format(text.getString("file.saved"), target.getFileName()));
                    engineState.setText(text.getString("engine.ready"));
                    if (done != null) done.run();
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> error(text.getString("error.save"), String.format(text.getString("error.save.detail"),
                        target, e.getMessage())));
            }
        }, "ruimteschets-save");
        t.setDaemon(true);
        t.start();
    }

    /** A copy that later edits do not touch: layers and candidates are immutable, lists are copied. */
    static Project snapshot(Project p) {
        Project c = new Project();
        c.layers().addAll(p.layers());
        c.displays().putAll(p.displays());
        p.clusters().values().forEach(c::putCluster);
        p.profiles().values().forEach(c::putProfile);
        for (Scenario s : p.scenarios()) {
            Scenario copy = ScenarioChanges.copy(s, s.name());
            copy.setDescription(s.description());
            c.scenarios().add(copy);
        }
        return c;
    }

    private void autosave() {
        if (!session.dirty()) return;
        Project copy = snapshot(session.project());
        Path original = session.file();
        Thread t = new Thread(() -> Recovery.write(copy, original), "ruimteschets-autosave");
        t.setDaemon(true);
        t.start();
    }

    /** True when there is nothing unsaved or the planner chose to save or to discard it. */
    private boolean confirmDiscard() {
        if (!session.dirty()) return true;
        ButtonType saveB = new ButtonType(text.getString("close.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(text.getString("close.discard"), ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.WARNING, text.getString("close.question"), saveB, discard, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText(text.getString("close.header"));
        a.getDialogPane().setId("unsavedDialog");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) return true;
        if (answer == saveB) {
            save(false);
            return false; // the save runs in the background; the planner closes again when it is done
        }
        return false;
    }

    private void shutdown(boolean clean) {
        if (Boolean.getBoolean("ruimteschets.frameStats")) System.out.println(map.frameStats());
        if (autosave != null) autosave.stop();
        engineThread.shutdownNow();
        session.removeListener(sessionListener);
        if (clean) {
            Recovery.clear();
            session.close();
        }
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : Recent.list()) {
            MenuItem it = new MenuItem(p.toString());
            it.setOnAction(e -> {
                if (confirmDiscard()) open(p);
            });
            recent.getItems().add(it);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(text.getString("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    // ------------------------------------------------------------------ import / export

    private void importDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle(text.getString("menu.file.import"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(text.getString("filter.gis"),
                "*.shp", "*.zip", "*.gpkg", "*.geojson", "*.json"));
        java.io.File f = fc.showOpenDialog(stage);
        if (f != null) importFile(f.toPath());
    }

    /** Starts the import dialog for a file (menu or drop on the map). */
    public void importFile(Path file) {
        java.util.Set<String> names = new java.util.HashSet<>();
        session.project().layers().forEach(l -> names.add(l.name()));
        ImportFlow.run(stage, file, locale, names, layer -> perform(new LayerChanges.Add(layer, -1), null));
    }

    private void exportDialog(String format) {
        Scenario s = session.scenario().orElse(null);
        if (s == null) return;
        Path target;
        if (format.equals("shp")) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(text.getString("menu.export.shp"));
            java.io.File dir = dc.showDialog(stage);
            if (dir == null) return;
            target = dir.toPath();
        } else {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(Exports.safeName(s.name()) + "." + format);
            java.io.File f = fc.showSaveDialog(stage);
            if (f == null) return;
            target = f.toPath();
        }
        export(format, target);
    }

    /** Exports the scenario's candidates and their computed contours; returns the files written. */
    public List<Path> export(String format, Path target) {
        Scenario s = session.scenario().orElseThrow();
        List<Path> written = new ArrayList<>();
        try {
            Exports.Table cands = Exports.candidates(s, session.project());
            ScenarioResult r = lastResult;
            Exports.Table contours = r == null ? null : Exports.contours(s.name(), r);
            switch (format) {
                case "shp" -> {
                    Files.createDirectories(target);
                    written.addAll(Exports.shapefile(cands, target));
                    if (contours != null && !contours.rows().isEmpty()) written.addAll(Exports.shapefile(contours, target));
                }
                case "gpkg" -> {
                    written.addAll(Exports.geoPackage(cands, target));
                    if (contours != null && !contours.rows().isEmpty()) written.addAll(Exports.geoPackage(contours, target));
                }
                default -> {
                    written.addAll(Exports.geoJson(cands, target, true));
                    if (contours != null && !contours.rows().isEmpty()) {
                        String name = target.getFileName().toString().replaceFirst("(\\.[^.]*)?$", "_contouren.geojson");
                        written.addAll(Exports.geoJson(contours, target.resolveSibling(name), true));
                    }
                }
            }
            notify(String.format(text.getString("export.done"), written.size(), target));
        } catch (IOException | RuntimeException e) {
            error(text.getString("error.export"), target + ": " + e.getMessage());
        }
        return written;
    }

    private void exportPngDialog() {
        TextInputDialog width = new TextInputDialog("3840");
        width.initOwner(stage);
        width.setTitle(text.getString("menu.export.png"));
        width.setHeaderText(text.getString("png.widthQuestion"));
        int w;
        try {
            w = Integer.parseInt(width.showAndWait().orElse("").trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (w < 200 || w > 16_000) {
            notify(text.getString("png.widthRange"));
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setInitialFileName("kaart.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) exportPng(f.toPath(), w);
    }

    /**
     * Writes the map view at a chosen width in pixels (height in the view's proportion): layers,
     * candidates, legend, scale bar and north arrow, drawn off the FX thread.
     */
    public void exportPng(Path file, int width) {
        Project copy = snapshot(session.project());
        Scenario s = copy.scenario(session.scenarioName()).orElseThrow();
        Envelope area = map.viewport().worldBounds();
        int height = (int) Math.max(1, Math.round(width * map.getHeight() / Math.max(1, map.getWidth())));
        Thread t = new Thread(() -> {
            try {
                // Written beside and moved into place: a half-written PNG never carries the name.
                Path temp = nl.ruimteschets.io.AtomicFiles.tempBeside(file, ".png");
                javax.imageio.ImageIO.write(nl.ruimteschets.report.MapImage.render(copy, s, area, width, height, locale), "png", temp.toFile());
                nl.ruimteschets.io.AtomicFiles.moveIntoPlace(temp, file);
                Platform.runLater(() -> notify(String.format(text.getString("export.done"), 1, file)));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> error(text.getString("error.export"), file + ": " + e.getMessage()));
            }
        }, "ruimteschets-png");
        t.setDaemon(true);
        t.start();
    }

    /** Opens the comparison of the project's scenarios (two to four side by side, table, swipe). */
    public ComparisonView compare() {
        if (session.project().scenarios().size() < 2) {
            notify(text.getString("compare.needTwo"));
            return null;
        }
        String name = session.file() == null ? text.getString("title.unsaved") : session.file().getFileName().toString();
        return ComparisonView.show(stage, text, locale, MainWindow.snapshot(session.project()), name, map.viewport());
    }

    private void reportDialog(String format) {
        Scenario s = session.scenario().orElse(null);
        if (s == null) return;
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(Exports.safeName(s.name()) + "." + format);
        java.io.File f = fc.showSaveDialog(stage);
        if (f != null) report(format, f.toPath(), null);
    }

    /**
     * Writes the scenario on screen as a PDF report or an indicator CSV, in the background;
     * {@code done} runs on the FX thread afterwards (tests).
     */
    public void report(String format, Path target, Runnable done) {
        Project copy = snapshot(session.project());
        Scenario s = copy.scenario(session.scenarioName()).orElseThrow();
        String name = session.file() == null ? text.getString("title.unsaved") : session.file().getFileName().toString();
        engineState.setText(text.getString("file.saving"));
        Thread t = new Thread(() -> {
            try {
                nl.ruimteschets.report.Report r = nl.ruimteschets.report.Report.of(copy, name, List.of(s), locale);
                if (format.equals("pdf")) nl.ruimteschets.report.PdfReport.write(r, target);
                else r.writeCsv(target);
                Platform.runLater(() -> {
                    notify(String.format(text.getString("export.done"), 1, target));
                    engineState.setText(text.getString("engine.ready"));
                    if (done != null) done.run();
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> error(text.getString("error.export"), target + ": " + e.getMessage()));
            }
        }, "ruimteschets-report");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------ language and messages

    private void switchLanguage(String tag) {
        if (locale.getLanguage().equals(tag)) return;
        Preferences.userNodeForPackage(MainWindow.class).put("lang", tag);
        shutdown(false);
        MainWindow next = new MainWindow(nl.ruimteschets.app.AppLocale.of(tag));
        next.onLanguageSwitch(onLanguageSwitch);
        Session s = session;
        Viewport view = map.viewport();
        String selected = map.selectedId();
        double w = stage.getWidth(), h = stage.getHeight();
        next.show(stage, s);
        // The window is rebuilt in place: keep its size.
        stage.setWidth(w);
        stage.setHeight(h);
        next.map().setViewport(view.resize(next.map().getWidth(), next.map().getHeight()));
        if (selected != null) next.select(selected);
        onLanguageSwitch.run();
        current = next;
    }

    /** The window now showing (a language switch replaces it); for tests and the app. */
    public static MainWindow current;

    private void notify(String message) {
        status(message);
        if (stage.getScene() == null || !stage.isShowing()) return;
        org.controlsfx.control.Notifications.create().owner(stage).text(message).hideAfter(Duration.seconds(4)).show();
    }

    private void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.initOwner(stage);
        a.setHeaderText(header);
        a.getDialogPane().setId("errorDialog");
        a.show();
    }

    private java.util.Optional<String> askName(String titleKey, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(stage);
        d.setTitle(text.getString(titleKey));
        d.setHeaderText(text.getString("scenarios.name"));
        d.getEditor().setId("scenarioName");
        return d.showAndWait().map(String::trim).filter(n -> !n.isEmpty()).filter(n -> {
            if (session.project().scenario(n).isPresent()) {
                error(text.getString("error.change"), String.format(text.getString("scenarios.exists"), n));
                return false;
            }
            return true;
        });
    }
}
