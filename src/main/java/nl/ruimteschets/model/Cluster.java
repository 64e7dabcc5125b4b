package nl.ruimteschets.model;

import java.util.List;
import java.util.Objects;

/**
 * An industrial cluster with its space demand and supply in hectares (DOMAIN.md §4).
 *
 * @param demand2030Ha baseline net demand up to 2030
 * @param demand2050Ha baseline net demand up to 2050
 * @param supplyHa existing available (issuable) net supply
 * @param nettoBrutoRatio default ratio used when a candidate's profile does not give one
 */
public record Cluster(String name, List<String> subAreas, double demand2030Ha, double demand2050Ha,
                      double supplyHa, double nettoBrutoRatio, String source) {
    public Cluster {
        Objects.requireNonNull(name);
        subAreas = List.copyOf(subAreas);
        source = source == null ? "" : source;
    }
}
