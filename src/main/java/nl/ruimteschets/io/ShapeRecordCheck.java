package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * Checks one shapefile record before H2GIS' shape handlers parse it, because they trust the file:
 * they allocate {@code numParts} and {@code numPoints} as written (2³¹−1 is an OutOfMemoryError),
 * follow part indexes anywhere, and an infinite vertex sends the ring-orientation loop round for
 * ever. Here every count is checked against the bytes the record really has, part indexes must rise
 * within the points, every X/Y must be finite, and a record may hold at most {@link #MAX_POINTS}
 * points. Each refusal names the file and the record (the feature id). One per reader; not thread-safe.
 */
final class ShapeRecordCheck {
    /** Points in one record: 80 MB of coordinates; no footprint, contour or zone comes near it. */
    static final int MAX_POINTS = 5_000_000;


    /** Reused for every record: one read per record, grown for the rare big one. */
    private ByteBuffer buf = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);

    /** One check per reader; not thread-safe. */
    ShapeRecordCheck() { }

    void check(FileChannel shp, long offset, long shxEnd, String shpName, int record)
            throws IOException, InputException {
        long size = shp.size();
        ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
        if (shp.read(head, offset) < 12) throw beyond(shpName, record);
        long contentBytes = 2L * Integer.toUnsignedLong(head.getInt(4));
        long available = Math.min(contentBytes, size - offset - 8);
        int type = Integer.reverseBytes(head.getInt(8));
        if (type == 0) return;
        // the counts come first; the whole record is read only when they are within the cap
        ByteBuffer b = read(shp, offset + 8, (int) Math.min(available, 44), shpName, record);
        int got = b.limit();
        switch (type) {
            case 1: case 11: case 21:
                require(got >= 20, shpName, record);
                checkFinite(b, 4, 1, shpName, record);
                return;
            case 8: case 18: case 28: {
                require(got >= 40, shpName, record);
                int n = b.getInt(36);
                checkCount(n, shpName, record);
                require(40 + 16L * n <= available, shpName, record);
                b = read(shp, offset + 8, (int) (40 + 16L * n), shpName, record);
                checkFinite(b, 40, n, shpName, record);
                return;
            }
            case 3: case 5: case 13: case 15: case 23: case 25: {
                require(got >= 44, shpName, record);
                int parts = b.getInt(36);
                int n = b.getInt(40);
                checkCount(n, shpName, record);
                require(parts >= 0 && parts <= n && 44 + 4L * parts + 16L * n <= available, shpName, record);
                b = read(shp, offset + 8, (int) (44 + 4L * parts + 16L * n), shpName, record);
                int previous = -1;
                for (int i = 0; i < parts; i++) {
                    int start = b.getInt(44 + 4 * i);
                    require(start >= Math.max(previous, 0) && start < n && (i > 0 || start == 0), shpName, record);
                    previous = start;
                }
                checkFinite(b, 44 + 4 * parts, n, shpName, record);
                return;
            }
            default:
                throw new InputException(new UserMessage("shp.record.type", shpName, record, type));
        }
    }

    /** {@code length} bytes from {@code pos} into the reused buffer (limit = what the file had). */
    private ByteBuffer read(FileChannel shp, long pos, int length, String shpName, int record) throws IOException, InputException {
        if (buf.capacity() < length) buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        buf.clear();
        buf.limit(length);
        while (buf.hasRemaining()) {
            if (shp.read(buf, pos + buf.position()) <= 0) break;
        }
        buf.flip();
        return buf;
    }

    private static void checkFinite(ByteBuffer b, int from, int n, String shpName, int record) throws InputException {
        if (from + 16L * n > b.limit()) throw beyond(shpName, record);
        for (int i = 0, at = from; i < 2 * n; i++, at += 8) {
            if (!Double.isFinite(b.getDouble(at))) {
                throw new InputException(new UserMessage("import.coordinate.nonfinite", shpName, record));
            }
        }
    }

    private static void checkCount(int n, String shpName, int record) throws InputException {
        if (n < 0) throw bad(shpName, record);
        if (n > MAX_POINTS) throw new InputException(new UserMessage("shp.record.toomany", shpName, record, n, MAX_POINTS));
    }

    private static void require(boolean ok, String shpName, int record) throws InputException {
        if (!ok) throw bad(shpName, record);
    }

    private static InputException bad(String shpName, int record) {
        return new InputException(new UserMessage("shp.record.counts", shpName, record));
    }

    private static InputException beyond(String shpName, int record) {
        return new InputException(new UserMessage("shp.record.beyond", shpName, String.valueOf(record)));
    }
}
