package nl.ruimteschets.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Encodes and decodes the GeoPackage geometry blob (GPKG header + WKB, spec §2.1.3) straight from and to
 * JTS. Going through NGA's simple-features model would parse every geometry twice and double the
 * garbage on layers with millions of features. Stateless; thread-safe. Bad blobs throw
 * {@link ParseException}.
 */
final class GpkgBlob {
    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private GpkgBlob() { }

    /** A little-endian blob with an XY envelope (none for an empty geometry); Z and M are dropped. */
    static byte[] encode(Geometry g, int srsId) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(g);
        boolean empty = g.isEmpty();
        ByteBuffer b = ByteBuffer.allocate(8 + (empty ? 0 : 32) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'G').put((byte) 'P').put((byte) 0);
        b.put((byte) (empty ? 0x11 : 0x03)); // bit0 little endian, bits1-3 envelope kind, bit4 empty
        b.putInt(srsId);
        if (!empty) {
            Envelope e = g.getEnvelopeInternal();
            b.putDouble(e.getMinX()).putDouble(e.getMaxX()).putDouble(e.getMinY()).putDouble(e.getMaxY());
        }
        b.put(wkb);
        return b.array();
    }

    static Geometry decode(byte[] blob, WKBReader reader) throws ParseException {
        if (blob == null) return null;
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') throw new ParseException("not a GeoPackage geometry");
        int indicator = (blob[3] >> 1) & 7;
        if (indicator >= ENVELOPE_BYTES.length) throw new ParseException("bad envelope indicator " + indicator);
        int offset = 8 + ENVELOPE_BYTES[indicator];
        return reader.read(Arrays.copyOfRange(blob, offset, blob.length));
    }
}
