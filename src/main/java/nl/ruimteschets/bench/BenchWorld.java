package nl.ruimteschets.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A seeded, province-scale synthetic world for benchmarks: building footprints of 8–40 m clustered in
 * towns, irregular Natura 2000 areas with about 550,000 vertices in all, and the five clusters with a
 * noise zone and a veiligheidscontour each. The same seed gives the same world.
 */
public final class BenchWorld {
    /** Cluster sites at their RD positions (DOMAIN.md §5). */
    static final double[][] CLUSTERS = {{61000, 442200}, {99900, 411500}, {101000, 499200}, {251200, 607500},
        {36300, 385400}, {182900, 331800}};
    static final String[] CLUSTER_NAMES = {"Rotterdam-Moerdijk", "Rotterdam-Moerdijk", "Noordzeekanaalgebied",
        "Noord-Nederland", "Zeeland West-Brabant", "Chemelot"};

    static final int NEAR_CLUSTER_TOWNS = 12;

    private BenchWorld() { }

    public static List<Layer> build(int footprints, long seed) {
        return build(footprints, seed, natura2000(new Random(seed + 1), 550_000)); // own stream: the same areas at every N
    }

    /** The same world with the given Natura 2000 layer (e.g. the real sites of the sample). */
    public static List<Layer> build(int footprints, long seed, Layer natura2000) {
        List<Layer> layers = new ArrayList<>();
        layers.add(footprintLayer(footprints, new Random(seed)));
        layers.add(natura2000);
        layers.add(zones());
        layers.add(contours());
        return layers;
    }

    /**
     * Towns placed at random keep this far from every cluster, so that adding footprints adds towns elsewhere
     * and the neighbourhood of a dragged candidate (and its workload) is the same at every N: the scaling
     * figure then shows what the indexes cost, not a busier neighbourhood.
     */
    static final double QUIET_RADIUS_M = 12_000;

    /**
     * Towns of 2,500 buildings each (a Gaussian of σ 1.2 km: village density), so more footprints mean
     * more towns, not denser ones. The first twelve towns sit 2–6 km from the clusters at positions
     * that do not depend on N, so the neighbourhood of a candidate is the same at every N and the
     * benchmark's scaling shows what the indexes cost, not a busier neighbourhood.
     */
    static Layer footprintLayer(int n, Random rnd) {
        List<Feature> out = new ArrayList<>(n);
        Object[] house = {"woning", "kwetsbaar"};
        Object[] school = {"school", "zeer kwetsbaar"};
        Object[] office = {"kantoor", "beperkt kwetsbaar"};
        int towns = Math.max(NEAR_CLUSTER_TOWNS, n / 2_500);
        double[][] centres = new double[towns][];
        Random fixed = new Random(12345);
        for (int t = 0; t < towns; t++) {
            if (t < NEAR_CLUSTER_TOWNS) {
                double[] c = CLUSTERS[t % CLUSTERS.length];
                double a = fixed.nextDouble() * 2 * Math.PI, d = 2000 + fixed.nextDouble() * 4000;
                centres[t] = new double[] {c[0] + d * Math.cos(a), c[1] + d * Math.sin(a)};
            } else {
                double[] c;
                do {
                    c = new double[] {20_000 + rnd.nextDouble() * 240_000, 320_000 + rnd.nextDouble() * 280_000};
                } while (nearACluster(c));
                centres[t] = c;
            }
        }
        // The towns near the clusters draw their buildings from their own streams, numbered within the town, so
        // they hold the very same buildings at every N (2,500 each from 30,000 footprints on).
        Random[] nearStreams = new Random[NEAR_CLUSTER_TOWNS];
        for (int t = 0; t < NEAR_CLUSTER_TOWNS; t++) nearStreams[t] = new Random(7_000 + t);
        for (int i = 0; i < n; i++) {
            int t = i % towns;
            double[] c = centres[t];
            Random r = t < NEAR_CLUSTER_TOWNS ? nearStreams[t] : rnd;
            int k = t < NEAR_CLUSTER_TOWNS ? i / towns : i;
            double cx = c[0] + r.nextGaussian() * 1200, cy = c[1] + r.nextGaussian() * 1200;
            Object[] values = k % 97 == 0 ? school : k % 13 == 0 ? office : house;
            out.add(new Feature(i + 1, rectangle(cx, cy, 8 + r.nextDouble() * 32, 8 + r.nextDouble() * 32,
                    r.nextDouble() * Math.PI), values));
        }
        return new Layer("Panden", LayerRole.SENSITIVE,
                List.of(new Field("functie", FieldType.TEXT), new Field("klasse", FieldType.TEXT)), out,
                Map.of(Layer.MAP_NAME, "functie", Layer.MAP_VULNERABILITY, "klasse"), "synthetisch", null);
    }

