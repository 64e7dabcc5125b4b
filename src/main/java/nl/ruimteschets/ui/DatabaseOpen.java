package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt;

/**
 * Bestand → Openen uit database…: asks for a {@code postgresql://host:port/db?schema=NAME} address, offering
 * the recent ones, and asks for a password only when the server wants one and neither PGPASSWORD nor
 * ~/.pgpass gave it. The recent list holds addresses only; an address cannot hold a password (it is
 * refused when parsed), so none is ever stored. FX thread, except {@link #prompt}'s answer, which any
 * thread may wait for.
 */
public final class DatabaseOpen {
    private static final String KEY = "recentDatabases";
    private static final int MAX = 8;

    private DatabaseOpen() { }

    /** The address the planner chose, or empty when they cancelled. */
    static Optional<String> ask(Window owner, ResourceBundle text) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(text.getString("db.open.title"));
        d.setHeaderText(text.getString("db.open.header"));
        ComboBox<String> url = new ComboBox<>();
        url.setId("databaseUrl");
        url.setEditable(true);
        url.getItems().setAll(recent());
        url.setPromptText(text.getString("db.open.example"));
        url.setPrefWidth(520);
        if (!url.getItems().isEmpty()) url.getEditor().setText(url.getItems().get(0));
        Label help = new Label(text.getString("db.open.help"));
        help.setWrapText(true);
        help.setMaxWidth(520);
        VBox box = new VBox(8, url, help);
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? url.getEditor().getText().trim() : null);
        return d.showAndWait().filter(s -> !s.isBlank());
    }

    /** A password prompt for the storage: shows a dialog on the FX thread and waits for it from any other. */
    public static PasswordPrompt prompt(Window owner, ResourceBundle text) {
        return (location, user) -> {
            if (Platform.isFxApplicationThread()) return askPassword(owner, text, location.toString(), user);
            CompletableFuture<char[]> answer = new CompletableFuture<>();
            Platform.runLater(() -> answer.complete(askPassword(owner, text, location.toString(), user)));
            try {
                return answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException e) {
                return null;
            }
        };
    }

    private static char[] askPassword(Window owner, ResourceBundle text, String location, String user) {
        Dialog<char[]> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(text.getString("db.password.title"));
        d.setHeaderText(String.format(text.getString("db.password.header"), user, location));
        PasswordField pw = new PasswordField();
        pw.setId("databasePassword");
        d.getDialogPane().setContent(pw);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? pw.getText().toCharArray() : null);
        Platform.runLater(pw::requestFocus);
        char[] result = d.showAndWait().orElse(null);
        pw.clear();
        return result;
    }

    static List<String> recent() {
        List<String> out = new ArrayList<>();
        for (String s : prefs().get(KEY, "").split("\n")) if (ProjectStorage.isDatabase(s)) out.add(s);
        return out;
    }

    /** Remembers an address that opened (as the storage shows it: never with a password). */
    public static void remember(String location) {
        List<String> l = recent();
        l.remove(location);
        l.add(0, location);
        prefs().put(KEY, String.join("\n", l.subList(0, Math.min(MAX, l.size()))));
    }

    private static Preferences prefs() {
        return Preferences.userNodeForPackage(DatabaseOpen.class);
    }
}
