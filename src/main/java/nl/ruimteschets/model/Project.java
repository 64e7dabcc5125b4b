package nl.ruimteschets.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a planner saves in one project file: map layers, clusters with their demand and supply,
 * the activity-profile catalogue, and scenarios of candidates. Mutable; owned by one thread.
 */
public final class Project {
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final Map<String, ActivityProfile> profiles = new LinkedHashMap<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    /** By layer name; a layer without an entry is drawn in its role's default look. */
    private final Map<String, LayerDisplay> displays = new LinkedHashMap<>();
    /** What opening the file cleaned up or recovered (leftovers of a killed save or import), for the user; not saved. */
    private final List<UserMessage> openNotes = new ArrayList<>();
    /** A name to show while the project has no file (the sample), or null. */
    private String name;

    public List<Layer> layers() { return layers; }
    public Map<String, Cluster> clusters() { return clusters; }
    public Map<String, ActivityProfile> profiles() { return profiles; }
    public List<Scenario> scenarios() { return scenarios; }
    public Map<String, LayerDisplay> displays() { return displays; }
    public List<UserMessage> openNotes() { return openNotes; }
    public String name() { return name; }
    public void setName(String name) { this.name = name; }

    public Optional<Layer> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public Optional<Scenario> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<Layer> layers(LayerRole role) {
        return layers.stream().filter(l -> l.role() == role).toList();
    }

    public void putCluster(Cluster c) { clusters.put(c.name(), c); }

    public void putProfile(ActivityProfile p) { profiles.put(p.name(), p); }

    /**
     * The place in the drawing order (bottom = 0) for a new layer: just below the first layer of a higher
     * {@link LayerRole#drawRank()} (point layers rank above every polygon and line layer), so background
     * goes below and points on top whatever the order of import.
     */
    public int placeFor(Layer layer) {
        int rank = rank(layer);
        for (int i = 0; i < layers.size(); i++) if (rank(layers.get(i)) > rank) return i;
        return layers.size();
    }

    private static int rank(Layer l) {
        boolean points = !l.features().isEmpty() && l.features().get(0).geometry() instanceof org.locationtech.jts.geom.Puntal;
        return l.role().drawRank(points);
    }

    /** Replaces a layer of the same name or adds it at the top. */
    public void putLayer(Layer layer) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layer.name())) {
                layers.set(i, layer);
                return;
            }
        }
        layers.add(layer);
    }
}
