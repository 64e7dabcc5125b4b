package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import nl.ruimteschets.model.Layer;

/**
 * The layer panel: top layer first, each with a visibility box, a legend swatch in its style, its
 * name, a role badge and an opacity slider; drag a row to change the drawing order; right-click for
 * properties, zoom to layer, attribute table and remove. FX thread only.
 */
final class LayerPanel extends VBox {
    /** What the panel asks of the window. */
    interface Actions {
        void visible(String layer, boolean on);
        /** The opacity a planner settled on: one undo step. */
        void opacity(String layer, double opacity);
        /** The opacity while the slider is being dragged: drawn, not yet a change. */
        void previewOpacity(String layer, double opacity);
        /** Move to a position in the drawing order (0 = bottom). */
        void move(String layer, int drawIndex);
        void properties(Layer layer);
        void zoomTo(Layer layer);
        void table(Layer layer);
        void remove(Layer layer);
    }

    private final ResourceBundle text;
    private final Actions actions;
    private final ListView<MapCanvas.MapLayer> list = new ListView<>();

    LayerPanel(ResourceBundle text, Actions actions) {
        super(4);
        this.text = text;
        this.actions = actions;
        setId("layerPanel");
        setPadding(new Insets(6));
        Label title = new Label(text.getString("layers.title"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        list.setCellFactory(v -> new Cell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
        setPrefWidth(260);
    }

    /** Shows the map's layers, top (last drawn) first. */
    void show(List<MapCanvas.MapLayer> drawOrder) {
        List<MapCanvas.MapLayer> topFirst = new ArrayList<>(drawOrder);
        Collections.reverse(topFirst);
        list.getItems().setAll(topFirst);
    }

    private final class Cell extends ListCell<MapCanvas.MapLayer> {
        Cell() {
            // As wide as the list, not as its content: with a vertical scroll bar (ten layers at 1366 px) the
            // rows would otherwise overflow and a horizontal bar hide the opacity sliders.
            setPrefWidth(0);
            setOnDragDetected(e -> {
                if (getItem() == null) return;
                Dragboard db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent c = new ClipboardContent();
                c.putString(getItem().layer().name());
                db.setContent(c);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getGestureSource() != this && e.getDragboard().hasString()) e.acceptTransferModes(TransferMode.MOVE);
                e.consume();
            });
            setOnDragDropped(e -> {
                boolean ok = false;
                if (e.getDragboard().hasString() && getItem() != null) {
                    int rowsFromTop = getIndex();
                    int drawIndex = list.getItems().size() - 1 - rowsFromTop;
                    actions.move(e.getDragboard().getString(), drawIndex);
                    ok = true;
                }
                e.setDropCompleted(ok);
                e.consume();
            });
        }

        @Override
        protected void updateItem(MapCanvas.MapLayer item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            Layer l = item.layer();
            CheckBox box = new CheckBox();
            box.setSelected(item.visible());
            box.selectedProperty().addListener((o, was, is) -> actions.visible(l.name(), is));
            Rectangle swatch = new Rectangle(16, 12);
            // A layer without fill (province boundaries) shows as its outline only, as on the map.
            int fill = item.style().fill();
            swatch.setFill((fill & 0xFF) == 0 ? javafx.scene.paint.Color.TRANSPARENT : MapCanvas.color(fill | 0xFF));
            swatch.setStroke(MapCanvas.color(item.style().stroke()));
            swatch.setStrokeWidth(1.5);
            Label name = new Label(l.name());
            name.setMaxWidth(150);
            // A layer kept outside memory says where (database server or GeoPackage file) where it cannot be cut off: beside its role.
            String kept = !l.inDatabase() ? null : l.remote().inFile() ? "layers.infile" : "layers.indatabase";
            Label badge = new Label(text.getString("role." + l.role().name())
                    + (kept != null ? " · " + text.getString(kept + ".mark") : ""));
            badge.setStyle("-fx-font-size: 10px; -fx-background-color: #e3e8ef; -fx-background-radius: 6; -fx-padding: 0 5 0 5;");
            badge.setMinWidth(Region.USE_PREF_SIZE); // the role is never cut; the slider gives way
            Slider opacity = new Slider(0, 1, item.opacity());
            opacity.setPrefWidth(90);
            opacity.setMinWidth(40);
            opacity.setTooltip(new Tooltip(text.getString("layers.opacity")));
            // A drag shows every step but becomes one undo step when let go; a click on the track is one at once.
            opacity.valueProperty().addListener((o, a, b) -> {
                if (opacity.isValueChanging()) actions.previewOpacity(l.name(), b.doubleValue());
                else actions.opacity(l.name(), b.doubleValue());
            });
            opacity.valueChangingProperty().addListener((o, was, is) -> {
                if (!is) actions.opacity(l.name(), opacity.getValue());
            });
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(6, box, swatch, name);
            top.setAlignment(Pos.CENTER_LEFT);
            HBox bottom = new HBox(6, badge, spacer, opacity);
            bottom.setAlignment(Pos.CENTER_LEFT);
            bottom.setPadding(new Insets(0, 0, 0, 24));
            VBox cell = new VBox(2, top, bottom);
            setGraphic(cell);
            setText(null);
            setTooltip(new Tooltip(l.name() + "\n" + text.getString("role." + l.role().name()) + " — "
                    + String.format(java.util.Locale.getDefault(), "%,d", l.featureCount()) + " " + text.getString("layers.features")
                    + (kept != null ? "\n" + text.getString(kept) + "\n" + l.remote().location() : "")
                    + (l.source().isEmpty() ? "" : "\n" + l.source())));
            MenuItem props = new MenuItem(text.getString("layers.menu.properties"));
            props.setOnAction(e -> actions.properties(l));
            MenuItem zoom = new MenuItem(text.getString("layers.menu.zoom"));
            zoom.setOnAction(e -> actions.zoomTo(l));
            MenuItem table = new MenuItem(text.getString("layers.menu.table"));
            table.setOnAction(e -> actions.table(l));
            table.setDisable(l.inDatabase()); // its rows stay in the database; QGIS shows them
            MenuItem remove = new MenuItem(text.getString("layers.menu.remove"));
            remove.setOnAction(e -> actions.remove(l));
            setContextMenu(new ContextMenu(props, zoom, table, remove));
        }
    }
}
