package nl.ruimteschets.ui;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.render.Viewport;

/**
 * Presentation mode (F5): the {@link PresentationView} in this window on one screen, or in an
 * audience window on a second screen that follows the planner's map. Esc leaves, 1–9 switch scenarios.
 *
 * <p>FX thread only.
 */
final class PresentationController {
    private final MainWindow window;
    private PresentationView view;
    private javafx.scene.Parent plannerRoot;
    private Stage audience;
    private MapCanvas audienceMap;
    /** The planner window's divider positions before presenting, restored after (the map's column kept its width). */
    private double[] dividers;

    PresentationController(MainWindow window) {
        this.window = window;
    }

    /** True while the workshop view is on screen (here or on a second screen). */
    boolean presenting() { return view != null; }

    /** F5 presents, Esc leaves, 1–9 switch scenarios while presenting. */
    void keys(KeyEvent e) {
        if (presenting() && e.isShortcutDown() && (e.getCode() == KeyCode.Z || e.getCode() == KeyCode.Y)) {
            // The menu bar is not on screen while presenting: undo and redo are handled here.
            if (e.getCode() == KeyCode.Z && !e.isShiftDown()) window.undo();
            else window.redo();
            e.consume();
        } else if (e.getCode() == KeyCode.F5) {
            if (!presenting()) present();
            e.consume();
        } else if (presenting() && e.getCode() == KeyCode.ESCAPE && !window.tools().busy()) {
            leave();
            e.consume();
        } else if (presenting() && e.getCode().isDigitKey() && !e.isShortcutDown()) {
            int n = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
            if (e.getCode().getName().startsWith("Numpad")) n = e.getCode().getCode() - KeyCode.NUMPAD1.getCode();
            List<Scenario> all = window.session().project().scenarios();
            if (n >= 0 && n < Math.min(9, all.size())) {
                showScenario(all.get(n).name());
                e.consume();
            }
        }
    }

    /**
     * Enters the workshop view. With one screen the window goes full screen and the map moves into
     * the view, so sketching goes on; with two, an audience window opens full screen on the second
     * screen and follows the planner window.
     */
    void present() {
        if (presenting()) return;
        Stage stage = window.stage();
        MapCanvas map = window.map();
        List<javafx.stage.Screen> screens = javafx.stage.Screen.getScreens();
        if (screens.size() > 1) {
            audienceMap = new MapCanvas();
            audienceMap.showLayersOf(window.session().project());
            view = new PresentationView(window.bundle(), window.locale(), audienceMap, this::leave, this::showScenario);
            audience = new Stage();
            audience.setTitle(window.text("present.audience"));
            javafx.geometry.Rectangle2D b = screens.get(1).getBounds();
            audience.setX(b.getMinX());
            audience.setY(b.getMinY());
            Scene sc = new Scene(view, b.getWidth(), b.getHeight());
            sc.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
            audience.setScene(sc);
            audience.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            audience.setFullScreen(true);
            audience.setOnCloseRequest(e -> leave());
            audience.show();
            audienceMap.setViewport(map.viewport().resize(audienceMap.getWidth(), audienceMap.getHeight()));
        } else {
            plannerRoot = stage.getScene().getRoot();
            dividers = window.centrePane().getDividerPositions();
            window.centrePane().getItems().set(1, new Region()); // the map moves into the workshop view
            view = new PresentationView(window.bundle(), window.locale(), map, this::leave, this::showScenario);
            stage.getScene().setRoot(view);
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH); // Esc is ours: it also ends a sketch first
            stage.setFullScreen(true);
        }
        javafx.scene.control.Button snapshot = new javafx.scene.control.Button(window.text("snapshot.menu") + " (Ctrl+B)");
        snapshot.setId("presentSnapshot");
        snapshot.setOnAction(e -> window.workshop().snapshot());
        view.addAction(snapshot);
        // Read from the back of the room: the result legend a size up, on whichever map the audience sees.
        (audienceMap != null ? audienceMap : map).setLegend(window.locale(), 1.5);
        update();
        map.requestFocus();
    }

    void leave() {
        if (!presenting()) return;
        Stage stage = window.stage();
        if (audience != null) {
            Stage a = audience;
            audience = null;
            audienceMap = null;
            a.close();
        } else {
            view.releaseMap();
            window.centrePane().getItems().set(1, window.map());
            stage.getScene().setRoot(plannerRoot);
            stage.setFullScreen(false);
            // The split pane lost its proportions while the map was away; put them back once laid out.
            double[] d = dividers;
            if (d != null) {
                window.centrePane().setDividerPositions(d);
                javafx.application.Platform.runLater(() -> window.centrePane().setDividerPositions(d));
            }
        }
        view = null;
        window.map().setLegend(window.locale(), 1);
        window.map().requestFocus();
    }

    /** Briefly shows what an undo or redo did, while presenting. */
    void flash(String message) {
        if (view != null) view.flash(message);
    }

    private void showScenario(String name) {
        window.map().setSelected(null);
        window.session().selectScenario(name);
    }

    /** The planner's map moved: the audience window follows. */
    void followViewport(Viewport v) {
        if (audienceMap != null) audienceMap.setViewport(v.resize(audienceMap.getWidth(), audienceMap.getHeight()));
    }

    void showHexagons(List<double[]> hex) {
        if (audienceMap != null) audienceMap.setHexagons(hex);
    }

    /** Brings the workshop view in line with the session and the newest result. */
    void update() {
        if (view == null) return;
        Session session = window.session();
        MapCanvas map = window.map();
        List<String> names = session.project().scenarios().stream().map(Scenario::name).toList();
        view.show(names, session.scenarioName(), window.lastResult(), map.selectedId());
        if (audienceMap != null) {
            audienceMap.showLayersOf(session.project());
            audienceMap.setCandidates(map.candidates());
            audienceMap.setAuthors(map.authors());
            audienceMap.setAuthorColours(map.authorColours());
            audienceMap.setAnnotations(map.annotations());
            audienceMap.setSelected(map.selectedId());
            audienceMap.setSelectedResult(window.selectedResult());
        }
    }
}
