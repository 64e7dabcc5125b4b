package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Small shapefiles and hand-made DBFs for the shapefile tests. */
final class ShapefileTestData {
    private ShapefileTestData() { }

    static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Writes n square polygons in RD coordinates with one text field NAAM. */
    static Path squares(Path dir, String base, String... names) throws IOException {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            double x = 155000 + i * 100;
            features.add(new Feature(i + 1, wkt("POLYGON((" + x + " 463000, " + (x + 50) + " 463000, " + (x + 50)
                    + " 463050, " + x + " 463050, " + x + " 463000))"), new Object[] {names[i]}));
        }
        Path shp = dir.resolve(base + ".shp");
        new ShapefileWriter().write(shp, base, List.of(new Field("naam", FieldType.TEXT)), features, ProgressListener.NONE);
        return shp;
    }

    /**
     * A dBASE III file with one C field, written byte by byte, so tests control the language driver id
     * and the code page exactly.
     */
    static void writeDbf(Path dbf, int ldid, Charset charset, String field, int width, String... values) throws IOException {
        int headerLength = 32 + 32 + 1;
        int recordLength = 1 + width;
        ByteBuffer b = ByteBuffer.allocate(headerLength + values.length * recordLength + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put((byte) 124).put((byte) 1).put((byte) 1);
        b.putInt(values.length).putShort((short) headerLength).putShort((short) recordLength);
        b.position(29);
        b.put((byte) ldid);
        b.position(32);
        byte[] name = Arrays.copyOf(field.getBytes(charset), 11);
        b.put(name).put((byte) 'C').putInt(0).put((byte) width).put((byte) 0);
        b.position(64);
        b.put((byte) 0x0D);
        for (String v : values) {
            byte[] text = Arrays.copyOf(v.getBytes(charset), width);
            for (int i = v.getBytes(charset).length; i < width; i++) text[i] = ' ';
            b.put((byte) ' ').put(text);
        }
        b.put((byte) 0x1A);
        Files.write(dbf, b.array());
    }
}
