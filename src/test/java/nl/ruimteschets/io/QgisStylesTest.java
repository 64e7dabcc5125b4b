package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * QGIS opens a project or an exported GeoPackage looking as Ruimteschets showed it (#9 §5): a
 * layer_styles row per layer, as QGIS writes it, whose QML parses with the expected renderer, colours,
 * opacity and labels; GDAL's ogrinfo lists the table (skipped with a message without GDAL).
 */
class QgisStylesTest {
    static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    @TempDir Path dir;

    /** f_table_name → styleQML of our rows, plus the columns QGIS expects. */
    static Map<String, String> styles(Path gpkg) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName,"
                     + " styleQML, styleSLD, useAsDefault, description, owner, ui, update_time FROM layer_styles"
                     + " WHERE styleName = 'Ruimteschets'")) {
            while (rs.next()) {
                assertEquals("geom", rs.getString("f_geometry_column"));
                assertTrue(rs.getString("styleSLD").contains("StyledLayerDescriptor"));
                out.put(rs.getString("f_table_name"), rs.getString("styleQML"));
            }
        }
        return out;
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    static String x(Document d, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, d);
    }

    @Test
    void everyLayerOfASavedProjectHasItsLookAsQml() throws Exception {
        Project p = SampleProject.build();
        Layer n2k = p.layers().stream().filter(l -> l.role() == LayerRole.NATURA2000).findFirst().orElseThrow();
        p.displays().put(n2k.name(), new LayerDisplay(true, 0.6, 0x11223344, 0x556677FF, "naam"));
        Path file = dir.resolve("p.gpkg");
        ProjectStore.save(p, file);

        Map<String, String> styles = styles(file);
        for (Layer l : p.layers()) assertTrue(styles.containsKey(l.name()), "style for " + l.name() + ": " + styles.keySet());
        assertTrue(styles.containsKey("rs_candidate"));
        Document d = xml(styles.get(n2k.name()));
        assertEquals("singleSymbol", x(d, "/qgis/renderer-v2/@type"));
        assertEquals("fill", x(d, "/qgis/renderer-v2/symbols/symbol/@type"));
        assertEquals("17,34,51,68", x(d, "//layer[@class='SimpleFill']/Option/Option[@name='color']/@value"));
        assertEquals("85,102,119,255", x(d, "//layer[@class='SimpleFill']/Option/Option[@name='outline_color']/@value"));
        assertEquals("0.6", x(d, "/qgis/layerOpacity"));
        assertEquals("1", x(d, "/qgis/@labelsEnabled"));
        assertEquals("naam", x(d, "/qgis/labeling/settings/text-style/@fieldName"));
        assertEquals("1", x(d, "//text-buffer/@bufferDraw"), "labels with a halo");

        Layer noise = p.layers().stream().filter(l -> l.role() == LayerRole.NOISE_ZONE).findFirst().orElseThrow();
        Document nd = xml(styles.get(noise.name()));
        assertEquals("dash", x(nd, "//Option[@name='outline_style']/@value"), "zones have dashed outlines as on screen");

        // Saved again after a layer is removed: its style goes, the others stay, one row per layer.
        p.layers().remove(noise);
        ProjectStore.save(p, file);
        assertFalse(styles(file).containsKey(noise.name()));
        assertEquals(p.layers().size() + 1, styles(file).size());
        ogrinfoLists(file);
    }

    @Test
    void aStyleTheUserSavedInQgisStaysTheDefault() throws Exception {
        Project p = SampleProject.build();
        Path file = dir.resolve("p.gpkg");
        ProjectStore.save(p, file);
        String layer = p.layers().get(0).name();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO layer_styles (f_table_name, f_geometry_column, styleName, styleQML, useAsDefault)"
                    + " VALUES ('" + layer + "', 'geom', 'mijn stijl', '<qgis/>', 1)");
            s.executeUpdate("UPDATE layer_styles SET useAsDefault = 0 WHERE styleName = 'Ruimteschets'");
        }
        ProjectStore.save(p, file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT styleName, useAsDefault FROM layer_styles WHERE f_table_name = '" + layer + "'")) {
            Map<String, Integer> rows = new LinkedHashMap<>();
            while (rs.next()) rows.put(rs.getString(1), rs.getInt(2));
            assertEquals(Map.of("mijn stijl", 1, "Ruimteschets", 0), rows);
        }
    }

    @Test
    void aLayerImportedInPlaceAndAnExportedGeoPackageAreStyled() throws Exception {
        Path json = Files.writeString(dir.resolve("kavels.geojson"), """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"Botlek"},
                 "geometry":{"type":"Polygon","coordinates":[[[78000,435000],[79000,435000],[79000,436000],[78000,436000],[78000,435000]]]}}]}""");
        Path project = dir.resolve("p.gpkg");
        ProjectImport.run(project, json, "kavels", null, LayerRole.AVAILABLE_PLOT, null, null, ProgressListener.NONE);
        Document d = xml(styles(project).get("kavels"));
        assertEquals(QgisStyles.rgba(nl.ruimteschets.model.RoleStyle.of(LayerRole.AVAILABLE_PLOT).fill()),
                x(d, "//Option[@name='color']/@value"), "the role's look");

        Layer l = ProjectStore.open(project).layer("kavels").orElseThrow();
        Path export = dir.resolve("export.gpkg");
        Exports.geoPackage(Exports.layer(l, new LayerDisplay(true, 0.5, 0xFF000080, 0x000000FF, "naam")), export);
        Document e = xml(styles(export).get("kavels"));
        assertEquals("255,0,0,128", x(e, "//Option[@name='color']/@value"));
        assertEquals("naam", x(e, "/qgis/labeling/settings/text-style/@fieldName"));
        ogrinfoLists(export);

        Path points = dir.resolve("punten.gpkg");
        Exports.geoPackage(new Exports.Table("punten", List.of(new Field("naam", FieldType.TEXT)), List.of(
                new nl.ruimteschets.model.Feature(1, nl.ruimteschets.geo.Rd.FACTORY.createPoint(
                        new org.locationtech.jts.geom.Coordinate(80000, 430000)), new Object[] {"p"})),
                QgisStyles.Look.of(LayerRole.SENSITIVE, null)), points);
        assertEquals("marker", x(xml(styles(points).get("punten")), "/qgis/renderer-v2/symbols/symbol/@type"));
    }

    static void ogrinfoLists(Path gpkg) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OGRINFO), "ogrinfo not installed: GDAL check of layer_styles skipped");
        Process p = new ProcessBuilder(OGRINFO.toString(), "-q", gpkg.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("layer_styles"), out);
    }
}
