package nl.ruimteschets.geo;

/**
 * What a file says about its coordinate reference system, before anyone interprets it: an EPSG code
 * when the format states one, the WKT text when it has one (.prj, gpkg_spatial_ref_sys), or neither.
 * A format may also imply a CRS without stating it (GeoJSON without a {@code crs} member is WGS 84 by
 * RFC 7946); such a CRS is {@link #implied()}, and the importer may overrule it when the coordinates
 * plainly are not in it (GDAL writes RD GeoJSON without a crs member).
 *
 * @param epsg the EPSG code the file states, or null
 * @param wkt the WKT (ESRI or OGC) the file holds, or null
 * @param description a short human name for messages ("EPSG:4326", the WKT's name, the .prj path)
 * @param implied true when the format's default, not the file, names the CRS
 */
public record SourceCrs(Integer epsg, String wkt, String description, boolean implied) {
    public static final SourceCrs NONE = new SourceCrs(null, null, "");

    public SourceCrs(Integer epsg, String wkt, String description) {
        this(epsg, wkt, description, false);
    }

    public static SourceCrs epsg(int code) {
        return new SourceCrs(code, null, "EPSG:" + code);
    }

    /** A CRS the format implies when the file is silent (GeoJSON: WGS 84). */
    public static SourceCrs implied(int code, String description) {
        return new SourceCrs(code, null, description, true);
    }

    public boolean isKnown() {
        return epsg != null || (wkt != null && !wkt.isBlank());
    }
}
