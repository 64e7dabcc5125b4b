package nl.ruimteschets.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.LayerChanges;
import nl.ruimteschets.model.change.ScenarioChanges;

/**
 * The File menu's project actions: new, open, save, save as, recent files, import of a GIS file,
 * the one-minute autosave to the recovery file, and the unsaved-changes question. Opening and
 * saving run on their own threads on a copy of the project, so the window never freezes.
 *
 * <p>FX thread only (apart from the file work it starts).
 */
final class FileActions {
    private final MainWindow window;
    private Timeline autosave;

    FileActions(MainWindow window) {
        this.window = window;
    }

    void newProject() {
        afterConfirmDiscard(this::replaceByNewProject);
    }

    private void replaceByNewProject() {
        Project p = new Project();
        Session session = window.session();
        session.project().profiles().values().forEach(p::putProfile);
        session.project().clusters().values().forEach(p::putCluster);
        p.scenarios().add(new Scenario(window.text("scenarios.first"), ""));
        window.replaceSession(new Session(p, null));
    }

    void openDialog() {
        afterConfirmDiscard(this::chooseAndOpen);
    }

    private void chooseAndOpen() {
        FileChooser fc = new FileChooser();
        fc.setTitle(window.text("menu.file.open"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(window.text("filter.project"), "*.gpkg"));
        java.io.File f = fc.showOpenDialog(window.stage());
        if (f != null) open(f.toPath());
    }

    /** Opens a project file in this window (in the background; the map stays usable meanwhile). */
    void open(Path file) {
        window.statusBar().engine("file.opening");
        Thread t = new Thread(() -> {
            try {
                Project p = ProjectStore.open(file);
                Platform.runLater(() -> {
                    window.replaceSession(new Session(p, file));
                    Recent.add(file);
                    // what opening cleaned up or recovered after a crash (a killed save's temp copy, a hot journal)
                    if (!p.openNotes().isEmpty()) {
                        window.status(String.join(" ", p.openNotes().stream().map(n -> n.format(window.locale())).toList()));
                    }
                });
            } catch (InputException e) {
                Platform.runLater(() -> window.error(window.text("error.open"), e.getMessage(window.locale())));
            } catch (RuntimeException e) {
                Platform.runLater(() -> window.error(window.text("error.open"), file + ": " + e.getMessage()));
            }
        }, "ruimteschets-open");
        t.setDaemon(true);
        t.start();
    }

    void openDatabaseDialog() {
        afterConfirmDiscard(() -> DatabaseOpen.ask(window.stage(), window.bundle()).ifPresent(this::openLocation));
    }

    /** Opens a project from a PostgreSQL URL (in the background; a password is asked for only when needed). */
    void openLocation(String url) {
        openLocation(url, null, null);
    }

    /** A step on the opened storage before the project is read (on the opening thread). */
    interface StorageStep {
        void accept(nl.ruimteschets.io.ProjectStorage storage) throws InputException;
    }

    /**
     * Opens a project from a PostgreSQL URL; {@code prepare} (may be null) runs before it is read (joining a
     * workshop), {@code opened} (may be null) on the FX thread once the window shows it.
     */
    void openLocation(String url, StorageStep prepare, java.util.function.Consumer<Session> opened) {
        PlannerName.askIfNew(window.stage(), window.bundle()); // the name colleagues will see with this planner's changes
        String author = PlannerName.current();
        window.statusBar().engine("file.opening");
        nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt prompt = DatabaseOpen.prompt(window.stage(), window.bundle());
        Thread t = new Thread(() -> {
            try {
                nl.ruimteschets.io.ProjectStorage storage = nl.ruimteschets.io.ProjectStorage.open(url, prompt);
                try {
                    if (storage instanceof nl.ruimteschets.io.postgis.PostgisStorage pg) pg.setAuthor(author);
                    if (prepare != null) prepare.accept(storage);
                    Project p = storage.load();
                    Platform.runLater(() -> {
                        window.replaceSession(Session.of(p, storage));
                        DatabaseOpen.remember(storage.location());
                        if (opened != null) opened.accept(window.session());
                    });
                } catch (InputException | RuntimeException e) {
                    storage.close();
                    throw e;
                }
            } catch (InputException e) {
                Platform.runLater(() -> window.error(window.text("error.open"), e.getMessage(window.locale())));
            }
        }, "ruimteschets-open-db");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Saves the project (Save As when asked or when it has no file yet). A copy of the project is
     * written in the background, so a big save never freezes the window; the write itself is atomic.
     */
    void save(boolean as) {
        save(as, null);
    }

    /** Saves as {@link #save(boolean)}; {@code done} runs after a successful save (not when the planner cancels). */
    void save(boolean as, Runnable done) {
        if (!as && window.session().shared() != null) {
            // a shared project is written change by change; Save As still makes a GeoPackage copy
            window.statusBar().status(window.text("db.saved.always"));
            if (done != null) done.run();
            return;
        }
        Path target = window.session().file();
        if (as || target == null) {
            FileChooser fc = new FileChooser();
            fc.setTitle(window.text("menu.file.saveAs"));
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(window.text("filter.project"), "*.gpkg"));
            fc.setInitialFileName(target == null ? "ruimteschets.gpkg" : target.getFileName().toString());
            java.io.File f = fc.showSaveDialog(window.stage());
            if (f == null) return;
            target = f.toPath().toString().endsWith(".gpkg") ? f.toPath() : Path.of(f.getPath() + ".gpkg");
        }
        saveTo(target, done);
    }

    /** Saves to {@code target}; {@code done} runs on the FX thread after success. */
    void saveTo(Path target, Runnable done) {
        Session owner = window.session();
        Project copy = snapshot(owner.project());
        int revision = owner.history().revision();
        window.statusBar().engine("file.saving");
        Thread t = new Thread(() -> {
            try {
                ProjectStore.save(copy, target);
                Platform.runLater(() -> {
                    Session session = window.session();
                    if (owner == session && session.history().revision() == revision) session.markSaved(target);
                    else if (owner == session) session.markSavedAt(target, revision);
                    Recent.add(target);
                    Recovery.clear();
                    window.status(String.format(window.text("file.saved"), target.getFileName()));
                    window.statusBar().engine("engine.ready");
                    if (done != null) done.run();
                });
            } catch (nl.ruimteschets.io.ProjectWriteException e) {
                // full disk, read-only, damaged or newer project: already one sentence, and the file is as it was
                Platform.runLater(() -> window.error(window.text("error.save"), e.userMessage().format(window.locale())));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> window.error(window.text("error.save"), String.format(window.text("error.save.detail"),
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

    void startAutosave() {
        autosave = new Timeline(new KeyFrame(Duration.seconds(60), e -> autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
    }

    void stopAutosave() {
        if (autosave != null) autosave.stop();
    }

    private void autosave() {
        Session session = window.session();
        if (!session.dirty()) return;
        Project copy = snapshot(session.project());
        Path original = session.file();
        Thread t = new Thread(() -> Recovery.write(copy, original), "ruimteschets-autosave");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs {@code then} once nothing unsaved would be lost: at once when nothing is unsaved, after
     * "Niet opslaan", or after "Opslaan" has finished saving (so Open or Quit goes on after the save).
     * Cancel, a cancelled Save As or a failed save run nothing.
     */
    void afterConfirmDiscard(Runnable then) {
        if (!window.session().dirty()) {
            then.run();
            return;
        }
        ButtonType saveB = new ButtonType(window.text("close.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(window.text("close.discard"), ButtonBar.ButtonData.NO);
        Alert a = Dialogs.alert(window.stage(), window.bundle(), Alert.AlertType.WARNING, window.text("close.header"),
                window.text("close.question"), saveB, discard, ButtonType.CANCEL);
        a.getDialogPane().setId("unsavedDialog");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == discard) then.run();
        else if (answer == saveB) save(false, then); // the save runs in the background, then the action goes on
    }

    /** Closes the window once nothing unsaved would be lost. */
    void quit() {
        afterConfirmDiscard(() -> {
            window.shutdown(true);
            window.stage().close();
        });
    }

    void fillRecent(Menu recent) {
        recent.getItems().clear();
        for (Path p : Recent.list()) {
            MenuItem it = new MenuItem(p.toString());
            it.setOnAction(e -> openAfterConfirm(p));
            recent.getItems().add(it);
        }
        if (recent.getItems().isEmpty()) {
            MenuItem none = new MenuItem(window.text("menu.file.recent.none"));
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    /** Opens {@code file} once nothing unsaved would be lost (the recent-files menu). */
    void openAfterConfirm(Path file) {
        afterConfirmDiscard(() -> open(file));
    }

    void importDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle(window.text("menu.file.import"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(window.text("filter.gis"),
                "*.shp", "*.zip", "*.gpkg", "*.geojson", "*.json"));
        java.io.File f = fc.showOpenDialog(window.stage());
        if (f != null) importFile(f.toPath());
    }

    /** Starts the import dialog for a file (menu or drop on the map). */
    void importFile(Path file) {
        java.util.Set<String> names = new java.util.HashSet<>();
        window.session().project().layers().forEach(l -> names.add(l.name()));
        Session session = window.session();
        if (session.shared() instanceof nl.ruimteschets.io.postgis.PostgisStorage store) {
            // Streamed into the database, never whole in this heap; colleagues get it through their feed.
            ImportFlow.runShared(window.stage(), file, window.locale(), names, store::importForWindow,
                    imported -> session.addImported(imported.layer(), imported.index()));
            return;
        }
        ImportFlow.run(window.stage(), file, window.locale(), names, layer -> window.perform(new LayerChanges.Add(layer, -1), null));
    }
}
