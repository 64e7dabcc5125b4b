package nl.ruimteschets.model.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** Correcting an attribute value: apply → inverse → apply, and the layer before the edit is never touched. */
class AttributeEditTest {
    static Layer plots() {
        List<Field> fields = List.of(new Field("naam", FieldType.TEXT), new Field("ha", FieldType.REAL));
        List<Feature> features = List.of(
                new Feature(1, Rd.FACTORY.createPoint(new Coordinate(100, 100)), new Object[] {"Kavel Noord", 12.5}),
                new Feature(2, Rd.FACTORY.createPoint(new Coordinate(200, 100)), new Object[] {"Kavel Zud", 8.0}));
        return new Layer("Kavels", LayerRole.AVAILABLE_PLOT, fields, features, Map.of(), "test", null);
    }

    private static String values(Project p) {
        StringBuilder sb = new StringBuilder();
        for (Feature f : p.layer("Kavels").orElseThrow().features()) sb.append(f.id()).append(java.util.Arrays.toString(f.values())).append(';');
        return sb.toString();
    }

    @Test
    void aCorrectedNameIsUndoneAndRedone() {
        Project p = new Project();
        Layer original = plots();
        p.layers().add(original);
        String before = values(p);
        Change inverse = new LayerChanges.EditValue("Kavels", 2, 0, "Kavel Zuid").apply(p);
        String after = values(p);
        assertEquals("1[Kavel Noord, 12.5];2[Kavel Zuid, 8.0];", after);
        assertNotSame(original, p.layer("Kavels").orElseThrow(), "an edited layer is a new layer (saved again)");
        assertEquals("Kavel Zud", original.features().get(1).value(0), "the layer before the edit is unchanged");
        Change again = inverse.apply(p);
        assertEquals(before, values(p), "the inverse restores the value");
        again.apply(p);
        assertEquals(after, values(p), "the inverse of the inverse redoes it");
        assertEquals("change.layer.value", inverse.descriptionKey());
    }

    @Test
    void aNumberCanBeEmptiedAndAnUnknownFeatureIsRefused() {
        Project p = new Project();
        p.layers().add(plots());
        new LayerChanges.EditValue("Kavels", 1, 1, null).apply(p);
        assertEquals(null, p.layer("Kavels").orElseThrow().features().get(0).value(1));
        String state = values(p);
        assertThrows(IllegalStateException.class, () -> new LayerChanges.EditValue("Kavels", 99, 0, "x").apply(p));
        assertEquals(state, values(p), "a refused edit changes nothing");
    }
}
