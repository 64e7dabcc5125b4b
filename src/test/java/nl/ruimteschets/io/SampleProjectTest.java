package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.junit.jupiter.api.Test;

class SampleProjectTest {
    private static final Envelope RD_BOUNDS = new Envelope(-7000, 300000, 289000, 629000);
    private static final java.nio.file.Path MAPS = java.nio.file.Path.of(System.getProperty("ruimteschets.maps", "maps"));
    private final Project project = SampleProject.build();

    @Test
    void hasTheFiveClustersAndClusterSix() {
        assertEquals(List.of("Rotterdam-Moerdijk", "Noordzeekanaalgebied", "Noord-Nederland",
                "Zeeland West-Brabant", "Chemelot", "Cluster 6"), List.copyOf(project.clusters().keySet()));
        Layer sites = project.layers(LayerRole.CLUSTER).get(0);
        for (String c : project.clusters().keySet()) {
            assertTrue(sites.features().stream().anyMatch(f -> c.equals(sites.text(f, Layer.MAP_CLUSTER))), c);
        }
        assertTrue(project.profiles().size() >= 9);
    }

    @Test
    void everyRolePresentWithItsSource() {
        for (LayerRole role : LayerRole.values()) {
            List<Layer> ls = project.layers(role);
            assertEquals(role == LayerRole.BASEMAP ? 2 : 1, ls.size(), role.name());
            for (Layer l : ls) {
                assertFalse(l.features().isEmpty(), l.name());
                for (String field : l.fieldMapping().values()) assertTrue(l.fieldIndex(field) >= 0, l.name() + "." + field);
                if (role == LayerRole.BASEMAP || role == LayerRole.NATURA2000) {
                    // Real open data: source and licence named as its publisher asks.
                    assertTrue(l.source().contains(role == LayerRole.NATURA2000
                            ? "CC BY 4.0 \"RVO / RCE, via BoerderijenNatura2000NL\"" : "\"CBS / Kadaster\""), l.source());
                } else {
                    assertTrue(l.source().startsWith("schematisch (Ruimteschets voorbeeldkaart) — vervang door "), l.source());
                }
            }
        }
    }

    @Test
    void opensAsANamedProject() {
        assertEquals("Voorbeeld industrieclusters", project.name());
    }

    @Test
    void realGeographyEveryFeatureAndName() {
        Layer n2000 = project.layers(LayerRole.NATURA2000).get(0);
        assertEquals(160, n2000.features().size());
        assertEquals(343, project.layer("Gemeenten").orElseThrow().features().size());
        assertEquals(12, project.layer("Provincies").orElseThrow().features().size());
        assertEquals(1, names(n2000).stream().filter("Fochteloërveen"::equals).count());
        double ha = n2000.features().stream().mapToDouble(f -> f.geometry().getArea()).sum() / 1e4;
        // ../shared/data/README.md: all sites together ≈ 1,781,000 ha, water included.
        assertEquals(1_781_000, ha, 2_000);
        Feature voorne = site(n2000, "Voornes Duin");
        // Parts repaired one by one and unioned keep the overlapping area (1,432 ha, not MakeValid's 1,341 ha).
        assertEquals(1432, voorne.geometry().getArea() / 1e4, 10);
    }

    @Test
    void kdwOnlyWhereDomainGivesOneAndSensitivityMapped() {
        Layer n2000 = project.layers(LayerRole.NATURA2000).get(0);
        assertEquals("714", String.valueOf(Math.round(Double.parseDouble(n2000.text(site(n2000, "Voornes Duin"), Layer.MAP_KDW)))));
        assertEquals("429", String.valueOf(Math.round(Double.parseDouble(n2000.text(site(n2000, "Brabantse Wal"), Layer.MAP_KDW)))));
        long withKdw = n2000.features().stream().filter(f -> n2000.text(f, Layer.MAP_KDW) != null).count();
        assertEquals(6, withKdw);
        assertEquals(null, n2000.text(site(n2000, "Biesbosch"), Layer.MAP_KDW));
        assertEquals("false", n2000.text(site(n2000, "Oostvaardersplassen"), Layer.MAP_NITROGEN_SENSITIVE));
        assertEquals("true", n2000.text(site(n2000, "Voornes Duin"), Layer.MAP_NITROGEN_SENSITIVE));
    }

