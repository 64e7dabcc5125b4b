package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;

/**
 * Hectare balance per cluster and for the nation (DOMAIN.md §4.4).
 *
 * <p>A candidate's net hectares are {@code (gross − constrained) × netto/bruto}: land inside a hard
 * constraint can never be issued, and of the rest only the netto/bruto share becomes plots (roads,
 * water and green take the remainder). Satellites count for their parent cluster. The ratio comes
 * from the candidate's override, else its profile, else its cluster. Stateless and thread-safe.
 */
public final class HectareBalanceModel {
    public static final String NATIONAL = "Nederland";

    private HectareBalanceModel() { }

    public static double netHa(Candidate c, ActivityProfile profile, Cluster cluster, double constrainedHa) {
        double usable = Math.max(0.0, c.grossAreaHa() - constrainedHa);
        return usable * nettoBruto(c, profile, cluster);
    }

    public static double nettoBruto(Candidate c, ActivityProfile profile, Cluster cluster) {
        if (c.overrides().nettoBrutoRatio() != null) return c.overrides().nettoBrutoRatio();
        if (profile != null) return profile.nettoBrutoRatio();
        return cluster != null ? cluster.nettoBrutoRatio() : 1.0;
    }

    /**
     * @param candidateNetHa net hectares per candidate id
     * @return one balance per cluster in the order given, then the national total under {@link #NATIONAL}
     */
    public static List<ClusterBalance> balances(Iterable<Cluster> clusters, List<Candidate> candidates,
                                                Map<String, Double> candidateNetHa) {
        Map<String, Double> netPerCluster = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            netPerCluster.merge(c.parentCluster(), candidateNetHa.getOrDefault(c.id(), 0.0), Double::sum);
        }
        List<ClusterBalance> out = new ArrayList<>();
        double d30 = 0, d50 = 0, supply = 0, net = 0;
        for (Cluster cl : clusters) {
            double candNet = netPerCluster.getOrDefault(cl.name(), 0.0);
            out.add(balance(cl.name(), cl.demand2030Ha(), cl.demand2050Ha(), cl.supplyHa(), candNet));
            d30 += cl.demand2030Ha();
            d50 += cl.demand2050Ha();
            supply += cl.supplyHa();
            net += candNet;
        }
        out.add(balance(NATIONAL, d30, d50, supply, net));
        return out;
    }

    private static ClusterBalance balance(String name, double d30, double d50, double supply, double candNet) {
        double total = supply + candNet;
        return new ClusterBalance(name, d30, d50, supply, candNet, total - d30, total - d50,
                d30 > 0 ? total / d30 : Double.NaN, d50 > 0 ? total / d50 : Double.NaN);
    }
}
