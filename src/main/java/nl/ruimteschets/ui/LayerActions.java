package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.ChangeSet;
import nl.ruimteschets.model.change.LayerChanges;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.MapLabels;
import org.locationtech.jts.geom.Envelope;

/**
 * What the layer panel's rows do: show/hide, opacity, draw order, zoom, the attribute table, removal
 * and the properties dialog (role, field mapping, colours). Each is an undoable change.
 *
 * <p>FX thread only.
 */
final class LayerActions implements LayerPanel.Actions {
    private final MainWindow window;
    private final List<AttributeTable.View> tables = new ArrayList<>();

    LayerActions(MainWindow window) {
        this.window = window;
    }

    @Override
    public void visible(String layer, boolean on) { setDisplay(layer, display(layer).withVisible(on)); }

    @Override
    public void opacity(String layer, double opacity) { setDisplay(layer, display(layer).withOpacity(opacity)); }

    @Override
    public void previewOpacity(String layer, double opacity) { window.map().previewOpacity(layer, opacity); }

    /** How the layer is drawn now: its saved look, or its role's. */
    private LayerDisplay display(String layer) {
        LayerDisplay d = window.session().project().displays().get(layer);
        if (d != null) return d;
        Layer l = window.session().project().layer(layer).orElseThrow();
        LayerStyle byRole = LayerStyle.forRole(l.role());
        return new LayerDisplay(true, 1, byRole.fill(), byRole.stroke(), MapLabels.defaultLabelField(l));
    }

    /** A new look is an undo step and saved with the project; setting the look it has is no step. */
    private void setDisplay(String layer, LayerDisplay d) {
        if (!d.equals(display(layer))) window.perform(new LayerChanges.Display(layer, d), null);
    }

    @Override
    public void move(String layer, int drawIndex) { window.perform(new LayerChanges.Move(layer, drawIndex), null); }

    @Override
    public void zoomTo(Layer layer) { window.map().zoomTo(layer.extent()); }

    @Override
    public void table(Layer layer) {
        MapCanvas map = window.map();
        AttributeTable.View view = AttributeTable.show(window.stage(), layer, window.locale(), f -> {
            map.setHighlight(f.geometry());
            Envelope e = f.geometry().getEnvelopeInternal();
            if (!map.viewport().worldBounds().contains(e)) map.zoomTo(e);
        }, (f, field, value) -> window.perform(new LayerChanges.EditValue(layer.name(), f.id(), field, value), null));
        tables.add(view);
        view.stage().setOnHidden(e -> tables.remove(view));
    }

    /** Shows each open attribute table's layer as it is now (after an edit, undo or redo). */
    void refreshTables() {
        for (AttributeTable.View v : List.copyOf(tables)) {
            window.session().project().layer(v.layer().name()).ifPresentOrElse(v::update, () -> v.stage().close());
        }
    }

    /** The open attribute tables (tests). */
    List<AttributeTable.View> tables() { return List.copyOf(tables); }

    @Override
    public void remove(Layer layer) {
        Alert a = Dialogs.alert(window.stage(), window.bundle(), Alert.AlertType.CONFIRMATION, null,
                String.format(window.text("layers.remove.confirm"), layer.name()), ButtonType.OK, ButtonType.CANCEL);
        a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> window.perform(new LayerChanges.Remove(layer.name()), null));
    }

    @Override
    public void properties(Layer layer) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(window.stage());
        d.setTitle(String.format(window.text("layers.props.title"), layer.name()));
        ChoiceBox<LayerRole> role = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(LayerRole.values()));
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(LayerRole r) { return r == null ? "" : window.text("role." + r.name()); }
            @Override public LayerRole fromString(String s) { return null; }
        });
        role.setValue(layer.role());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(window.text("layers.props.role")), role);
        Map<String, ChoiceBox<String>> mapping = new java.util.LinkedHashMap<>();
        List<String> fields = new ArrayList<>();
        fields.add("—");
        layer.fields().forEach(f -> fields.add(f.name()));
        int row = 1;
        for (String key : new String[] {Layer.MAP_NAME, Layer.MAP_CLUSTER, Layer.MAP_KIND, Layer.MAP_VULNERABILITY, Layer.MAP_KDW,
            Layer.MAP_AREA_HA}) {
            ChoiceBox<String> box = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(fields));
            box.setValue(layer.fieldMapping().getOrDefault(key, "—"));
            mapping.put(key, box);
            g.addRow(row++, new Label(window.text("mapping." + key)), box);
        }
        LayerDisplay shown = display(layer.name());
        ColorPicker fill = new ColorPicker(MapCanvas.color(shown.fill() | 0xFF));
        ColorPicker stroke = new ColorPicker(MapCanvas.color(shown.stroke()));
        g.addRow(row++, new Label(window.text("layers.props.fill")), fill);
        g.addRow(row++, new Label(window.text("layers.props.stroke")), stroke);
        ChoiceBox<String> label = new ChoiceBox<>(javafx.collections.FXCollections.observableArrayList(fields));
        label.setValue(shown.labelField() == null || layer.fieldIndex(shown.labelField()) < 0 ? "—" : shown.labelField());
        g.addRow(row, new Label(window.text("layers.props.label")), label);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Dialogs.localize(d, window.bundle());
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            List<Change> changes = new ArrayList<>();
            LayerDisplay look = display(layer.name());
            LayerDisplay recoloured = look.withColours(rgba(fill.getValue(), look.fill() & 0xFF), rgba(stroke.getValue(), 0xFF))
                    .withLabelField("—".equals(label.getValue()) ? null : label.getValue());
            if (!recoloured.equals(look)) changes.add(new LayerChanges.Display(layer.name(), recoloured));
            Map<String, String> m = new HashMap<>();
            mapping.forEach((k, box) -> {
                if (box.getValue() != null && !box.getValue().equals("—")) m.put(k, box.getValue());
            });
            if (role.getValue() != layer.role() || !m.equals(layer.fieldMapping())) {
                changes.add(new LayerChanges.Replace(layer.withRole(role.getValue(), m)));
            }
            // One dialog, one undo step.
            if (!changes.isEmpty()) window.perform(new ChangeSet("change.layer.properties", changes), null);
        });
    }

    private static int rgba(Color c, int alpha) {
        return ((int) Math.round(c.getRed() * 255) << 24) | ((int) Math.round(c.getGreen() * 255) << 16)
                | ((int) Math.round(c.getBlue() * 255) << 8) | alpha;
    }
}
