package nl.ruimteschets.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Maps the encoding hints of a shapefile (.cpg text, DBF language driver id) to Java charsets.
 * H2GIS maps LDID 0 to UTF-8 and chokes on "ANSI 1252" (STACK.md P15), so the reader decides the
 * charset itself with these rules. Stateless and thread-safe.
 */
final class DbfEncoding {
    static final Charset CP1252 = Charset.forName("windows-1252");
    static final Charset CP850 = Charset.forName("IBM850");
    static final Charset CP437 = Charset.forName("IBM437");

    private DbfEncoding() { }

    /**
     * The charset a .cpg file names, or null when the text is not recognised. Accepts the spellings
     * GDAL, ArcGIS and QGIS write ("UTF-8", "UTF8", "1252", "ANSI 1252", "CP850", "88591", ...).
     */
    static Charset fromCpg(String cpg) {
        if (cpg == null) return null;
        String raw = cpg.trim();
        String k = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        switch (k) {
            case "UTF8": return StandardCharsets.UTF_8;
            case "1252": case "CP1252": case "ANSI1252": case "WINDOWS1252": case "MSWIN1252": return CP1252;
            case "850": case "CP850": case "IBM850": case "OEM850": return CP850;
            case "437": case "CP437": case "IBM437": case "OEM437": return CP437;
            case "88591": case "ISO88591": case "LATIN1": return StandardCharsets.ISO_8859_1;
            case "885915": case "ISO885915": case "LATIN9": return Charset.forName("ISO-8859-15");
            case "1250": case "CP1250": case "ANSI1250": case "WINDOWS1250": return Charset.forName("windows-1250");
            default:
                try {
                    return Charset.forName(raw);
                } catch (IllegalArgumentException e) {
                    return null; // unknown name: the caller falls back to the DBF header
                }
        }
    }

    /**
     * The charset a DBF language driver id (header byte 29) stands for, or null for 0 and unknown ids,
     * where the caller has to look at the bytes themselves.
     */
    static Charset fromLanguageDriver(int ldid) {
        switch (ldid) {
            case 0x01: return CP437;
            case 0x02: return CP850;
            case 0x03: case 0x57: case 0x58: case 0x59: return CP1252;
            case 0x64: return Charset.forName("IBM852");
            case 0xC8: return Charset.forName("windows-1250");
            default: return null;
        }
    }
}
