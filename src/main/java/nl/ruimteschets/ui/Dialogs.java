package nl.ruimteschets.ui;

import java.util.Map;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * Dialogs in the user's language. JavaFX names its standard buttons and alert titles from its own
 * translations, which have no Dutch ("Cancel", "Yes", "Warning"); here they come from the UI bundle.
 * The standard {@link ButtonType}s stay the same objects, so callers compare answers as usual.
 *
 * <p>FX thread only.
 */
public final class Dialogs {
    private static final Map<ButtonType, String> BUTTON_KEYS = Map.of(ButtonType.OK, "button.ok", ButtonType.CANCEL, "button.cancel",
            ButtonType.YES, "button.yes", ButtonType.NO, "button.no", ButtonType.CLOSE, "button.close",
            ButtonType.APPLY, "button.apply");

    private Dialogs() { }

    /** An alert with a title for its kind ("Fout", "Waarschuwing"), a header and localized buttons. */
    public static Alert alert(Window owner, ResourceBundle text, Alert.AlertType type, String header, String message,
                              ButtonType... buttons) {
        Alert a = new Alert(type, message, buttons);
        if (owner != null) a.initOwner(owner);
        a.setTitle(text.getString("dialog.title." + type.name()));
        a.setHeaderText(header);
        localize(a, text);
        return a;
    }

    /** Names the dialog's standard buttons (OK, Annuleren, Ja, Nee, ...) from the bundle. */
    public static <T extends Dialog<?>> T localize(T dialog, ResourceBundle text) {
        for (ButtonType t : dialog.getDialogPane().getButtonTypes()) {
            String key = BUTTON_KEYS.get(t);
            Node b = dialog.getDialogPane().lookupButton(t);
            if (key != null && b instanceof Button button) button.setText(text.getString(key));
        }
        return dialog;
    }
}
