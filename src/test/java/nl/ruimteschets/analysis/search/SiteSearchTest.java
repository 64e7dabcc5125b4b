package nl.ruimteschets.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.UndoHistory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Site search on {@link SearchWorldFixtures}, where the best location is known by construction. */
class SiteSearchTest {
    static SiteSearch search;

    @BeforeAll
    static void world() {
        search = new SiteSearch(new SearchWorld(new AnalysisContext(SearchWorldFixtures.layers())));
    }

    @AfterAll
    static void close() {
        search.close();
    }

    static SearchRequest request(String profile, boolean plotsOnly, Map<Criterion, Double> weights, int topK) {
        return new SearchRequest(SearchWorldFixtures.profile(profile), 60, SearchWorldFixtures.box(SearchWorldFixtures.X0, SearchWorldFixtures.X0 + 20_000,
                SearchWorldFixtures.Y0, SearchWorldFixtures.Y0 + 20_000), plotsOnly, "Testcluster", null, weights, 100, topK, List.of());
    }

    static Map<Criterion, Double> noDistance() {
        Map<Criterion, Double> w = new EnumMap<>(SearchRequest.defaultWeights());
        w.put(Criterion.PARENT_DISTANCE, 0.0);
        return w;
    }

    @Test
    void thePlotFarFromEverythingRanksFirst() {
        SiteSearch.Result r = search.run(request("Waterstof", true, noDistance(), 0), () -> false, m -> { });
        List<String> names = r.locations().stream().map(RankedLocation::plotName).toList();
        assertEquals(List.of("Kavel Oost", "Kavel Duin", "Kavel Dorp").size(), names.size(), names.toString());
        assertEquals("Kavel Oost", names.get(0), names.toString());
        RankedLocation east = r.locations().get(0), dune = byName(r, "Kavel Duin"), village = byName(r, "Kavel Dorp");
        // The reasons, from the exact engine: the dune plot deposits more, the village plot has neighbours in its contour.
        assertTrue(dune.exactValues().get(Criterion.DEPOSITION) > 3 * east.exactValues().get(Criterion.DEPOSITION),
                dune.exactValues() + " vs " + east.exactValues());
        assertTrue(village.exactValues().get(Criterion.NOISE_SENSITIVE) > 0, village.exactValues().toString());
        assertEquals(0.0, east.exactValues().get(Criterion.NOISE_SENSITIVE));
        // A plot-only search offers no free positions; each plot is used (share outside plots 0).
        for (RankedLocation l : r.locations()) assertEquals(0.0, l.exactValues().get(Criterion.AVAILABLE_PLOTS), 0.001);
    }

    private static RankedLocation byName(SiteSearch.Result r, String name) {
        return r.locations().stream().filter(l -> name.equals(l.plotName())).findFirst().orElseThrow();
    }

    @Test
    void theBestFreePositionsLieFarFromNaturaAndDwellingsAndDoNotOverlap() {
        SiteSearch.Result r = search.run(request("Waterstof", false, noDistance(), 5), () -> false, m -> { });
        List<RankedLocation> free = r.locations().stream().filter(l -> l.plotName() == null).toList();
        assertEquals(5, free.size());
        Geometry dwellings = SearchWorldFixtures.VILLAGE;
        RankedLocation best = r.locations().get(0);
        Geometry fp = best.candidate().geometry();
        assertTrue(fp.distance(SearchWorldFixtures.NATURA) > 8_000, "best is " + fp.getCentroid() + ", " + fp.distance(SearchWorldFixtures.NATURA) + " m from Natura 2000");
        assertTrue(fp.distance(dwellings) > 3_000, "best is " + fp.distance(dwellings) + " m from the village");
        assertEquals(60.0, free.get(0).candidate().grossAreaHa(), 0.01);
        for (int i = 0; i < free.size(); i++) {
            for (int j = i + 1; j < free.size(); j++) {
                Geometry a = free.get(i).candidate().geometry(), b = free.get(j).candidate().geometry();
                assertTrue(a.intersection(b).getArea() < 1e-6, "ranked positions overlap: " + i + ", " + j);
            }
        }
        for (int i = 1; i < r.locations().size(); i++) {
            assertTrue(r.locations().get(i - 1).exactScore() >= r.locations().get(i).exactScore(), "ranked by exact score");
            assertEquals(i + 1, r.locations().get(i).rank());
        }
        // The map agrees with the engine on the ranked positions.
        assertTrue(r.agreement().spearman() > 0.8, "Spearman " + r.agreement().spearman());
        double[] dep = r.agreement().medianWorst().get(Criterion.DEPOSITION);
        assertTrue(dep[0] < 0.05, "deposition median relative difference " + dep[0]);
    }

