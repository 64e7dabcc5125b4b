package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ScenarioEngineTest {
    final WKTReader wkt = new WKTReader();
    final ActivityProfile park = new ActivityProfile("Park", "", 60, 5, false, 50, 0, 0, 0, 100, 0, 10, 0.8, "");
    final Cluster cluster = new Cluster("C", List.of(), 100, 200, 10, 0.7, "");

    Geometry square(double x0, double size) throws Exception {
        return wkt.read(String.format(java.util.Locale.ROOT, "POLYGON((%1$f 0, %2$f 0, %2$f %3$f, %1$f %3$f, %1$f 0))",
                x0, x0 + size, size));
    }

    AnalysisContext context() throws Exception {
        Layer n2000 = new Layer("n2000", LayerRole.NATURA2000, List.of(new Field("naam", FieldType.TEXT)),
                List.of(new Feature(1, square(900, 1000), new Object[] {"Duinen"})), Map.of(), "", null);
        return new AnalysisContext(List.of(n2000));
    }

    Candidate cand(String id, double x0) throws Exception {
        return new Candidate(id, id, CandidateKind.EXPANSION, "C", square(x0, 1000), 0, "Park", null, "");
    }

    ScenarioEngine.Snapshot snapshot(Candidate... cs) {
        return new ScenarioEngine.Snapshot(List.of(cs), Map.of("Park", park), List.of(cluster));
    }

    @Test
    void anEditRecomputesOnlyTheCandidateItTouched() throws Exception {
        ScenarioEngine engine = new ScenarioEngine(context(), Runnable::run, r -> { });
        ScenarioResult first = engine.compute(snapshot(cand("a", 0), cand("b", -5000)), 1);
        assertEquals(2, first.recomputed());
        ScenarioResult second = engine.compute(snapshot(cand("a", 50), cand("b", -5000)), 2);
        assertEquals(1, second.recomputed());
        // a moved 50 m further into Natura 2000: 10 ha → 15 ha constrained, net (100 − 15) × 0.8 = 68.
        assertEquals(68.0, second.candidates().get(0).netHa(), 1e-9);
        assertEquals(80.0, second.candidates().get(1).netHa(), 1e-9);
        assertEquals(10 + 68 + 80 - 100, second.clusters().get(0).balance2030Ha(), 1e-9);
    }

    @Test
    void sameScenarioGivesTheSameNumbersToTheLastDigit() throws Exception {
        ScenarioResult a = new ScenarioEngine(context(), Runnable::run, r -> { }).compute(snapshot(cand("a", 0)), 1);
        ScenarioResult b = new ScenarioEngine(context(), Runnable::run, r -> { }).compute(snapshot(cand("a", 0)), 1);
        assertEquals(a.clusters(), b.clusters());
        assertEquals(a.candidates().get(0).netHa(), b.candidates().get(0).netHa());
    }

    @Test
    void latestEditWinsWhenEditsArriveFasterThanTheEngine() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        List<ScenarioResult> delivered = new ArrayList<>();
        ScenarioEngine engine = new ScenarioEngine(context(), queued::add, delivered::add);
        long last = 0;
        for (int i = 0; i < 50; i++) last = engine.submit(snapshot(cand("a", i)));
        queued.forEach(Runnable::run);
        assertEquals(1, delivered.size(), "only the newest of 50 queued edits is computed");
        assertEquals(last, delivered.get(0).version());
        // The newest edit has the candidate at x 49..1049: 14.9 ha in Natura 2000.
        assertEquals((100 - 14.9) * 0.8, delivered.get(0).candidates().get(0).netHa(), 1e-9);
    }

    @Test
    void resultsArriveInVersionOrderFromTheBackgroundThread() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        List<ScenarioResult> delivered = new CopyOnWriteArrayList<>();
        ScenarioEngine engine = new ScenarioEngine(context(), one, delivered::add);
        long last = 0;
        for (int i = 0; i < 200; i++) last = engine.submit(snapshot(cand("a", i)));
        one.shutdown();
        assertTrue(one.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(last, delivered.get(delivered.size() - 1).version(), "the newest edit is always delivered");
        for (int i = 1; i < delivered.size(); i++) {
            assertTrue(delivered.get(i).version() > delivered.get(i - 1).version());
        }
    }

    /** A candidate wholly inside Natura 2000 has no net hectare: it cannot be realised, which is not "0 mol N". */
    @Test
    void aCandidateWithoutNetAreaIsNotRealisableNotZeroDeposition() throws Exception {
        ScenarioEngine engine = new ScenarioEngine(context(), Runnable::run, r -> { });
        CandidateResult inside = engine.compute(snapshot(cand("a", 900)), 1).candidates().get(0);
        assertEquals(0.0, inside.netHa(), 1e-9);
        assertEquals(NitrogenIndicators.Status.NOT_REALISABLE, inside.nitrogen().status());
        CandidateResult beside = engine.compute(snapshot(cand("a", -2000)), 2).candidates().get(0);
        assertEquals(NitrogenIndicators.Status.ASSESSED, beside.nitrogen().status());
        assertTrue(beside.nitrogen().maxDepositionMolHaYr() > 0);
    }
}
