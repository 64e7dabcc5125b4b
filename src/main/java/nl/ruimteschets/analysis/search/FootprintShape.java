package nl.ruimteschets.analysis.search;

import java.util.Locale;
import java.util.Objects;
import nl.ruimteschets.geo.Rd;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The shape of the asked footprint: a square, a rectangle of a given aspect ratio and orientation, or
 * the shape of an existing (drawn) candidate. {@link #at} scales it to the asked gross area and centres
 * it on a position, so the suitability map's kernels and the ranked locations use the same polygon.
 * Immutable value; thread safe.
 *
 * @param aspect long side ÷ short side (1 for a square; ignored for a template)
 * @param orientationDeg direction of the long side in degrees counter-clockwise from east (0 = east–west,
 *        90 = north–south); for a template, a rotation applied to it
 * @param template a polygon whose shape is used (any size and place), or null for a rectangle
 */
public record FootprintShape(double aspect, double orientationDeg, Polygon template) {
    public static final FootprintShape SQUARE = new FootprintShape(1, 0, null);

    public FootprintShape {
        if (!(aspect >= 1) || aspect > 100) throw new IllegalArgumentException("aspect must be in [1, 100]");
        if (!Double.isFinite(orientationDeg)) throw new IllegalArgumentException("orientation must be finite");
        if (template != null && !(template.getArea() > 0)) throw new IllegalArgumentException("template has no area");
    }

    /** A rectangle with its long side {@code aspect} times its short side, turned {@code orientationDeg}. */
    public static FootprintShape rectangle(double aspect, double orientationDeg) {
        return new FootprintShape(aspect, orientationDeg, null);
    }

    /** The shape of this geometry (its largest polygon), scaled to the asked size wherever it is placed. */
    public static FootprintShape of(Geometry g) {
        Polygon largest = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) largest = p;
        }
        if (largest == null) throw new IllegalArgumentException("no polygon");
        return new FootprintShape(1, 0, largest);
    }

    public boolean isSquare() { return template == null && aspect == 1 && orientationDeg % 90 == 0; }

    /** The footprint of {@code grossHa} centred (by its centroid) on (x, y). */
    public Polygon at(double grossHa, double x, double y) {
        double area = grossHa * 10_000.0;
        if (isSquare()) {
            double h = Math.sqrt(area) / 2;
            return (Polygon) Rd.FACTORY.toGeometry(new org.locationtech.jts.geom.Envelope(x - h, x + h, y - h, y + h));
        }
        if (template == null) {
            double w = Math.sqrt(area / aspect), l = w * aspect;
            double a = Math.toRadians(orientationDeg), c = Math.cos(a), s = Math.sin(a);
            double[][] corners = {{-l / 2, -w / 2}, {l / 2, -w / 2}, {l / 2, w / 2}, {-l / 2, w / 2}, {-l / 2, -w / 2}};
            Coordinate[] ring = new Coordinate[corners.length];
            for (int i = 0; i < corners.length; i++) {
                double u = corners[i][0], v = corners[i][1];
                // Rounded to mm so that a square stays exactly the square the map was computed for.
                ring[i] = new Coordinate(x + round(u * c - v * s), y + round(u * s + v * c));
            }
            return Rd.FACTORY.createPolygon(ring);
        }
        Point centroid = template.getCentroid();
        double k = Math.sqrt(area / template.getArea());
        AffineTransformation t = AffineTransformation.translationInstance(-centroid.getX(), -centroid.getY())
                .scale(k, k).rotate(Math.toRadians(orientationDeg)).translate(x, y);
        Polygon p = (Polygon) t.transform(template);
        p.setSRID(Rd.FACTORY.getSRID());
        return p;
    }

    private static double round(double v) {
        return Math.rint(v * 1000) / 1000;
    }

    /** The farthest any point of a footprint of this size lies from its centre, m. */
    public double radiusM(double grossHa) {
        double r = 0;
        for (Coordinate c : at(grossHa, 0, 0).getCoordinates()) r = Math.max(r, Math.hypot(c.x, c.y));
        return r;
    }

    /**
     * Parses a command-line shape: {@code square}, {@code rectangle:ASPECT[:ORIENTATION]} (orientation in
     * degrees from east, default 0). A candidate's shape is given by name elsewhere.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static FootprintShape parse(String text) {
        String t = Objects.requireNonNull(text).trim().toLowerCase(Locale.ROOT);
        if (t.equals("square") || t.equals("vierkant")) return SQUARE;
        String[] parts = t.split(":");
        if ((parts[0].equals("rectangle") || parts[0].equals("rechthoek")) && parts.length >= 2 && parts.length <= 3) {
            double aspect = Double.parseDouble(parts[1].trim());
            double orientation = parts.length == 3 ? Double.parseDouble(parts[2].trim()) : 0;
            return rectangle(aspect, orientation);
        }
        throw new IllegalArgumentException("unknown shape: " + text);
    }

    /** A short description in the CLI's notation ({@code rectangle:3:45}, {@code square}, {@code shape of a candidate}). */
    public String describe() {
        if (template != null) return "candidate shape";
        if (isSquare()) return "square";
        return String.format(Locale.ROOT, "rectangle:%s:%s", trim(aspect), trim(orientationDeg));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
