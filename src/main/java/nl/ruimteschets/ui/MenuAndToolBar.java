package nl.ruimteschets.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.change.UndoHistory;

/**
 * Builds the window's menu bar and toolbar and binds the tool keys; every item only calls the part
 * that does the work ({@link FileActions}, {@link ExportActions}, {@link PresentationController}, ...).
 *
 * <p>FX thread only.
 */
final class MenuAndToolBar {
    private final MainWindow window;
    private final MapCanvas map;
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final Map<MapTools.Tool, ToggleButton> toolButtons = new EnumMap<>(MapTools.Tool.class);
    private Button undoButton, redoButton;
    private MenuItem undoItem, redoItem;
    private ToggleButton snap;

    MenuAndToolBar(MainWindow window) {
        this.window = window;
        this.map = window.map();
    }

    MenuBar menuBar() {
        FileActions files = window.files();
        ExportActions exports = window.exports();
        Menu file = new Menu(window.text("menu.file"));
        MenuItem newItem = item("menu.file.new", "Shortcut+N", e -> files.newProject());
        MenuItem open = item("menu.file.open", "Shortcut+O", e -> files.openDialog());
        MenuItem openDb = item("menu.file.openDatabase", null, e -> files.openDatabaseDialog());
        MenuItem joinWorkshop = item("menu.file.joinWorkshop", null, e -> window.workshop().join());
        MenuItem leaveWorkshop = item("menu.file.leaveWorkshop", null, e -> window.workshop().leave());
        MenuItem plannerName = item("menu.file.plannerName", null, e -> window.workshop().rename());
        file.setOnShowing(e -> leaveWorkshop.setDisable(!(window.session().shared() instanceof nl.ruimteschets.io.postgis.PostgisStorage pg)
                || !pg.joined()));
        Menu recent = new Menu(window.text("menu.file.recent"));
        recent.setOnShowing(e -> files.fillRecent(recent));
        files.fillRecent(recent);
        MenuItem save = item("menu.file.save", "Shortcut+S", e -> files.save(false));
        MenuItem saveAs = item("menu.file.saveAs", "Shortcut+Shift+S", e -> files.save(true));
        MenuItem imp = item("menu.file.import", "Shortcut+I", e -> files.importDialog());
        Menu export = new Menu(window.text("menu.file.export"));
        export.getItems().addAll(item("menu.export.shp", null, e -> exports.exportDialog("shp")),
                item("menu.export.gpkg", null, e -> exports.exportDialog("gpkg")),
                item("menu.export.geojson", null, e -> exports.exportDialog("geojson")),
                item("menu.export.png", "Shortcut+P", e -> exports.exportPngDialog()),
                new SeparatorMenuItem(),
                item("menu.export.pdf", "Shortcut+R", e -> exports.reportDialog("pdf")),
                item("menu.export.csv", null, e -> exports.reportDialog("csv")));
        MenuItem quit = item("menu.file.quit", "Shortcut+Q", e -> files.quit());
        file.getItems().addAll(newItem, open, openDb, joinWorkshop, leaveWorkshop, plannerName, recent, save, saveAs, new SeparatorMenuItem(), imp, export,
                new SeparatorMenuItem(), quit);

        Menu edit = new Menu(window.text("menu.edit"));
        undoItem = item("menu.edit.undo", "Shortcut+Z", e -> window.undo());
        redoItem = item("menu.edit.redo", "Shortcut+Y", e -> window.redo());
        MenuItem del = item("menu.edit.delete", null, e -> {
            if (map.selectedId() != null) window.perform(new nl.ruimteschets.model.change.CandidateChanges.Remove(
                    window.session().scenarioName(), map.selectedId()), null);
        });
        // Ctrl+B itself is caught by WorkshopActions.keys, so it also works in presentation mode.
        MenuItem snapshot = item("snapshot.menu", "Shortcut+B", e -> window.workshop().snapshot());
        edit.getItems().addAll(undoItem, redoItem, new SeparatorMenuItem(), del, snapshot);

        Menu toolsMenu = new Menu(window.text("menu.tools"));
        for (MapTools.Tool t : MapTools.Tool.values()) {
            MenuItem it = new MenuItem(window.text("tool." + t.name()) + "  (" + t.key.getName() + ")");
            it.setOnAction(e -> window.selectTool(t));
            toolsMenu.getItems().add(it);
        }
        CheckMenuItem snap = new CheckMenuItem(window.text("tool.snap") + "  (K)");
        snap.setSelected(true);
        snap.selectedProperty().addListener((o, a, b) -> window.tools().setSnapping(b));
        toolsMenu.getItems().addAll(new SeparatorMenuItem(), snap);

        Menu view = new Menu(window.text("menu.view"));
        MenuItem extent = item("menu.view.extent", "Shortcut+0", e -> map.zoomTo(map.fullExtent()));
        MenuItem selection = item("menu.view.selection", "Shortcut+9", e -> {
            Candidate c = map.selected();
            if (c != null) map.zoomTo(c.footprint().getEnvelopeInternal());
        });
        MenuItem compare = item("menu.view.compare", "Shortcut+K", e -> exports.compare());
        MenuItem search = item("search.menu", "Shortcut+L", e -> window.openSiteSearch());
        MenuItem presentItem = item("present.start", "F5", e -> window.present());
        view.getItems().addAll(extent, selection, new SeparatorMenuItem(), compare, search, presentItem, new SeparatorMenuItem());
        for (MapCanvas.Overlay o : MapCanvas.Overlay.values()) {
            CheckMenuItem it = new CheckMenuItem(window.text("overlay." + o.name()));
            it.setSelected(map.overlay(o));
            it.selectedProperty().addListener((ob, a, b) -> {
                map.setOverlay(o, b);
                if (o == MapCanvas.Overlay.NITROGEN) window.engine().updateHexagons();
            });
            view.getItems().add(it);
        }

        Menu language = new Menu(window.text("menu.language"));
        ToggleGroup langs = new ToggleGroup();
        for (String tag : new String[] {"nl", "en"}) {
            RadioMenuItem it = new RadioMenuItem(window.text("language." + tag));
            it.setId("language-" + tag);
            it.setToggleGroup(langs);
            it.setSelected(window.locale().getLanguage().equals(tag));
            it.setOnAction(e -> window.switchLanguage(tag));
            language.getItems().add(it);
        }
        MenuBar bar = new MenuBar(file, edit, toolsMenu, view, language);
        bar.setId("menuBar");
        return bar;
    }