    @Test
    void hardConstraintsExcludeEveryOverlappingPositionAndEveryPrConflict() {
        // Chemie: PR 10^-6 at 400 m, so the school and the dwellings exclude a ring around them.
        SuitabilityMap m = search.map(request("Chemie", false, SearchRequest.defaultWeights(), 0), 100, () -> false);
        List<Feature> limit = SearchWorldFixtures.sensitive();
        int natura = 0, pr = 0;
        for (int i = 0; i < m.grid().size(); i++) {
            if (m.exclusionAt(i) == SuitabilityMap.Exclusion.OUTSIDE_AREA) continue;
            Polygon fp = SuitabilityMapper.footprint(m.request(), m.grid().centreX(i % m.grid().nx()), m.grid().centreY(i / m.grid().nx()));
            if (fp.intersection(SearchWorldFixtures.NATURA).getArea() > 0 || fp.intersection(SearchWorldFixtures.VILLAGE).getArea() > 0) {
                natura++;
                assertNotEquals(SuitabilityMap.Exclusion.NONE, m.exclusionAt(i), "overlapping position offered at " + fp.getCentroid());
                continue;
            }
            if (fp.distance(SearchWorldFixtures.SCHOOL) <= 400) {
                pr++;
                assertEquals(SuitabilityMap.Exclusion.PR_CONFLICT, m.exclusionAt(i), "school within PR distance at " + fp.getCentroid());
            }
        }
        assertTrue(natura > 1000 && pr > 50, natura + " overlapping, " + pr + " PR positions checked");
        // Positions far from every constraint stay open.
        int far = m.grid().indexOf(SearchWorldFixtures.X0 + 17_000, SearchWorldFixtures.Y0 + 6_000);
        assertEquals(SuitabilityMap.Exclusion.NONE, m.exclusionAt(far));
        // The exact engine finds no conflict at the positions offered.
        List<RankedLocation> ranked = search.rank(m.request().topK() == 0 ? mapWithTop(m, 8) : m, () -> false);
        for (RankedLocation l : ranked) {
            assertFalse(l.hardConflict(), l.candidate().name());
            assertEquals(0, l.prConflicts());
            assertEquals(0.0, l.result().overlap().constrainedHa(), 1e-9);
        }
        assertTrue(limit.size() > 100);
    }

    private static SuitabilityMap mapWithTop(SuitabilityMap m, int k) {
        SearchRequest r = m.request();
        SearchRequest withTop = new SearchRequest(r.profile(), r.grossHa(), r.area(), r.plotsOnly(), r.parentCluster(),
                r.maxDistanceM(), r.weights(), r.cellM(), k, r.occupied());
        return new SuitabilityMap(withTop, m.grid(), m.criteria(), m.score(), m.exclusion(), m.scales(), m.coarse());
    }

