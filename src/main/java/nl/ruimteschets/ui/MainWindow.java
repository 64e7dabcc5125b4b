package nl.ruimteschets.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.render.Viewport;

/**
 * The planner's window: it lays out the panels and ties the parts together. Each concern has its own
 * class: {@link MenuAndToolBar} (menus, toolbar, tool keys), {@link FileActions} (new, open, save, save as,
 * recent, autosave, import), {@link ExportActions} (exports, PNG, reports, comparison),
 * {@link EngineBinding} (submits the scenario to the engine, shows the newest result),
 * {@link PresentationController} (F5 workshop view), {@link LayerActions} (the layer panel's actions),
 * {@link CandidateEditing} (what the map tools do to candidates), {@link ScenarioPanel} and {@link StatusBar}.
 *
 * <p>The flow is one way: a tool or dialog makes a {@link Change}, the {@link Session} applies it to the
 * model, the session's listener calls {@link #refresh()}, which shows the model and submits it to the
 * engine; the engine's newest result comes back through {@link #showResult()}.
 *
 * <p>FX thread only.
 */
public final class MainWindow {
    private final Locale locale;
    private final ResourceBundle text;
    private final MapCanvas map = new MapCanvas();
    private final MapTools tools;
    private final StatusBar statusBar;
    private final CandidateEditing editing;
    private final LayerActions layerActions;
    private final FileActions files;
    private final ExportActions exports;
    private final EngineBinding engine;
    private final PresentationController presentation;
    private final WorkshopActions workshop;
    private MenuAndToolBar bars;
    private LayerPanel layerPanel;
    private IndicatorPanel indicators;
    private CandidateSheet sheet;
    private ScenarioPanel scenarios;
    private SplitPane centrePane;
    private SiteSearchPanel siteSearch;
    private SplitPane rightPane;
    private IdentifyPanel identify;
    private Stage stage;
    private Session session;
    private final Consumer<Change> sessionListener = c -> refresh();
    private Consumer<MainWindow> onLanguageSwitch = w -> { };

    public MainWindow(Locale locale) {
        this.locale = locale;
        this.text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        this.statusBar = new StatusBar(text, locale);
        this.editing = new CandidateEditing(this);
        this.tools = new MapTools(map, editing);
        map.setTools(tools);
        map.setLegend(locale, 1);
        this.layerActions = new LayerActions(this);
        this.files = new FileActions(this);
        this.exports = new ExportActions(this);
        this.engine = new EngineBinding(this);
        this.presentation = new PresentationController(this);
        this.workshop = new WorkshopActions(this);
        tools.setNoteTaker(workshop);
    }

    public MapCanvas map() { return map; }

    public Session session() { return session; }

    public ScenarioResult lastResult() { return engine.lastResult(); }

    /** True while the engine has work in hand that has not been shown yet. */
    public boolean computing() { return engine.computing(); }

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
        layerPanel = new LayerPanel(text, layerActions);
        scenarios = new ScenarioPanel(this);
        bars = new MenuAndToolBar(this);

