package nl.ruimteschets.io;

/**
 * What a file says about its coordinate reference system, before anyone interprets it: an EPSG code
 * when the format states one, the WKT text when it has one (.prj, gpkg_spatial_ref_sys), or neither.
 *
 * @param epsg the EPSG code the file states, or null
 * @param wkt the WKT (ESRI or OGC) the file holds, or null
 * @param description a short human name for messages ("EPSG:4326", the WKT's name, the .prj path)
 */
public record SourceCrs(Integer epsg, String wkt, String description) {
    public static final SourceCrs NONE = new SourceCrs(null, null, "");

    public static SourceCrs epsg(int code) {
        return new SourceCrs(code, null, "EPSG:" + code);
    }

    public boolean isKnown() {
        return epsg != null || (wkt != null && !wkt.isBlank());
    }
}
