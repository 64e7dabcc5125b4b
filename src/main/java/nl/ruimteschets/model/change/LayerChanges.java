package nl.ruimteschets.model.change;

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
