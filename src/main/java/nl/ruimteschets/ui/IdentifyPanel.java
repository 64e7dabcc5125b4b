package nl.ruimteschets.ui;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.ruimteschets.model.Feature;

/**
 * What lies under the last Identify click: the features of the visible layers with their attributes,
 * in a panel beside the map (not a dialog), replaced at every click so it follows what the planner
 * points at. Closed with its × button.
 *
 * <p>FX thread only.
 */
final class IdentifyPanel extends VBox {
    /** One feature found: its layer's name and role (already in the user's language) and the feature. */
    record Hit(MapCanvas.MapLayer layer, String roleName, Feature feature) { }

    private final ResourceBundle text;
    private final Label where = new Label();
    private final VBox rows = new VBox(8);
    private Runnable onClose = () -> { };

    IdentifyPanel(ResourceBundle text) {
        super(4);
        this.text = text;
        setId("identifyPanel");
        Label title = new Label(text.getString("tool.IDENTIFY"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        Button close = new Button("×");
        close.setId("identifyClose");
        close.setOnAction(e -> onClose.run());
        close.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);
        where.setId("identifyWhere");
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, where, scroll);
        setPadding(new Insets(6));
    }

    void onClose(Runnable r) { onClose = r; }

    /** Shows what lies at RD (x, y); RD coordinates without separators, as every Dutch GIS writes them. */
    void show(double x, double y, List<Hit> hits) {
        where.setText(String.format(Locale.ROOT, "RD %.0f %.0f", x, y));
        rows.getChildren().clear();
        if (hits.isEmpty()) {
            Label none = new Label(text.getString("identify.none"));
            none.setWrapText(true);
            rows.getChildren().add(none);
            return;
        }
        for (Hit h : hits) {
            Label head = new Label(h.layer().layer().name() + " — " + h.roleName());
            head.setStyle("-fx-font-weight: bold;");
            head.setWrapText(true);
            GridPane g = new GridPane();
            g.setHgap(8);
            g.setVgap(2);
            var fields = h.layer().layer().fields();
            for (int i = 0; i < fields.size(); i++) {
                Label name = new Label(fields.get(i).name());
                name.setStyle("-fx-text-fill: #555;");
                name.setMinWidth(Region.USE_PREF_SIZE);
                Object v = h.feature().value(i);
                Label value = new Label(v == null ? "" : v.toString());
                value.setWrapText(true);
                g.addRow(i, name, value);
            }
            rows.getChildren().add(new VBox(2, head, g));
        }
    }
}
