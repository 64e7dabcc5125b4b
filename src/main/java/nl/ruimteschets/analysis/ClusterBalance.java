package nl.ruimteschets.analysis;

/**
 * The hectare balance of one cluster (DOMAIN.md §4.4): net supply (existing available plots plus the
 * net hectares of the scenario's candidates) against net demand, for 2030 and 2050.
 *
 * @param coverage2030 supply as a share of 2030 demand (1.0 = fully covered; NaN when there is no demand)
 */
public record ClusterBalance(String cluster, double demand2030Ha, double demand2050Ha, double existingSupplyHa,
                             double candidateNetHa, double balance2030Ha, double balance2050Ha,
                             double coverage2030, double coverage2050) {

    public double supplyHa() {
        return existingSupplyHa + candidateNetHa;
    }
}
