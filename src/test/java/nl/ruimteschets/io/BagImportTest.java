package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.ruimteschets.analysis.SafetyIndicators;
import nl.ruimteschets.analysis.SafetyModel;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;

/**
 * BAG buildings as they come (#9 §4): a generated pand extract with every historical version, demolished,
 * never-built and wrongly-registered objects and permitted-but-not-built ones, through the real import
 * paths. The safety screening must count buildings, not rows.
 */
class BagImportTest {
    private static final Locale NL = Locale.forLanguageTag("nl");
    @TempDir Path dir;

    /** 20 standing buildings (3 versions each), 5 demolished, 2 never built, 3 permitted, 1 withdrawn version. */
    Path extract() throws Exception {
        List<String> rows = new ArrayList<>();
        int n = 0;
        for (int b = 0; b < 20; b++) {
            String id = "0599100000" + String.format("%06d", b);
            double x = 101_050 + (b % 5) * 20, y = 400_100 + (b / 5) * 40;
            rows.add(row(id, 1, "1960-01-01", "1995-03-01", null, "Bouw gestart", x - 5, y));
            rows.add(row(id, 2, "1995-03-01", "2012-06-01", null, "Pand in gebruik", x - 2, y));
            rows.add(row(id, 3, "2012-06-01", null, null, "Pand in gebruik", x, y));
            n += 3;
        }
        for (int b = 0; b < 5; b++) {
            String id = "0599100001" + String.format("%05d", b);
            rows.add(row(id, 1, "1950-01-01", "2020-01-01", null, "Pand in gebruik", 101_060 + b * 20, 400_300));
            rows.add(row(id, 2, "2020-01-01", null, null, "Pand gesloopt", 101_060 + b * 20, 400_300));
        }
        rows.add(row("0599100002000001", 1, "2019-01-01", null, null, "Niet gerealiseerd pand", 101_060, 400_340));
        rows.add(row("0599100002000002", 1, "2019-01-01", null, null, "Pand ten onrechte opgevoerd", 101_080, 400_340));
        for (int b = 0; b < 3; b++) {
            rows.add(row("0599100003" + String.format("%06d", b), 1, "2024-05-01", null, null, "Bouwvergunning verleend",
                    101_060 + b * 20, 400_380));
        }
        // A newer version registered in error and withdrawn (tijdstipInactief): the building still stands.
        rows.add(row("0599100000000000", 4, "2023-01-01", null, "2023-02-01T10:00:00", "Pand gesloopt", 101_050, 400_100));
        Path f = dir.resolve("bag_pand.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"urn:ogc:def:crs:EPSG::28992\"}},\"features\":[" + String.join(",\n", rows) + "]}");
        return f;
    }

    static String row(String id, int version, String begin, String end, String inactive, String status, double x, double y) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"identificatie\":\"%s\","
                + "\"voorkomenIdentificatie\":%d,\"beginGeldigheid\":\"%s\",\"eindGeldigheid\":%s,\"tijdstipInactief\":%s,"
                + "\"status\":\"%s\",\"bouwjaar\":1960},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],"
                + "[%f,%f],[%f,%f],[%f,%f]]]}}", id, version, begin, quote(end), quote(inactive), status,
                x, y, x + 10, y, x + 10, y + 10, x, y + 10, x, y);
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @Test
    void safetyCountsBuildingsNotRows() throws Exception {
        Layer bag = LayerLoader.load(extract(), null, "BAG panden", LayerRole.SENSITIVE, null, null, null, ProgressListener.NONE);
        assertEquals(60 + 10 + 2 + 3 + 1, bag.report().read(), "every row read");
        assertEquals(23, bag.features().size(), "20 standing + 3 permitted; versions, demolished and never-built left out");
        ActivityProfile chem = new ActivityProfile("Chemie", "", 65, 5, false, 100, 500, 600, 1000, 0, 0, 20, 0.7, "");
        SafetyIndicators s = new SafetyModel(List.of(new LayerIndex(bag)), List.of()).evaluate(
                new WKTReader(nl.ruimteschets.geo.Rd.FACTORY).read(
                        "POLYGON((100000 400000, 101000 400000, 101000 401000, 100000 401000, 100000 400000))"), chem);
        assertEquals(23, s.brandCount(), "objects in the brand aandachtsgebied are buildings, not rows");

        int planned = bag.fields().stream().map(f -> f.name()).toList().indexOf(BagVersions.PLANNED_FIELD);
        assertTrue(planned >= 0, "planned marker field");
        assertEquals(3, bag.features().stream().filter(f -> Boolean.TRUE.equals(f.value(planned))).count());
        int version = bag.fields().stream().map(f -> f.name()).toList().indexOf("voorkomenIdentificatie");
        assertTrue(bag.features().stream().filter(f -> String.valueOf(f.value(0)).startsWith("0599100000"))
                .allMatch(f -> ((Number) f.value(version)).intValue() == 3), "the current version of each building");
    }

    @Test
    void theImportReportSaysItAllWithCountsInDutchAndEnglish() throws Exception {
        Path project = dir.resolve("p.gpkg");
        var report = ProjectImport.run(project, extract(), "panden", null, LayerRole.SENSITIVE, null, null, ProgressListener.NONE);
        assertEquals(23, report.imported());
        String nl = report.warnings().stream().map(w -> w.format(NL)).collect(Collectors.joining("\n"));
        assertTrue(nl.contains("76 rijen voor 30 objecten"), nl);
        assertTrue(nl.contains("1 rijen zijn inactief"), nl);
        assertTrue(nl.contains("7 objecten bestaan niet (meer)") && nl.contains("5 × Pand gesloopt")
                && nl.contains("1 × Niet gerealiseerd pand") && nl.contains("1 × Pand ten onrechte opgevoerd"), nl);
        assertTrue(nl.contains("3 objecten zijn vergund maar nog niet gebouwd"), nl);
        String en = report.warnings().stream().map(w -> w.format(Locale.ENGLISH)).collect(Collectors.joining("\n"));
        assertTrue(en.contains("76 rows for 30 objects") && en.contains("marked as planned"), en);

        Project p = ProjectStore.open(project);
        Layer stored = p.layer("panden").orElseThrow();
        assertEquals(23, stored.features().size());
        assertTrue(stored.report().warnings().stream().map(UserMessage::key).toList().contains("import.bag.gone"),
                "the counts are kept with the layer");
    }

    @Test
    void anyOtherLayerWithRepeatedIdsGetsAWarning() throws Exception {
        Path f = dir.resolve("kavels.geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":["
                + String.join(",", row("A", 1, "x", null, null, "x", 100_000, 400_000).replace("\"status\"", "\"s\"")
                        .replace("identificatie", "id"), row("A", 2, "x", null, null, "x", 100_100, 400_000)
                        .replace("\"status\"", "\"s\"").replace("identificatie", "id")) + "]}");
        Layer l = LayerLoader.load(f, null, null, LayerRole.AVAILABLE_PLOT, null, 28992, null, ProgressListener.NONE);
        assertEquals(2, l.features().size(), "not a BAG file: every row kept");
        assertTrue(l.report().warnings().stream().anyMatch(w -> w.key().equals("import.ids.repeated")
                && w.format(NL).contains("1 herhaalde")), l.report().warnings().toString());
    }

}
