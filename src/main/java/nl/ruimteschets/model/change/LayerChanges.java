package nl.ruimteschets.model.change;

import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.Project;

/** The changes to the project's layers: add (an import), remove, move in the drawing order, new role, new look. */
public final class LayerChanges {
    private LayerChanges() { }

    static int indexOf(Project p, String name) {
        for (int i = 0; i < p.layers().size(); i++) if (p.layers().get(i).name().equals(name)) return i;
        throw new IllegalStateException("no layer " + name);
    }

    /** Adds a layer at a position in the drawing order (bottom = 0; -1: its role's place, {@link Project#placeFor}). */
    public record Add(Layer layer, int index) implements Change {
        @Override
        public Change apply(Project p) {
            if (p.layer(layer.name()).isPresent()) throw new IllegalStateException("layer " + layer.name() + " exists");
            p.layers().add(index < 0 ? p.placeFor(layer) : index, layer);
            return new Remove(layer.name());
        }

        @Override
        public String descriptionKey() { return "change.layer.add"; }
    }

    public record Remove(String name) implements Change {
        @Override
        public Change apply(Project p) {
            int i = indexOf(p, name);
            Layer removed = p.layers().remove(i);
            return new Add(removed, i);
        }

        @Override
        public String descriptionKey() { return "change.layer.remove"; }
    }

    /** Moves a layer to another place in the drawing order. */
    public record Move(String name, int toIndex) implements Change {
        @Override
        public Change apply(Project p) {
            int from = indexOf(p, name);
            Layer l = p.layers().remove(from);
            p.layers().add(Math.max(0, Math.min(toIndex, p.layers().size())), l);
            return new Move(name, from);
        }

        @Override
        public String descriptionKey() { return "change.layer.move"; }
    }

    /** Replaces a layer by a version with another role or field mapping (same features). */
    public record Replace(Layer layer) implements Change {
        @Override
        public Change apply(Project p) {
            int i = indexOf(p, layer.name());
            Layer old = p.layers().set(i, layer);
            return new Replace(old);
        }

        @Override
        public String descriptionKey() { return "change.layer.properties"; }
    }

    /**
     * Corrects one attribute value of one feature (the attribute table): the layer is replaced by a copy
     * with that value changed, so a saved project rewrites it. The value must suit the field's type
     * (String, Long or Double; null empties it).
     */
    public record EditValue(String layer, long featureId, int fieldIndex, Object value) implements Change {
        @Override
        public Change apply(Project p) {
            int i = indexOf(p, layer);
            Layer l = p.layers().get(i);
            if (fieldIndex < 0 || fieldIndex >= l.fields().size()) throw new IllegalStateException("no field " + fieldIndex + " in " + layer);
            List<Feature> features = new ArrayList<>(l.features());
            for (int k = 0; k < features.size(); k++) {
                Feature f = features.get(k);
                if (f.id() != featureId) continue;
                Object[] values = java.util.Arrays.copyOf(f.values(), Math.max(f.values().length, l.fields().size()));
                Object old = values[fieldIndex];
                values[fieldIndex] = value;
                features.set(k, new Feature(f.id(), f.geometry(), values));
                p.layers().set(i, l.withFeatures(features));
                return new EditValue(layer, featureId, fieldIndex, old);
            }
            throw new IllegalStateException("no feature " + featureId + " in " + layer);
        }

        @Override
        public String descriptionKey() { return "change.layer.value"; }
    }

    /** Sets how a layer is drawn (shown, opacity, colours); null returns it to its role's default look. */
    public record Display(String name, LayerDisplay display) implements Change {
        @Override
        public Change apply(Project p) {
            LayerDisplay old = display == null ? p.displays().remove(name) : p.displays().put(name, display);
            return new Display(name, old);
        }

        @Override
        public String descriptionKey() { return "change.layer.display"; }
    }
}
