package nl.ruimteschets.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Writes a FeatureCollection, streaming. {@link Mode#WGS84} is RFC 7946: reprojected from EPSG:28992
 * with proj4j, [lon, lat] with 7 decimals (about 1 cm), no crs member. {@link Mode#RD} keeps RD New
 * with 3 decimals (1 mm) and the legacy crs member, which GDAL and QGIS honour. Exterior rings are
 * written counter-clockwise, holes clockwise (RFC 7946 §3.1.6); every written polygon is valid after
 * rounding. Writes a temp file and moves it into
 * place. One instance may be used by one thread at a time.
 */
public final class GeoJsonWriter implements FeatureWriter {
    public enum Mode { WGS84, RD }

    private final Mode mode;
    private CoordinateTransform toWgs84;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    public GeoJsonWriter() {
        this(Mode.WGS84);
    }

    public GeoJsonWriter(Mode mode) {
        this.mode = mode;
    }

    @Override
    public List<Path> write(Path target, String layerName, List<Field> fields, FeatureRows features,
                            ProgressListener progress) throws IOException {
        if (mode == Mode.WGS84 && toWgs84 == null) {
            CRSFactory crs = new CRSFactory();
            toWgs84 = new CoordinateTransformFactory().createTransform(crs.createFromName("EPSG:28992"),
                    crs.createFromName("EPSG:4326"));
        }
        Path temp = AtomicFiles.tempBeside(target, ".geojson");
        try {
            try (JsonGenerator g = new JsonFactory().createGenerator(temp.toFile(), JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("type", "FeatureCollection");
                if (layerName != null && !layerName.isEmpty()) g.writeStringField("name", layerName);
                if (mode == Mode.RD) {
                    g.writeObjectFieldStart("crs");
                    g.writeStringField("type", "name");
                    g.writeObjectFieldStart("properties");
                    g.writeStringField("name", "urn:ogc:def:crs:EPSG::28992");
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeArrayFieldStart("features");
                long[] done = {0};
                long total = features.estimatedCount();
                features.forEach(f -> {
                    progress.checkCancelled();
                    writeFeature(g, f, fields);
                    if (++done[0] % 1000 == 0) progress.progress(done[0], total < 0 ? -1 : Math.max(done[0], total));
                }, progress);
                g.writeEndArray();
                g.writeEndObject();
            }
            AtomicFiles.moveIntoPlace(temp, target);
            return List.of(target);
        } finally {
            AtomicFiles.deleteQuietly(temp);
        }
    }

    private void writeFeature(JsonGenerator g, Feature f, List<Field> fields) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeNumberField("id", f.id());
        g.writeObjectFieldStart("properties");
        for (int i = 0; i < fields.size(); i++) {
            Object v = f.value(i);
            g.writeFieldName(fields.get(i).name());
            if (v == null) g.writeNull();
            else if (v instanceof Boolean b) g.writeBoolean(b);
            else if (v instanceof Double || v instanceof Float) g.writeNumber(((Number) v).doubleValue());
            else if (v instanceof Number n) g.writeNumber(n.longValue());
            else g.writeString(v.toString());
        }
        g.writeEndObject();
        g.writeFieldName("geometry");
        if (f.geometry() == null) g.writeNull(); else writeGeometry(g, output(f.geometry()));
        g.writeEndObject();
    }

    private void writeGeometry(JsonGenerator g, Geometry geom) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", geom.getGeometryType());
        if (geom.getClass() == GeometryCollection.class) {
            g.writeArrayFieldStart("geometries");
            for (int i = 0; i < geom.getNumGeometries(); i++) writeGeometry(g, geom.getGeometryN(i));
        } else {
            g.writeArrayFieldStart("coordinates");
            writeCoordinates(g, geom);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The contents of the "coordinates" array (the caller opened it). */
    private void writeCoordinates(JsonGenerator g, Geometry geom) throws IOException {
        if (geom instanceof Point p) {
            if (!p.isEmpty()) writePosition(g, p.getCoordinate());
        } else if (geom instanceof LinearRing || geom instanceof LineString) {
            for (Coordinate c : geom.getCoordinates()) {
                g.writeStartArray();
                writePosition(g, c);
                g.writeEndArray();
            }
        } else if (geom instanceof Polygon p) {
            if (p.isEmpty()) return;
            writeRing(g, p.getExteriorRing(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) writeRing(g, p.getInteriorRingN(i), false);
        } else { // MultiPoint, MultiLineString, MultiPolygon
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                g.writeStartArray();
                writeCoordinates(g, geom.getGeometryN(i));
                g.writeEndArray();
            }
        }
    }

    private void writeRing(JsonGenerator g, LinearRing ring, boolean exterior) throws IOException {
        Coordinate[] cs = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(cs) != exterior;
        g.writeStartArray();
        for (int i = 0; i < cs.length; i++) {
            g.writeStartArray();
            writePosition(g, cs[reverse ? cs.length - 1 - i : i]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /**
     * The geometry as it will be written: in the output CRS, coordinates on the output grid (1 cm in
     * WGS 84, 1 mm in RD), and still valid. Rounding alone can make a polygon invalid where two
     * vertices come closer than the grid (12 of the 160 Natura 2000 sites in WGS 84); those are
     * snap-rounded onto the grid instead, which keeps them valid.
     */
    private Geometry output(Geometry rd) {
        Geometry g = rd.copy();
        if (mode == Mode.WGS84) {
            g.apply(new CoordinateSequenceFilter() {
                @Override
                public void filter(CoordinateSequence seq, int i) {
                    in.x = seq.getX(i);
                    in.y = seq.getY(i);
                    toWgs84.transform(in, out); // proj4j: x = longitude, y = latitude (STACK.md P17)
                    seq.setOrdinate(i, 0, out.x);
                    seq.setOrdinate(i, 1, out.y);
                }

                @Override public boolean isDone() { return false; }

                @Override public boolean isGeometryChanged() { return true; }
            });
        }
        PrecisionModel grid = new PrecisionModel(mode == Mode.WGS84 ? 1e7 : 1e3);
        Geometry rounded = g.copy();
        rounded.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, grid.makePrecise(seq.getX(i)));
                seq.setOrdinate(i, 1, grid.makePrecise(seq.getY(i)));
            }

            @Override public boolean isDone() { return false; }

            @Override public boolean isGeometryChanged() { return true; }
        });
        if (!(rounded instanceof Polygonal) || rounded.isValid()) return rounded;
        return GeometryPrecisionReducer.reduce(GeometryRepair.makeValid(g), grid);
    }

    private void writePosition(JsonGenerator g, Coordinate c) throws IOException {
        g.writeNumber(c.x);
        g.writeNumber(c.y);
    }
}
