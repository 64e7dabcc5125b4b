package nl.ruimteschets.analysis.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * Where a search can look, by name, for the app and the CLI alike: the provinces of the project's
 * province layer. That layer is the map's own one (maps/provincies.geojson, recognised by its source,
 * the CBS/PDOK province boundaries) or, in a project without it, a polygon layer whose name says
 * "provincie(s)"/"province(s)"; a province's name is the layer's name field, else a field called
 * name/naam/provincienaam/statnaam. Stateless; thread safe.
 */
public final class SearchAreas {
    /** The start of the source text of the map's province layer (SampleProject.SOURCE_CBS_PROVINCES). */
    static final String PROVINCE_SOURCE = "Provincies: CBS";
    private static final List<String> NAME_FIELDS = List.of("name", "naam", "provincienaam", "statnaam");

    private SearchAreas() { }

    /** The province layer: the map's own one if present, else one named for provinces; empty when there is none. */
    public static Optional<Layer> provinceLayer(List<Layer> layers) {
        Layer named = null;
        for (Layer l : layers) {
            if (!polygonal(l)) continue;
            if (l.source() != null && l.source().startsWith(PROVINCE_SOURCE)) return Optional.of(l);
            String n = l.name().toLowerCase(Locale.ROOT);
            if (named == null && (n.contains("provinc") || n.contains("province"))) named = l;
        }
        return Optional.ofNullable(named);
    }

    /** Province name → its (unioned) area, in the layer's order; empty without a province layer. */
    public static Map<String, Geometry> provinces(List<Layer> layers) {
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        provinceLayer(layers).ifPresent(l -> {
            for (Feature f : l.features()) {
                String name = name(l, f);
                if (name == null || !(f.geometry() instanceof Polygonal) || f.geometry().isEmpty()) continue;
                parts.computeIfAbsent(name, k -> new ArrayList<>()).add(f.geometry());
            }
        });
        Map<String, Geometry> out = new LinkedHashMap<>();
        parts.forEach((n, g) -> out.put(n, g.size() == 1 ? g.get(0) : Overlay.union(g)));
        return out;
    }

    /**
     * The province of this name: exact (ignoring case) first, else the one whose name starts with it, so
     * "Friesland" finds "Friesland (Fryslân)"; empty when none or more than one match.
     */
    public static Optional<Map.Entry<String, Geometry>> province(List<Layer> layers, String name) {
        if (name == null || name.isBlank()) return Optional.empty();
        String want = name.trim().toLowerCase(Locale.ROOT);
        Map<String, Geometry> all = provinces(layers);
        for (Map.Entry<String, Geometry> e : all.entrySet()) if (e.getKey().toLowerCase(Locale.ROOT).equals(want)) return Optional.of(e);
        List<Map.Entry<String, Geometry>> prefix = all.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(Locale.ROOT).startsWith(want)).toList();
        return prefix.size() == 1 ? Optional.of(prefix.get(0)) : Optional.empty();
    }

    /** The cluster's contours grown by {@code km} (its surroundings), or empty when the cluster has no contour. */
    public static Optional<Geometry> clusterSurroundings(SearchWorld world, String cluster, double km) {
        List<Geometry> parts = world.clusterGeometries(cluster);
        return parts.isEmpty() ? Optional.empty() : Optional.of(Overlay.union(parts).buffer(km * 1000, 8));
    }

    private static String name(Layer l, Feature f) {
        String n = l.text(f, Layer.MAP_NAME);
        if (n != null && !n.isBlank()) return n.trim();
        for (String field : NAME_FIELDS) {
            for (int i = 0; i < l.fields().size(); i++) {
                if (l.fields().get(i).name().equalsIgnoreCase(field) && f.values()[i] != null) {
                    String v = f.values()[i].toString().trim();
                    if (!v.isEmpty()) return v;
                }
            }
        }
        return null;
    }

    private static boolean polygonal(Layer l) {
        for (Feature f : l.features()) return f.geometry() instanceof Polygonal;
        return false;
    }
}
