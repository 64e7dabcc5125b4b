package nl.ruimteschets.analysis;

import java.util.Map;

/**
 * The project settings the models use, shown with every result so a specialist sees the assumptions.
 *
 * @param defaultGroundFactor CNOSSOS ground factor G (0 hard … 1 porous) where no cluster setting applies
 * @param groundFactorPerCluster G per cluster name (port land and water are hard: 0–0.2)
 * @param backgroundDepositionMolHaYr background nitrogen deposition for the KDW test, or null for none
 */
public record ModelSettings(double defaultGroundFactor, Map<String, Double> groundFactorPerCluster,
                            Double backgroundDepositionMolHaYr) {
    /** Defaults [K]: mixed ground 0.5; the port clusters on hard ground (DOMAIN.md §1.3). */
    public static final ModelSettings DEFAULTS = new ModelSettings(0.5, Map.of(
            "Rotterdam-Moerdijk", 0.1, "Noordzeekanaalgebied", 0.2, "Noord-Nederland", 0.3,
            "Zeeland West-Brabant", 0.2, "Chemelot", 0.6), null);

    public ModelSettings {
        groundFactorPerCluster = Map.copyOf(groundFactorPerCluster);
    }

    public double groundFactor(String cluster) {
        return groundFactorPerCluster.getOrDefault(cluster, defaultGroundFactor);
    }
}
