package nl.ruimteschets.ui;

import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Window;

/**
 * Bestand → Deelnemen aan workshop…: the facilitator's database address (recent ones offered), the name
 * this laptop's sketches carry (the planner's {@link PlannerName}, prefilled and updated) and the colour every screen, the projector's too, draws them in; after
 * connecting, which scenario of the project to sketch on. FX thread only.
 */
final class WorkshopJoin {
    /** What the participant filled in: the address, their name and colour (0xRRGGBBAA). */
    record Answer(String url, String name, int rgba) { }

    private WorkshopJoin() { }

    static Optional<Answer> ask(Window owner, ResourceBundle text) {
        Dialog<Answer> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(text.getString("join.title"));
        d.setHeaderText(text.getString("join.header"));
        ComboBox<String> url = new ComboBox<>();
        url.setId("joinUrl");
        url.setEditable(true);
        url.getItems().setAll(DatabaseOpen.recent());
        url.setPromptText(text.getString("db.open.example"));
        url.setPrefWidth(460);
        if (!url.getItems().isEmpty()) url.getEditor().setText(url.getItems().get(0));
        String planner = PlannerName.suggestion(); // one name: the one this planner's changes carry
        TextField name = new TextField(planner);
        name.setId("joinName");
        ColorPicker colour = new ColorPicker(toColor(MapCanvas.authorColour(planner)));
        colour.setId("joinColour");
        // a name typed before a colour was picked gets that name's own colour, as others would see it
        boolean[] picked = {false};
        colour.setOnAction(e -> picked[0] = true);
        name.textProperty().addListener((o, was, now) -> {
            if (!picked[0] && !now.isBlank()) colour.setValue(toColor(MapCanvas.authorColour(now.trim())));
        });
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label(text.getString("join.url")), url);
        grid.addRow(1, new Label(text.getString("join.name")), name);
        grid.addRow(2, new Label(text.getString("join.colour")), colour);
        Label help = new Label(text.getString("join.help"));
        help.setWrapText(true);
        help.setMaxWidth(560);
        grid.add(help, 0, 3, 2, 1);
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        // OK needs an address and a name
        javafx.scene.Node ok = d.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(url.getEditor().textProperty().isEmpty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !PlannerName.acceptable(name.getText()), name.textProperty())));
        d.setResultConverter(b -> b == ButtonType.OK
                ? new Answer(url.getEditor().getText().trim(), name.getText().trim(), toRgba(colour.getValue())) : null);
        return d.showAndWait().filter(a -> !a.url().isBlank() && PlannerName.acceptable(a.name()));
    }

    /** Which scenario to sketch on (the only one without asking); empty when cancelled. */
    static Optional<String> pickScenario(Window owner, ResourceBundle text, List<String> names, String current) {
        if (names.size() <= 1) return names.stream().findFirst();
        ChoiceDialog<String> d = new ChoiceDialog<>(names.contains(current) ? current : names.get(0), names);
        d.initOwner(owner);
        d.setTitle(text.getString("join.title"));
        d.setHeaderText(text.getString("join.scenario"));
        d.getDialogPane().setId("joinScenario");
        return d.showAndWait();
    }

    static Color toColor(int rgba) {
        return Color.rgb((rgba >>> 24) & 0xFF, (rgba >>> 16) & 0xFF, (rgba >>> 8) & 0xFF, (rgba & 0xFF) / 255.0);
    }

    static int toRgba(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 24) | ((int) Math.round(c.getGreen() * 255) << 16)
                | ((int) Math.round(c.getBlue() * 255) << 8) | 0xFF;
    }
}
