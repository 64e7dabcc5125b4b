package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Project;

/**
 * The selected candidate's properties as a form of label-above-field rows (the right panel is narrow:
 * a two-column sheet cut both the names and the chosen values): name, kind, parent cluster,
 * activity profile, area of a point satellite, overrides and notes. Text commits on Enter or when the
 * field loses focus (one undo step per edit, not per keystroke); a value that does not parse or is out
 * of range is not applied and gets a red message under the sheet. FX thread only.
 */
final class CandidateSheet extends VBox {
    private final ResourceBundle text;
    private final Locale locale;
    private final Consumer<Candidate> onEdit;
    private final VBox form = new VBox(2);
    private final Label error = new Label();
    private Project project;
    private Candidate shown;

    CandidateSheet(ResourceBundle text, Locale locale, Consumer<Candidate> onEdit) {
        super(4);
        this.text = text;
        this.locale = locale;
        this.onEdit = onEdit;
        setId("candidateSheet");
        form.setStyle("-fx-padding: 4 6 4 6;");
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(300);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        error.setId("candidateSheetError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c62828;");
        getChildren().addAll(scroll, error);
    }

    void show(Project p, Candidate c) {
        project = p;
        if (c != null && c.equals(shown)) return; // keep the editor that has focus
        shown = c;
        error.setText("");
        List<Item> items = new ArrayList<>();
        if (c != null) {
            items.add(new Item("prop.name", String.class, c.name(), (x, v) -> x.withName(require(v))));
            items.add(new Item("prop.kind", CandidateKind.class, c.kind(), (x, v) -> new Candidate(x.id(), x.name(),
                    (CandidateKind) v, x.parentCluster(), x.geometry(), x.pointAreaHa(), x.profileName(), x.overrides(), x.notes())));
            items.add(new Item("prop.cluster", Choice.CLUSTER, c.parentCluster(), (x, v) -> new Candidate(x.id(), x.name(), x.kind(),
                    (String) v, x.geometry(), x.pointAreaHa(), x.profileName(), x.overrides(), x.notes())));
            items.add(new Item("prop.profile", Choice.PROFILE, c.profileName(), (x, v) -> new Candidate(x.id(), x.name(), x.kind(),
                    x.parentCluster(), x.geometry(), x.pointAreaHa(), (String) v, x.overrides(), x.notes())));
            if (c.isPoint()) {
                items.add(new Item("prop.pointHa", String.class, fmt(c.pointAreaHa()), (x, v) -> new Candidate(x.id(), x.name(),
                        x.kind(), x.parentCluster(), x.geometry(), positive(v), x.profileName(), x.overrides(), x.notes())));
            }
            CandidateOverrides o = c.overrides();
            items.add(override("prop.nb", o.nettoBrutoRatio(), v -> ratio(v),
                    (x, d) -> new CandidateOverrides(d, x.noxKgYr(), x.nh3KgYr(), x.noiseLw())));
            items.add(override("prop.nox", o.noxKgYr(), v -> nonNegative(v),
                    (x, d) -> new CandidateOverrides(x.nettoBrutoRatio(), d, x.nh3KgYr(), x.noiseLw())));
            items.add(override("prop.nh3", o.nh3KgYr(), v -> nonNegative(v),
                    (x, d) -> new CandidateOverrides(x.nettoBrutoRatio(), x.noxKgYr(), d, x.noiseLw())));
            items.add(override("prop.lw", o.noiseLw(), v -> lw(v),
                    (x, d) -> new CandidateOverrides(x.nettoBrutoRatio(), x.noxKgYr(), x.nh3KgYr(), d)));
            items.add(new Item("prop.notes", String.class, c.notes(), (x, v) -> new Candidate(x.id(), x.name(), x.kind(),
                    x.parentCluster(), x.geometry(), x.pointAreaHa(), x.profileName(), x.overrides(), (String) v)));
        }
        form.getChildren().clear();
        for (Item it : items) {
            Label name = new Label(it.getName());
            name.setWrapText(true);
            name.setMaxWidth(Double.MAX_VALUE);
            if (it.getDescription() != null) name.setTooltip(new Tooltip(it.getDescription()));
            Node field = editor(it);
            if (field instanceof Region r) r.setMaxWidth(Double.MAX_VALUE);
            name.setLabelFor(field);
            VBox row = new VBox(1, name, field);
            row.setStyle("-fx-padding: 0 0 4 0;");
            form.getChildren().add(row);
        }
    }

