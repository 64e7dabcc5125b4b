package nl.ruimteschets.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;

/**
 * Reads dBASE III records by row number straight from the file channel, one record buffer at a time.
 *
 * <p>Written here instead of using H2GIS' {@code DbaseFileReader} because that one decodes with the
 * header's charset only (P15: LDID 0 becomes UTF-8 and cp1252 bytes crash it) and returns dates as
 * null. Values come back as String, Long, Double, Boolean or LocalDate; blanks become null.
 *
 * <p>Fails with {@link DbfException} (a plain message, the caller adds the file name) on a header that
 * cannot be a DBF or a file shorter than its header says. Not thread-safe.
 */
final class DbfReader implements Closeable {

    /** A broken DBF; the message says what is wrong, without the file name. */
    static final class DbfException extends IOException {
        DbfException(String message) { super(message); }
    }

    /** dBASE allows 255 fields, GDAL writes up to 2046 (a 65,535-byte header); more is damage. */
    static final int MAX_FIELDS = 2046;

    private final FileChannel channel;
    private final int numRecords;
    private int headerLength;
    private int recordLength;
    /** The header length and record length the file states, when they disagreed with its fields and were corrected. */
    private String headerMismatch;
    private final int languageDriver;
    private final List<Field> fields = new ArrayList<>();
    private final List<Character> types = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<Integer> decimals = new ArrayList<>();
    private final ByteBuffer record;
    private Charset charset = StandardCharsets.UTF_8;