    private MenuItem item(String key, String accelerator, EventHandler<ActionEvent> action) {
        MenuItem it = new MenuItem(window.text(key));
        it.setId(key.replace('.', '-'));
        if (accelerator != null) it.setAccelerator(KeyCombination.keyCombination(accelerator));
        it.setOnAction(action);
        return it;
    }

    ToolBar toolBar() {
        ToolBar bar = new ToolBar();
        for (MapTools.Tool t : MapTools.Tool.values()) {
            ToggleButton b = new ToggleButton(window.text("tool." + t.name()));
            b.setId("tool-" + t.name());
            b.setToggleGroup(toolGroup);
            b.setTooltip(new Tooltip(window.text("tool." + t.name()) + " (" + t.key.getName() + ")\n"
                    + window.text("tool." + t.name() + ".hint")));
            b.setOnAction(e -> window.selectTool(t));
            toolButtons.put(t, b);
            bar.getItems().add(b);
        }
        toolButtons.get(MapTools.Tool.EDIT).setSelected(true);
        ToggleButton snap = new ToggleButton(window.text("tool.snap"));
        snap.setId("tool-snap");
        snap.setSelected(true);
        snap.setTooltip(new Tooltip(window.text("tool.snap.tip")));
        snap.selectedProperty().addListener((o, a, b) -> window.tools().setSnapping(b));
        undoButton = new Button("↶");
        undoButton.setId("undoButton");
        undoButton.setOnAction(e -> window.undo());
        redoButton = new Button("↷");
        redoButton.setId("redoButton");
        redoButton.setOnAction(e -> window.redo());
        Button present = new Button(window.text("present.start"));
        present.setId("presentButton");
        present.setTooltip(new Tooltip(window.text("present.start") + " (F5)"));
        present.setOnAction(e -> window.present());
        bar.getItems().addAll(new Separator(), snap, new Separator(), undoButton, redoButton, new Separator(), present);
        this.snap = snap;
        return bar;
    }

    /**
     * Tool keys (E, U, S, P, V, X, I, M; K for snapping) work wherever the focus is, after a menu or
     * a button too, except while the planner types in a text field.
     */
    void installToolKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown() || e.isControlDown() || typing(scene.getFocusOwner())) return;
            if (e.getCode() == KeyCode.K) {
                snap.setSelected(!snap.isSelected());
                e.consume();
                return;
            }
            for (MapTools.Tool t : MapTools.Tool.values()) {
                if (t.key == e.getCode()) {
                    window.selectTool(t);
                    e.consume();
                }
            }
        });
    }

    /** True when the focused control takes typed letters. */
    private static boolean typing(Node focus) {
        if (focus instanceof TextInputControl) return true;
        if (focus instanceof ComboBoxBase<?> c && c.isEditable()) return true;
        return focus instanceof Spinner<?> s && s.isEditable();
    }

    /** Shows the chosen tool's button pressed. */
    void showTool(MapTools.Tool t) {
        ToggleButton b = toolButtons.get(t);
        if (b != null) b.setSelected(true);
    }

    /** Undo/redo enabled as the history allows, with what they would undo or redo. */
    void showHistory(UndoHistory history) {
        boolean canUndo = history.canUndo(), canRedo = history.canRedo();
        undoButton.setDisable(!canUndo);
        redoButton.setDisable(!canRedo);
        undoItem.setDisable(!canUndo);
        redoItem.setDisable(!canRedo);
        String u = history.undoDescriptionKey(), r = history.redoDescriptionKey();
        undoItem.setText(window.text("menu.edit.undo") + (u == null ? "" : ": " + window.text(u)));
        redoItem.setText(window.text("menu.edit.redo") + (r == null ? "" : ": " + window.text(r)));
        undoButton.setTooltip(new Tooltip(undoItem.getText() + " (Ctrl+Z)"));
        redoButton.setTooltip(new Tooltip(redoItem.getText() + " (Ctrl+Y)"));
    }
}
