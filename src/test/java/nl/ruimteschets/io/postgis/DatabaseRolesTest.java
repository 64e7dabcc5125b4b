package nl.ruimteschets.io.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.search.Criterion;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.analysis.search.SearchRequest;
import nl.ruimteschets.analysis.search.SearchWorld;
import nl.ruimteschets.analysis.search.SearchWorldFixtures;
import nl.ruimteschets.analysis.search.SiteSearch;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.geo.WholeLayers;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Every analysed role and the site search read layers that stay in PostGIS as they read the same layers
 * in memory: noise, safety, overlap hectares per role, hard constraints, nitrogen, and the ranked locations
 * of a search, on a throwaway cluster. The search world of {@link SearchWorldFixtures} (Natura 2000, a
 * village, a school, a cluster with its noise zone, three plots) gets safety contours as well.
 */
class DatabaseRolesTest {
    private static final double X0 = 100_000, Y0 = 400_000;
    private static int schemas;

    private static synchronized String freshSchema() {
        return "roles" + ProcessHandle.current().pid() + "_" + (schemas++);
    }

    /** The fixture world with an existing risk contour and the cluster's legacy safety envelope. */
    private static Project project() {
        Project p = SearchWorldFixtures.project();
        List<Feature> contours = List.of(
                new Feature(1, SearchWorldFixtures.box(X0 + 9_000, X0 + 10_500, Y0 + 9_000, Y0 + 10_500), new Object[] {"PR 10-6 contour"}),
                new Feature(2, SearchWorldFixtures.box(X0 + 8_500, X0 + 10_200, Y0 + 8_500, Y0 + 11_500), new Object[] {"veiligheidscontour"}));
        p.putLayer(new Layer("Veiligheidscontouren", LayerRole.SAFETY_CONTOUR, List.of(new Field("soort", FieldType.TEXT)),
                new ArrayList<>(contours), Map.of(Layer.MAP_KIND, "soort"), "test", null));
        return p;
    }

