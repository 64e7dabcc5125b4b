package nl.ruimteschets.ui;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import nl.ruimteschets.render.Viewport;

/**
 * The bar under the map: the last message, the engine's state, the cursor's RD coordinates, the scale
 * and the CRS.
 *
 * <p>FX thread only.
 */
final class StatusBar extends HBox {
    private final ResourceBundle text;
    private final Locale locale;
    private final Label status = new Label();
    private final Label engineState = new Label();
    private final Label coords = new Label();
    private final Label scale = new Label();

    StatusBar(ResourceBundle text, Locale locale) {
        super(16);
        this.text = text;
        this.locale = locale;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        status.setId("statusText");
        engineState.setId("engineState");
        engineState.setMinWidth(140);
        // The hint may be cut at 1366 px; its whole text is then in the hover. Coordinates, scale and CRS are never cut.
        status.setMinWidth(0);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(480);
        whole.textProperty().bind(status.textProperty());
        status.setTooltip(whole);
        HBox.setHgrow(status, Priority.SOMETIMES);
        Label crs = new Label("EPSG:28992 (RD New)");
        for (Label l : new Label[] {engineState, coords, scale, crs}) l.setMinWidth(Region.USE_PREF_SIZE);
        coords.setMinWidth(170);
        scale.setMinWidth(90);
        getChildren().addAll(status, spacer, engineState, coords, scale, crs);
        setPadding(new Insets(3, 8, 3, 8));
        setStyle("-fx-background-color: #eceff1; -fx-border-color: #cfd8dc; -fx-border-width: 1 0 0 0;");
    }

    void status(String message) { status.setText(message); }

    /** The engine's state, by bundle key ({@code engine.ready}, {@code file.saving}, ...). */
    void engine(String key) { engineState.setText(text.getString(key)); }

    /** RD coordinates are written without separators, as in every Dutch GIS. */
    void cursor(double[] rd) { coords.setText(String.format(Locale.ROOT, "RD  x %.0f  y %.0f", rd[0], rd[1])); }

    void scale(Viewport v) { scale.setText(String.format(locale, "1:%,d", v.scaleDenominator())); }
}