    private static boolean nearACluster(double[] c) {
        for (double[] k : CLUSTERS) {
            // A town's buildings spread σ 1.2 km: keep its centre clear by the radius plus 3σ.
            if (Math.hypot(c[0] - k[0], c[1] - k[1]) < QUIET_RADIUS_M + 3_600) return true;
        }
        return false;
    }

    static Layer natura2000(Random rnd, int totalVertices) {
        List<Feature> out = new ArrayList<>();
        int areas = 60;
        int perArea = totalVertices / areas;
        for (int a = 0; a < areas; a++) {
            double cx, cy;
            if (a < CLUSTERS.length * 2) {
                double[] c = CLUSTERS[a % CLUSTERS.length];
                double ang = rnd.nextDouble() * 2 * Math.PI;
                cx = c[0] + 9000 * Math.cos(ang);
                cy = c[1] + 9000 * Math.sin(ang);
            } else {
                cx = 20_000 + rnd.nextDouble() * 240_000;
                cy = 320_000 + rnd.nextDouble() * 280_000;
            }
            double r = 1500 + rnd.nextDouble() * 4000;
            Coordinate[] ring = new Coordinate[perArea + 1];
            double phase = rnd.nextDouble() * 10;
            for (int k = 0; k < perArea; k++) {
                double t = 2 * Math.PI * k / perArea;
                double rr = r * (1 + 0.25 * Math.sin(3 * t + phase) + 0.1 * Math.sin(17 * t) + 0.02 * rnd.nextDouble());
                ring[k] = new Coordinate(cx + rr * Math.cos(t), cy + rr * Math.sin(t));
            }
            ring[perArea] = ring[0];
            Geometry g = Rd.FACTORY.createPolygon(ring);
            if (!g.isValid()) g = org.locationtech.jts.geom.util.GeometryFixer.fix(g);
            out.add(new Feature(a + 1, g, new Object[] {"Natura 2000 gebied " + (a + 1), 714.0 + (a % 5) * 357}));
        }
        return new Layer("Natura 2000", LayerRole.NATURA2000,
                List.of(new Field("naam", FieldType.TEXT), new Field("kdw", FieldType.REAL)), out,
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KDW, "kdw"), "synthetisch", null);
    }

    static Layer zones() {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < CLUSTERS.length; i++) {
            out.add(new Feature(i + 1, Rd.FACTORY.createPoint(new Coordinate(CLUSTERS[i][0], CLUSTERS[i][1])).buffer(3500, 16),
                    new Object[] {CLUSTER_NAMES[i]}));
        }
        return new Layer("Geluidzones", LayerRole.NOISE_ZONE, List.of(new Field("cluster", FieldType.TEXT)), out,
                Map.of(Layer.MAP_CLUSTER, "cluster"), "synthetisch", null);
    }

    static Layer contours() {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < CLUSTERS.length; i++) {
            out.add(new Feature(i + 1, Rd.FACTORY.createPoint(new Coordinate(CLUSTERS[i][0], CLUSTERS[i][1])).buffer(1800, 16),
                    new Object[] {"veiligheidscontour"}));
        }
        return new Layer("Risicocontouren", LayerRole.SAFETY_CONTOUR, List.of(new Field("soort", FieldType.TEXT)), out,
                Map.of(Layer.MAP_KIND, "soort"), "synthetisch", null);
    }

    static Polygon rectangle(double cx, double cy, double w, double h, double angle) {
        double c = Math.cos(angle), s = Math.sin(angle);
        Coordinate[] ring = new Coordinate[5];
        double[][] corners = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
        for (int k = 0; k < 4; k++) {
            ring[k] = new Coordinate(cx + corners[k][0] * c - corners[k][1] * s, cy + corners[k][0] * s + corners[k][1] * c);
        }
        ring[4] = ring[0];
        return Rd.FACTORY.createPolygon(ring);
    }
}