    /** The project saved to a fresh schema and opened with every layer that has a row kept in the database. */
    private static Project inDatabase(Project p) throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        String schema = freshSchema();
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            st.save(p);
        }
        String before = System.getProperty("ruimteschets.pg.inDatabaseAbove");
        System.setProperty("ruimteschets.pg.inDatabaseAbove", "0");
        try (ProjectStorage st = ProjectStorage.open(pg.url(schema), pg.prompt())) {
            return st.load();
        } finally {
            if (before == null) System.clearProperty("ruimteschets.pg.inDatabaseAbove");
            else System.setProperty("ruimteschets.pg.inDatabaseAbove", before);
        }
    }

    /** The project's layers, each role's from the database where {@code fromDb} holds it, else from memory. */
    private static List<Layer> mixed(Project memory, Project db, java.util.Set<LayerRole> fromDb) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : memory.layers()) {
            Layer d = db.layer(l.name()).orElseThrow();
            assertTrue(d.inDatabase(), l.name() + " stays in the database");
            out.add(fromDb.contains(l.role()) ? d : l);
        }
        return out;
    }

    private static Candidate candidate(String id, double x, double y, double side) {
        return new Candidate(id, id, CandidateKind.EXPANSION, "Testcluster",
                SearchWorldFixtures.box(x, x + side, y, y + side), 0, null, null, "");
    }

    private static List<CandidateResult> compute(List<Layer> layers, String profile) {
        Map<String, ActivityProfile> profiles = new LinkedHashMap<>();
        for (ActivityProfile a : ActivityCatalogue.defaults()) profiles.put(a.name(), a);
        // Over the cluster, its zone and contours; into the village; into Natura 2000; on the far plot.
        List<Candidate> cands = List.of(candidate("cluster", X0 + 9_500, Y0 + 9_500, 900), candidate("dorp", X0 + 12_800, Y0 + 13_800, 800),
                candidate("natura", X0 + 3_000, Y0 + 9_000, 900), candidate("oost", X0 + 16_500, Y0 + 1_000, 1_000));
        List<Candidate> withProfile = cands.stream().map(c -> new Candidate(c.id(), c.name(), c.kind(), c.parentCluster(),
                c.geometry(), 0, profile, null, "")).toList();
        ScenarioEngine engine = new ScenarioEngine(new AnalysisContext(layers), Runnable::run, r -> { });
        return engine.compute(new ScenarioEngine.Snapshot(withProfile, profiles,
                List.of(new Cluster("Testcluster", List.of(), 100, 300, 50, 0.7, "test"))), 1).candidates();
    }

    private static void assertSameIndicators(List<CandidateResult> a, List<CandidateResult> b, String what) {
        for (int i = 0; i < a.size(); i++) {
            CandidateResult ra = a.get(i), rb = b.get(i);
            String w = what + ", candidate " + ra.overlap().candidateId();
            assertEquals(ra.overlap().overlapHa().keySet(), rb.overlap().overlapHa().keySet(), w + ": roles measured");
            for (Map.Entry<LayerRole, Double> e : ra.overlap().overlapHa().entrySet()) {
                assertEquals(e.getValue(), rb.overlap().overlapHa().get(e.getKey()), 1e-6, w + ": overlap ha " + e.getKey());
            }
            assertEquals(ra.overlap().constrainedHa(), rb.overlap().constrainedHa(), 1e-6, w + ": under hard constraints");
            assertEquals(ra.noise().zoneGrowthHa(), rb.noise().zoneGrowthHa(), 1e-6, w + ": noise zone growth");
            assertEquals(ra.noise().sensitiveCount(), rb.noise().sensitiveCount(), w + ": objects in the noise contour");
            assertEquals(ra.noise().sensitiveHa(), rb.noise().sensitiveHa(), 1e-6, w + ": noise objects ha");
            assertEquals(ra.noise().footprintOutsideZoneHa(), rb.noise().footprintOutsideZoneHa(), 1e-6, w + ": footprint outside zones");
            assertEquals(ra.safety().limitConflicts(), rb.safety().limitConflicts(), w + ": PR conflicts");
            assertEquals(ra.safety().weighCount(), rb.safety().weighCount(), w);
            assertEquals(ra.safety().gifwolkCount(), rb.safety().gifwolkCount(), w);
            assertEquals(ra.safety().existingContourOverlapHa(), rb.safety().existingContourOverlapHa(), 1e-6, w + ": in existing contours");
            assertEquals(ra.safety().outsideVeiligheidscontourHa(), rb.safety().outsideVeiligheidscontourHa(), 1e-6,
                    w + ": outside the safety envelope");
            assertEquals(ra.safety().allConstrainedHa(), rb.safety().allConstrainedHa(), 1e-6, w);
            assertEquals(ra.nitrogen().totalDepositionMolYr(), rb.nitrogen().totalDepositionMolYr(), 1e-9, w + ": nitrogen total");
            assertEquals(ra.nitrogen().maxDepositionMolHaYr(), rb.nitrogen().maxDepositionMolHaYr(), 1e-12, w + ": nitrogen max");
            assertEquals(ra.nitrogen().hexagonsAboveCut(), rb.nitrogen().hexagonsAboveCut(), w);
            assertEquals(ra.netHa(), rb.netHa(), 1e-6, w + ": net ha");
        }
    }

    @Test
    void everyRoleInTheDatabaseGivesTheSameIndicatorsAsInMemory() throws Exception {
        Project memory = project();
        Project db = inDatabase(memory);
        List<Layer> mem = mixed(memory, db, java.util.Set.of());
        for (String profile : List.of("Chemie (Brzo)", "Tankopslag")) {
            List<CandidateResult> a = compute(mem, profile);
            // The check is not empty: each indicator is non-zero for some candidate.
            assertTrue(a.get(0).overlap().overlapHa().get(LayerRole.NOISE_ZONE) > 50, "over the zone: " + a.get(0).overlap().overlapHa());
            assertTrue(a.get(0).safety().existingContourOverlapHa() > 0 && a.get(0).safety().outsideVeiligheidscontourHa() > 0,
                    "contours: " + a.get(0).safety().existingContourOverlapHa() + ", " + a.get(0).safety().outsideVeiligheidscontourHa());
            assertTrue(a.get(1).overlap().overlapHa().get(LayerRole.RESIDENTIAL) > 10 && a.get(1).overlap().constrainedHa() > 10,
                    "in the village: " + a.get(1).overlap().overlapHa());
            assertTrue(a.get(1).safety().limitConflicts().size() > 0, "PR conflicts in the village");
            assertTrue(a.get(2).overlap().overlapHa().get(LayerRole.NATURA2000) > 10, "in Natura 2000: " + a.get(2).overlap().overlapHa());
            assertTrue(a.get(2).nitrogen().totalDepositionMolYr() > 0, "deposition on Natura 2000");
            assertTrue(a.get(0).noise().sensitiveCount() + a.get(1).noise().sensitiveCount() > 0, "objects in a noise contour");
            // One role at a time from the database, then all of them.
            for (LayerRole role : List.of(LayerRole.SENSITIVE, LayerRole.NOISE_ZONE, LayerRole.SAFETY_CONTOUR, LayerRole.RESIDENTIAL,
                    LayerRole.NATURA2000, LayerRole.AVAILABLE_PLOT, LayerRole.CLUSTER)) {
                assertSameIndicators(a, compute(mixed(memory, db, java.util.Set.of(role)), profile), profile + ", " + role + " in the database");
            }
            assertSameIndicators(a, compute(mixed(memory, db, java.util.EnumSet.allOf(LayerRole.class)), profile),
                    profile + ", every layer in the database");
        }
    }

    @Test
    void aLayerTheModelsNeedWholeIsReadWholeOrRefusedInWords() throws Exception {
        Project db = inDatabase(project());
        Layer natura = db.layer("Natura 2000").orElseThrow();
        Layer whole = WholeLayers.read(natura, WholeLayers.MAX_FEATURES);
        assertFalse(whole.inDatabase());
        assertEquals(1, whole.features().size());
        assertEquals("Duinen", whole.text(whole.features().get(0), Layer.MAP_NAME));
        TileCache.Unavailable e = assertThrows(TileCache.Unavailable.class, () -> WholeLayers.read(natura, 0));
        assertEquals("pg.layer.whole.toobig", e.userMessage().key());
        String nl = e.userMessage().format(java.util.Locale.forLanguageTag("nl"));
        String en = e.userMessage().format(java.util.Locale.ENGLISH);
        assertTrue(nl.contains("Natura 2000") && nl.contains("geheugen"), nl);
        assertTrue(en.contains("Natura 2000") && en.contains("memory"), en);
    }

    private static SearchRequest request(boolean plotsOnly) {
        Map<Criterion, Double> w = new EnumMap<>(SearchRequest.defaultWeights());
        w.put(Criterion.PARENT_DISTANCE, 0.0);
        ActivityProfile profile = ActivityCatalogue.defaults().stream().filter(p -> p.name().startsWith("Chemie")).findFirst().orElseThrow();
        Geometry area = SearchWorldFixtures.box(X0, X0 + 20_000, Y0, Y0 + 20_000);
        return new SearchRequest(profile, 60, area, plotsOnly, "Testcluster", null, w, 100, 8, List.of());
    }

    private static List<String> ranked(SiteSearch.Result r) {
        List<String> out = new ArrayList<>();
        for (RankedLocation l : r.locations()) {
            var c = l.candidate().footprint().getCentroid();
            out.add(String.format(java.util.Locale.ROOT, "%d %s (%.0f, %.0f) %.6f %s", l.rank(), l.plotName(), c.getX(), c.getY(),
                    l.exactScore(), l.hardConflict()));
        }
        return out;
    }

    @Test
    void aSearchWithSensitiveObjectsAndPlotsInTheDatabaseRanksTheSameLocations() throws Exception {
        Project memory = project();
        Project db = inDatabase(memory);
        List<Layer> mem = mixed(memory, db, java.util.Set.of());
        List<Layer> inDb = mixed(memory, db, java.util.Set.of(LayerRole.SENSITIVE, LayerRole.AVAILABLE_PLOT));
        List<Layer> allInDb = mixed(memory, db, java.util.EnumSet.allOf(LayerRole.class));
        for (boolean plotsOnly : new boolean[] {false, true}) {
            SiteSearch a = new SiteSearch(new SearchWorld(new AnalysisContext(mem)));
            List<String> expected;
            try {
                expected = ranked(a.run(request(plotsOnly), () -> false, m -> { }));
            } finally {
                a.close();
            }
            assertTrue(expected.size() >= (plotsOnly ? 3 : 5), "the search finds locations: " + expected);
            for (List<Layer> layers : List.of(inDb, allInDb)) {
                SearchWorld world = new SearchWorld(new AnalysisContext(layers));
                AtomicLong read = new AtomicLong();
                world.progress((layer, done, total) -> read.set(Math.max(read.get(), done)));
                SiteSearch b = new SiteSearch(world);
                try {
                    assertEquals(expected, ranked(b.run(request(plotsOnly), () -> false, m -> { })),
                            (layers == inDb ? "sensitive objects and plots" : "every layer") + " in the database, plots only " + plotsOnly);
                } finally {
                    b.close();
                }
                assertEquals(SearchWorldFixtures.project().layer("Gevoelige objecten").orElseThrow().features().size(), read.get(),
                        "every sensitive object in the grid was read, and the reading was reported");
            }
        }
    }

    @Test
    void readingASensitiveLayerInTheDatabaseReportsProgressAndStopsWhenCancelled() throws Exception {
        Project p = new Project();
        p.putLayer(BigLayerTest.buildings()); // 12,040 buildings
        Project db = inDatabase(p);
        Layer buildings = db.layer("gebouwen").orElseThrow();
        assertTrue(buildings.inDatabase());
        SearchWorld world = new SearchWorld(new AnalysisContext(List.of(buildings)));
        nl.ruimteschets.analysis.search.RasterGrid grid = new nl.ruimteschets.analysis.search.RasterGrid(50_000, 435_000, 100, 200, 200);
        List<Long> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
        // The search cancels by interrupting the thread that builds the rasters: here, at the first report.
        world.progress((layer, done, expected) -> {
            reported.add(done);
            Thread.currentThread().interrupt();
        });
        assertThrows(java.util.concurrent.CancellationException.class, () -> world.rasters(grid));
        assertTrue(Thread.interrupted(), "the interrupt is left for the caller");
        assertTrue(reported.size() == 1 && reported.get(0) < 12_040, "stopped after the first report: " + reported);
        // Nothing half-built was kept: the next request reads every building and counts each once.
        reported.clear();
        world.progress((layer, done, expected) -> reported.add(done));
        double[] all = world.rasters(grid).sensitive();
        assertEquals(12_040, java.util.Arrays.stream(all).sum(), 1e-9);
        assertEquals(12_040L, reported.get(reported.size() - 1));
    }

    @Test
    void aGeoPackageThatKeepsItsLayersOutOfMemoryIsSearchedAndAnalysedTheSame(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        Project memory = project();
        Project db = inDatabase(memory);
        java.nio.file.Path file = dir.resolve("buiten-geheugen.gpkg");
        nl.ruimteschets.io.ProjectStore.save(db, file); // the layers in the database are streamed in and stay marked
        Project gpkg = nl.ruimteschets.io.ProjectStore.open(file);
        List<Layer> kept = mixed(memory, gpkg, java.util.EnumSet.allOf(LayerRole.class));
        List<Layer> mem = mixed(memory, db, java.util.Set.of());
        assertSameIndicators(compute(mem, "Chemie (Brzo)"), compute(kept, "Chemie (Brzo)"), "every layer read by area from a GeoPackage");
        SiteSearch a = new SiteSearch(new SearchWorld(new AnalysisContext(mem)));
        SiteSearch b = new SiteSearch(new SearchWorld(new AnalysisContext(kept)));
        try {
            assertEquals(ranked(a.run(request(false), () -> false, m -> { })), ranked(b.run(request(false), () -> false, m -> { })));
        } finally {
            a.close();
            b.close();
        }
    }
}