    @Test
    void aSatelliteStaysWithinItsMaximumDistanceAndTakenFootprintsAreExcluded() {
        Geometry taken = SearchWorldFixtures.box(SearchWorldFixtures.X0 + 11_000, SearchWorldFixtures.X0 + 12_000, SearchWorldFixtures.Y0 + 8_000, SearchWorldFixtures.Y0 + 9_000);
        SearchRequest r = new SearchRequest(SearchWorldFixtures.profile("Waterstof"), 60, SearchWorldFixtures.box(SearchWorldFixtures.X0, SearchWorldFixtures.X0 + 20_000,
                SearchWorldFixtures.Y0, SearchWorldFixtures.Y0 + 20_000), false, "Testcluster", 3_000.0, SearchRequest.defaultWeights(), 100, 3,
                List.of(taken));
        SiteSearch.Result res = search.run(r, () -> false, m -> { });
        int tooFar = 0;
        for (int i = 0; i < res.map().grid().size(); i++) if (res.map().exclusionAt(i) == SuitabilityMap.Exclusion.TOO_FAR) tooFar++;
        assertTrue(tooFar > 10_000, tooFar + " positions too far");
        assertEquals(SuitabilityMap.Exclusion.OCCUPIED, res.map().exclusionAt(res.map().grid().indexOf(SearchWorldFixtures.X0 + 11_500, SearchWorldFixtures.Y0 + 8_500)));
        for (RankedLocation l : res.locations()) {
            if (l.plotName() != null) continue;
            assertTrue(l.candidate().geometry().distance(SearchWorldFixtures.CLUSTER) <= 3_000 + 150, l.candidate().geometry().getCentroid().toString());
            assertTrue(l.candidate().geometry().intersection(taken).getArea() < 1, "overlaps a taken footprint");
        }
    }

    @Test
    void theCoarseMapComesFirstAndACancelledSearchDeliversNothing() throws Exception {
        List<SuitabilityMap> maps = new ArrayList<>();
        search.run(request("Waterstof", false, SearchRequest.defaultWeights(), 1), () -> false, maps::add);
        assertEquals(2, maps.size());
        assertTrue(maps.get(0).coarse() && maps.get(0).grid().cell() == SearchRequest.COARSE_CELL_M);
        assertFalse(maps.get(1).coarse());
        assertThrows(CancellationException.class,
                () -> search.run(request("Waterstof", false, SearchRequest.defaultWeights(), 1), () -> true, m -> { }));

        // submit: a newer request supersedes the older one, whose results never arrive.
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<SearchRequest> delivered = new AtomicReference<>();
        List<SearchRequest> mapsOf = java.util.Collections.synchronizedList(new ArrayList<>());
        SearchRequest first = request("Waterstof", false, SearchRequest.defaultWeights(), 2);
        SearchRequest second = request("Chemie", false, SearchRequest.defaultWeights(), 2);
        SiteSearch.Listener l = new SiteSearch.Listener() {
            @Override
            public void map(SuitabilityMap map) { mapsOf.add(map.request()); }

            @Override
            public void done(SiteSearch.Result result) {
                delivered.set(result.map().request());
                done.countDown();
            }
        };
        search.submit(first, l);
        search.submit(second, l);
        assertTrue(done.await(120, TimeUnit.SECONDS));
        assertEquals(second, delivered.get());
        assertFalse(mapsOf.contains(first) && mapsOf.indexOf(first) > mapsOf.indexOf(second));
    }

    @Test
    void addingLocationsIsOneUndoableChange() {
        Project p = SearchWorldFixtures.project();
        SiteSearch.Result r = search.run(request("Waterstof", false, SearchRequest.defaultWeights(), 2), () -> false, m -> { });
        List<RankedLocation> two = r.locations().subList(0, 2);
        Change add = LocationChanges.add(p, "Zoekresultaat", two, "Zoeklocatie");
        UndoHistory history = new UndoHistory(p, c -> { });
        history.perform(add);
        List<Candidate> cs = p.scenario("Zoekresultaat").orElseThrow().candidates();
        assertEquals(2, cs.size());
        assertEquals(two.get(0).candidate().geometry(), cs.get(0).geometry());
        assertEquals("Waterstof / elektrolyse", cs.get(0).profileName());
        assertEquals("Testcluster", cs.get(0).parentCluster());
        assertNotEquals(cs.get(0).id(), cs.get(1).id());
        history.undo();
        assertTrue(p.scenario("Zoekresultaat").isEmpty(), "undo removes the scenario it created");
        history.redo();
        assertEquals(cs, p.scenario("Zoekresultaat").orElseThrow().candidates());
        // into an existing scenario: names do not collide
        Change again = LocationChanges.add(p, "Zoekresultaat", two.subList(0, 1), "Zoeklocatie");
        history.perform(again);
        List<String> names = p.scenario("Zoekresultaat").orElseThrow().candidates().stream().map(Candidate::name).toList();
        assertEquals(3, names.stream().distinct().count(), names.toString());
    }
}
