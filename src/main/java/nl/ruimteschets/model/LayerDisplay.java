package nl.ruimteschets.model;

/**
 * How the planner set a layer to be drawn, saved with the project so a reopened project (and its
 * report) looks as it was left: shown or hidden, opacity 0..1, and fill and outline colours as RGBA
 * ({@code 0xRRGGBBAA}). Line width and dashes follow the layer's role.
 */
public record LayerDisplay(boolean visible, double opacity, int fill, int stroke) {
    public LayerDisplay {
        if (!(opacity >= 0 && opacity <= 1)) throw new IllegalArgumentException("opacity 0..1: " + opacity);
    }

    public LayerDisplay withVisible(boolean v) { return new LayerDisplay(v, opacity, fill, stroke); }
    public LayerDisplay withOpacity(double o) { return new LayerDisplay(visible, o, fill, stroke); }
    public LayerDisplay withColours(int f, int s) { return new LayerDisplay(visible, opacity, f, s); }
}
