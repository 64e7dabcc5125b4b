package nl.ruimteschets.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import javafx.scene.control.ButtonType;
import nl.ruimteschets.ui.Dialogs;
import nl.ruimteschets.ui.MainWindow;
import nl.ruimteschets.ui.Recovery;
import nl.ruimteschets.ui.Session;

/**
 * The desktop application. Arguments: an optional project file (default: the bundled sample maps),
 * {@code --lang en}, and {@code --exit-after-shown} for start-up smoke tests and the start-up measure (it
 * prints "shown after N ms", N counted from the JVM's start to the map drawn, and exits).
 */
public class RuimteschetsApp extends Application {

    @Override
    public void start(Stage stage) {
        // getParameters() is null when a test starts the app directly (STACK.md P2).
        Options options = Options.parse(getParameters() == null ? List.of() : getParameters().getRaw());
        String lang = options.lang();
        Path file = options.file();
        boolean exitAfterShown = options.exitAfterShown();
        if (lang == null) lang = java.util.prefs.Preferences.userNodeForPackage(MainWindow.class).get("lang", null);
        Locale locale = AppLocale.resolve(lang);
        ResourceBundle text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        Session session = null;
        if (Recovery.pending().isPresent() && !exitAfterShown) {
            Alert ask = Dialogs.alert(null, text, Alert.AlertType.CONFIRMATION, text.getString("recovery.header"),
                    text.getString("recovery.question"), ButtonType.YES, ButtonType.NO);
            if (ask.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) {
                try {
                    session = Recovery.recover();
                } catch (InputException e) {
                    error(text, e.getMessage(locale));
                }
            }
        }
        try {
            if (session == null && options.database() != null) {
                nl.ruimteschets.io.ProjectStorage storage = nl.ruimteschets.io.ProjectStorage.open(options.database(),
                        nl.ruimteschets.ui.DatabaseOpen.prompt(null, text));
                try {
                    session = Session.of(storage.load(), storage);
                } catch (InputException | RuntimeException e) {
                    storage.close();
                    throw e;
                }
                nl.ruimteschets.ui.DatabaseOpen.remember(storage.location());
            }
            if (session == null) {
                session = file == null ? new Session(sample(), null) : new Session(ProjectStore.open(file), file);
            }
        } catch (InputException e) {
            error(text, e.getMessage(locale));
            return;
        } catch (Exception e) {
            error(text, String.valueOf(e.getMessage()));
            return;
        }
        MainWindow window = new MainWindow(locale);
        window.show(stage, session);
        if (exitAfterShown) {
            // The start-up measure: the window is up once its map shows the project's layers and labels, not
            // when the stage first appears (the map is drawn on its own thread). Both times are printed.
            long windowShown = uptimeMillis();
            window.map().whenDrawn(() -> {
                System.out.println("shown after " + uptimeMillis() + " ms (window " + windowShown + " ms, then the map drawn)");
                Platform.runLater(Platform::exit);
            });
            // A smoke test must end even when the map never draws: say so and fail.
            javafx.animation.PauseTransition limit = new javafx.animation.PauseTransition(javafx.util.Duration.minutes(1));
            limit.setOnFinished(e -> {
                System.err.println("window shown after " + windowShown + " ms, but the map was not drawn within a minute");
                System.exit(1);
            });
            limit.play();
        }
    }

    /**
     * The window's arguments: {@code --lang xx}, {@code --exit-after-shown}, and a project file or a
     * {@code postgresql://} URL (else the sample opens).
     */
    record Options(String lang, Path file, boolean exitAfterShown, String database) {
        static Options parse(List<String> args) {
            String lang = null;
            Path file = null;
            boolean exitAfterShown = false;
            String database = null;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--lang") && i + 1 < args.size()) lang = args.get(++i);
                else if (a.equals("--exit-after-shown")) exitAfterShown = true;
                else if (nl.ruimteschets.io.ProjectStorage.isDatabase(a)) database = a;
                else if (!a.startsWith("--")) file = Path.of(a);
            }
            return new Options(lang, file, exitAfterShown, database);
        }
    }

    /** Released once JavaFX's toolkit has started (GTK set up): only then may another thread start Java2D. */
    private static final java.util.concurrent.CountDownLatch TOOLKIT_UP = new java.util.concurrent.CountDownLatch(1);

    @Override
    public void init() {
        TOOLKIT_UP.countDown();
    }

    /** The sample project, started on another thread by the launcher so it overlaps JavaFX's own start. */
    private static volatile java.util.concurrent.CompletableFuture<Project> preparedSample;

    /**
     * Reads the sample and then makes its map ready ({@link nl.ruimteschets.render.PreparedMap}), on a
     * thread of its own while JavaFX starts: the window takes the project as soon as it is read.
     * Launched without a project file only.
     */
    static void prepareSample() {
        java.util.concurrent.CompletableFuture<Project> sample = new java.util.concurrent.CompletableFuture<>();
        preparedSample = sample;
        Thread t = new Thread(() -> {
            Project p;
            try {
                p = SampleProject.build();
            } catch (RuntimeException | Error e) {
                sample.completeExceptionally(e);
                return;
            }
            sample.complete(p);
            // The window reads its settings (language, recent files) first thing; reading them here loads the
            // preferences' XML machinery off the FX thread.
            java.util.prefs.Preferences.userNodeForPackage(MainWindow.class).get("lang", null);
            nl.ruimteschets.render.PreparedMap.prepare(p, () -> {
                try {
                    TOOLKIT_UP.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }, "ruimteschets-prepare");
        t.setDaemon(true);
        t.start();
    }

    private static Project sample() {
        java.util.concurrent.CompletableFuture<Project> f = preparedSample;
        preparedSample = null; // a second window (tests) gets a fresh one
        return f != null ? f.join() : SampleProject.build();
    }

    private static long uptimeMillis() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    private static void error(ResourceBundle text, String message) {
        Alert a = Dialogs.alert(null, text, Alert.AlertType.ERROR, text.getString("error.title"), message);
        a.showAndWait();
        Platform.exit();
    }
}
