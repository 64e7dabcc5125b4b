package nl.ruimteschets.analysis;

/**
 * A receptor grid of continuous (24/7-equivalent) levels L in dB(A) at 5 m height: cell (i, j) has
 * its centre at (x0 + (i + ½)·cell, y0 + (j + ½)·cell). It may carry a finer {@code near} grid around
 * the source (null when the grid itself is fine enough), which {@link #interpolated} prefers where it
 * covers the point. Immutable by convention (the array is not copied for speed; nobody writes to it
 * after the model returns).
 */
public record NoiseGrid(double x0, double y0, double cell, int nx, int ny, float[] level, NoiseGrid near) {
    public NoiseGrid(double x0, double y0, double cell, int nx, int ny, float[] level) {
        this(x0, y0, cell, nx, ny, level, null);
    }

    /** This grid with a fine grid near the source. */
    public NoiseGrid withNear(NoiseGrid fine) {
        return new NoiseGrid(x0, y0, cell, nx, ny, level, fine);
    }

    /** True when (x, y) lies within the span of this grid's cell centres. */
    public boolean covers(double x, double y) {
        return x >= centreX(0) && x <= centreX(nx - 1) && y >= centreY(0) && y <= centreY(ny - 1);
    }

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

    /**
     * Level at (x, y) interpolated bilinearly between cell centres, the same surface the contours
     * are traced on (marching squares interpolates linearly between centres); -∞ outside the
     * centres' span.
     */
    public double interpolated(double x, double y) {
        if (near != null && near.covers(x, y)) return near.interpolated(x, y);
        double fx = (x - x0) / cell - 0.5, fy = (y - y0) / cell - 0.5;
        int i = (int) Math.floor(fx), j = (int) Math.floor(fy);
        if (i < 0 || j < 0 || i + 1 >= nx || j + 1 >= ny) return Double.NEGATIVE_INFINITY;
        double tx = fx - i, ty = fy - j;
        double a = at(i, j) + (at(i + 1, j) - at(i, j)) * tx;
        double b = at(i, j + 1) + (at(i + 1, j + 1) - at(i, j + 1)) * tx;
        return a + (b - a) * ty;
    }
}
