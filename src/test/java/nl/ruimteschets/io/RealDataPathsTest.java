package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/**
 * The real open data in ../shared/data (160 Natura 2000 sites, 12 provinces, 343 municipalities)
 * through every import path a planner uses — GeoPackage, shapefile, zipped shapefile, GeoJSON WGS 84
 * and GeoJSON in RD without a crs member, the variants made with GDAL's ogr2ogr as users make them —
 * with equal feature counts, names with diacritics intact and per-feature areas equal to 0.01 %; and
 * the GeoJSON export of the 160 sites valid everywhere. The same checks run on the reduced copies in
 * maps/, so a fresh clone checks itself. Skips with a message when ../shared/data or ogr2ogr is absent.
 */
class RealDataPathsTest {
    static final Path DATA = Path.of("..", "shared", "data");
    static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    static final String RD = "EPSG:28992";
    @TempDir Path dir;

    static Path shared(String file) {
        Path p = file.startsWith("maps/") ? Path.of(file) : DATA.resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(p), p.getParent() + " absent: real-data check of " + file + " skipped");
        return p;
    }

    static Layer load(Path file) throws Exception {
        return LayerLoader.load(file, null, null, LayerRole.BASEMAP, null, null, null, ProgressListener.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"natura2000/natura2000_nl_wgs84.geojson, naam, Fochteloërveen",
            "provinces/provinces-nl.geojson, name, Friesland (Fryslân)",
            "municipalities/gemeenten_2023.geojson, gemeentenaam, Súdwest-Fryslân",
            // the reduced copies a fresh clone has (RD New, made by the project's own tool)
            "maps/natura2000.geojson, naam, Fochteloërveen",
            "maps/provincies.geojson, name, Friesland (Fryslân)",
            "maps/gemeenten.geojson, gemeentenaam, Súdwest-Fryslân"})
    void everyPathGivesTheSameFeaturesNamesAndAreas(String file, String nameField, String diacritics) throws Exception {
        Path source = shared(file);
        Assumptions.assumeTrue(Files.isExecutable(OGR2OGR), "ogr2ogr not installed: import-path comparison skipped");
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put("GeoJSON WGS 84", file.startsWith("maps/") ? ogr(source, "wgs84.geojson", "GeoJSON", "EPSG:4326") : source);
        paths.put("GeoPackage", ogr(source, "rd.gpkg", "GPKG", RD));
        Path shp = ogr(source, "rd.shp", "ESRI Shapefile", RD, "-lco", "ENCODING=UTF-8");
        paths.put("shapefile", shp);
        paths.put("zipped shapefile", zip(shp));
        Path rdJson = ogr(source, "rd_met_crs.geojson", "GeoJSON", RD, "-lco", "RFC7946=NO");
        Path noCrs = dir.resolve("rd_zonder_crs.geojson");
        // GDAL leaves the crs member out in several set-ups; the rest of the file is what it wrote
        Files.writeString(noCrs, Files.readString(rdJson).replaceFirst("\"crs\": \\{[^}]*\\} \\},", ""));
        assertTrue(!Files.readString(noCrs).contains("\"crs\""), "crs member removed");
        paths.put("GeoJSON RD without crs", noCrs);

        Layer reference = load(source);
        List<String> names = names(reference, nameField);
        assertTrue(names.contains(diacritics), diacritics + " in " + names);
        for (Map.Entry<String, Path> p : paths.entrySet()) {
            Layer l = load(p.getValue());
            assertEquals(reference.features().size(), l.features().size(), p.getKey() + ": feature count");
            List<String> fieldNames = l.fields().stream().map(f -> f.name()).toList();
            String nf = fieldNames.contains(nameField) ? nameField : nameField.substring(0, 10); // shapefile: 10 chars
            assertEquals(names, names(l, nf), p.getKey() + ": names");
            for (int i = 0; i < names.size(); i++) {
                double expected = reference.features().get(i).geometry().getArea();
                Geometry g = l.features().get(i).geometry();
                assertTrue(g.isValid(), p.getKey() + ": " + names.get(i) + " valid");
                assertEquals(expected, g.getArea(), expected * 1e-4,
                        p.getKey() + ": area of " + names.get(i) + " (ha " + expected / 1e4 + " vs " + g.getArea() / 1e4 + ")");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"natura2000/natura2000_nl_wgs84.geojson", "maps/natura2000.geojson"})
    void exportedGeoJsonOfTheNatura2000SitesIsValidInWgs84AndRd(String file) throws Exception {
        Layer n2k = load(shared(file));
        assertEquals(160, n2k.features().size());
        for (boolean wgs84 : new boolean[] {true, false}) {
            Path out = dir.resolve(wgs84 ? "n2k_wgs84.geojson" : "n2k_rd.geojson");
            Exports.geoJson(Exports.layer(n2k), out, wgs84);
            List<String> invalid = new ArrayList<>();
            double total = 0;
            try (GeoJsonReader r = GeoJsonReader.open(out)) {
                for (Feature f; (f = r.next()) != null; ) {
                    if (!f.geometry().isValid()) invalid.add(String.valueOf(f.value(0)));
                    total += f.geometry().getArea();
                }
            }
            assertEquals(List.of(), invalid, (wgs84 ? "WGS 84" : "RD") + ": invalid geometries after export");
            // ≈ 1,781,000 ha (data README); a lost overlap costs about 90 ha per site. The maps/ copy is simplified.
            if (!wgs84) assertEquals(1_781_000, total / 10_000, file.startsWith("maps/") ? 5_000 : 1_000, "total area of all sites in ha");
        }
    }

    private static List<String> names(Layer l, String field) {
        int i = 0;
        while (!l.fields().get(i).name().equals(field)) i++;
        List<String> out = new ArrayList<>();
        for (Feature f : l.features()) out.add(String.valueOf(f.value(i)));
        return out;
    }

    private Path ogr(Path source, String name, String driver, String crs, String... options) throws Exception {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(OGR2OGR.toString(), "-f", driver, "-t_srs", crs));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(out.toString(), source.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0, "ogr2ogr " + name + ": " + Files.readString(dir.resolve(name + ".log")));
        return out;
    }

    private Path zip(Path shp) throws Exception {
        Path zip = dir.resolve("shapefile.zip");
        String base = shp.getFileName().toString().replace(".shp", "");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(base + ".")
                    && !f.toString().endsWith(".log")).toList()) {
                z.putNextEntry(new ZipEntry("n2k/" + f.getFileName()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        return zip;
    }
}
