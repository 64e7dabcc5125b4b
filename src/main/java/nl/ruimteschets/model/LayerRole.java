package nl.ruimteschets.model;

/**
 * What a layer means to the analysis. The analysis never looks at layer names, only at roles.
 */
public enum LayerRole {
    /** Cluster contours; a field holds the cluster name. */
    CLUSTER,
    /** Existing industrial noise zones (geluidzone industrielawaai / geluidaandachtsgebied). */
    NOISE_ZONE,
    /** Existing risk contours: PR 10⁻⁶, aandachtsgebieden, veiligheidscontour (kind in a field). */
    SAFETY_CONTOUR,
    /** Natura 2000 areas, optionally with the lowest KDW of their habitats. */
    NATURA2000,
    /** Sensitive objects: dwellings, schools, care; vulnerability class in a field. */
    SENSITIVE,
    /** Residential areas (woongebied); a hard constraint for the hectare balance. */
    RESIDENTIAL,
    /** Available (issuable) plots, uitgeefbaar aanbod. */
    AVAILABLE_PLOT,
    /** Shown only, never analysed. */
    BASEMAP;

    /**
     * Where layers of this role go in the drawing order, bottom first: background, then the areas around
     * the industry (Natura 2000, towns), the zones (noise, safety), the sites and plots over them, and the
     * sensitive objects on top. A new layer is put after the last layer of its rank or below (see
     * {@link Project#placeFor(Layer)}); the planner can still move it.
     */
    public int drawRank() {
        return switch (this) {
            case BASEMAP -> 0;
            case NATURA2000 -> 1;
            case RESIDENTIAL -> 2;
            case NOISE_ZONE -> 3;
            case SAFETY_CONTOUR -> 4;
            case CLUSTER -> 5;
            case AVAILABLE_PLOT -> 6;
            case SENSITIVE -> 7;
        };
    }

    /** The drawing rank of a layer of this role: point layers rank above every polygon and line layer. */
    public int drawRank(boolean points) {
        return (points ? values().length : 0) + drawRank();
    }

    /** Parses a role name case-insensitively, accepting '-' for '_' ("natura2000", "available-plot"). */
    public static LayerRole parse(String text) {
        String norm = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (LayerRole r : values()) {
            if (r.name().equals(norm)) return r;
        }
        throw new IllegalArgumentException(text);
    }
}
