package nl.ruimteschets.geo;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.proj4j.CRSFactory;

/**
 * Recognises the CRS a file states (EPSG code, OGC or ESRI WKT) as an EPSG code that proj4j can
 * transform. ESRI .prj files carry no authority code, so their well-known names are matched too.
 * Stateless and thread-safe.
 */
public final class CrsRegistry {
    private static final CRSFactory CRS_FACTORY = new CRSFactory();

    /** Top-level authority: the last AUTHORITY/ID in the WKT, right before the closing bracket. */
    private static final Pattern TOP_AUTHORITY = Pattern.compile(
            "(?:AUTHORITY\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*\\]|ID\\[\\s*\"EPSG\"\\s*,\\s*(\\d+)\\s*\\])\\s*\\]\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CS_NAME = Pattern.compile(
            "^\\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\\s*\\[\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** ESRI and OGC names, normalised to lower-case letters and digits only. */
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("rdnew", 28992),
            Map.entry("amersfoortrdnew", 28992),
            Map.entry("gcswgs1984", 4326),
            Map.entry("wgs84", 4326),
            Map.entry("gcsetrs1989", 4258),
            Map.entry("etrs89", 4258),
            Map.entry("wgs1984webmercatorauxiliarysphere", 3857),
            Map.entry("wgs84pseudomercator", 3857),
            Map.entry("webmercator", 3857),
            Map.entry("etrs1989utmzone31n", 25831),
            Map.entry("etrs89utmzone31n", 25831),
            Map.entry("wgs1984utmzone31n", 32631),
            Map.entry("wgs84utmzone31n", 32631));

    private CrsRegistry() { }

    /**
     * @return the EPSG code, or null when the file states no CRS at all
     * @throws InputException when the file states a CRS this program cannot transform; the message names it
     */
    public static Integer identify(SourceCrs crs) throws InputException {
        if (crs.epsg() != null) return requireSupported(crs.epsg(), crs.description());
        if (crs.wkt() == null || crs.wkt().isBlank()) return null;
        String wkt = crs.wkt().trim();
        Matcher m = TOP_AUTHORITY.matcher(wkt);
        if (m.find()) {
            String code = m.group(1) != null ? m.group(1) : m.group(2);
            return requireSupported(Integer.parseInt(code), crsName(wkt));
        }
        String name = crsName(wkt);
        Integer byName = NAMES.get(normalise(name));
        if (byName != null) return byName;
        throw new InputException(new UserMessage("crs.unknown", name.isEmpty() ? abbreviate(wkt) : name,
                crs.description()));
    }

    /** The name in the WKT's outermost CS element, or "". */
    public static String crsName(String wkt) {
        Matcher m = CS_NAME.matcher(wkt);
        return m.find() ? m.group(2) : "";
    }

    /** True when proj4j has a definition for this code. */
    public static boolean isSupported(int epsg) {
        try {
            return CRS_FACTORY.createFromName("EPSG:" + epsg) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int requireSupported(int epsg, String description) throws InputException {
        if (!isSupported(epsg)) {
            throw new InputException(new UserMessage("crs.unsupported", "EPSG:" + epsg, description));
        }
        return epsg;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