    DbfReader(Path dbf) throws IOException {
        channel = FileChannel.open(dbf, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            if (size < 32 || channel.read(head, 0) < 32) throw new DbfException("header shorter than 32 bytes");
            numRecords = head.getInt(4);
            headerLength = Short.toUnsignedInt(head.getShort(8));
            recordLength = Short.toUnsignedInt(head.getShort(10));
            languageDriver = Byte.toUnsignedInt(head.get(29));
            if (numRecords < 0) throw new DbfException("invalid header (records " + numRecords + ")");
            readFieldDescriptors(size);
            if (size < headerLength + (long) numRecords * recordLength) {
                throw new DbfException("file is shorter than its " + numRecords + " records");
            }
            record = ByteBuffer.allocate(recordLength);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Reads the field descriptors up to their 0x0D terminator, whatever the header length says (some
     * writers get it wrong, and trusting it dropped every column), then reconciles header length,
     * record length, field lengths and file size: when the stated lengths do not fit the file but the
     * descriptors do, the descriptors win and {@link #headerMismatch()} says so.
     */
    private void readFieldDescriptors(long size) throws IOException {
        int maxHeader = (int) Math.min(size, 32 + 32L * MAX_FIELDS + 1);
        ByteBuffer d = ByteBuffer.allocate(Math.max(0, maxHeader - 32));
        channel.read(d, 32);
        int offset = 1; // byte 0 of a record is the deletion flag
        int p = 0;
        for (; p + 32 <= d.position() && d.get(p) != 0x0D; p += 32) {
            int end = p;
            while (end < p + 11 && d.get(end) != 0) end++;
            String name = new String(d.array(), p, end - p, StandardCharsets.ISO_8859_1).trim();
            char type = (char) Character.toUpperCase(d.get(p + 11));
            int len = Byte.toUnsignedInt(d.get(p + 16));
            int dec = Byte.toUnsignedInt(d.get(p + 17));
            if (type == 'C') len += dec << 8; // Clipper/GDAL store long text lengths in the decimal byte
            fields.add(new Field(name, typeOf(type, len, dec)));
            types.add(type);
            offsets.add(offset);
            lengths.add(len);
            decimals.add(type == 'C' ? 0 : dec);
            offset += len;
        }
        if (p + 32 <= d.position() && fields.size() >= MAX_FIELDS) throw new DbfException("more than " + MAX_FIELDS + " fields");
        int describedHeader = 32 + p + 1;
        int describedRecord = offset;
        boolean statedFits = headerLength >= describedHeader && recordLength >= describedRecord
                && size >= headerLength + (long) numRecords * recordLength
                && (headerLength == describedHeader || isDeletionFlag(headerLength) || !isDeletionFlag(describedHeader));
        if (!statedFits) {
            // the descriptors are what the writer meant; keep a stated header that is merely longer (a VFP backlink)
            int h = headerLength >= describedHeader && size >= headerLength + (long) numRecords * describedRecord
                    ? headerLength : describedHeader;
            headerMismatch = headerLength + "/" + recordLength;
            headerLength = h;
            recordLength = describedRecord;
        }
    }

    /** A record starts here: its first byte is a deletion flag (' ' or '*'); only asked when there are records. */
    private boolean isDeletionFlag(long pos) throws IOException {
        if (numRecords == 0) return true;
        ByteBuffer one = ByteBuffer.allocate(1);
        if (channel.read(one, pos) < 1) return false;
        return one.get(0) == ' ' || one.get(0) == '*';
    }

    /** Non-null when the header's lengths were wrong and the field descriptors were used: "header/record" as stated. */
    String headerMismatch() { return headerMismatch; }

    int describedHeaderBytes() { return 32 + 32 * fields.size() + 1; }

    private static FieldType typeOf(char type, int len, int dec) {
        switch (type) {
            // N(19+,0) can hold integers beyond a long (and a double): kept as text, digit for digit
            case 'N': return dec == 0 ? (len <= 18 ? FieldType.INTEGER : FieldType.TEXT) : FieldType.REAL;
            case 'F': case 'O': return FieldType.REAL;
            case 'L': return FieldType.BOOLEAN;
            case 'D': return FieldType.DATE;
            default: return FieldType.TEXT;
        }
    }

    List<Field> fields() { return fields; }

    int numRecords() { return numRecords; }

    int languageDriver() { return languageDriver; }

    void setCharset(Charset charset) { this.charset = charset; }

    /** Names of N fields without decimals that are too wide for a long and are therefore read as text. */
    List<String> wideIntegerFields() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (types.get(i) == 'N' && fields.get(i).type() == FieldType.TEXT) out.add(fields.get(i).name());
        }
        return out;
    }

    /** True when every text field of every record is valid UTF-8; reads the file once, in blocks of whole records. */
    boolean textIsValidUtf8() throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int perBlock = Math.max(1, (1 << 20) / recordLength);
        ByteBuffer block = ByteBuffer.allocate(perBlock * recordLength);
        for (int first = 0; first < numRecords; first += perBlock) {
            int n = Math.min(perBlock, numRecords - first);
            block.clear();
            block.limit(n * recordLength);
            long pos = headerLength + (long) first * recordLength;
            while (block.hasRemaining()) {
                if (channel.read(block, pos + block.position()) < 0) throw new DbfException("file is shorter than its records");
            }
            byte[] b = block.array();
            boolean ascii = true;
            for (int k = 0, end = n * recordLength; k < end && ascii; k++) ascii = b[k] >= 0;
            if (ascii) continue; // plain ASCII is valid UTF-8: the common case costs one pass over the bytes
            for (int r = 0; r < n; r++) {
                for (int i = 0; i < fields.size(); i++) {
                    if (types.get(i) != 'C') continue;
                    try {
                        utf8.reset().decode(ByteBuffer.wrap(b, r * recordLength + offsets.get(i), lengths.get(i)));
                    } catch (CharacterCodingException e) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether 0-based record {@code row} is marked deleted ('*' in its first byte); call after {@link #read}. */
    boolean deleted() {
        return record.get(0) == '*';
    }

    /** The values of 0-based record {@code row}, in field order. */
    Object[] read(int row) throws IOException {
        load(row);
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(i);
        }
        return values;
    }

    private void load(int row) throws IOException {
        record.clear();
        long pos = headerLength + (long) row * recordLength;
        while (record.hasRemaining()) {
            if (channel.read(record, pos + record.position()) < 0) {
                throw new DbfException("record " + (row + 1) + " lies beyond the end of the file");
            }
        }
    }

    private Object value(int i) {
        byte[] b = record.array();
        int off = offsets.get(i);
        int len = lengths.get(i);
        char type = types.get(i);
        if (type == 'C' || type == 'M') {
            int end = off + len;
            while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) end--;
            return end == off ? null : new String(b, off, end - off, charset);
        }
        String s = new String(b, off, len, StandardCharsets.ISO_8859_1).trim();
        if (s.isEmpty() || s.startsWith("*") || s.startsWith("?")) return null;
        try {
            switch (fields.get(i).type()) {
                case INTEGER: return Long.parseLong(s);
                case REAL: return Double.parseDouble(s.replace(',', '.'));
                case BOOLEAN: return "TtYy".indexOf(s.charAt(0)) >= 0 ? Boolean.TRUE
                        : "FfNn".indexOf(s.charAt(0)) >= 0 ? Boolean.FALSE : null;
                case DATE:
                    return s.matches("0+") ? null : LocalDate.of(Integer.parseInt(s.substring(0, 4)),
                            Integer.parseInt(s.substring(4, 6)), Integer.parseInt(s.substring(6, 8)));
                default: return s;
            }
        } catch (NumberFormatException | DateTimeException | StringIndexOutOfBoundsException e) {
            return null; // one unreadable cell should not stop an import; the value is simply missing
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
