package nl.ruimteschets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.LayerChanges;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class DrawOrderTest {
    private static final GeometryFactory GF = new GeometryFactory();

    @Test
    void newLayersGoToTheirRolesPlaceAndUndoRestores() {
        Project p = new Project();
        new LayerChanges.Add(polygons("buildings", LayerRole.SENSITIVE), -1).apply(p);
        new LayerChanges.Add(polygons("sites", LayerRole.CLUSTER), -1).apply(p);
        new LayerChanges.Add(points("schools", LayerRole.SENSITIVE), -1).apply(p);
        new LayerChanges.Add(polygons("n2000", LayerRole.NATURA2000), -1).apply(p);
        new LayerChanges.Add(polygons("gemeenten", LayerRole.BASEMAP), -1).apply(p);
        // A background layer imported last still goes under everything; points stay on top.
        assertEquals(List.of("gemeenten", "n2000", "sites", "buildings", "schools"), names(p));
        new LayerChanges.Add(polygons("provincies", LayerRole.BASEMAP), -1).apply(p);
        assertEquals(List.of("gemeenten", "provincies", "n2000", "sites", "buildings", "schools"), names(p));
        // The planner can still move a layer anywhere.
        new LayerChanges.Move("gemeenten", 5).apply(p);
        assertEquals("gemeenten", p.layers().get(5).name());
        Change undo = new LayerChanges.Add(polygons("zones", LayerRole.NOISE_ZONE), -1).apply(p);
        assertEquals(2, p.layers().indexOf(p.layer("zones").orElseThrow()));
        undo.apply(p);
        assertEquals(6, p.layers().size());
    }

    private static List<String> names(Project p) {
        return p.layers().stream().map(Layer::name).toList();
    }

    private static Layer polygons(String name, LayerRole role) {
        List<Feature> fs = new ArrayList<>();
        fs.add(new Feature(1, GF.toGeometry(new Envelope(0, 10, 0, 10)), new Object[0]));
        return new Layer(name, role, List.of(), fs, Map.of(), "", null);
    }

    private static Layer points(String name, LayerRole role) {
        List<Feature> fs = new ArrayList<>();
        fs.add(new Feature(1, GF.createPoint(new Coordinate(5, 5)), new Object[0]));
        return new Layer(name, role, List.of(), fs, Map.of(), "", null);
    }
}
