package nl.ruimteschets.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;

/**
 * A map layer held in memory: features in EPSG:28992 with attributes, the role the user gave it, and
 * how it got here (source and import report). Roles map semantic fields (cluster name, vulnerability
 * class, KDW, contour kind) to attribute names through {@link #fieldMapping()}.
 *
 * <p>A layer too big for memory stays in the database ({@link #remote()} not null): its feature list is
 * empty and the engine and the map fetch what they need by area.
 *
 * <p>Immutable apart from the feature list's contents, which the loader fills once.
 */
public final class Layer {
    /** Semantic field names a role may map; see {@link #fieldMapping()}. */
    public static final String MAP_NAME = "name";
    public static final String MAP_CLUSTER = "cluster";
    public static final String MAP_KIND = "kind";
    public static final String MAP_VULNERABILITY = "vulnerability";
    public static final String MAP_KDW = "kdw";
    /** Whether a Natura 2000 site is nitrogen-sensitive ("1", "true", "ja"); without this mapping every site counts as sensitive. */
    public static final String MAP_NITROGEN_SENSITIVE = "nitrogen_sensitive";
    public static final String MAP_AREA_HA = "area_ha";

    private final String name;
    private final LayerRole role;
    private final List<Field> fields;
    private final List<Feature> features;
    private final Map<String, String> fieldMapping;
    private final String source;
    private final ImportReport report;
    private final RemoteFeatures remote;

    public Layer(String name, LayerRole role, List<Field> fields, List<Feature> features,
                 Map<String, String> fieldMapping, String source, ImportReport report) {
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.fields = List.copyOf(fields);
        this.features = features;
        this.fieldMapping = Map.copyOf(fieldMapping);
        this.source = source == null ? "" : source;
        this.report = report == null ? new ImportReport() : report;
        this.remote = null;
    }

    /** A layer whose features stay in the database. */
    public Layer(String name, LayerRole role, List<Field> fields, RemoteFeatures remote,
                 Map<String, String> fieldMapping, String source, ImportReport report) {
        this.name = Objects.requireNonNull(name);
        this.role = Objects.requireNonNull(role);
        this.fields = List.copyOf(fields);
        this.features = List.of();
        this.fieldMapping = Map.copyOf(fieldMapping);
        this.source = source == null ? "" : source;
        this.report = report == null ? new ImportReport() : report;
        this.remote = Objects.requireNonNull(remote);
    }

    public String name() { return name; }
    public LayerRole role() { return role; }
    public List<Field> fields() { return fields; }
    public List<Feature> features() { return features; }
    public Map<String, String> fieldMapping() { return fieldMapping; }
    public String source() { return source; }
    public ImportReport report() { return report; }

    /** Where the features stay when the layer is too big for memory; null for a layer held in memory. */
    public RemoteFeatures remote() { return remote; }

    /** Whether the features stay in the database (see {@link #remote()}). */
    public boolean inDatabase() { return remote != null; }

    /** How many features the layer has (for a layer in the database: about how many). */
    public long featureCount() { return remote != null ? remote.estimatedCount() : features.size(); }

    /** The same layer's name, role, fields and mapping with these features held in memory (a part of a layer in the database). */
    public Layer inMemory(List<Feature> part) {
        return new Layer(name, role, fields, part, fieldMapping, source, report);
    }

    /** The same layer with other features (an attribute corrected); the features' order and fields as given. */
    public Layer withFeatures(List<Feature> newFeatures) {
        return new Layer(name, role, fields, newFeatures, fieldMapping, source, report);
    }

    public Layer withRole(LayerRole newRole, Map<String, String> newMapping) {
        if (remote != null) return new Layer(name, newRole, fields, remote, newMapping, source, report);
        return new Layer(name, newRole, fields, features, newMapping, source, report);
    }

    /** Index of a field by name (case-insensitive), or -1. */
    public int fieldIndex(String fieldName) {
        if (fieldName == null) return -1;
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equalsIgnoreCase(fieldName)) return i;
        }
        return -1;
    }

    /**
     * Index of the field that holds a semantic value: the mapped field if the user mapped one,
     * else a field of that very name, else -1.
     */
    public int mappedFieldIndex(String semantic) {
        String mapped = fieldMapping.get(semantic);
        int i = fieldIndex(mapped);
        return i >= 0 ? i : fieldIndex(semantic);
    }

    /** Text of a semantic value of a feature, or null when the layer has no such field. */
    public String text(Feature f, String semantic) {
        Object v = f.value(mappedFieldIndex(semantic));
        return v == null ? null : v.toString();
    }

    public String geometryType() {
        if (remote != null) return remote.geometryType();
        return features.isEmpty() ? "Unknown" : features.get(0).geometry().getGeometryType();
    }

    public Envelope extent() {
        if (remote != null) return new Envelope(remote.extent());
        Envelope e = new Envelope();
        for (Feature f : features) e.expandToInclude(f.geometry().getEnvelopeInternal());
        return e;
    }
}
