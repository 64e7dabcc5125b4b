package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Cluster;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class HectareBalanceModelTest {
    final Cluster rotterdam = new Cluster("Rotterdam-Moerdijk", List.of("Maasvlakte"), 300, 900, 150, 0.6, "");
    final Cluster chemelot = new Cluster("Chemelot", List.of(), 50, 120, 10, 0.7, "");
    final ActivityProfile h2 = new ActivityProfile("H2", "", 60, 5, false, 100, 150, 200, 0, 500, 0, 20, 0.75, "");

    Candidate square(String id, String cluster, double sideM, CandidateOverrides o) throws Exception {
        var g = new WKTReader().read(String.format(java.util.Locale.ROOT,
                "POLYGON((0 0, %1$f 0, %1$f %1$f, 0 %1$f, 0 0))", sideM));
        return new Candidate(id, id, CandidateKind.EXPANSION, cluster, g, 0, "H2", o, "");
    }

    @Test
    void netHectaresLeaveOutHardConstraintsThenApplyTheRatio() throws Exception {
        Candidate c = square("a", "Rotterdam-Moerdijk", 1000, null); // 100 ha gross
        assertEquals((100 - 12.5) * 0.75, HectareBalanceModel.netHa(c, h2, rotterdam, 12.5), 1e-9);
    }

    @Test
    void overrideRatioWinsOverProfileAndProfileOverCluster() throws Exception {
        Candidate o = square("a", "Rotterdam-Moerdijk", 1000, new CandidateOverrides(0.5, null, null, null));
        assertEquals(50.0, HectareBalanceModel.netHa(o, h2, rotterdam, 0), 1e-9);
        Candidate p = square("b", "Rotterdam-Moerdijk", 1000, null);
        assertEquals(60.0, HectareBalanceModel.netHa(p, null, rotterdam, 0), 1e-9);
    }

    @Test
    void pointSatelliteCountsItsStatedAreaForItsParentCluster() {
        var pt = new GeometryFactory().createPoint(new Coordinate(180000, 330000));
        Candidate sat = new Candidate("s", "hub", CandidateKind.SATELLITE, "Chemelot", pt, 40, "H2", null, "");
        assertEquals(30.0, HectareBalanceModel.netHa(sat, h2, chemelot, 0), 1e-9);
    }

    @Test
    void balancesPerClusterAndNationalTotalAreExactToTheHundredth() throws Exception {
        Candidate a = square("a", "Rotterdam-Moerdijk", 1000, null);
        Candidate b = square("b", "Chemelot", 500, null);
        var bal = HectareBalanceModel.balances(List.of(rotterdam, chemelot), List.of(a, b),
                Map.of("a", 75.0, "b", 18.75));
        ClusterBalance r = bal.get(0);
        assertEquals(225.00, r.supplyHa(), 0.005);
        assertEquals(-75.00, r.balance2030Ha(), 0.005);
        assertEquals(-675.00, r.balance2050Ha(), 0.005);
        assertEquals(0.75, r.coverage2030(), 1e-9);
        ClusterBalance c = bal.get(1);
        assertEquals(-21.25, c.balance2030Ha(), 0.005);
        ClusterBalance nl = bal.get(2);
        assertEquals(HectareBalanceModel.NATIONAL, nl.cluster());
        assertEquals(350.0, nl.demand2030Ha(), 1e-9);
        assertEquals(-96.25, nl.balance2030Ha(), 0.005);
        assertEquals(253.75 / 1020.0, nl.coverage2050(), 1e-9);
    }
}
