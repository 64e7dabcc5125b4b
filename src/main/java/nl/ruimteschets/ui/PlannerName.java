package nl.ruimteschets.ui;

import java.util.Optional;
import java.util.ResourceBundle;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The planner's own name: written with every change they make to a shared (PostGIS) project, drawn under
 * their candidates and named in colleagues' conflict messages. Asked once, when a shared project is first
 * opened (prefilled with the operating-system login when it names a person), kept in the user's preferences like the recent
 * connections, changeable from Bestand → Mijn naam…; joining a workshop uses and updates the same name.
 * A name can never be an address or hold a password. FX thread for the dialog; the rest any thread.
 */
final class PlannerName {
    private static final String KEY = "plannerName";
    static final int MAX_LENGTH = 60;

    private PlannerName() { }

    /** The name the planner gave, if any. */
    static Optional<String> stored() {
        return Optional.ofNullable(prefs().get(KEY, null)).map(String::trim).filter(PlannerName::acceptable);
    }

    /** The name to write with changes now: the one given, else the operating-system login. */
    static String current() {
        return stored().orElseGet(PlannerName::login);
    }

    static void remember(String name) {
        if (!acceptable(name)) throw new IllegalArgumentException("not a planner name");
        prefs().put(KEY, name.trim());
    }

    /** Not blank, not too long, and nothing that looks like a connection detail (an address, a password). */
    static boolean acceptable(String name) {
        if (name == null || name.isBlank() || name.trim().length() > MAX_LENGTH) return false;
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return !n.contains("://") && !n.contains("password") && !n.contains("wachtwoord") && !n.contains("sslmode");
    }

    private static String login() {
        String login = System.getProperty("user.name", "");
        return login.isBlank() ? "?" : login;
    }

    /** What the dialog offers: the name given, else the login unless it names no person (root, admin…). */
    static String suggestion() {
        Optional<String> given = stored();
        if (given.isPresent()) return given.get();
        String login = login();
        return GENERIC_LOGINS.contains(login.toLowerCase(java.util.Locale.ROOT)) ? "" : login;
    }

    private static final java.util.Set<String> GENERIC_LOGINS = java.util.Set.of("?", "root", "admin", "administrator",
            "administrateur", "beheerder", "user", "gebruiker", "guest", "gast", "postgres", "ubuntu");

    /**
     * Before a shared project opens: asks for the name when none was given yet (once; cancelling keeps the
     * login for now and asks again next time).
     */
    static void askIfNew(Window owner, ResourceBundle text) {
        if (stored().isEmpty()) ask(owner, text).ifPresent(PlannerName::remember);
    }

    /** The dialog: the current name prefilled; empty when cancelled. */
    static Optional<String> ask(Window owner, ResourceBundle text) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(text.getString("planner.name.title"));
        d.setHeaderText(text.getString("planner.name.header"));
        d.getDialogPane().setId("plannerNameDialog");
        TextField name = new TextField(suggestion());
        name.setId("plannerName");
        name.setPromptText(text.getString("planner.name.example"));
        name.setPrefColumnCount(28);
        Label help = new Label(text.getString("planner.name.help"));
        help.setWrapText(true);
        help.setMaxWidth(440);
        VBox box = new VBox(8, new Label(text.getString("planner.name.label")), name, help);
        box.setPadding(new Insets(10));
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !acceptable(name.getText()), name.textProperty()));
        d.setOnShown(e -> name.selectAll());
        d.setResultConverter(b -> b == ButtonType.OK ? name.getText().trim() : null);
        return d.showAndWait().filter(PlannerName::acceptable);
    }

    private static Preferences prefs() {
        return Preferences.userNodeForPackage(PlannerName.class);
    }
}
