package nl.ruimteschets.io;

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
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Builds the schematic sample project ("voorbeeldkaart") from the hand-authored CSVs in {@code maps/}, bundled
 * under {@code /nl/ruimteschets/maps/}. Everything is in EPSG:28992. Shapes are generated from a few
 * parameters per row so the CSVs stay readable; all randomness is seeded from the CSV, so two builds give
 * identical geometries. The result is for trying the program out, never for decisions (see maps/README.md).
 *
 * <p>Stateless; safe to call from any thread (each call builds a new project).
 */
public final class SampleProject {
    public static final int RD_SRID = 28992;
    static final String BASE = "/nl/ruimteschets/maps/";
    /** Natura 2000 and town shapes are cut this far clear of the sites, as real borders follow dikes and quays. */
    static final double CLEARANCE_M = 100;

    private static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), RD_SRID);

    private SampleProject() { }

    public static Project build() {
        Project p = new Project();
        ActivityCatalogue.defaults().forEach(p::putProfile);
        for (CsvTable.Row r : csv("clusters.csv").rows()) {
            p.putCluster(new Cluster(r.text("cluster"), List.of(r.text("sub_areas").split("\\|")),
                    r.number("demand_2030_ha"), r.number("demand_2050_ha"), r.number("supply_ha"),
                    r.number("netto_bruto"), r.text("source_note")));
        }

        // Sites first: every other layer is placed relative to them.
        Map<String, List<Geometry>> sitesByCluster = new LinkedHashMap<>();
        Layer sites = layer("Clusters", LayerRole.CLUSTER, "IBIS Werklocaties (bruto contouren)", "sites.csv",
                List.of(text("naam"), text("cluster"), real("bruto_ha")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster", Layer.MAP_AREA_HA, "bruto_ha"));
        for (CsvTable.Row r : csv("sites.csv").rows()) {
            Geometry g = shape(r, r.number("gross_ha"));
            sitesByCluster.computeIfAbsent(r.text("cluster"), k -> new ArrayList<>()).add(g);
            add(sites, g, r.text("site"), r.text("cluster"), r.number("gross_ha"));
        }
        Geometry keepOut = UnaryUnionOp.union(sites.features().stream().map(Feature::geometry).toList())
                .buffer(CLEARANCE_M);

        p.putLayer(land());
        p.putLayer(natura2000(keepOut));
        p.putLayer(towns(keepOut));
        p.putLayer(noiseZones(sitesByCluster));
        p.putLayer(safetyContours(sitesByCluster));
        p.putLayer(sites);
        p.putLayer(plots());
        p.putLayer(sensitive());
        p.scenarios().add(scenario());
        return p;
    }

    // ---- layers ---------------------------------------------------------------------------------

    private static Layer land() {
        Layer l = layer("Land", LayerRole.BASEMAP, "PDOK Bestuurlijke grenzen / BRT TOP10NL", "land.csv",
                List.of(text("naam")), Map.of(Layer.MAP_NAME, "naam"));
        Map<String, List<Coordinate>> parts = new LinkedHashMap<>();
        for (CsvTable.Row r : csv("land.csv").rows()) {
            parts.computeIfAbsent(r.text("part"), k -> new ArrayList<>())
                    .add(new Coordinate(r.number("x"), r.number("y")));
        }
        parts.forEach((name, ring) -> {
            ring.add(ring.get(0));
            Polygon poly = GF.createPolygon(ring.toArray(Coordinate[]::new));
            if (!poly.isValid()) throw new IllegalStateException("land.csv: part '" + name + "' is not a valid ring");
            add(l, poly, name);
        });
        return l;
    }

    private static Layer natura2000(Geometry keepOut) {
        Layer l = layer("Natura 2000", LayerRole.NATURA2000, "RVO/PDOK Natura 2000 en AERIUS habitatkaart (KDW)",
                "natura2000.csv", List.of(text("naam"), real("kdw"), text("habitat")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KDW, "kdw"));
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        Map<String, CsvTable.Row> first = new LinkedHashMap<>();
        for (CsvTable.Row r : csv("natura2000.csv").rows()) {
            Geometry g = r.text("shape").equals("path") ? path(r) : shape(r, r.number("area_ha"));
            parts.computeIfAbsent(r.text("name"), k -> new ArrayList<>()).add(g);
            first.putIfAbsent(r.text("name"), r);
        }
        parts.forEach((name, gs) -> {
            CsvTable.Row r = first.get(name);
            add(l, nonEmpty(UnaryUnionOp.union(gs).difference(keepOut), r), name, r.number("kdw"), r.text("habitat"));
        });
        return l;
    }

    private static Layer towns(Geometry keepOut) {
        Layer l = layer("Woongebied", LayerRole.RESIDENTIAL, "BAG verblijfsobjecten met woonfunctie / BRT bebouwd gebied",
                "towns.csv", List.of(text("naam")), Map.of(Layer.MAP_NAME, "naam"));
        for (CsvTable.Row r : csv("towns.csv").rows()) {
            long seed = (long) r.number("seed");
            // Orientation follows from the seed so the CSV needs no angle column and the shape stays fixed.
            Geometry g = blob(r.number("x"), r.number("y"), r.number("area_ha") * 1e4, seed * 37 % 180, 1.3, seed);
            add(l, nonEmpty(g.difference(keepOut), r), r.text("name"));
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

    private static Layer plots() {
        Layer l = layer("Uitgeefbare kavels", LayerRole.AVAILABLE_PLOT, "IBIS Werklocaties (uitgeefbaar aanbod)",
                "plots.csv", List.of(text("naam"), text("cluster"), real("netto_ha")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_CLUSTER, "cluster", Layer.MAP_AREA_HA, "netto_ha"));
        for (CsvTable.Row r : csv("plots.csv").rows()) {
            Geometry g = rect(r.number("x"), r.number("y"), r.number("netto_ha") * 1e4, r.number("angle_deg"), 1.5);
            add(l, g, r.text("name"), r.text("cluster"), r.number("netto_ha"));
        }
        return l;
    }

    private static Layer sensitive() {
        Layer l = layer("Gevoelige objecten", LayerRole.SENSITIVE, "BAG (gebruiksfunctie) met LRK en DUO (onderwijs, kinderopvang, zorg)",
                "sensitive.csv", List.of(text("naam"), text("functie"), text("kwetsbaarheid")),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KIND, "functie", Layer.MAP_VULNERABILITY, "kwetsbaarheid"));
        for (CsvTable.Row r : csv("sensitive.csv").rows()) {
            double side = r.number("size_m");
            Geometry g = rect(r.number("x"), r.number("y"), side * side, r.number("angle_deg"), 1.0);
            add(l, g, r.text("name"), r.text("function"), r.text("vulnerability"));
        }
        return l;
    }

    private static Scenario scenario() {
        Scenario s = new Scenario("Voorbeeld", "Schematisch voorbeeld: twee uitbreidingen en een satelliet.");
        WKTReader wkt = new WKTReader(GF);
        for (CsvTable.Row r : csv("candidates.csv").rows()) {
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

    /** The 'path' column "x y|x y|…" buffered to width_m. */
    private static Geometry path(CsvTable.Row r) {
        List<Coordinate> cs = new ArrayList<>();
        for (String pt : r.text("path").split("\\|")) {
            String[] xy = pt.trim().split("\\s+");
            if (xy.length != 2) throw r.error("path vertex '" + pt + "' is not 'x y'");
            try {
                cs.add(new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
            } catch (NumberFormatException e) {
                throw r.error("path vertex '" + pt + "' is not numeric");
            }
        }
        return GF.createLineString(cs.toArray(Coordinate[]::new)).buffer(r.number("width_m") / 2, 8);
    }

    private static Geometry unionBuffered(List<Geometry> gs, Function<Geometry, Double> distance) {
        return UnaryUnionOp.union(gs.stream().map(g -> g.buffer(distance.apply(g), 8)).toList());
    }

    private static Geometry nonEmpty(Geometry g, CsvTable.Row r) {
        if (g.isEmpty()) throw r.error("shape lies entirely inside a cluster site");
        return g;
    }

    // ---- layer plumbing -------------------------------------------------------------------------

    private static CsvTable csv(String file) {
        return CsvTable.resource(SampleProject.class, BASE + file);
    }

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
