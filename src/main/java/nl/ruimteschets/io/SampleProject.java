package nl.ruimteschets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.CsvTable;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the sample project "Voorbeeld industrieclusters" from {@code maps/}, bundled under
 * {@code /nl/ruimteschets/maps/}: real municipalities, provinces and Natura 2000 sites (reduced copies of
 * open data, see maps/README.md) with schematic clusters, zones, plots, towns and sensitive objects on top,
 * generated from the hand-authored CSVs. Everything is in EPSG:28992. Schematic shapes are generated from a
 * few parameters per row so the CSVs stay readable; all randomness is seeded from the CSV, so two builds
 * give identical geometries. The result is for trying the program out, never for decisions.
 *
 * <p>Computing it ({@link #generate}) takes most of a second, on the app's start-up path; so the map tool
 * stores the computed layers in {@code maps/}{@value #PREPARED} and {@link #build} only reads them.
 *
 * <p>Stateless; safe to call from any thread (each call builds a new project).
 */
public final class SampleProject {
    public static final int RD_SRID = 28992;
    /** The name the sample opens under (it has no file). */
    public static final String NAME = "Voorbeeld industrieclusters";
    static final String SOURCE_N2000 = "Natura 2000: geometrie RVO via PDOK, attributen RCE; CC BY 4.0 "
            + "\"RVO / RCE, via BoerderijenNatura2000NL\"; laagste KDW per gebied uit de literatuur (alleen waar bekend); vereenvoudigd tot 5 m";
    static final String SOURCE_CBS_MUNICIPALITIES = "Gemeenten 2023: CBS Wijk- en buurtkaart via PDOK (gegeneraliseerd); "
            + "CC BY 4.0 \"CBS / Kadaster\"";
    static final String SOURCE_CBS_PROVINCES = "Provincies: CBS/PDOK bestuurlijke grenzen (gegeneraliseerd); open data "
            + "\"CBS / Kadaster\"";
    /** Land as the schematic map had it; municipalities a shade darker at their borders, provinces clearly. */
    static final int LAND_FILL = 0xF2EFE6FF, MUNICIPALITY_LINE = 0xD3CBB8FF, PROVINCE_LINE = 0x7A6A8AFF;
    static final String BASE = "/nl/ruimteschets/maps/";
    /** Natura 2000 and town shapes are cut this far clear of the sites, as real borders follow dikes and quays. */
    static final double CLEARANCE_M = 100;

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), RD_SRID);

    private SampleProject() { }

    /**
     * The sample as the app opens it: the layers from the prepared file ({@value #PREPARED}, written by
     * {@link nl.ruimteschets.tools.MapReduction} from {@link #generate}), so opening it only reads; the
     * clusters, profiles and scenario from the CSVs. Equal to {@code generate(maps)} (SampleProjectTest).
     */
    public static Project build() {
        List<Layer> layers;
        try (InputStream in = SampleProject.class.getResourceAsStream(BASE + PREPARED)) {
            if (in == null) throw new IllegalStateException("sample map " + PREPARED + " is not in the jar");
            layers = PreparedLayers.read(in, RD_SRID);
        } catch (IOException e) {
            throw new IllegalStateException("sample map " + PREPARED + ": " + e.getMessage(), e);
        }
        return assemble(SampleProject::resource, layers);
    }

    /**
     * Computes the sample from its sources in {@code maps} (the reduced real maps as GeoJSON, the schematic
     * CSVs): parsing the maps and cutting the schematic shapes to the land takes most of a second, so the
     * app reads the result {@link #build} instead. For the map tool and the tests.
     */
    public static Project generate(Path maps) {
        Inputs in = file -> Files.newInputStream(maps.resolve(file));
        return assemble(in, layers(in, maps));
    }

    /** The file {@link #build} reads, under {@link #BASE} in the jar and in {@code maps/}. */
    public static final String PREPARED = "sample-layers.bin";
    static final String MUNICIPALITIES = "Gemeenten", PROVINCES = "Provincies";

    /** Opens one of the sample's source files by name. */
    @FunctionalInterface
    private interface Inputs {
        InputStream open(String file) throws IOException;

        default CsvTable csv(String file) {
            try (InputStream stream = open(file)) {
                return CsvTable.read(stream, "maps/" + file);
            } catch (IOException e) {
                throw new IllegalStateException("sample map " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = SampleProject.class.getResourceAsStream(BASE + file);
        if (in == null) throw new IOException("not in the jar");
        return in;
    }

    /** The project around its layers: profiles, clusters, name, the layers' looks and the scenario. */
    private static Project assemble(Inputs in, List<Layer> layers) {
        Project p = new Project();
        ActivityCatalogue.defaults().forEach(p::putProfile);
        for (CsvTable.Row r : in.csv("clusters.csv").rows()) {
            p.putCluster(new Cluster(r.text("cluster"), List.of(r.text("sub_areas").split("\\|")),
                    r.number("demand_2030_ha"), r.number("demand_2050_ha"), r.number("supply_ha"),
                    r.number("netto_bruto"), r.text("source_note")));
        }
        p.setName(NAME);
        layers.forEach(p::putLayer);
        // Land as municipalities, province lines over them. Natura 2000 and cluster names label by their
        // role's default (the name field), municipality names by this display.
        p.displays().put(MUNICIPALITIES, new LayerDisplay(true, 1, LAND_FILL, MUNICIPALITY_LINE, "gemeentenaam"));
        p.displays().put(PROVINCES, new LayerDisplay(true, 1, 0, PROVINCE_LINE, null));
        p.scenarios().add(scenario(in));
        return p;
    }

    /** Every layer of the sample, in drawing order: the real maps read, the schematic ones generated on them. */
    private static List<Layer> layers(Inputs in, Path maps) {
        List<Layer> out = new ArrayList<>();
        // Background first (draw order by role).
        Layer municipalities = real(MUNICIPALITIES, LayerRole.BASEMAP, maps, "gemeenten.geojson", SOURCE_CBS_MUNICIPALITIES,
                Map.of(Layer.MAP_NAME, "gemeentenaam"));
        out.add(municipalities);
        out.add(real(PROVINCES, LayerRole.BASEMAP, maps, "provincies.geojson", SOURCE_CBS_PROVINCES,
                Map.of(Layer.MAP_NAME, "name")));
        Layer natura = natura2000(in, maps);
        out.add(natura);
        Ground ground = new Ground(municipalities, natura);

        // Sites next: every schematic layer is placed relative to them.
        Map<String, List<Geometry>> sitesByCluster = new LinkedHashMap<>();
        Layer sites = layer("Clusters", LayerRole.CLUSTER, "IBIS Werklocaties (bruto contouren)", "sites.csv",
                List.of(text("naam"), text("cluster"), real("bruto_ha")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster", Layer.MAP_AREA_HA, "bruto_ha"));
        for (CsvTable.Row r : in.csv("sites.csv").rows()) {
            Geometry g = nonEmpty(ground.clip(shape(r, r.number("gross_ha"))), r);
            sitesByCluster.computeIfAbsent(r.text("cluster"), k -> new ArrayList<>()).add(g);
            // The gross area of what is left on land: the CSV's figure is the site's published size.
            add(sites, g, r.text("site"), r.text("cluster"), (double) Math.round(g.getArea() / 1e4));
        }
        Geometry keepOut = UnaryUnionOp.union(sites.features().stream().map(Feature::geometry).toList())
                .buffer(CLEARANCE_M);

        out.add(towns(in, ground, keepOut));
        out.add(noiseZones(sitesByCluster));
        out.add(safetyContours(sitesByCluster));
        out.add(sites);
        out.add(plots(in, ground));
        out.add(sensitive(in));
        return out;
    }

    // ---- layers ---------------------------------------------------------------------------------

    /**
     * A reduced copy of real open data from {@code maps/} (made by {@link nl.ruimteschets.tools.MapReduction}),
     * read with the project's own GeoJSON reader: RD New, whole metres, already valid.
     */
    private static Layer real(String name, LayerRole role, Path maps, String file, String source, Map<String, String> mapping) {
        // The reader alone: the copies are RD New and valid already (MapReduction checked, SampleProjectTest
        // checks), so the importer's reprojection and validity check would add nothing.
        ImportReport report = new ImportReport();
        report.setSource("maps/" + file);
        report.setFormat("GeoJSON (Ruimteschets voorbeeldkaart, " + source + ")");
        report.setSourceCrs("EPSG:" + RD_SRID);
        List<Feature> features = new ArrayList<>();
        try (FeatureReader reader = Formats.open(maps.resolve(file), null, null)) {
            if (!Integer.valueOf(RD_SRID).equals(nl.ruimteschets.geo.CrsRegistry.identify(reader.crs()))) {
                throw new IllegalStateException("sample map " + file + " is not in RD New");
            }
            for (Feature f; (f = reader.next()) != null; ) {
                report.countRead();
                f.geometry().setSRID(RD_SRID);
                features.add(f);
                report.countImported();
            }
            return new Layer(name, role, reader.fields(), features, mapping, source, report);
        } catch (IOException | InputException e) {
            throw new IllegalStateException("sample map " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The real Natura 2000 sites with their name, site number and nitrogen-sensitive flag, plus the lowest
     * KDW (and its habitat) where DOMAIN.md §3.3 names one for the site ({@code natura2000_kdw.csv});
     * every other site has none, and the model says "niet te beoordelen" rather than invent one.
     */
    private static Layer natura2000(Inputs in, Path maps) {
        Map<String, String> mapping = Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KDW, "kdw",
                Layer.MAP_NITROGEN_SENSITIVE, "stikstofgevoelig");
        Layer read = real("Natura 2000", LayerRole.NATURA2000, maps, "natura2000.geojson", SOURCE_N2000, mapping);
        Map<String, CsvTable.Row> kdw = new LinkedHashMap<>();
        for (CsvTable.Row r : in.csv("natura2000_kdw.csv").rows()) kdw.put(r.text("naam"), r);
        List<Field> fields = new ArrayList<>(read.fields());
        fields.add(real("kdw"));
        fields.add(text("kdw_habitat"));
        int nameIndex = read.fieldIndex("naam");
        List<Feature> features = new ArrayList<>();
        for (Feature f : read.features()) {
            Object[] values = java.util.Arrays.copyOf(f.values(), fields.size());
            CsvTable.Row r = kdw.remove(String.valueOf(f.value(nameIndex)));
            if (r != null) {
                values[fields.size() - 2] = r.number("kdw");
                values[fields.size() - 1] = r.text("habitat");
            }
            features.add(new Feature(f.id(), f.geometry(), values));
        }
        if (!kdw.isEmpty()) throw new IllegalStateException("natura2000_kdw.csv names unknown sites " + kdw.keySet());
        return new Layer(read.name(), read.role(), fields, features, mapping, read.source(), read.report());
    }

    private static Layer towns(Inputs in, Ground ground, Geometry keepOut) {
        Layer l = layer("Woongebied", LayerRole.RESIDENTIAL, "BAG verblijfsobjecten met woonfunctie / BRT bebouwd gebied",
                "towns.csv", List.of(text("naam")), Map.of(Layer.MAP_NAME, "naam"));
        for (CsvTable.Row r : in.csv("towns.csv").rows()) {
            long seed = (long) r.number("seed");
            // Orientation follows from the seed so the CSV needs no angle column and the shape stays fixed.
            Geometry g = blob(r.number("x"), r.number("y"), r.number("area_ha") * 1e4, seed * 37 % 180, 1.3, seed);
            add(l, nonEmpty(ground.clip(g).difference(keepOut), r), r.text("name"));
        }
        return l;
    }

    /**
     * One zone per cluster: its sites buffered 1.5 km (≤100 ha) growing to 3 km (≥2,000 ha), the spread of
     * the 40 dB(A) night distances in DOMAIN.md §1.6 for 60–65 dB(A)/m² [D].
     */
    private static Layer noiseZones(Map<String, List<Geometry>> sitesByCluster) {
        Layer l = layer("Geluidzones", LayerRole.NOISE_ZONE, "Omgevingsplan / Ruimtelijkeplannen.nl (geluidzone industrieterrein)",
                "sites.csv", List.of(text("naam"), text("cluster")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster"));
        sitesByCluster.forEach((cluster, gs) -> add(l, unionBuffered(gs, g -> {
            double share = Math.log10(g.getArea() / 1e4 / 100) / Math.log10(20);
            return 1500 + 1500 * Math.max(0, Math.min(1, share));
        }), "Geluidzone " + cluster, cluster));
        return l;
    }

    /** PR 10⁻⁶ 150 m, brandaandachtsgebied 300 m and (not for cluster 6) a veiligheidscontour 500 m around the sites [K, §2.4–2.5]. */
    private static Layer safetyContours(Map<String, List<Geometry>> sitesByCluster) {
        Layer l = layer("Risicocontouren", LayerRole.SAFETY_CONTOUR, "Register externe veiligheidsrisico's (REV) / Atlas Leefomgeving",
                "sites.csv", List.of(text("naam"), text("cluster"), text("soort")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster", Layer.MAP_KIND, "soort"));
        sitesByCluster.forEach((cluster, gs) -> {
            add(l, unionBuffered(gs, g -> 150.0), "PR 10-6 " + cluster, cluster, "PR10-6");
            add(l, unionBuffered(gs, g -> 300.0), "Brandaandachtsgebied " + cluster, cluster, "brandaandachtsgebied");
            // Veiligheidscontouren (Bevi art. 14) belong to chemical clusters, not to scattered single sites.
            if (!cluster.equals("Cluster 6")) {
                add(l, unionBuffered(gs, g -> 500.0), "Veiligheidscontour " + cluster, cluster, "veiligheidscontour");
            }
        });
        return l;
    }

    private static Layer plots(Inputs in, Ground ground) {
        Layer l = layer("Uitgeefbare kavels", LayerRole.AVAILABLE_PLOT, "IBIS Werklocaties (uitgeefbaar aanbod)",
                "plots.csv", List.of(text("naam"), text("cluster"), real("netto_ha")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster", Layer.MAP_AREA_HA, "netto_ha"));
        for (CsvTable.Row r : in.csv("plots.csv").rows()) {
            Geometry g = nonEmpty(ground.clip(rect(r.number("x"), r.number("y"), r.number("netto_ha") * 1e4,
                    r.number("angle_deg"), 1.5)), r);
            add(l, g, r.text("name"), r.text("cluster"), (double) Math.round(g.getArea() / 1e4));
        }
        return l;
    }

    private static Layer sensitive(Inputs in) {
        Layer l = layer("Gevoelige objecten", LayerRole.SENSITIVE, "BAG (gebruiksfunctie) met LRK en DUO (onderwijs, kinderopvang, zorg)",
                "sensitive.csv", List.of(text("naam"), text("functie"), text("kwetsbaarheid")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KIND, "functie", Layer.MAP_VULNERABILITY, "kwetsbaarheid"));
        for (CsvTable.Row r : in.csv("sensitive.csv").rows()) {
            double side = r.number("size_m");
            Geometry g = rect(r.number("x"), r.number("y"), side * side, r.number("angle_deg"), 1.0);
            add(l, g, r.text("name"), r.text("function"), r.text("vulnerability"));
        }
        return l;
    }

    private static Scenario scenario(Inputs in) {
        Scenario s = new Scenario("Voorbeeld", "Schematisch voorbeeld: twee uitbreidingen en een satelliet.");
        WKTReader wkt = new WKTReader(GF);
        for (CsvTable.Row r : in.csv("candidates.csv").rows()) {
            Geometry g;
            try {
                g = wkt.read(r.text("wkt"));
            } catch (ParseException e) {
                throw r.error("bad wkt: " + e.getMessage());
            }
            s.add(new Candidate(r.text("id"), r.text("name"), CandidateKind.valueOf(r.text("kind")),
                    r.text("parent_cluster"), g, r.number("point_area_ha"), r.text("profile"), null, r.text("notes")));
        }
        return s;
    }

    /**
     * The real land (municipalities) and Natura 2000: schematic shapes are cut to the land and kept out of
     * the real sites, as real site borders follow coasts, quays and dikes. Only the features whose envelope
     * meets a shape are touched, so cutting a few dozen shapes stays cheap.
     */
    private record Ground(Layer land, Layer natura, Map<Feature, PreparedGeometry> prepared) {
        Ground(Layer land, Layer natura) {
            this(land, natura, new java.util.IdentityHashMap<>());
        }

        Geometry clip(Geometry g) {
            Envelope e = g.getEnvelopeInternal();
            List<Geometry> onLand = new ArrayList<>();
            for (Feature f : land.features()) {
                if (f.geometry().getEnvelopeInternal().intersects(e)) onLand.add(f.geometry().intersection(g));
            }
            Geometry r = UnaryUnionOp.union(onLand);
            if (r == null) return GF.createPolygon();
            for (Feature f : natura.features()) {
                // Big sites (Rijntakken, Voordelta) have envelopes over many shapes they never touch: a prepared
                // test first keeps the costly difference for the few that do.
                if (f.geometry().getEnvelopeInternal().intersects(e)
                        && prepared.computeIfAbsent(f, k -> PreparedGeometryFactory.prepare(k.geometry())).intersects(g)) {
                    r = r.difference(f.geometry());
                }
            }
            // Slivers along the cut say nothing and would show as specks.
            List<Geometry> parts = new ArrayList<>();
            for (int i = 0; i < r.getNumGeometries(); i++) {
                Geometry part = r.getGeometryN(i);
                if (part instanceof Polygon && part.getArea() >= 0.02 * g.getArea()) parts.add(part);
            }
            Geometry kept = GF.buildGeometry(parts);
            return kept.isEmpty() ? kept : GeometryPrecisionReducer.reduce(kept, CENTIMETRES);
        }
    }

    private static final PrecisionModel CENTIMETRES = new PrecisionModel(100);

    // ---- shapes ---------------------------------------------------------------------------------

    /** A rect or blob from the row's x, y, angle_deg, aspect (and seed), with the given area in ha. */
    private static Geometry shape(CsvTable.Row r, double areaHa) {
        double x = r.number("x"), y = r.number("y"), angle = r.number("angle_deg"), aspect = r.number("aspect");
        return switch (r.text("shape")) {
            case "rect" -> rect(x, y, areaHa * 1e4, angle, aspect);
            case "blob" -> blob(x, y, areaHa * 1e4, angle, aspect, (long) r.number("seed"));
            default -> throw r.error("unknown shape '" + r.text("shape") + "'");
        };
    }

    /** A rectangle of the given area, length/width = aspect, rotated angleDeg counter-clockwise about its centre. */
    static Polygon rect(double cx, double cy, double areaM2, double angleDeg, double aspect) {
        double len = Math.sqrt(areaM2 * aspect), wid = areaM2 / len;
        double[][] local = {{-len / 2, -wid / 2}, {len / 2, -wid / 2}, {len / 2, wid / 2}, {-len / 2, wid / 2}};
        return ring(cx, cy, local, angleDeg, 1.0);
    }

    /**
     * An irregular ellipse: 16 vertices whose radii vary by ±15 % from a seeded Random, then scaled to the
     * exact area. Every vertex is at a positive radius in angular order, so the ring is always simple.
     */
    static Polygon blob(double cx, double cy, double areaM2, double angleDeg, double aspect, long seed) {
        Random rnd = new Random(seed);
        int n = 16;
        double[][] local = new double[n][];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n, r = 1 + 0.3 * (rnd.nextDouble() - 0.5);
            local[i] = new double[] {aspect * r * Math.cos(t), r * Math.sin(t)};
        }
        double unitArea = ring(0, 0, local, 0, 1.0).getArea();
        return ring(cx, cy, local, angleDeg, Math.sqrt(areaM2 / unitArea));
    }

    private static Polygon ring(double cx, double cy, double[][] local, double angleDeg, double scale) {
        double a = Math.toRadians(angleDeg), cos = Math.cos(a), sin = Math.sin(a);
        Coordinate[] cs = new Coordinate[local.length + 1];
        for (int i = 0; i < local.length; i++) {
            double x = local[i][0] * scale, y = local[i][1] * scale;
            // Whole centimetres keep the stored numbers short and identical on every platform.
            cs[i] = new Coordinate(Math.round((cx + x * cos - y * sin) * 100) / 100.0,
                    Math.round((cy + x * sin + y * cos) * 100) / 100.0);
        }
        cs[local.length] = cs[0];
        return GF.createPolygon(cs);
    }

    private static Geometry unionBuffered(List<Geometry> gs, Function<Geometry, Double> distance) {
        return UnaryUnionOp.union(gs.stream().map(g -> g.buffer(distance.apply(g), 8)).toList());
    }

    private static Geometry nonEmpty(Geometry g, CsvTable.Row r) {
        if (g.isEmpty()) throw r.error("nothing of the shape is left on land, outside Natura 2000 and the cluster sites");
        return g;
    }

    // ---- layer plumbing -------------------------------------------------------------------------

    private static Layer layer(String name, LayerRole role, String official, String file, List<Field> fields,
                               Map<String, String> mapping) {
        ImportReport report = new ImportReport();
        report.setSource("maps/" + file);
        report.setFormat("CSV (Ruimteschets voorbeeldkaart)");
        report.setSourceCrs("EPSG:" + RD_SRID);
        return new Layer(name, role, fields, new ArrayList<>(), mapping,
                "schematisch (Ruimteschets voorbeeldkaart) — vervang door " + official, report);
    }

    private static void add(Layer l, Geometry g, Object... values) {
        g.setSRID(RD_SRID);
        l.features().add(new Feature(l.features().size() + 1, g, values));
    }

    private static Field text(String name) { return new Field(name, FieldType.TEXT); }

    private static Field real(String name) { return new Field(name, FieldType.REAL); }
}
