package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;

/**
 * The static side of an analysis: every analysed layer indexed once (STRtree), looked up by role.
 * Built when a project opens or its layers change, then shared read-only by every recomputation.
 * Immutable and thread-safe (the nitrogen model's hexagon cache fills lazily but safely).
 */
public final class AnalysisContext {
    private final Map<LayerRole, List<LayerIndex>> indexes = new EnumMap<>(LayerRole.class);
    private final NitrogenModel nitrogen;
    private final SafetyModel safety;
    private final ModelSettings settings;

    public AnalysisContext(List<Layer> layers) {
        this(layers, ModelSettings.DEFAULTS);
    }

    public AnalysisContext(List<Layer> layers, ModelSettings settings) {
        this.settings = settings;
        for (Layer l : layers) {
            if (l.role() == LayerRole.BASEMAP) continue;
            indexes.computeIfAbsent(l.role(), r -> new ArrayList<>()).add(new LayerIndex(l));
        }
        indexes.replaceAll((r, list) -> List.copyOf(list));
        safety = new SafetyModel(layers(LayerRole.SENSITIVE), layers(LayerRole.SAFETY_CONTOUR));
        nitrogen = new NitrogenModel(layers.stream().filter(l -> l.role() == LayerRole.NATURA2000).toList(),
                OpsTable.load());
    }

    public NitrogenModel nitrogen() { return nitrogen; }

    public SafetyModel safety() { return safety; }

    public ModelSettings settings() { return settings; }

    public List<LayerIndex> layers(LayerRole role) {
        return indexes.getOrDefault(role, List.of());
    }

    public Map<LayerRole, List<LayerIndex>> all() {
        return java.util.Collections.unmodifiableMap(indexes);
    }
}