        BorderPane root = new BorderPane();
        root.setTop(new VBox(bars.menuBar(), bars.toolBar()));
        SplitPane left = new SplitPane(layerPanel, scenarios);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        SplitPane right = new SplitPane(indicators, sheetPane());
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.62);
        rightPane = right;
        identify = new IdentifyPanel(text);
        identify.onClose(() -> right.getItems().remove(identify));
        SplitPane centre = new SplitPane(left, map, right);
        centrePane = centre;
        centre.setDividerPositions(0.19, 0.7);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(right, false);
        root.setCenter(centre);
        root.setBottom(statusBar);

        map.onCursor(statusBar::cursor);
        map.onViewport(v -> {
            statusBar.scale(v);
            presentation.followViewport(v);
            engine.prefetch(v);
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
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, presentation::keys);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, workshop::keys);
        bars.installToolKeys(scene);
        stage.setOnCloseRequest(e -> {
            e.consume(); // closed by quit() once nothing unsaved would be lost
            files.quit();
        });
        if (session.project().scenarios().isEmpty()) {
            // A project made on the command line may have layers only: give the planner somewhere to draw.
            session.project().scenarios().add(new Scenario(text.getString("scenarios.first"), ""));
            session.selectScenario(text.getString("scenarios.first"));
        }
        session.addListener(sessionListener);
        session.onRefused(this::refused);
        session.subscribe(javafx.application.Platform::runLater);
        map.showLayersOf(session.project());
        refresh();
        stage.show();
        map.zoomTo(map.fullExtent());
        tools.setTool(MapTools.Tool.EDIT);
        // The map first, then the numbers: the engine starts once the map is on screen, or after a moment
        // should the map have no room to draw in.
        map.whenDrawn(engine::start);
        javafx.animation.PauseTransition engineAnyway = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
        engineAnyway.setOnFinished(e -> engine.start());
        engineAnyway.play();
        // No engine.rebuild() here: refresh() started it on these layers (a second build competed with the first drawing).
        files.startAutosave();
        map.requestFocus();
    }

    /** Called with the new window when the planner switches language (the window is rebuilt on the same session). */
    public void onLanguageSwitch(Consumer<MainWindow> r) { onLanguageSwitch = r; }

    private VBox sheetPane() {
        Label title = new Label(text.getString("prop.title"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        VBox box = new VBox(4, title, sheet);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        return box;
    }

    // ------------------------------------------------------------------ state → screen

    /** Brings every view in line with the session after a change, undo, redo, save or switch. */
    void refresh() {
        Project p = session.project();
        map.showLayersOf(p);
        engine.layersMaybeChanged();
        layerPanel.show(map.layers());
        layerActions.refreshTables();
        scenarios.show();
        List<Candidate> cands = session.scenario().map(Scenario::candidates).orElse(List.of());
        if (map.selectedId() != null && cands.stream().noneMatch(c -> c.id().equals(map.selectedId()))) map.setSelected(null);
        map.setCandidates(cands);
        String shown = session.scenarioName();
        map.setAuthors(session.shared() == null ? null : id -> session.shared().author(shown, id));
        map.setAuthorColours(session.shared() == null ? null : session.shared()::authorColour);
        map.setAnnotations(session.scenario().map(Scenario::annotations).orElse(List.of()));
        sheet.show(p, map.selected());
        bars.showHistory(session.history());
        stage.setTitle(title());
        engine.submit();
        presentation.update();
        if (siteSearch != null) siteSearch.projectChanged();
    }

    /** Opens (or brings up) the site search window. */
    public SiteSearchPanel openSiteSearch() {
        if (siteSearch == null) siteSearch = new SiteSearchPanel(this);
        siteSearch.show();
        return siteSearch;
    }

    /** Shows the engine's newest result (and the selection's detail) in the panels and on the map. */
    void showResult() {
        indicators.show(engine.lastResult(), map.selectedId());
        map.setSelectedResult(engine.selectedResult());
        engine.updateHexagons();
        presentation.update();
    }

    /** Shows the selected candidate's properties and results. */
    public void select(String candidateId) {
        map.setSelected(candidateId);
        sheet.show(session.project(), map.selected());
        showResult();
    }

    /** Shows what lies under an Identify click in the panel on the right (opened at the first click). */
    void showIdentify(double x, double y, List<IdentifyPanel.Hit> hits) {
        identify.show(x, y, hits);
        if (!rightPane.getItems().contains(identify)) {
            rightPane.getItems().add(identify);
            rightPane.setDividerPositions(0.45, 0.7);
        }
    }

    String title() {
        String state = switch (session.connection()) {
            case LOST -> " (" + text.getString("db.state.lost") + ")";
            case READ_ONLY -> " (" + text.getString("db.state.readOnly") + ")";
            case CONNECTED -> "";
        };
        return (session.dirty() ? "* " : "") + projectName() + state + " — " + text.getString("app.title");
    }

    /** The project file's name, else the project's own name (the sample), else "not saved" (for titles and reports). */
    String projectName() {
        return session.displayName() != null ? session.displayName()
                : session.project().name() != null ? session.project().name() : text.getString("title.unsaved");
    }

    /** Applies a change as one undo step; a change the model refuses is shown, not thrown. */
    void perform(Change c, Runnable after) {
        try {
            session.perform(c);
            if (after != null) after.run();
        } catch (IllegalStateException e) {
            error(text.getString("error.change"), e instanceof Session.Refused r ? r.message(locale) : e.getMessage());
        }
    }

    /** A change the shared store refused after it was shown (written in the background): the planner is told why. */
    private void refused(Session.Refused r) {
        error(text.getString("error.change"), r.message(locale));
    }

    /** Undo; a step a shared store refuses (a colleague changed it since) is shown, not thrown. */
    void undo() {
        String what = session.history().undoDescriptionKey();
        try {
            session.undo();
        } catch (IllegalStateException e) {
            error(text.getString("error.change"), e instanceof Session.Refused r ? r.message(locale) : e.getMessage());
            return;
        }
        if (what != null && presentation.presenting()) presentation.flash(text.getString("present.undone") + ": " + text.getString(what));
    }

    void redo() {
        String what = session.history().redoDescriptionKey();
        try {
            session.redo();
        } catch (IllegalStateException e) {
            error(text.getString("error.change"), e instanceof Session.Refused r ? r.message(locale) : e.getMessage());
            return;
        }
        if (what != null && presentation.presenting()) presentation.flash(text.getString("present.redone") + ": " + text.getString(what));
    }

    void selectTool(MapTools.Tool t) {
        tools.setTool(t);
        bars.showTool(t);
        map.requestFocus();
    }

    /** Puts a new session (new or opened project) in this window. */
    void replaceSession(Session s) {
        session.removeListener(sessionListener);
        if (s != session) session.close();
        session = s;
        session.addListener(sessionListener);
        session.onRefused(this::refused);
        session.subscribe(javafx.application.Platform::runLater);
        map.setSelected(null);
        engine.forgetResult();
        map.showLayersOf(s.project());
        refresh(); // rebuilds the engine when the new project's layers differ
        map.zoomTo(map.fullExtent());
    }

    void shutdown(boolean clean) {
        if (Boolean.getBoolean("ruimteschets.frameStats")) System.out.println(map.frameStats());
        files.stopAutosave();
        engine.shutdown();
        if (siteSearch != null) siteSearch.close();
        session.removeListener(sessionListener);
        if (clean) {
            Recovery.clear();
            session.close();
        }
    }

    // ------------------------------------------------------------------ what tests and the parts call

    /** Starts the import dialog for a file (menu or drop on the map). */
    public void importFile(Path file) { files.importFile(file); }

    /** Opens a project file in this window (in the background; the map stays usable meanwhile). */
    public void open(Path file) { files.open(file); }

    /** Opens a project from a {@code postgresql://} URL in this window (in the background). */
    public void openLocation(String url) { files.openLocation(url); }

    /** Saves (Save As when asked or when the project has no file yet). */
    public void save(boolean as) { files.save(as); }

    /** Saves to {@code target}; {@code done} runs on the FX thread after success. */
    public void saveTo(Path target, Runnable done) { files.saveTo(target, done); }

    /** Exports the scenario's candidates and their computed contours; returns the files written. */
    public List<Path> export(String format, Path target) { return exports.export(format, target); }

    /** Writes the map view as a PNG of {@code width} pixels, in the background. */
    public void exportPng(Path file, int width) { exports.exportPng(file, width); }

    /** Writes the scenario on screen as a PDF report or CSV in the background; {@code done} runs afterwards. */
    public void report(String format, Path target, Runnable done) { exports.report(format, target, done); }

    /** Opens the comparison of the project's scenarios. */
    public ComparisonView compare() { return exports.compare(); }

    /** True while the workshop view is on screen (here or on a second screen). */
    public boolean presenting() { return presentation.presenting(); }

    public void present() { presentation.present(); }

    public void leavePresentation() { presentation.leave(); }

    /** A copy that later edits do not touch: layers and candidates are immutable, lists are copied. */
    static Project snapshot(Project p) { return FileActions.snapshot(p); }

    // ------------------------------------------------------------------ parts' shared access

    Stage stage() { return stage; }

    Locale locale() { return locale; }

    ResourceBundle bundle() { return text; }

    String text(String key) { return text.getString(key); }

    MapTools tools() { return tools; }

    StatusBar statusBar() { return statusBar; }

    EngineBinding engine() { return engine; }

    FileActions files() { return files; }

    ExportActions exports() { return exports; }

    PresentationController presentation() { return presentation; }

    LayerActions layerActions() { return layerActions; }
    WorkshopActions workshop() { return workshop; }

    SplitPane centrePane() { return centrePane; }

    CandidateResult selectedResult() { return engine.selectedResult(); }

    // ------------------------------------------------------------------ language and messages

    void switchLanguage(String tag) {
        if (locale.getLanguage().equals(tag)) return;
        Preferences.userNodeForPackage(MainWindow.class).put("lang", tag);
        shutdown(false);
        MainWindow next = new MainWindow(nl.ruimteschets.app.AppLocale.of(tag));
        next.onLanguageSwitch(onLanguageSwitch);
        Viewport view = map.viewport();
        String selected = map.selectedId();
        double w = stage.getWidth(), h = stage.getHeight();
        next.show(stage, session);
        // The window is rebuilt in place: keep its size.
        stage.setWidth(w);
        stage.setHeight(h);
        next.map().setViewport(view.resize(next.map().getWidth(), next.map().getHeight()));
        if (selected != null) next.select(selected);
        onLanguageSwitch.accept(next);
    }

    void status(String message) { statusBar.status(message); }

    /** A message in the status bar and, briefly, as a notification. */
    void notify(String message) {
        status(message);
        if (stage.getScene() == null || !stage.isShowing()) return;
        org.controlsfx.control.Notifications.create().owner(stage).text(message).hideAfter(Duration.seconds(4)).show();
    }

    void error(String header, String message) {
        Alert a = Dialogs.alert(stage, text, Alert.AlertType.ERROR, header, message);
        a.getDialogPane().setId("errorDialog");
        a.show();
    }

    /** Asks for a scenario name not yet in use. */
    java.util.Optional<String> askName(String titleKey, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(stage);
        d.setTitle(text.getString(titleKey));
        d.setHeaderText(text.getString("scenarios.name"));
        d.getEditor().setId("scenarioName");
        Dialogs.localize(d, text);
        return d.showAndWait().map(String::trim).filter(n -> !n.isEmpty()).filter(n -> {
            if (session.project().scenario(n).isPresent()) {
                error(text.getString("error.change"), String.format(text.getString("scenarios.exists"), n));
                return false;
            }
            return true;
        });
    }

    /** A number in the user's language (decimal comma in Dutch). */
    String number(double value, int decimals) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }
}
