package nl.ruimteschets.analysis.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A 20 × 20 km world where the answer is known by construction: a Natura 2000 strip along the west
 * edge, a village with dwellings in the north-east, a school alone in the south-west, the cluster in the
 * middle with its noise zone, and three 100-ha plots: "Kavel Oost" in the south-east, far from every
 * sensitive object and from Natura 2000; "Kavel Duin" 500 m from Natura 2000; "Kavel Dorp" beside the
 * village.
 */
public final class SearchWorldFixtures {
    static final double X0 = 100_000, Y0 = 400_000;
    static final Envelope AREA = new Envelope(X0, X0 + 20_000, Y0, Y0 + 20_000);
    static final Geometry NATURA = box(X0 - 3_000, X0 + 3_500, Y0 - 3_000, Y0 + 23_000);
    static final Geometry VILLAGE = box(X0 + 13_000, X0 + 16_000, Y0 + 14_000, Y0 + 18_000);
    static final Geometry SCHOOL = box(X0 + 5_000, X0 + 5_060, Y0 + 3_000, Y0 + 3_040);
    static final Geometry CLUSTER = box(X0 + 8_000, X0 + 11_000, Y0 + 8_000, Y0 + 11_000);
    static final Geometry PLOT_EAST = box(X0 + 16_500, X0 + 17_500, Y0 + 1_000, Y0 + 2_000);
    static final Geometry PLOT_DUNE = box(X0 + 4_000, X0 + 5_000, Y0 + 9_000, Y0 + 10_000);
    static final Geometry PLOT_VILLAGE = box(X0 + 12_000, X0 + 13_000, Y0 + 12_500, Y0 + 13_500);

    private SearchWorldFixtures() { }

    public static Geometry box(double x0, double x1, double y0, double y1) {
        return Rd.FACTORY.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    static ActivityProfile profile(String prefix) {
        return ActivityCatalogue.defaults().stream().filter(p -> p.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Dwellings (kwetsbaar) of 12 × 12 m every 150 m inside the village, and the school (zeer kwetsbaar). */
    static List<Feature> sensitive() {
        List<Feature> out = new ArrayList<>();
        Envelope v = VILLAGE.getEnvelopeInternal();
        long id = 1;
        for (double x = v.getMinX() + 75; x < v.getMaxX(); x += 150) {
            for (double y = v.getMinY() + 75; y < v.getMaxY(); y += 150) {
                out.add(new Feature(id++, box(x - 6, x + 6, y - 6, y + 6), new Object[] {"woning", "kwetsbaar"}));
            }
        }
        out.add(new Feature(id, SCHOOL, new Object[] {"school", "zeer kwetsbaar"}));
        return out;
    }

    static List<Layer> layers() {
        List<Layer> l = new ArrayList<>();
        l.add(layer("Natura 2000", LayerRole.NATURA2000, List.of(NATURA), new Object[] {"Duinen", 1000.0},
                List.of(text("naam"), new Field("kdw", FieldType.REAL)), Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KDW, "kdw")));
        l.add(layer("Woongebied", LayerRole.RESIDENTIAL, List.of(VILLAGE), new Object[] {"Dorp"}, List.of(text("naam")),
                Map.of(Layer.MAP_NAME, "naam")));
        l.add(new Layer("Gevoelige objecten", LayerRole.SENSITIVE, List.of(text("functie"), text("klasse")), sensitive(),
                Map.of(Layer.MAP_NAME, "functie", Layer.MAP_VULNERABILITY, "klasse"), "test", null));
        l.add(layer("Clusters", LayerRole.CLUSTER, List.of(CLUSTER), new Object[] {"Testcluster"}, List.of(text("cluster")),
                Map.of(Layer.MAP_CLUSTER, "cluster")));
        l.add(layer("Geluidzones", LayerRole.NOISE_ZONE, List.of(CLUSTER.buffer(1000)), new Object[] {"Testcluster"},
                List.of(text("cluster")), Map.of(Layer.MAP_CLUSTER, "cluster")));
        List<Feature> plots = List.of(new Feature(1, PLOT_EAST, new Object[] {"Kavel Oost"}),
                new Feature(2, PLOT_DUNE, new Object[] {"Kavel Duin"}), new Feature(3, PLOT_VILLAGE, new Object[] {"Kavel Dorp"}));
        l.add(new Layer("Uitgeefbare kavels", LayerRole.AVAILABLE_PLOT, List.of(text("naam")), new ArrayList<>(plots),
                Map.of(Layer.MAP_NAME, "naam"), "test", null));
        return l;
    }

    public static Project project() {
        Project p = new Project();
        layers().forEach(p::putLayer);
        p.putCluster(new Cluster("Testcluster", List.of(), 100, 300, 50, 0.7, "test"));
        for (ActivityProfile a : ActivityCatalogue.defaults()) p.putProfile(a);
        p.scenarios().add(new Scenario("Basis", ""));
        return p;
    }

    private static Field text(String n) {
        return new Field(n, FieldType.TEXT);
    }

    private static Layer layer(String name, LayerRole role, List<Geometry> gs, Object[] values, List<Field> fields,
                               Map<String, String> mapping) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < gs.size(); i++) fs.add(new Feature(i + 1, gs.get(i), values));
        return new Layer(name, role, fields, fs, mapping, "test", null);
    }
}
