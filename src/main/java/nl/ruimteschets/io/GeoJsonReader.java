package nl.ruimteschets.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Geometry;

/**
 * Streams a GeoJSON file: a FeatureCollection, a single Feature or a bare Geometry. The CRS is WGS84
 * (RFC 7946) unless the legacy "crs" member names an EPSG code; without that member WGS 84 is only
 * {@linkplain SourceCrs#implied() implied}, since GDAL writes RD GeoJSON without one too. The file is read twice with Jackson's
 * streaming parser, one feature tree at a time: a first pass infers the field types (widened over all
 * features) and the geometry kind, the second hands out features. Feature ids are 1-based positions.
 * Malformed JSON or geometry throws {@link InputException} naming the file. Not thread-safe; close it.
 */
public final class GeoJsonReader implements FeatureReader {
    /** Limits for hostile files: GeoJSON needs 4 levels of coordinate arrays; property values may nest a little deeper. */
    static final int MAX_DEPTH = 64;
    static final int MAX_STRING = 10_000_000;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING).maxNumberLength(400).build())
            .build());
    private static final Pattern EPSG = Pattern.compile("EPSG:+(?:[0-9.]*:)?(\\d+)\\s*$", Pattern.CASE_INSENSITIVE);

    private final Path file;
    private final List<Field> fields = new ArrayList<>();
    private GeometryKind kind;
    private SourceCrs crs = SourceCrs.implied(4326, "GeoJSON (RFC 7946)");
    private long count;
    private ObjectNode single; // a file holding one Feature or Geometry
    private JsonParser parser; // second pass, positioned inside the "features" array
    private long position;

    private GeoJsonReader(Path file) throws InputException {
        this.file = file;
        if (!Files.isRegularFile(file)) throw new InputException(new UserMessage("error.file.missing", file));
        try {
            if (Files.size(file) == 0) throw new InputException(new UserMessage("error.file.empty", file));
            firstPass();
            if (single == null) openSecondPass();
        } catch (IOException e) {
            close();
            throw invalid(e);
        }
    }

    public static GeoJsonReader open(Path file) throws InputException {
        return new GeoJsonReader(file);
    }

    private void firstPass() throws IOException, InputException {
        Map<String, FieldType> types = new LinkedHashMap<>();
        ObjectNode top = MAPPER.createObjectNode();
        try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw invalid(new IOException("no JSON object"));
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("features") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        surveyStreaming(p, types);
                        count++;
                    }
                } else {
                    top.set(name, p.readValueAsTree());
                }
            }
            if (p.nextToken() != null) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "content after the end of the JSON object");
            }
        }
        String type = top.path("type").asText("");
        if (top.has("crs")) crs = parseCrs(top.get("crs"));
        if (!type.equals("FeatureCollection")) {
            if (!type.equals("Feature")) {
                ObjectNode f = MAPPER.createObjectNode().put("type", "Feature");
                f.set("geometry", top);
                top = f;
            }
            single = top;
            survey(top, types);
            count = 1;
        }
        types.forEach((n, t) -> fields.add(new Field(n, t == null ? FieldType.TEXT : t)));
        if (kind == null) kind = GeometryKind.MIXED;
    }

    private void survey(JsonNode feature, Map<String, FieldType> types) throws InputException {
        JsonNode g = feature.path("geometry");
        if (g.isObject()) {
            GeometryKind k = kindOf(g.path("type").asText(""));
            kind = kind == null ? k : kind.combine(k);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = feature.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            FieldType t = typeOf(e.getValue());
            FieldType old = types.get(e.getKey());
            types.put(e.getKey(), old == null ? t : t == null ? old : old.widen(t));
        }
    }

    /**
     * The first pass over one feature of a collection, without building its coordinates: they are skipped
     * token by token (never parsed into numbers), which halves the cost of opening a large file. The
     * parser stands on the feature's START_OBJECT and is left on its END_OBJECT.
     */
    private void surveyStreaming(JsonParser p, Map<String, FieldType> types) throws IOException, InputException {
        ObjectNode feature = MAPPER.createObjectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("geometry") && t == JsonToken.START_OBJECT) {
                ObjectNode geometry = feature.putObject("geometry");
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String member = p.currentName();
                    JsonToken v = p.nextToken();
                    if (member.equals("type") && v == JsonToken.VALUE_STRING) geometry.put("type", p.getText());
                    else p.skipChildren();
                }
            } else if (name.equals("properties")) {
                feature.set("properties", p.readValueAsTree());
            } else {
                p.skipChildren();
            }
        }
        survey(feature, types);
    }

    private static FieldType typeOf(JsonNode v) {
        if (v.isNull()) return null;
        if (v.isIntegralNumber()) return FieldType.INTEGER;
        if (v.isNumber()) return FieldType.REAL;
        if (v.isBoolean()) return FieldType.BOOLEAN;
        return FieldType.TEXT;
    }

    private static GeometryKind kindOf(String type) {
        return switch (type) {
            case "Point", "MultiPoint" -> GeometryKind.POINT;
            case "LineString", "MultiLineString" -> GeometryKind.LINE;
            case "Polygon", "MultiPolygon" -> GeometryKind.POLYGON;
            default -> GeometryKind.MIXED;
        };
    }

    /** {"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}} or a plain "EPSG:28992". */
    static SourceCrs parseCrs(JsonNode crsNode) {
        String name = crsNode.isTextual() ? crsNode.asText() : crsNode.path("properties").path("name").asText("");
        if (name.contains("CRS84")) return SourceCrs.epsg(4326);
        Matcher m = EPSG.matcher(name.trim());
        if (m.find()) return SourceCrs.epsg(Integer.parseInt(m.group(1)));
        return new SourceCrs(null, null, name);
    }

    private void openSecondPass() throws IOException {
        JsonFactory f = MAPPER.getFactory();
        parser = f.createParser(file.toFile());
        parser.nextToken();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken t = parser.nextToken();
            if (name.equals("features") && t == JsonToken.START_ARRAY) return;
            parser.skipChildren();
        }
        parser.close();
        parser = null;
    }

    @Override public List<Field> fields() { return fields; }
    @Override public GeometryKind geometryKind() { return kind; }
    @Override public SourceCrs crs() { return crs; }
    @Override public String encoding() { return "UTF-8"; }
    @Override public long count() { return count; }

    @Override
    public Feature next() throws IOException, InputException {
        JsonNode node;
        if (single != null) {
            node = position == 0 ? single : null;
        } else {
            try {
                node = parser != null && parser.nextToken() == JsonToken.START_OBJECT ? parser.readValueAsTree() : null;
            } catch (IOException e) {
                throw invalid(e);
            }
        }
        if (node == null) return null;
        position++;
        JsonNode g = node.path("geometry");
        Geometry geometry = null;
        if (g.isObject()) {
            checkPositions(g.path("coordinates"), position, 0);
            for (JsonNode member : g.path("geometries")) checkPositions(member.path("coordinates"), position, 0);
            try {
                geometry = GeoJsonGeometry.read(g, GeoPackageReader.FACTORY);
            } catch (RuntimeException e) {
                throw new InputException(new UserMessage("geojson.geometry.invalid", position, file.getFileName(), e.getClass().getSimpleName()), e);
            }
        }
        if (geometry != null && crs.epsg() != null && crs.epsg() == 4326 && spansDateLine(geometry.getEnvelopeInternal())) {
            // RFC 7946 §3.1.9: a shape across the date line is cut in two; one 340° wide is a mistake
            throw new InputException(new UserMessage("import.antimeridian", file.getFileName(), position));
        }
        JsonNode props = node.path("properties");
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) values[i] = value(props.get(fields.get(i).name()), fields.get(i).type());
        return new Feature(position, geometry, values);
    }

    private static Object value(JsonNode v, FieldType type) {
        if (v == null || v.isNull()) return null;
        return switch (type) {
            case INTEGER -> v.asLong();
            case REAL -> v.asDouble();
            case BOOLEAN -> v.asBoolean();
            default -> v.isValueNode() ? v.asText() : v.toString(); // nested objects/arrays kept as JSON text
        };
    }

    /** Longitudes (not RD metres in a file without crs, which the Importer recognises) more than 180° apart. */
    private static boolean spansDateLine(org.locationtech.jts.geom.Envelope e) {
        return e.getMinX() >= -180 && e.getMaxX() <= 180 && e.getWidth() > 180;
    }

    /** Every position has at least two finite numbers (JTS would make a point of one, or of 1e309 = infinity). */
    private void checkPositions(JsonNode coords, long feature, int depth) throws InputException {
        if (!coords.isArray() || depth > 4) return;
        if (coords.size() > 0 && coords.get(0).isNumber()) {
            if (coords.size() < 2) throw new InputException(new UserMessage("import.position.short", file.getFileName(), feature));
            for (JsonNode n : coords) {
                if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
                    throw new InputException(new UserMessage("import.coordinate.nonfinite", file.getFileName(), feature));
                }
            }
            return;
        }
        for (JsonNode c : coords) checkPositions(c, feature, depth + 1);
    }

    /** Syntax errors and exceeded limits by line and column; never the parser's own words. */
    private InputException invalid(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException c) {
            com.fasterxml.jackson.core.JsonLocation l = c.getLocation();
            return new InputException(new UserMessage("geojson.limits", file.getFileName(), l == null ? 0 : l.getLineNr()), e);
        }
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            com.fasterxml.jackson.core.JsonLocation l = j.getLocation();
            return new InputException(new UserMessage("geojson.syntax", file.getFileName(),
                    l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr()), e);
        }
        return new InputException(new UserMessage("geojson.invalid", file.getFileName(), e.getClass().getSimpleName()), e);
    }

    @Override
    public void close() {
        try {
            if (parser != null) parser.close();
        } catch (IOException ignored) {
            // read-only file
        }
        parser = null;
    }
}
