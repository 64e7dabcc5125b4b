package nl.ruimteschets.analysis.search;

/**
 * The soft criteria of a site search, each a cost (lower is better) at a position, in its own unit.
 * {@link #AVAILABLE_PLOTS} is the share of the footprint NOT on available plots, so that using plots
 * lowers the cost like every other criterion.
 */
public enum Criterion {
    /** Governing noise contour (L_den 50 / L_night 40) outside existing noise zones, ha. */
    ZONE_GROWTH("zone_growth_ha", "ha"),
    /** Noise-sensitive objects inside that contour and outside existing zones. */
    NOISE_SENSITIVE("noise_sensitive_objects", ""),
    /** Objects inside the widest of the brand-, explosie- and gifwolkaandachtsgebied. */
    AANDACHT_OBJECTS("aandachtsgebied_objects", ""),
    /** Deposition summed over nitrogen-sensitive Natura 2000 hexagons, mol N/yr. */
    DEPOSITION("total_mol_n_per_yr", "mol N/j"),
    /** Distance from the footprint to the parent cluster, km (only with a parent cluster). */
    PARENT_DISTANCE("distance_to_parent_km", "km"),
    /** Share of the footprint outside available plots, 0–1. */
    AVAILABLE_PLOTS("share_outside_available_plots", "");

    private final String key;
    private final String unit;

    Criterion(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** English JSON key with the unit in it. */
    public String key() { return key; }

    public String unit() { return unit; }

    /** Below this a difference between map and exact engine is rounding, not disagreement. */
    public double agreementFloor() {
        return switch (this) {
            case ZONE_GROWTH -> 1.0;
            case NOISE_SENSITIVE, AANDACHT_OBJECTS -> 1.0;
            case DEPOSITION -> 1.0;
            case PARENT_DISTANCE -> 0.1;
            case AVAILABLE_PLOTS -> 0.02;
        };
    }
}