    @Test
    void schematicLayersSitOnTheRealLandAndOutsideNatura2000() {
        Geometry land = org.locationtech.jts.operation.union.UnaryUnionOp.union(project.layer("Gemeenten").orElseThrow()
                .features().stream().map(Feature::geometry).toList());
        Layer n2000 = project.layers(LayerRole.NATURA2000).get(0);
        List<Geometry> schematic = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (LayerRole role : List.of(LayerRole.CLUSTER, LayerRole.AVAILABLE_PLOT, LayerRole.RESIDENTIAL, LayerRole.SENSITIVE)) {
            Layer l = project.layers(role).get(0);
            for (Feature f : l.features()) {
                schematic.add(f.geometry());
                what.add(l.name() + " " + l.text(f, Layer.MAP_NAME));
            }
        }
        for (Candidate c : project.scenario("Voorbeeld").orElseThrow().candidates()) {
            schematic.add(c.footprint());
            what.add("candidate " + c.name());
        }
        for (int i = 0; i < schematic.size(); i++) {
            Geometry g = schematic.get(i);
            assertTrue(g.intersection(land).getArea() >= 0.99 * g.getArea(), what.get(i) + " is not on land");
            for (Feature n : n2000.features()) {
                if (!n.geometry().getEnvelopeInternal().intersects(g.getEnvelopeInternal())) continue;
                assertTrue(n.geometry().intersection(g).getArea() < 0.001 * g.getArea(),
                        what.get(i) + " lies in Natura 2000 site " + n2000.text(n, Layer.MAP_NAME));
            }
        }
    }

    @Test
    void everyGeometryValidAndInRdBounds() {
        for (Geometry g : allGeometries(project)) {
            assertTrue(g.isValid(), g.toText());
            assertFalse(g.isEmpty());
            assertEquals(SampleProject.RD_SRID, g.getSRID());
        }
        // Offshore Natura 2000 sites (Doggersbank) reach beyond the RD area; everything else lies inside it.
        for (Layer l : project.layers()) {
            if (l.role() != LayerRole.NATURA2000) assertTrue(RD_BOUNDS.contains(l.extent()), l.name() + " " + l.extent());
        }
    }

    @Test
    void sitesAtTheirRdPositions() {
        assertNear("Maasvlakte", 61000, 442200);
        assertNear("Chemelot", 182900, 331800);
        assertNear("Tata Steel IJmuiden", 101000, 499200);
        assertNear("Eemshaven", 251200, 607500);
    }

    @Test
    void sampleScenarioHasExpansionAndSatellite() {
        Scenario s = project.scenario("Voorbeeld").orElseThrow();
        assertEquals(3, s.candidates().size());
        Candidate mv = s.candidates().stream().filter(c -> c.kind() == CandidateKind.EXPANSION
                && c.profileName().equals("Waterstof / elektrolyse")).findFirst().orElseThrow();
        assertEquals("Rotterdam-Moerdijk", mv.parentCluster());
        assertTrue(mv.grossAreaHa() >= 150 && mv.grossAreaHa() <= 250, "ha " + mv.grossAreaHa());
        Candidate sat = s.candidates().stream().filter(c -> c.kind() == CandidateKind.SATELLITE).findFirst().orElseThrow();
        assertTrue(sat.geometry() instanceof Point);
        assertEquals(40, sat.grossAreaHa(), 1e-9);
        assertEquals("Chemelot", sat.parentCluster());
        for (Candidate c : s.candidates()) {
            assertTrue(project.profiles().containsKey(c.profileName()), c.profileName());
            assertTrue(project.clusters().containsKey(c.parentCluster()), c.parentCluster());
        }
    }

