package nl.ruimteschets.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A GeoJSON geometry object (RFC 7946 §3.1) already parsed by Jackson, turned straight into JTS. The
 * JTS GeoJSON reader wants text, so going through it meant writing each tree back to JSON and parsing
 * it again: three times the work on files with hundreds of thousands of vertices. A third ordinate is
 * kept as Z (the importer drops it and says so); empty coordinate arrays give empty geometries.
 * Malformed input throws {@link IllegalArgumentException} with a short reason. Stateless and thread-safe.
 */
final class GeoJsonGeometry {
    private GeoJsonGeometry() { }

    static Geometry read(JsonNode g, GeometryFactory f) {
        String type = g.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode parts = g.path("geometries");
            Geometry[] gs = new Geometry[parts.size()];
            for (int i = 0; i < gs.length; i++) gs[i] = read(parts.get(i), f);
            return f.createGeometryCollection(gs);
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) throw new IllegalArgumentException(type + " without coordinates");
        return switch (type) {
            case "Point" -> c.isEmpty() ? f.createPoint() : f.createPoint(position(c));
            case "MultiPoint" -> {
                Point[] ps = new Point[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = f.createPoint(position(c.get(i)));
                yield f.createMultiPoint(ps);
            }
            case "LineString" -> f.createLineString(positions(c));
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) ls[i] = f.createLineString(positions(c.get(i)));
                yield f.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c, f);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) ps[i] = polygon(c.get(i), f);
                yield f.createMultiPolygon(ps);
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f) {
        if (!rings.isArray()) throw new IllegalArgumentException("polygon rings are not an array");
        if (rings.isEmpty()) return f.createPolygon();
        LinearRing shell = f.createLinearRing(positions(rings.get(0)));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 0; i < holes.length; i++) holes[i] = f.createLinearRing(positions(rings.get(i + 1)));
        return f.createPolygon(shell, holes);
    }

    private static Coordinate[] positions(JsonNode c) {
        if (!c.isArray()) throw new IllegalArgumentException("coordinates are not an array");
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) cs[i] = position(c.get(i));
        return cs;
    }

    private static Coordinate position(JsonNode p) {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is not [x, y]: " + p);
        }
        Coordinate c = new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
        if (p.size() > 2 && p.get(2).isNumber()) c.setZ(p.get(2).doubleValue());
        return c;
    }
}
