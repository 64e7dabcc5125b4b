package nl.ruimteschets.analysis.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The footprint's shape, on a 10 × 10 km world where the answer is known by construction: residential
 * land everywhere except a 500 m wide east–west corridor far from every dwelling, and a 1.2 km square
 * pocket beside a village. A square of 60 ha fits only in the pocket; a 10:1 rectangle lying east–west
 * fits in the corridor, which is the better place (no dwellings in its noise contour).
 */
class FootprintShapeTest {
    static final double X0 = 200_000, Y0 = 400_000;
    static final Geometry AREA = SearchWorldFixtures.box(X0, X0 + 10_000, Y0, Y0 + 10_000);
    static final Geometry CORRIDOR = SearchWorldFixtures.box(X0 + 5_000, X0 + 9_000, Y0 + 1_000, Y0 + 1_500);
    static final Geometry POCKET = SearchWorldFixtures.box(X0 + 1_000, X0 + 2_200, Y0 + 7_000, Y0 + 8_200);

    static List<Layer> layers() {
        Geometry residential = SearchWorldFixtures.box(X0 - 2_000, X0 + 12_000, Y0 - 2_000, Y0 + 12_000)
                .difference(CORRIDOR.union(POCKET));
        List<Feature> dwellings = new ArrayList<>();
        long id = 1;
        // A village of dwellings 300–900 m north of the pocket.
        for (double x = X0 + 1_000; x <= X0 + 2_200; x += 100) {
            for (double y = Y0 + 8_500; y <= Y0 + 9_100; y += 100) {
                dwellings.add(new Feature(id++, SearchWorldFixtures.box(x - 6, x + 6, y - 6, y + 6), new Object[] {"woning", "kwetsbaar"}));
            }
        }
        List<Field> name = List.of(new Field("naam", FieldType.TEXT));
        return List.of(
                new Layer("Woongebied", LayerRole.RESIDENTIAL, name, List.of(new Feature(1, residential, new Object[] {"Wonen"})),
                        Map.of(Layer.MAP_NAME, "naam"), "test", null),
                new Layer("Gevoelige objecten", LayerRole.SENSITIVE, List.of(new Field("functie", FieldType.TEXT), new Field("klasse", FieldType.TEXT)),
                        dwellings, Map.of(Layer.MAP_NAME, "functie", Layer.MAP_VULNERABILITY, "klasse"), "test", null));
    }

    static SearchRequest request(FootprintShape shape) {
        Map<Criterion, Double> w = new EnumMap<>(SearchRequest.defaultWeights());
        w.put(Criterion.AVAILABLE_PLOTS, 0.0);
        return new SearchRequest(SearchWorldFixtures.profile("Waterstof"), 60, AREA, false, null, null, w, 100, 3, List.of(), shape);
    }

    @Test
    void onlyTheElongatedShapeFindsTheQuietCorridor() {
        SiteSearch search = new SiteSearch(new SearchWorld(new AnalysisContext(layers())));
        try {
            SiteSearch.Result square = search.run(request(FootprintShape.SQUARE), () -> false, m -> { });
            assertTrue(!square.locations().isEmpty(), "a square fits in the pocket");
            Geometry best = square.locations().get(0).candidate().geometry();
            assertTrue(POCKET.buffer(1).covers(best), "the square goes to the pocket: " + best);

            SiteSearch.Result rect = search.run(request(FootprintShape.rectangle(10, 0)), () -> false, m -> { });
            RankedLocation first = rect.locations().get(0);
            Geometry g = first.candidate().geometry();
            assertTrue(CORRIDOR.buffer(1).covers(g), "the rectangle goes to the corridor: " + g);
            Envelope e = g.getEnvelopeInternal();
            assertEquals(10, e.getWidth() / e.getHeight(), 0.01, "east-west, 10:1");
            assertEquals(60, g.getArea() / 10_000, 0.01);
            // The engine agrees that the corridor is the better place: no dwellings in its noise contour.
            assertEquals(0.0, first.exactValues().get(Criterion.NOISE_SENSITIVE));
            assertTrue(first.exactScore() > square.locations().get(0).exactScore(),
                    first.exactScore() + " vs " + square.locations().get(0).exactScore());

            // Turned north-south, the rectangle fits nowhere but the pocket would need 2.4 km: nothing is offered.
            SiteSearch.Result turned = search.run(request(FootprintShape.rectangle(10, 90)), () -> false, m -> { });
            assertEquals(0, turned.map().validCount(), "a north-south rectangle fits neither the corridor nor the pocket");
        } finally {
            search.close();
        }
    }

    @Test
    void shapesHaveTheAskedAreaOrientationAndCentre() {
        Polygon r = FootprintShape.rectangle(4, 30).at(100, 1_000, 2_000);
        assertEquals(100, r.getArea() / 10_000, 1e-3);
        assertEquals(1_000, r.getCentroid().getX(), 0.01);
        assertEquals(2_000, r.getCentroid().getY(), 0.01);
        // The long side (2,000 m for 100 ha at 4:1) points 30 degrees north of east.
        var c = r.getCoordinates();
        double dx = c[1].x - c[0].x, dy = c[1].y - c[0].y;
        assertEquals(2_000, Math.hypot(dx, dy), 0.01);
        assertEquals(30, Math.toDegrees(Math.atan2(dy, dx)), 1e-3);

        // A drawn L-shape keeps its shape and is scaled to the asked size around its centroid.
        Geometry l = SearchWorldFixtures.box(0, 300, 0, 100).union(SearchWorldFixtures.box(0, 100, 0, 300));
        Polygon scaled = FootprintShape.of(l).at(50, 5_000, 5_000);
        assertEquals(50, scaled.getArea() / 10_000, 1e-3);
        assertEquals(5_000, scaled.getCentroid().getX(), 0.01);
        assertEquals(l.getNumPoints(), scaled.getNumPoints());

        assertEquals(FootprintShape.rectangle(3, 45), FootprintShape.parse("rectangle:3:45"));
        assertEquals(FootprintShape.SQUARE, FootprintShape.parse("Square"));
        assertThrows(IllegalArgumentException.class, () -> FootprintShape.parse("circle"));
        assertThrows(IllegalArgumentException.class, () -> FootprintShape.parse("rectangle:0.5"));
    }
}
