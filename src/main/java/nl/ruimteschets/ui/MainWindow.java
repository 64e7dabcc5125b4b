package nl.ruimteschets.ui;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Envelope;

/**
 * The main window: layer list on the left, map in the centre, status bar with RD coordinates and
 * scale below. FX thread only.
 */
public final class MainWindow {
    private final ResourceBundle text;
    private final MapCanvas map = new MapCanvas();
    private final Label coords = new Label();
    private final Label scale = new Label();

    public MainWindow(Locale locale) {
        this.text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
    }

    public MapCanvas map() { return map; }

    public void show(Stage stage, Project project, String title) {
        VBox layerList = new VBox(4);
        layerList.setPadding(new Insets(8));
        layerList.getChildren().add(new Label(text.getString("layers.title")));
        List<Layer> layers = project.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            CheckBox box = new CheckBox(l.name());
            box.setSelected(true);
            box.setTooltip(new Tooltip(text.getString("role." + l.role().name()) + " — " + l.features().size()
                    + " " + text.getString("layers.features")));
            int index = i;
            box.selectedProperty().addListener((o, was, is) -> map.setLayerVisible(index, is));
            layerList.getChildren().add(box);
        }
        ScrollPane left = new ScrollPane(layerList);
        left.setPrefWidth(230);
        left.setFitToWidth(true);

        map.setLayers(layers);
        project.scenarios().stream().findFirst().map(Scenario::candidates).ifPresent(map::setCandidates);
        map.onCursor(p -> coords.setText(String.format(Locale.ROOT, "RD  x %,.0f  y %,.0f", p[0], p[1])));
        map.onViewport(v -> scale.setText(String.format(Locale.ROOT, "1:%,d", v.scaleDenominator())));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(16, coords, spacer, scale, new Label("EPSG:28992 (RD New)"));
        status.setPadding(new Insets(3, 8, 3, 8));
        status.setStyle("-fx-background-color: #eceff1; -fx-border-color: #cfd8dc; -fx-border-width: 1 0 0 0;");

        BorderPane root = new BorderPane(map, null, null, status, left);
        stage.setTitle(title);
        // Fit laptop screens (1366×768) as well as 1920×1080.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight())));
        stage.show();
        Envelope extent = new Envelope();
        for (Layer l : layers) extent.expandToInclude(l.extent());
        if (!extent.isNull()) map.zoomTo(extent);
    }
}
