package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .shx must point at back-to-back records that end exactly at the end of the .shp, with the header
 * lengths right; a wrong record length (H2GIS 2.2.5 multipolygons) shows up here even where JTS reads fine.
 */
class ShapefileStructureTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            "MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0)), ((5 5, 9 5, 9 9, 5 9, 5 5), (6 6, 6 7, 7 7, 6 6)), ((20 20, 21 20, 21 21, 20 20)))",
            "MULTILINESTRING((0 0, 1 0), (5 5, 5 6, 7 7), (9 9, 10 10))",
            "MULTIPOINT((0 0), (1 1), (2 2))",
            "POINT(3 4)"})
    void recordsAndIndexAgree(String wkt) throws Exception {
        List<Feature> in = new ArrayList<>();
        for (int i = 1; i <= 4; i++) in.add(new Feature(i, i == 3 ? null : ShapefileTestData.wkt(wkt), new Object[] {(long) i}));
        Path shp = dir.resolve("s.shp");
        new ShapefileWriter().write(shp, "s", List.of(new Field("nr", FieldType.INTEGER)), in, ProgressListener.NONE);

        ByteBuffer s = ByteBuffer.wrap(Files.readAllBytes(shp)).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer x = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("s.shx"))).order(ByteOrder.BIG_ENDIAN);
        assertEquals(s.capacity(), 2 * s.getInt(24), "shp header file length");
        assertEquals(x.capacity(), 2 * x.getInt(24), "shx header file length");
        assertEquals(4, (x.capacity() - 100) / 8);
        int expectedOffset = 100;
        for (int i = 0; i < 4; i++) {
            int offset = 2 * x.getInt(100 + 8 * i);
            int length = 2 * x.getInt(104 + 8 * i);
            assertEquals(expectedOffset, offset, "record " + (i + 1) + " offset");
            assertEquals(i + 1, s.getInt(offset), "record number");
            assertEquals(length, 2 * s.getInt(offset + 4), "record length in .shp and .shx");
            expectedOffset = offset + 8 + length;
        }
        assertEquals(s.capacity(), expectedOffset, "last record ends at end of file");
    }
}