    private Item override(String key, Double value, Function<String, Double> parse,
                          BiFunction<CandidateOverrides, Double, CandidateOverrides> with) {
        return new Item(key, String.class, value == null ? "" : fmt(value), (x, v) -> {
            String s = ((String) v).trim();
            Double d = s.isEmpty() ? null : parse.apply(s);
            return new Candidate(x.id(), x.name(), x.kind(), x.parentCluster(), x.geometry(), x.pointAreaHa(),
                    x.profileName(), with.apply(x.overrides(), d), x.notes());
        });
    }

    /** Marker types for the choice editors. */
    private enum Choice { CLUSTER, PROFILE }

    private final class Item {
        private final String key;
        private final Object type;
        private Object value;
        private final BiFunction<Candidate, Object, Candidate> apply;

        Item(String key, Object type, Object value, BiFunction<Candidate, Object, Candidate> apply) {
            this.key = key;
            this.type = type;
            this.value = value;
            this.apply = apply;
        }

        String getName() { return text.getString(key); }
        String getDescription() { return text.containsKey(key + ".tip") ? text.getString(key + ".tip") : null; }
        Object getValue() { return value; }

        void setValue(Object v) {
            if (shown == null || java.util.Objects.equals(v, value)) return;
            try {
                Candidate next = apply.apply(shown, v);
                value = v;
                error.setText("");
                onEdit.accept(next);
            } catch (IllegalArgumentException e) {
                error.setText(getName() + ": " + e.getMessage());
            }
        }
    }

    private Node editor(Item it) {
        if (it.type == Choice.CLUSTER || it.type == Choice.PROFILE) {
            List<String> names = new ArrayList<>(it.type == Choice.CLUSTER ? project.clusters().keySet() : project.profiles().keySet());
            return choice(it, names);
        }
        if (it.type == CandidateKind.class) {
            ComboBox<CandidateKind> box = new ComboBox<>(FXCollections.observableArrayList(CandidateKind.values()));
            box.setConverter(new javafx.util.StringConverter<>() {
                @Override public String toString(CandidateKind k) { return k == null ? "" : text.getString("kind." + k.name()); }
                @Override public CandidateKind fromString(String s) { return null; }
            });
            box.setValue((CandidateKind) it.getValue());
            box.valueProperty().addListener((o, a, b) -> it.setValue(b));
            return box;
        }
        TextField field = new TextField(String.valueOf(it.getValue()));
        field.setId("prop-" + it.key.substring(5));
        field.setOnAction(e -> it.setValue(field.getText()));
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) it.setValue(field.getText());
        });
        return field;
    }

    private Node choice(Item it, List<String> names) {
        ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(names));
        box.setValue((String) it.getValue());
        box.setId("prop-" + it.key.substring(5));
        box.valueProperty().addListener((o, a, b) -> { if (b != null) it.setValue(b); });
        return box;
    }

    // ------------------------------------------------------------------ parsing, in the user's locale

    private String fmt(double v) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setGroupingUsed(false);
        f.setMaximumFractionDigits(4);
        return f.format(v);
    }

    private double parse(String s) {
        java.text.ParsePosition pos = new java.text.ParsePosition(0);
        String t = s.trim();
        Number n = java.text.NumberFormat.getNumberInstance(locale).parse(t, pos);
        if (n == null || pos.getIndex() != t.length()) throw new IllegalArgumentException(text.getString("prop.error.number"));
        return n.doubleValue();
    }

    private String require(Object v) {
        String s = ((String) v).trim();
        if (s.isEmpty()) throw new IllegalArgumentException(text.getString("prop.error.empty"));
        return s;
    }

    private double positive(Object v) {
        double d = parse((String) v);
        if (!(d > 0)) throw new IllegalArgumentException(text.getString("prop.error.positive"));
        return d;
    }

    private Double ratio(String s) {
        double d = parse(s);
        if (!(d > 0 && d <= 1)) throw new IllegalArgumentException(text.getString("prop.error.ratio"));
        return d;
    }

    private Double nonNegative(String s) {
        double d = parse(s);
        if (d < 0) throw new IllegalArgumentException(text.getString("prop.error.nonNegative"));
        return d;
    }

    private Double lw(String s) {
        double d = parse(s);
        if (d < 20 || d > 100) throw new IllegalArgumentException(text.getString("prop.error.lw"));
        return d;
    }
}
