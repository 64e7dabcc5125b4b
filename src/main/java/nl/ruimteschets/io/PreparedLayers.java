package nl.ruimteschets.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Finished layers in a compact binary file, so the app can open a project that takes long to compute
 * (the sample: real maps parsed from GeoJSON, schematic shapes cut to the land) by reading it instead.
 * Holds everything a {@link Layer} carries that the sample uses: name, role, fields, field mapping,
 * source (with its licence), the import report's source, format, CRS and counts, and per feature its
 * id, attribute values and geometry as WKB (EPSG:28992).
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): the magic {@code RSLAYERS}, a version, a
 * free-text provenance line, the number of layers, then per layer its metadata and features. Values
 * keep their Java type (text, whole number, decimal, yes/no, date) so a layer read back equals the one
 * written. Only for files this program wrote itself; not a user-facing format.
 *
 * <p>Stateless; safe to use from any thread.
 */
public final class PreparedLayers {
    private static final String MAGIC = "RSLAYERS";
    private static final int VERSION = 1;
    private static final byte NULL = 0, TEXT = 1, WHOLE = 2, DECIMAL = 3, YES_NO = 4, DATE = 5;

    private PreparedLayers() { }

    /** Writes the layers, after a one-line note of where they came from (kept in the file). */
    public static void write(OutputStream out, String provenance, List<Layer> layers) throws IOException {
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        WKBWriter wkb = new WKBWriter(2);
        d.writeUTF(MAGIC);
        d.writeInt(VERSION);
        d.writeUTF(provenance);
        d.writeInt(layers.size());
        for (Layer l : layers) {
            d.writeUTF(l.name());
            d.writeUTF(l.role().name());
            d.writeInt(l.fields().size());
            for (Field f : l.fields()) {
                d.writeUTF(f.name());
                d.writeUTF(f.type().name());
            }
            d.writeInt(l.fieldMapping().size());
            for (Map.Entry<String, String> e : l.fieldMapping().entrySet()) {
                d.writeUTF(e.getKey());
                d.writeUTF(e.getValue());
            }
            writeText(d, l.source());
            ImportReport r = l.report();
            writeText(d, r.source());
            writeText(d, r.format());
            writeText(d, r.sourceCrs());
            d.writeLong(r.read());
            d.writeLong(r.imported());
            d.writeInt(l.features().size());
            for (Feature f : l.features()) {
                d.writeLong(f.id());
                d.writeInt(f.values().length);
                for (Object v : f.values()) writeValue(d, v);
                byte[] g = wkb.write(f.geometry());
                d.writeInt(g.length);
                d.write(g);
            }
        }
        d.flush();
    }

    /** Reads what {@link #write} wrote; geometries get the given SRID. */
    public static List<Layer> read(InputStream in, int srid) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        if (!MAGIC.equals(d.readUTF())) throw new IOException("not a prepared-layers file");
        int version = d.readInt();
        if (version != VERSION) throw new IOException("prepared-layers version " + version + ", expected " + VERSION);
        d.readUTF(); // provenance: for people and tools looking at the file
        WKBReader wkb = new WKBReader(new GeometryFactory(new PrecisionModel(), srid));
        int layerCount = d.readInt();
        List<Layer> layers = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            String name = d.readUTF();
            LayerRole role = LayerRole.valueOf(d.readUTF());
            int fieldCount = d.readInt();
            List<Field> fields = new ArrayList<>(fieldCount);
            for (int k = 0; k < fieldCount; k++) fields.add(new Field(d.readUTF(), FieldType.valueOf(d.readUTF())));
            int mappingCount = d.readInt();
            Map<String, String> mapping = new LinkedHashMap<>();
            for (int k = 0; k < mappingCount; k++) mapping.put(d.readUTF(), d.readUTF());
            String source = readText(d);
            ImportReport report = new ImportReport();
            report.setSource(readText(d));
            report.setFormat(readText(d));
            report.setSourceCrs(readText(d));
            report.restore(d.readLong(), d.readLong(), 0, 0, 0, 0);
            int featureCount = d.readInt();
            List<Feature> features = new ArrayList<>(featureCount);
            for (int k = 0; k < featureCount; k++) {
                long id = d.readLong();
                Object[] values = new Object[d.readInt()];
                for (int v = 0; v < values.length; v++) values[v] = readValue(d);
                byte[] g = new byte[d.readInt()];
                d.readFully(g);
                Geometry geometry;
                try {
                    geometry = wkb.read(g);
                } catch (ParseException e) {
                    throw new IOException("layer " + name + ", feature " + id + ": " + e.getMessage(), e);
                }
                geometry.setSRID(srid);
                features.add(new Feature(id, geometry, values));
            }
            layers.add(new Layer(name, role, fields, features, mapping, source, report));
        }
        return layers;
    }

    private static void writeValue(DataOutputStream d, Object v) throws IOException {
        if (v == null) {
            d.writeByte(NULL);
        } else if (v instanceof String s) {
            d.writeByte(TEXT);
            d.writeUTF(s);
        } else if (v instanceof Long n) {
            d.writeByte(WHOLE);
            d.writeLong(n);
        } else if (v instanceof Double x) {
            d.writeByte(DECIMAL);
            d.writeDouble(x);
        } else if (v instanceof Boolean b) {
            d.writeByte(YES_NO);
            d.writeBoolean(b);
        } else if (v instanceof LocalDate date) {
            d.writeByte(DATE);
            d.writeLong(date.toEpochDay());
        } else {
            throw new IllegalArgumentException("no prepared form for a " + v.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream d) throws IOException {
        byte tag = d.readByte();
        return switch (tag) {
            case NULL -> null;
            case TEXT -> d.readUTF();
            case WHOLE -> d.readLong();
            case DECIMAL -> d.readDouble();
            case YES_NO -> d.readBoolean();
            case DATE -> LocalDate.ofEpochDay(d.readLong());
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static void writeText(DataOutputStream d, String s) throws IOException {
        d.writeBoolean(s != null);
        if (s != null) d.writeUTF(s);
    }

    private static String readText(DataInputStream d) throws IOException {
        return d.readBoolean() ? d.readUTF() : null;
    }
}
