package nl.ruimteschets.render;

import org.locationtech.jts.geom.Envelope;

/**
 * What part of the RD plane a map shows: the world point at the centre of the screen, metres per
 * pixel and the screen size. Immutable; every pan or zoom makes a new one.
 */
public record Viewport(double centerX, double centerY, double metresPerPixel, double width, double height) {

    /** Typical screen pixel pitch (0.28 mm, the OGC standard rendering pixel) for map scale 1:N. */
    public static final double PIXEL_SIZE_M = 0.00028;

    public static Viewport fit(Envelope world, double width, double height) {
        double w = Math.max(width, 1), h = Math.max(height, 1);
        double mpp = Math.max(world.getWidth() / w, world.getHeight() / h) * 1.05;
        if (!(mpp > 0)) mpp = 10;
        return new Viewport(world.centre().x, world.centre().y, mpp, w, h);
    }

    public double toScreenX(double x) { return (x - centerX) / metresPerPixel + width / 2; }

    public double toScreenY(double y) { return height / 2 - (y - centerY) / metresPerPixel; }

    public double toWorldX(double sx) { return centerX + (sx - width / 2) * metresPerPixel; }

    public double toWorldY(double sy) { return centerY + (height / 2 - sy) * metresPerPixel; }

    public Envelope worldBounds() {
        return new Envelope(toWorldX(0), toWorldX(width), toWorldY(height), toWorldY(0));
    }

    /** Moves the view by a screen offset in pixels (drag to pan). */
    public Viewport panPixels(double dx, double dy) {
        return new Viewport(centerX - dx * metresPerPixel, centerY + dy * metresPerPixel, metresPerPixel, width, height);
    }

    /** Zooms by a factor (&gt; 1 zooms in) keeping the world point under screen point (sx, sy) in place. */
    public Viewport zoomAround(double factor, double sx, double sy) {
        double wx = toWorldX(sx), wy = toWorldY(sy);
        double mpp = Math.min(Math.max(metresPerPixel / factor, 0.05), 5_000);
        double cx = wx - (sx - width / 2) * mpp;
        double cy = wy - (height / 2 - sy) * mpp;
        return new Viewport(cx, cy, mpp, width, height);
    }

    public Viewport resize(double w, double h) {
        return new Viewport(centerX, centerY, metresPerPixel, Math.max(w, 1), Math.max(h, 1));
    }

    /** The map scale denominator N of 1:N. */
    public long scaleDenominator() {
        return Math.round(metresPerPixel / PIXEL_SIZE_M);
    }
}
