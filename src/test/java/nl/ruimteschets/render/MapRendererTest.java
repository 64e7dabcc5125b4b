package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

class MapRendererTest {
    private static final LayerStyle RED = new LayerStyle(0xFF0000FF, 0x000000FF, 1, false);

    private static Geometry square(double x, double y, double side) {
        return Rd.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
            new Coordinate(x + side, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
    }

    private static Layer layer(Geometry... geoms) {
        List<Feature> fs = new ArrayList<>();
        for (int i = 0; i < geoms.length; i++) fs.add(new Feature(i + 1, geoms[i], new Object[0]));
        return new Layer("t", LayerRole.AVAILABLE_PLOT, List.of(), fs, Map.of(), "", null);
    }

    private static BufferedImage render(MapRenderer r, Viewport v, MapRenderer.LayerLook look) {
        BufferedImage img = new BufferedImage((int) v.width(), (int) v.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        r.render(v, List.of(look), img, () -> false);
        return img;
    }

    /** 1 m per pixel, 200×200 px around (100, 100). */
    private static final Viewport V = new Viewport(100, 100, 1, 200, 200);

    @Test
    void aPolygonIsFilledInsideAndLeavesTheRestEmpty() {
        MapRenderer r = new MapRenderer(List.of(layer(square(50, 50, 100))));
        BufferedImage img = render(r, V, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0xFFFF0000, img.getRGB(100, 100), "interior is the fill colour");
        assertEquals(0, img.getRGB(10, 10) >>> 24, "outside stays transparent");
    }

    @Test
    void hiddenLayersDrawNothingAndOpacityLowersAlpha() {
        MapRenderer r = new MapRenderer(List.of(layer(square(50, 50, 100))));
        assertEquals(0, render(r, V, new MapRenderer.LayerLook(RED, false, 1)).getRGB(100, 100));
        int half = render(r, V, new MapRenderer.LayerLook(RED, true, 0.5)).getRGB(100, 100) >>> 24;
        assertEquals(128, half, 2);
    }

    @Test
    void aHoleStaysUnpainted() {
        Geometry donut = square(20, 20, 160).difference(square(80, 80, 40));
        MapRenderer r = new MapRenderer(List.of(layer(donut)));
        BufferedImage img = render(r, V, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0, img.getRGB(100, 100) >>> 24, "the hole");
        assertEquals(0xFFFF0000, img.getRGB(40, 100), "the ring around it");
    }

    @Test
    void subPixelFeaturesOfABigLayerStillLeaveADotAtTheirPlace() {
        List<Geometry> many = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) many.add(square(10_000 + (i % 200) * 50, 10_000 + (i / 200) * 50, 10));
        many.add(square(100_000, 100_000, 10));
        MapRenderer r = new MapRenderer(List.of(layer(many.toArray(new Geometry[0]))));
        // 100 m per pixel: a 10 m building is a tenth of a pixel.
        Viewport far = new Viewport(60_000, 60_000, 100, 1000, 1000);
        BufferedImage img = render(r, far, new MapRenderer.LayerLook(RED, true, 1));
        int x = (int) far.toScreenX(100_005), y = (int) far.toScreenY(100_005);
        assertNotEquals(0, img.getRGB(x, y) >>> 24, "the lone building far from the others is visible");
        assertEquals(0, img.getRGB(x - 20, y) >>> 24);
    }

    @Test
    void featuresOutsideTheViewDoNotTouchTheImage() {
        MapRenderer r = new MapRenderer(List.of(layer(square(5_000, 5_000, 100))));
        BufferedImage img = render(r, V, new MapRenderer.LayerLook(RED, true, 1));
        for (int y = 0; y < 200; y += 7) for (int x = 0; x < 200; x += 7) assertEquals(0, img.getRGB(x, y));
    }

    @Test
    void aBigRingDrawnFromItsThinnedPathStillFillsItsInside() {
        Geometry circle = Rd.FACTORY.createPoint(new Coordinate(100, 100)).buffer(80, 400); // 1,600 vertices
        MapRenderer r = new MapRenderer(List.of(layer(circle)));
        BufferedImage img = render(r, V, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0xFFFF0000, img.getRGB(100, 100));
        assertEquals(0xFFFF0000, img.getRGB(100, 30));
        assertEquals(0, img.getRGB(100, 5) >>> 24);
    }

    @Test
    void refusesAnImageItWouldPaintWrongly() {
        MapRenderer r = new MapRenderer(List.of(layer(square(50, 50, 100))));
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        assertThrows(IllegalArgumentException.class, () -> r.render(V, List.of(new MapRenderer.LayerLook(RED, true, 1)), img, () -> false));
    }
}
