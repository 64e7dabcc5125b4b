package nl.ruimteschets.model;

/**
 * How the planner set a layer to be drawn, saved with the project so a reopened project (and its
 * report) looks as it was left: shown or hidden, opacity 0..1, fill and outline colours as RGBA
 * ({@code 0xRRGGBBAA}), and the attribute whose values label the features (null: no labels). Line
 * width and dashes follow the layer's role.
 */
public record LayerDisplay(boolean visible, double opacity, int fill, int stroke, String labelField) {
    public LayerDisplay {
        if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("opacity 0..1: " + opacity);
        if (labelField != null && labelField.isBlank()) labelField = null;
    }

    /** Without labels. */
    public LayerDisplay(boolean visible, double opacity, int fill, int stroke) {
        this(visible, opacity, fill, stroke, null);
    }

    public LayerDisplay withVisible(boolean v) { return new LayerDisplay(v, opacity, fill, stroke, labelField); }
    public LayerDisplay withOpacity(double o) { return new LayerDisplay(visible, o, fill, stroke, labelField); }
    public LayerDisplay withColours(int f, int s) { return new LayerDisplay(visible, opacity, f, s, labelField); }
    public LayerDisplay withLabelField(String field) { return new LayerDisplay(visible, opacity, fill, stroke, field); }
}
