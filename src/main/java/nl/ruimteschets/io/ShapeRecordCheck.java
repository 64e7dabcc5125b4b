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
 * points. Each refusal names the file and the record (the feature id). Stateless; thread-safe.
 */
final class ShapeRecordCheck {
    /** Points in one record: 80 MB of coordinates; no footprint, contour or zone comes near it. */
    static final int MAX_POINTS = 5_000_000;

    private ShapeRecordCheck() { }

    static void check(FileChannel shp, long offset, long shxEnd, String shpName, int record)
            throws IOException, InputException {
        long size = shp.size();
        ByteBuffer head = ByteBuffer.allocate(8 + 44).order(ByteOrder.BIG_ENDIAN);
        int got = shp.read(head, offset);
        if (got < 12) throw beyond(shpName, record);
        long contentBytes = 2L * Integer.toUnsignedLong(head.getInt(4));
        long available = Math.min(contentBytes, size - offset - 8);
        head.order(ByteOrder.LITTLE_ENDIAN);
        int type = head.getInt(8);
        long content = offset + 8;
        switch (type) {
            case 0:
                return;
            case 1: case 11: case 21:
                require(available >= 20, shpName, record);
                checkPoints(shp, content + 4, 1, shpName, record);
                return;
            case 8: case 18: case 28: {
                require(got >= 8 + 40 && available >= 40, shpName, record);
                int n = head.getInt(8 + 36);
                checkCount(n, shpName, record);
                require(40 + 16L * n <= available, shpName, record);
                checkPoints(shp, content + 40, n, shpName, record);
                return;
            }
            case 3: case 5: case 13: case 15: case 23: case 25: {
                require(got >= 8 + 44 && available >= 44, shpName, record);
                int parts = head.getInt(8 + 36);
                int n = head.getInt(8 + 40);
                checkCount(n, shpName, record);
                require(parts >= 0 && parts <= n && 44 + 4L * parts + 16L * n <= available, shpName, record);
                ByteBuffer idx = ByteBuffer.allocate(4 * parts).order(ByteOrder.LITTLE_ENDIAN);
                if (shp.read(idx, content + 44) < 4 * parts) throw beyond(shpName, record);
                int previous = -1;
                for (int i = 0; i < parts; i++) {
                    int start = idx.getInt(4 * i);
                    require(start >= Math.max(previous, 0) && start < n && (i > 0 || start == 0), shpName, record);
                    previous = start;
                }
                checkPoints(shp, content + 44 + 4L * parts, n, shpName, record);
                return;
            }
            default:
                throw new InputException(new UserMessage("shp.record.type", shpName, record, type));
        }
    }

    private static void checkCount(int n, String shpName, int record) throws InputException {
        if (n < 0) throw bad(shpName, record);
        if (n > MAX_POINTS) throw new InputException(new UserMessage("shp.record.toomany", shpName, record, n, MAX_POINTS));
    }

    /** Reads the X/Y pairs in blocks and refuses NaN and infinity. */
    private static void checkPoints(FileChannel shp, long pos, int n, String shpName, int record)
            throws IOException, InputException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(16L * n, 1 << 16)).order(ByteOrder.LITTLE_ENDIAN);
        long left = 16L * n;
        while (left > 0) {
            b.clear();
            b.limit((int) Math.min(b.capacity(), left));
            int r = shp.read(b, pos);
            if (r <= 0) throw beyond(shpName, record);
            int whole = r - r % 8;
            for (int i = 0; i < whole; i += 8) {
                if (!Double.isFinite(b.getDouble(i))) {
                    throw new InputException(new UserMessage("import.coordinate.nonfinite", shpName, record));
                }
            }
            pos += whole;
            left -= whole;
        }
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
