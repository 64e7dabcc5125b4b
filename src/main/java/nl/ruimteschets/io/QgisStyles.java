package nl.ruimteschets.io;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.db.GeoPackageDataType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.RoleStyle;

/**
 * QGIS styles for the layers of a GeoPackage (project file or export), so QGIS opens every layer
 * looking as it does in Ruimteschets: fill, outline (dashed for zones and contours), opacity and, when
 * a label field is set, labels with a white halo. Written as QGIS itself writes them: the
 * {@code layer_styles} table (f_table_catalog, f_table_schema, f_table_name, f_geometry_column,
 * styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time), registered in
 * gpkg_contents as attributes, one row per layer with a QML document (single-symbol renderer) and an
 * SLD for other clients. Our rows are named {@value #STYLE_NAME}; a style the user saved from QGIS is
 * left alone and stays the default. Stateless and thread-safe; the caller owns the GeoPackage.
 */
public final class QgisStyles {
    public static final String TABLE = "layer_styles";
    public static final String STYLE_NAME = "Ruimteschets";

    /** How a layer looks: colours 0xRRGGBBAA, outline width in screen pixels, dashes, opacity 0..1, label field or null. */
    public record Look(int fill, int stroke, double strokeWidthPx, boolean dashed, double opacity, String labelField) {
        /** The planner's saved look (colours, opacity, label field; width and dashes by role), or the role's. */
        public static Look of(LayerRole role, LayerDisplay saved) {
            RoleStyle r = RoleStyle.of(role);
            if (saved == null) return new Look(r.fill(), r.stroke(), r.strokeWidth(), r.dashed(), 1, null);
            return new Look(saved.fill(), saved.stroke(), r.strokeWidth(), r.dashed(), saved.opacity(), saved.labelField());
        }
    }

    /** Exported candidates: orange, labelled with their name. */
    public static final Look CANDIDATES = new Look(0xFF8F0066, 0xE65100FF, 2, false, 1, "naam");
    /** Exported computed contours: red dashed outlines, no fill. */
    public static final Look CONTOURS = new Look(0xC0202000, 0xC02020FF, 1.5, true, 1, null);

    /** One styled layer: its table, geometry column, geometry family and look. */
    public record Entry(String table, String geometryColumn, GeometryKind kind, Look look) { }

    private static final List<ProjectTables.Col> COLS = List.of(
            new ProjectTables.Col("f_table_catalog", GeoPackageDataType.TEXT),
            new ProjectTables.Col("f_table_schema", GeoPackageDataType.TEXT),
            new ProjectTables.Col("f_table_name", GeoPackageDataType.TEXT),
            new ProjectTables.Col("f_geometry_column", GeoPackageDataType.TEXT),
            new ProjectTables.Col("styleName", GeoPackageDataType.TEXT),
            new ProjectTables.Col("styleQML", GeoPackageDataType.TEXT),
            new ProjectTables.Col("styleSLD", GeoPackageDataType.TEXT),
            new ProjectTables.Col("useAsDefault", GeoPackageDataType.BOOLEAN),
            new ProjectTables.Col("description", GeoPackageDataType.TEXT),
            new ProjectTables.Col("owner", GeoPackageDataType.TEXT),
            new ProjectTables.Col("ui", GeoPackageDataType.TEXT),
            new ProjectTables.Col("update_time", GeoPackageDataType.DATETIME));

    private QgisStyles() { }

    /** The style entries of a whole project: every layer with its planner's look, and the candidates. */
    public static List<Entry> entries(nl.ruimteschets.model.Project p) {
        List<Entry> entries = new ArrayList<>();
        for (nl.ruimteschets.model.Layer l : p.layers()) {
            // a layer that stays in a database: the kind its table declares (its features are not in memory)
            GeometryKind kind = l.inDatabase() ? GeoPackageLayers.kindOf(l.geometryType().toUpperCase(java.util.Locale.ROOT))
                    : kindOf(l.features());
            entries.add(new Entry(l.name(), "geom", kind, Look.of(l.role(), p.displays().get(l.name()))));
        }
        entries.add(new Entry(ProjectStore.CANDIDATE, "geom", GeometryKind.POLYGON, CANDIDATES));
        return entries;
    }

    /** The geometry family all features share (MIXED when they differ or have none). */
    public static GeometryKind kindOf(List<nl.ruimteschets.model.Feature> features) {
        GeometryKind k = null;
        for (nl.ruimteschets.model.Feature f : features) {
            if (f.geometry() != null) k = k == null ? GeometryKind.of(f.geometry()) : k.combine(GeometryKind.of(f.geometry()));
        }
        return k == null ? GeometryKind.MIXED : k;
    }

