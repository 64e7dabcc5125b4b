package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.search.SearchWorldFixtures;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The {@code search} command on the small world: JSON with the exact engine's figures, --add, exit codes. */
class SearchCommandTest {
    @TempDir Path dir;

    @Test
    void jsonListsRankedLocationsWithTheEnginesFigures() throws Exception {
        Path project = dir.resolve("wereld.gpkg");
        ProjectStore.save(SearchWorldFixtures.project(), project);
        Path png = dir.resolve("kaart.png");
        CliTest.Run r = CliTest.cli("search", project.toString(), "--profile", "Waterstof / elektrolyse", "--ha", "60",
                "--cluster", "Testcluster", "--surroundings-km", "9", "--top", "3", "--weight", "parent_distance=0",
                "--json", "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode locs = root.get("locations");
        assertTrue(locs.size() >= 4, "3 positions and the fitting plots: " + locs.size());
        JsonNode first = locs.get(0);
        for (String key : List.of("rank", "score", "geometry_wkt", "net_ha", "zone_growth_ha", "pr_conflicts",
                "max_deposition_mol_n_per_ha_yr", "total_mol_n_per_yr")) {
            assertTrue(first.has(key), key);
        }
        assertEquals(1, first.get("rank").asInt());
        assertEquals(0, first.get("pr_conflicts").asInt());
        // The figures are the engine's own for that geometry, not the map's estimate.
        Geometry g = new WKTReader().read(first.get("geometry_wkt").asText());
        Project p = ProjectStore.open(project);
        ActivityProfile prof = p.profiles().get("Waterstof / elektrolyse");
        Candidate c = new Candidate("x", "x", CandidateKind.EXPANSION, "Testcluster", g, 0, prof.name(), null, "");
        CandidateResult exact = new ScenarioEngine(new AnalysisContext(p.layers()), Runnable::run, x -> { })
                .compute(new ScenarioEngine.Snapshot(List.of(c), Map.of(prof.name(), prof), List.of()), 1).candidates().get(0);
        assertEquals(Math.round(exact.nitrogen().totalDepositionMolYr() * 100) / 100.0, first.get("total_mol_n_per_yr").asDouble(), 1e-9);
        assertEquals(Math.round(exact.noise().zoneGrowthHa() * 100) / 100.0, first.get("zone_growth_ha").asDouble(), 1e-9);
        assertEquals(Math.round(exact.netHa() * 100) / 100.0, first.get("net_ha").asDouble(), 1e-9);
        // Ranked by score, the far plot above the plot beside Natura 2000.
        int east = -1, dune = -1;
        for (JsonNode l : locs) {
            if ("Kavel Oost".equals(l.get("plot").asText())) east = l.get("rank").asInt();
            if ("Kavel Duin".equals(l.get("plot").asText())) dune = l.get("rank").asInt();
        }
        assertTrue(east > 0 && dune > 0 && east < dune, "east " + east + ", dune " + dune);
        assertTrue(root.get("map").get("label").asText().contains("één activiteit"));
        assertTrue(root.get("agreement").has("spearman"));
        assertTrue(Files.size(png) > 10_000);
        assertEquals(List.of("Basis"), p.scenarios().stream().map(s -> s.name()).toList(), "without --add nothing is saved");
    }

    @Test
    void addPutsTheBestLocationsInAScenario() throws Exception {
        Path project = dir.resolve("wereld.gpkg");
        ProjectStore.save(SearchWorldFixtures.project(), project);
        CliTest.Run r = CliTest.cli("search", project.toString(), "--profile", "waterstof / elektrolyse", "--ha", "42", "--net",
                "--cluster", "Testcluster", "--top", "2", "--add", "2", "--scenario", "Gezocht");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Screening van één activiteit"), r.out());
        Project p = ProjectStore.open(project);
        List<Candidate> cs = p.scenario("Gezocht").orElseThrow().candidates();
        assertEquals(2, cs.size());
        assertEquals(60.0, cs.get(0).grossAreaHa(), 0.5, "42 ha net at netto/bruto 0.70 is 60 ha gross");
        assertEquals("Testcluster", cs.get(0).parentCluster());
    }

    @Test
    void anAreaFromAFileLimitsWherePositionsLie() throws Exception {
        Path project = dir.resolve("wereld.gpkg");
        ProjectStore.save(SearchWorldFixtures.project(), project);
        // The south-east quarter of the world, as a shapefile in RD New.
        Path shp = dir.resolve("zoekgebied.shp");
        Geometry area = new org.locationtech.jts.geom.GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(110_000, 120_000, 400_000, 408_000));
        area.setSRID(28992);
        new nl.ruimteschets.io.ShapefileWriter().write(shp, "zoekgebied", List.of(new nl.ruimteschets.model.Field("naam", nl.ruimteschets.model.FieldType.TEXT)),
                List.of(new nl.ruimteschets.model.Feature(1, nl.ruimteschets.geo.Rd.FACTORY.createGeometry(area), new Object[] {"zuidoost"})),
                nl.ruimteschets.io.ProgressListener.NONE);
        CliTest.Run r = CliTest.cli("search", project.toString(), "--profile", "Datacenter", "--ha", "30", "--area", shp.toString(),
                "--top", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode locs = new ObjectMapper().readTree(r.out()).get("locations");
        assertTrue(locs.size() >= 3, r.out());
        for (JsonNode l : locs) {
            Geometry g = new WKTReader().read(l.get("geometry_wkt").asText());
            assertTrue(area.contains(g.getCentroid()), "position outside the area: " + g.getCentroid());
        }
        assertTrue(root(r).get("request").get("parent_cluster").isNull(), "no cluster given: no parent");
    }

    @Test
    void aProvinceByNameAndARectangleShapeSetWhereAndWhat() throws Exception {
        Project world = SearchWorldFixtures.project();
        // A province layer as the map's own (recognised by its CBS source): the world's west and east halves.
        var name = new nl.ruimteschets.model.Field("name", nl.ruimteschets.model.FieldType.TEXT);
        Geometry west = SearchWorldFixtures.box(95_000, 110_000, 395_000, 425_000), east = SearchWorldFixtures.box(110_000, 125_000, 395_000, 425_000);
        world.putLayer(new nl.ruimteschets.model.Layer("Provincies", nl.ruimteschets.model.LayerRole.BASEMAP, List.of(name),
                List.of(new nl.ruimteschets.model.Feature(1, west, new Object[] {"Westland"}),
                        new nl.ruimteschets.model.Feature(2, east, new Object[] {"Oostland (Oost)"})),
                Map.of(nl.ruimteschets.model.Layer.MAP_NAME, "name"), "Provincies: CBS/PDOK bestuurlijke grenzen", null));
        Path project = dir.resolve("provincies.gpkg");
        ProjectStore.save(world, project);
        CliTest.Run r = CliTest.cli("search", project.toString(), "--profile", "Datacenter", "--ha", "30", "--province", "oostland",
                "--shape", "rectangle:4", "--top", "3", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode root = root(r);
        assertEquals("rectangle:4:0", root.get("request").get("shape").asText());
        int free = 0;
        for (JsonNode l : root.get("locations")) {
            Geometry g = new WKTReader().read(l.get("geometry_wkt").asText());
            assertTrue(east.contains(g.getCentroid()), "outside the province: " + g.getCentroid());
            if (!"position".equals(l.get("source").asText())) continue;
            free++;
            var e = g.getEnvelopeInternal();
            assertEquals(4.0, e.getWidth() / e.getHeight(), 0.01, "a 4:1 rectangle lying east-west");
            assertEquals(30.0, g.getArea() / 10_000, 0.01);
        }
        assertEquals(3, free);

        CliTest.Run unknown = CliTest.cli("--lang", "en", "search", project.toString(), "--profile", "Datacenter", "--ha", "30",
                "--province", "Atlantis");
        assertEquals(3, unknown.code());
        assertTrue(unknown.err().contains("Atlantis") && unknown.err().contains("Westland, Oostland (Oost)"), unknown.err());
        CliTest.Run shape = CliTest.cli("search", project.toString(), "--profile", "Datacenter", "--ha", "30",
                "--province", "Westland", "--shape", "cirkel");
        assertEquals(3, shape.code());
        assertTrue(shape.err().contains("Vorm \"cirkel\" is onbekend"), shape.err());
        for (CliTest.Run x : List.of(unknown, shape)) assertFalse(x.err().contains("\tat "), x.err());
    }

    private static JsonNode root(CliTest.Run r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void badInputGivesExitCodesAndMessagesWithoutStackTraces() throws Exception {
        Path project = dir.resolve("wereld.gpkg");
        ProjectStore.save(SearchWorldFixtures.project(), project);
        CliTest.Run noArea = CliTest.cli("search", project.toString(), "--profile", "Datacenter", "--ha", "10");
        assertEquals(2, noArea.code());
        CliTest.Run profile = CliTest.cli("search", project.toString(), "--profile", "Kerncentrale", "--ha", "10", "--cluster", "Testcluster");
        assertEquals(3, profile.code());
        assertTrue(profile.err().contains("Kerncentrale") && profile.err().contains("Datacenter"), profile.err());
        CliTest.Run cluster = CliTest.cli("--lang", "en", "search", project.toString(), "--profile", "Datacenter", "--ha", "10",
                "--cluster", "Nergens");
        assertEquals(3, cluster.code());
        assertTrue(cluster.err().contains("Cluster \"Nergens\" has no contour"), cluster.err());
        CliTest.Run weight = CliTest.cli("search", project.toString(), "--profile", "Datacenter", "--ha", "10",
                "--cluster", "Testcluster", "--weight", "geluk=3");
        assertEquals(3, weight.code());
        for (CliTest.Run x : List.of(noArea, profile, cluster, weight)) assertFalse(x.err().contains("\tat "), x.err());
    }
}