    @Test
    void vulnerabilityUsesTheBklClasses() {
        Layer l = project.layers(LayerRole.SENSITIVE).get(0);
        Set<String> classes = Set.of("zeer kwetsbaar", "kwetsbaar", "beperkt kwetsbaar");
        for (Feature f : l.features()) assertTrue(classes.contains(l.text(f, Layer.MAP_VULNERABILITY)));
    }

    @Test
    void buildingTwiceGivesIdenticalGeometries() {
        List<Geometry> a = allGeometries(project), b = allGeometries(SampleProject.build());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertTrue(a.get(i).equalsExact(b.get(i)), "geometry " + i);
    }

    /**
     * The app opens the prepared layers (maps/sample-layers.bin); they must be what the sources in maps/
     * give today, so a CSV or map edited without running MapReduction --sample fails here.
     */
    @Test
    void preparedLayersAreWhatTheSourcesGive() {
        Project generated = SampleProject.generate(MAPS);
        assertEquals(generated.layers().size(), project.layers().size());
        for (int i = 0; i < generated.layers().size(); i++) {
            Layer want = generated.layers().get(i), got = project.layers().get(i);
            String stale = want.name() + ": maps/" + SampleProject.PREPARED + " is out of date; run "
                    + "java -cp target/ruimteschets.jar nl.ruimteschets.tools.MapReduction --sample maps";
            assertEquals(want.name(), got.name(), stale);
            assertEquals(want.role(), got.role(), stale);
            assertEquals(want.fields(), got.fields(), stale);
            assertEquals(want.fieldMapping(), got.fieldMapping(), stale);
            assertEquals(want.source(), got.source(), stale);
            assertEquals(want.report().format(), got.report().format(), stale);
            assertEquals(want.report().read(), got.report().read(), stale);
            assertEquals(want.features().size(), got.features().size(), stale);
            for (int k = 0; k < want.features().size(); k++) {
                Feature a = want.features().get(k), b = got.features().get(k);
                assertEquals(a.id(), b.id(), stale);
                assertEquals(java.util.Arrays.asList(a.values()), java.util.Arrays.asList(b.values()), stale);
                // Within a millimetre: another JVM may round a buffer's last digit differently.
                assertTrue(a.geometry().equalsExact(b.geometry(), 1e-3), stale + " (feature " + a.id() + ")");
                assertEquals(SampleProject.RD_SRID, b.geometry().getSRID());
            }
        }
        assertEquals(generated.displays(), project.displays());
        assertEquals(allGeometries(generated).size(), allGeometries(project).size());
    }

    private void assertNear(String site, double x, double y) {
        Layer sites = project.layers(LayerRole.CLUSTER).get(0);
        Feature f = sites.features().stream().filter(s -> site.equals(sites.text(s, Layer.MAP_NAME)))
                .findFirst().orElseThrow();
        double d = f.geometry().getCentroid().getCoordinate().distance(new Coordinate(x, y));
        assertTrue(d <= 2000, site + " centroid " + d + " m from its reference point");
    }

    private static List<String> names(Layer l) {
        return l.features().stream().map(f -> l.text(f, Layer.MAP_NAME)).toList();
    }

    private static Feature site(Layer l, String name) {
        return l.features().stream().filter(f -> name.equals(l.text(f, Layer.MAP_NAME))).findFirst().orElseThrow();
    }

    private static List<Geometry> allGeometries(Project p) {
        List<Geometry> out = new ArrayList<>();
        for (Layer l : p.layers()) l.features().forEach(f -> out.add(f.geometry()));
        for (Scenario s : p.scenarios()) s.candidates().forEach(c -> out.add(c.geometry()));
        return out;
    }
}