    /**
     * Writes (replaces) our style of each entry's table; with {@code keepOnly} non-null, also drops our
     * rows for tables not in it (layers removed from the project).
     */
    public static void write(GeoPackage gp, List<Entry> entries, List<String> keepOnly) throws SQLException {
        if (!gp.isTable(TABLE)) ProjectTables.create(gp, TABLE, COLS);
        Connection con = gp.getConnection().getConnection();
        try (PreparedStatement del = con.prepareStatement("DELETE FROM " + TABLE + " WHERE styleName = ? AND f_table_name = ?")) {
            for (Entry e : entries) {
                del.setString(1, STYLE_NAME);
                del.setString(2, e.table());
                del.executeUpdate();
            }
        }
        if (keepOnly != null) {
            List<String> ours = new ArrayList<>();
            ProjectTables.query(gp, "SELECT f_table_name FROM " + TABLE + " WHERE styleName = '" + STYLE_NAME + "'",
                    rs -> ours.add(rs.getString(1)));
            try (PreparedStatement del = con.prepareStatement("DELETE FROM " + TABLE + " WHERE styleName = ? AND f_table_name = ?")) {
                for (String t : ours) {
                    if (keepOnly.contains(t)) continue;
                    del.setString(1, STYLE_NAME);
                    del.setString(2, t);
                    del.executeUpdate();
                }
            }
        }
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : entries) {
            boolean otherDefault = hasOtherDefault(con, e.table());
            rows.add(new Object[] {"", "", e.table(), e.geometryColumn(), STYLE_NAME, qml(e.kind(), e.look()),
                sld(e.table(), e.kind(), e.look()), !otherDefault, "Ruimteschets: " + e.table(), "", null, now});
        }
        ProjectTables.insert(gp, TABLE, COLS, rows);
    }

    /** Writes one layer's style into a GeoPackage file (a layer just imported in place). */
    public static void write(java.nio.file.Path gpkg, Entry entry) throws java.io.IOException, nl.ruimteschets.model.InputException {
        GeoPackage gp = GeoPackageLayers.open(gpkg, true);
        try {
            write(gp, List.of(entry), null);
        } catch (SQLException e) {
            throw new java.io.IOException("cannot write the QGIS style of " + entry.table() + ": " + e.getMessage(), e);
        } finally {
            gp.close();
        }
    }

    private static boolean hasOtherDefault(Connection con, String table) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT COUNT(*) FROM " + TABLE
                + " WHERE f_table_name = ? AND useAsDefault = 1 AND styleName <> ?")) {
            ps.setString(1, table);
            ps.setString(2, STYLE_NAME);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** The QML document QGIS reads for a layer of this geometry family and look. */
    public static String qml(GeometryKind kind, Look look) {
        boolean labels = look.labelField() != null;
        StringBuilder x = new StringBuilder();
        x.append("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n");
        x.append("<qgis version=\"3.28.0-Firenze\" styleCategories=\"Symbology|Labeling|Rendering\" labelsEnabled=\"")
                .append(labels ? 1 : 0).append("\">\n");
        x.append(" <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\">\n");
        x.append("  <symbols>\n");
        String outline = num(look.strokeWidthPx() * 0.26); // 1 px on screen ≈ 0.26 mm, QGIS's default hairline
        String dash = look.dashed() ? "dash" : "solid";
        switch (kind) {
            case POINT -> {
                x.append("   <symbol type=\"marker\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n");
                x.append("    <layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\">\n     <Option type=\"Map\">\n");
                option(x, "name", "circle");
                option(x, "color", rgba(look.fill() | 0xFF));
                option(x, "outline_color", rgba(look.stroke()));
                option(x, "outline_style", "solid");
                option(x, "outline_width", outline);
                option(x, "outline_width_unit", "MM");
                option(x, "size", "2.2");
                option(x, "size_unit", "MM");
            }
            case LINE -> {
                x.append("   <symbol type=\"line\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n");
                x.append("    <layer class=\"SimpleLine\" enabled=\"1\" pass=\"0\" locked=\"0\">\n     <Option type=\"Map\">\n");
                option(x, "line_color", rgba(look.stroke()));
                option(x, "line_style", dash);
                option(x, "line_width", outline);
                option(x, "line_width_unit", "MM");
                option(x, "capstyle", "round");
                option(x, "joinstyle", "round");
            }
            default -> {
                x.append("   <symbol type=\"fill\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n");
                x.append("    <layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">\n     <Option type=\"Map\">\n");
                option(x, "color", rgba(look.fill()));
                option(x, "style", (look.fill() & 0xFF) == 0 ? "no" : "solid");
                option(x, "outline_color", rgba(look.stroke()));
                option(x, "outline_style", dash);
                option(x, "outline_width", outline);
                option(x, "outline_width_unit", "MM");
                option(x, "joinstyle", "bevel");
            }
        }
        x.append("     </Option>\n    </layer>\n   </symbol>\n  </symbols>\n  <rotation/>\n  <sizescale/>\n </renderer-v2>\n");
        if (labels) {
            int placement = switch (kind) {
                case POINT -> 0;  // around the point
                case LINE -> 2;   // along the line
                default -> 1;     // over the centroid
            };
            x.append(" <labeling type=\"simple\">\n  <settings calloutType=\"simple\">\n");
            x.append("   <text-style fieldName=\"").append(esc(look.labelField())).append("\" isExpression=\"0\"")
                    .append(" fontFamily=\"Sans Serif\" fontSize=\"9\" fontSizeUnit=\"Point\" fontWeight=\"50\" fontItalic=\"0\"")
                    .append(" textColor=\"33,33,33,255\" textOpacity=\"1\" namedStyle=\"Regular\" blendMode=\"0\"")
                    .append(" multilineHeight=\"1\" capitalization=\"0\" allowHtml=\"0\">\n");
            x.append("    <text-buffer bufferDraw=\"1\" bufferSize=\"1\" bufferSizeUnits=\"MM\" bufferColor=\"255,255,255,255\"")
                    .append(" bufferOpacity=\"0.85\" bufferNoFill=\"1\" bufferJoinStyle=\"128\" bufferBlendMode=\"0\"/>\n");
            x.append("   </text-style>\n");
            x.append("   <placement placement=\"").append(placement).append("\" dist=\"1\" distUnits=\"MM\" priority=\"5\"/>\n");
            x.append("   <rendering obstacle=\"1\" displayAll=\"0\" upsidedownLabels=\"0\" labelPerPart=\"0\" mergeLines=\"0\"")
                    .append(" scaleVisibility=\"0\" fontLimitPixelSize=\"0\"/>\n");
            x.append("  </settings>\n </labeling>\n");
        }
        x.append(" <layerOpacity>").append(num(look.opacity())).append("</layerOpacity>\n");
        x.append(" <blendMode>0</blendMode>\n <featureBlendMode>0</featureBlendMode>\n");
        x.append("</qgis>\n");
        return x.toString();
    }

    /** A Styled Layer Descriptor 1.1 for clients that read SLD rather than QML. */
    public static String sld(String table, GeometryKind kind, Look look) {
        String symbolizer = switch (kind) {
            case POINT -> "<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>circle</se:WellKnownName>"
                    + fill(look.fill() | 0xFF, look.opacity()) + stroke(look) + "</se:Mark><se:Size>8</se:Size></se:Graphic></se:PointSymbolizer>";
            case LINE -> "<se:LineSymbolizer>" + stroke(look) + "</se:LineSymbolizer>";
            default -> "<se:PolygonSymbolizer>" + fill(look.fill(), look.opacity()) + stroke(look) + "</se:PolygonSymbolizer>";
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<StyledLayerDescriptor version=\"1.1.0\""
                + " xmlns=\"http://www.opengis.net/sld\" xmlns:se=\"http://www.opengis.net/se\">"
                + "<NamedLayer><se:Name>" + esc(table) + "</se:Name><UserStyle><se:Name>" + STYLE_NAME + "</se:Name>"
                + "<se:FeatureTypeStyle><se:Rule>" + symbolizer + "</se:Rule></se:FeatureTypeStyle></UserStyle></NamedLayer>"
                + "</StyledLayerDescriptor>\n";
    }

    private static String fill(int rgba, double opacity) {
        return "<se:Fill><se:SvgParameter name=\"fill\">" + hex(rgba) + "</se:SvgParameter>"
                + "<se:SvgParameter name=\"fill-opacity\">" + num((rgba & 0xFF) / 255.0 * opacity) + "</se:SvgParameter></se:Fill>";
    }

    private static String stroke(Look look) {
        return "<se:Stroke><se:SvgParameter name=\"stroke\">" + hex(look.stroke()) + "</se:SvgParameter>"
                + "<se:SvgParameter name=\"stroke-width\">" + num(look.strokeWidthPx()) + "</se:SvgParameter>"
                + (look.dashed() ? "<se:SvgParameter name=\"stroke-dasharray\">6 3</se:SvgParameter>" : "") + "</se:Stroke>";
    }

    private static void option(StringBuilder x, String name, String value) {
        x.append("      <Option type=\"QString\" name=\"").append(name).append("\" value=\"").append(esc(value)).append("\"/>\n");
    }

    /** QGIS colour text "r,g,b,a" from 0xRRGGBBAA. */
    static String rgba(int c) {
        return ((c >>> 24) & 0xFF) + "," + ((c >>> 16) & 0xFF) + "," + ((c >>> 8) & 0xFF) + "," + (c & 0xFF);
    }

    private static String hex(int c) {
        return String.format(Locale.ROOT, "#%06x", c >>> 8);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
