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
    void everyRolePresentWithSchematicSource() {
        for (LayerRole role : LayerRole.values()) {
            List<Layer> ls = project.layers(role);
            assertEquals(1, ls.size(), role.name());
            Layer l = ls.get(0);
            assertFalse(l.features().isEmpty(), l.name());
            assertTrue(l.source().startsWith("schematisch (Ruimteschets voorbeeldkaart) — vervang door "), l.source());
            for (String field : l.fieldMapping().values()) assertTrue(l.fieldIndex(field) >= 0, l.name() + "." + field);
        }
    }

    @Test
    void everyGeometryValidAndInRdBounds() {
        for (Geometry g : allGeometries(project)) {
            assertTrue(g.isValid(), g.toText());
            assertFalse(g.isEmpty());
            assertEquals(SampleProject.RD_SRID, g.getSRID());
            assertTrue(RD_BOUNDS.contains(g.getEnvelopeInternal()), g.getEnvelopeInternal().toString());
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
    void natura2000StaysClearOfTheSites() {
        Layer sites = project.layers(LayerRole.CLUSTER).get(0);
        for (Feature n : project.layers(LayerRole.NATURA2000).get(0).features()) {
            for (Feature s : sites.features()) {
                assertFalse(n.geometry().intersects(s.geometry()),
                        n.value(0) + " overlaps " + s.value(0));
            }
        }
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

    private void assertNear(String site, double x, double y) {
        Layer sites = project.layers(LayerRole.CLUSTER).get(0);
        Feature f = sites.features().stream().filter(s -> site.equals(sites.text(s, Layer.MAP_NAME)))
                .findFirst().orElseThrow();
        double d = f.geometry().getCentroid().getCoordinate().distance(new Coordinate(x, y));
        assertTrue(d <= 2000, site + " centroid " + d + " m from its reference point");
    }

    private static List<Geometry> allGeometries(Project p) {
        List<Geometry> out = new ArrayList<>();
        for (Layer l : p.layers()) l.features().forEach(f -> out.add(f.geometry()));
        for (Scenario s : p.scenarios()) s.candidates().forEach(c -> out.add(c.geometry()));
        return out;
    }
}
