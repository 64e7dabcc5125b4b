package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Synthetic Natura 2000 layers and candidates for the nitrogen tests and the benchmark. */
final class NitrogenFixtures {
    static final GeometryFactory GF = new GeometryFactory();

    private NitrogenFixtures() { }

    static Geometry box(double x0, double y0, double x1, double y1) {
        return GF.toGeometry(new Envelope(x0, x1, y0, y1));
    }

    /** A NATURA2000 layer; each area is {name, kdw or null, geometry}. */
    static Layer natura(Object[]... areas) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < areas.length; i++) {
            fs.add(new Feature(i + 1, (Geometry) areas[i][2], new Object[] {areas[i][0], areas[i][1]}));
        }
        return new Layer("n2000", LayerRole.NATURA2000,
                List.of(new Field("naam", FieldType.TEXT), new Field("kdw_min", FieldType.TEXT)), fs,
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_KDW, "kdw_min"), "test", null);
    }

    static Object[] area(String name, String kdw, Geometry g) {
        return new Object[] {name, kdw, g};
    }

    static Candidate candidate(Geometry g) {
        return new Candidate("c1", "C1", CandidateKind.EXPANSION, "", g, 0, "p", CandidateOverrides.NONE, "");
    }

    static NitrogenModel model(Layer... layers) {
        return new NitrogenModel(List.of(layers), OpsTable.load());
    }
}
