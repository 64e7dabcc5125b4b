package nl.ruimteschets.analysis;

/**
 * A receptor grid of continuous (24/7-equivalent) levels L in dB(A) at 5 m height: cell (i, j) has
 * its centre at (x0 + (i + ½)·cell, y0 + (j + ½)·cell). Immutable by convention (the array is not
 * copied for speed; nobody writes to it after the model returns).
 */
public record NoiseGrid(double x0, double y0, double cell, int nx, int ny, float[] level) {
    public double at(int i, int j) {
        return level[j * nx + i];
    }

    public double centreX(int i) { return x0 + (i + 0.5) * cell; }

    public double centreY(int j) { return y0 + (j + 0.5) * cell; }

    /** Level at the grid cell containing (x, y), or -∞ outside the grid. */
    public double levelAt(double x, double y) {
        int i = (int) Math.floor((x - x0) / cell), j = (int) Math.floor((y - y0) / cell);
        return i < 0 || j < 0 || i >= nx || j >= ny ? Double.NEGATIVE_INFINITY : at(i, j);
    }
}
