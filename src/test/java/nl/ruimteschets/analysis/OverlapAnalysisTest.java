package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

class OverlapAnalysisTest {
    final WKTReader wkt = new WKTReader();

    Layer layer(String name, LayerRole role, String... wkts) throws Exception {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < wkts.length; i++) fs.add(new Feature(i + 1, wkt.read(wkts[i]), new Object[] {"x"}));
        return new Layer(name, role, List.of(new Field("naam", FieldType.TEXT)), fs, Map.of(), "test", null);
    }

    @Test
    void overlapsAreMeasuredOnTheUnionSoOverlappingZonesCountOnce() throws Exception {
        Project p = new Project();
        // Two noise zones that overlap each other; both cover the left half of the candidate.
        p.putLayer(layer("zones", LayerRole.NOISE_ZONE,
                "POLYGON((0 0, 500 0, 500 1000, 0 1000, 0 0))", "POLYGON((-100 0, 500 0, 500 1000, -100 1000, -100 0))"));
        p.putLayer(layer("n2000", LayerRole.NATURA2000, "POLYGON((900 0, 2000 0, 2000 1000, 900 1000, 900 0))"));
        p.putLayer(layer("wonen", LayerRole.RESIDENTIAL, "POLYGON((800 0, 950 0, 950 1000, 800 1000, 800 0))"));
        p.putCluster(new Cluster("C", List.of(), 100, 200, 10, 0.5, ""));
        Scenario s = new Scenario("S", "");
        s.add(new Candidate("a", "A", CandidateKind.EXPANSION, "C",
                wkt.read("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"), 0, "", null, ""));
        p.scenarios().add(s);

        ScenarioResult r = new ScenarioEngine(new AnalysisContext(p.layers()), Runnable::run, x -> { })
                .compute(new ScenarioEngine.Snapshot(s.candidates(), p.profiles(), List.copyOf(p.clusters().values())), 1);
        CandidateOverlap o = r.candidates().get(0).overlap();
        assertEquals(100.0, o.grossHa(), 1e-9);
        assertEquals(50.0, o.overlapHa().get(LayerRole.NOISE_ZONE), 1e-9);
        assertEquals(10.0, o.overlapHa().get(LayerRole.NATURA2000), 1e-9);
        // Natura 2000 (900–1000) and residential (800–950) overlap: hard constraints 800–1000 = 20 ha.
        assertEquals(20.0, o.constrainedHa(), 1e-9);
        ClusterBalance c = r.clusters().get(0);
        assertEquals(40.0, c.candidateNetHa(), 1e-9);
        assertEquals(-50.0, c.balance2030Ha(), 1e-9);
    }
}
