package nl.ruimteschets.model.change;

import nl.ruimteschets.model.Layer;

/** Test data shared with the io tests: a small layer of plots with a name and an area. */
public final class AttributeEditTestData {
    private AttributeEditTestData() { }

    public static Layer plots() { return AttributeEditTest.plots(); }
}
