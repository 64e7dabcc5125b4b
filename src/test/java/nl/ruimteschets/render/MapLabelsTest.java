package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

class MapLabelsTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Project SAMPLE = SampleProject.build();

    /** Around Rotterdam at 1:100.000 and the whole country at 1:1.500.000, at the two screen sizes planners use. */
    @Test
    void sampleLabelsNeverOverlapAndStayOnTheImage() {
        MapLabels labels = new MapLabels(SAMPLE.layers(), MapLabels.labelFields(SAMPLE.layers(), SAMPLE.displays()));
        for (double[] view : new double[][] {{92_000, 437_000, 100_000}, {155_000, 463_000, 1_500_000}}) {
            for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
                Viewport v = new Viewport(view[0], view[1], view[2] * Viewport.PIXEL_SIZE_M, size[0], size[1]);
                List<MapLabels.Placed> placed = labels.place(v, List.of(), List.of());
                assertTrue(placed.size() >= 10, "labels at 1:" + (long) view[2] + ": " + placed.size());
                for (int i = 0; i < placed.size(); i++) {
                    Rectangle2D a = placed.get(i).box();
                    assertTrue(new Rectangle2D.Double(0, 0, size[0], size[1]).contains(a), placed.get(i).text());
                    for (int j = i + 1; j < placed.size(); j++) {
                        assertFalse(a.intersects(placed.get(j).box()), placed.get(i).text() + " overlaps " + placed.get(j).text());
                    }
                }
                List<String> texts = placed.stream().map(MapLabels.Placed::text).toList();
                boolean municipalities = texts.contains("Rotterdam") || texts.contains("Amsterdam");
                // Municipality names from about 1:400.000 inward only.
                assertEquals(view[2] <= 400_000, municipalities, "municipality names at 1:" + (long) view[2] + ": " + texts);
                assertTrue(placed.stream().anyMatch(p -> p.kind() == MapLabels.Kind.NATURA2000), "Natura 2000 names: " + texts);
            }
        }
    }

    @Test
    void candidatesWinTheirPlaceAndReservedAreasStayFree() {
        Layer sites = layer(LayerRole.NATURA2000, "Duinen", 1000, 1000);
        MapLabels labels = new MapLabels(List.of(sites), Map.of(sites.name(), "naam"));
        Viewport v = new Viewport(1000, 1000, 10, 800, 600);
        MapLabels.Item candidate = MapLabels.candidate("Uitbreiding", GF.createPoint(new Coordinate(1000, 1000)));
        List<MapLabels.Placed> placed = labels.place(v, List.of(candidate), List.of());
        assertEquals("Uitbreiding", placed.get(0).text());
        // The site's name moved off the candidate's place rather than over it.
        assertEquals(2, placed.size());
        assertFalse(placed.get(0).box().intersects(placed.get(1).box()));
        Rectangle2D legend = new Rectangle2D.Double(0, 0, 800, 600);
        assertTrue(labels.place(v, List.of(), List.of(legend)).isEmpty(), "nothing under the legend");
    }

    @Test
    void labelFieldChosenPerLayerHiddenLayersAndNoneGetNoLabels() {
        Layer n2000 = layer(LayerRole.NATURA2000, "Duinen", 0, 0);
        Layer basemap = layer(LayerRole.BASEMAP, "Gemeente", 0, 0);
        // By default the name field of Natura 2000 and cluster sites; background layers only when chosen.
        assertEquals(Map.of(n2000.name(), "naam"), MapLabels.labelFields(List.of(n2000, basemap), Map.of()));
        Map<String, LayerDisplay> displays = Map.of(n2000.name(), new LayerDisplay(true, 1, 0, 0, null),
                basemap.name(), new LayerDisplay(true, 1, 0, 0, "naam"));
        assertEquals(Map.of(basemap.name(), "naam"), MapLabels.labelFields(List.of(n2000, basemap), displays));
        displays = Map.of(basemap.name(), new LayerDisplay(false, 1, 0, 0, "naam"));
        assertNull(MapLabels.labelFields(List.of(basemap), displays).get(basemap.name()));
    }

    private static Layer layer(LayerRole role, String name, double x, double y) {
        List<Feature> fs = new ArrayList<>();
        fs.add(new Feature(1, GF.toGeometry(new Envelope(x - 500, x + 500, y - 500, y + 500)), new Object[] {name}));
        return new Layer(role + "-laag", role, List.of(new Field("naam", FieldType.TEXT)), fs, Map.of(Layer.MAP_NAME, "naam"), "", null);
    }
}
