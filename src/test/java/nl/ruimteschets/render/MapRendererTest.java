package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    // ------------------------------------------------------------------ level of detail

    @Test
    void aSmallBuildingDrawnStraightIntoTheRasterHasItsFillInsideAndItsOutlineAtTheEdge() {
        // 12 px at 1 m per pixel: the raster path, not Java2D.
        MapRenderer r = new MapRenderer(List.of(layer(square(94, 94, 12))));
        BufferedImage img = render(r, V, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0xFFFF0000, img.getRGB(100, 100), "fill inside");
        int edge = img.getRGB(94, 100); // the left edge runs through this column
        assertTrue(edge >>> 24 > 0 && ((edge >> 16) & 0xFF) < 0xC0, "a dark outline at the edge, was " + Integer.toHexString(edge));
        assertEquals(0, img.getRGB(90, 100) >>> 24, "nothing outside");
        assertEquals(0, img.getRGB(100, 89) >>> 24);
    }

    @Test
    void aSmallBuildingsHoleStaysOpenToo() {
        Geometry donut = square(80, 80, 40).difference(square(90, 90, 20)); // 40 px: the raster path
        BufferedImage img = render(new MapRenderer(List.of(layer(donut))), V, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0, img.getRGB(100, 100) >>> 24, "the hole");
        assertEquals(0xFFFF0000, img.getRGB(85, 100), "the ring");
    }

    @Test
    void opacityAppliesOnTheRasterPathToo() {
        MapRenderer r = new MapRenderer(List.of(layer(square(94, 94, 12))));
        int a = render(r, V, new MapRenderer.LayerLook(RED, true, 0.25)).getRGB(100, 100) >>> 24;
        assertEquals(64, a, 2);
    }

    @Test
    void aTranslucentFillLetsTheLayerBelowShowThrough() {
        LayerStyle blue = new LayerStyle(0x0000FFFF, 0x0000FFFF, 1, false);
        LayerStyle halfRed = new LayerStyle(0xFF000080, 0x000000FF, 1, false);
        MapRenderer r = new MapRenderer(List.of(layer(square(0, 0, 200)), layer(square(50, 50, 100))));
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB_PRE);
        r.render(V, List.of(new MapRenderer.LayerLook(blue, true, 1), new MapRenderer.LayerLook(halfRed, true, 1)), img, () -> false);
        int c = img.getRGB(100, 100);
        assertEquals(0xFF, c >>> 24);
        assertEquals(0x80, (c >> 16) & 0xFF, 2, "half red");
        assertEquals(0x7F, c & 0xFF, 2, "half the blue below");
    }

    @Test
    void aBuildingOfAFewPixelsIsStillThereAndInItsPlace() {
        // 3 m at 1 m per pixel: the rectangle path.
        BufferedImage img = render(new MapRenderer(List.of(layer(square(120, 120, 3)))), V, new MapRenderer.LayerLook(RED, true, 1));
        int x = (int) V.toScreenX(121.5), y = (int) V.toScreenY(121.5);
        assertNotEquals(0, img.getRGB(x, y) >>> 24);
        assertEquals(0, img.getRGB(x + 4, y) >>> 24);
        assertEquals(0, img.getRGB(x, y - 4) >>> 24);
    }

    @Test
    void pointsAreSmallDiscsAtAnyScale() {
        Geometry pt = Rd.FACTORY.createPoint(new Coordinate(100, 100));
        BufferedImage img = render(new MapRenderer(List.of(layer(pt))), V, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0xFFFF0000, img.getRGB(100, 100), "filled");
        assertNotEquals(0, img.getRGB(102, 100) >>> 24, "a disc, not a dot");
        assertNotEquals(0, img.getRGB(100, 98) >>> 24);
        assertEquals(0, img.getRGB(106, 100) >>> 24, "a small one");
    }

    @Test
    void linesAreStrokedAndDashedStylesLeaveGaps() {
        Geometry line = Rd.FACTORY.createLineString(new Coordinate[] {new Coordinate(20, 100), new Coordinate(180, 100)});
        MapRenderer r = new MapRenderer(List.of(layer(line)));
        LayerStyle solid = new LayerStyle(0, 0x000000FF, 2, false), dashed = new LayerStyle(0, 0x000000FF, 2, true);
        BufferedImage a = render(r, V, new MapRenderer.LayerLook(solid, true, 1));
        BufferedImage b = render(r, V, new MapRenderer.LayerLook(dashed, true, 1));
        int solidPixels = 0, dashedPixels = 0;
        for (int x = 30; x < 170; x++) {
            if (a.getRGB(x, 100) >>> 24 > 128) solidPixels++;
            if (b.getRGB(x, 100) >>> 24 > 128) dashedPixels++;
        }
        assertEquals(140, solidPixels, "the line runs unbroken");
        assertTrue(dashedPixels > 60 && dashedPixels < 110, "dashes and gaps, " + dashedPixels + " of 140 px inked");
        assertEquals(0, a.getRGB(100, 90) >>> 24, "a line, not an area");
    }

    @Test
    void bigRingsKeepTheirShapeFromFarAway() {
        // A Natura 2000-like ring of 4,000 vertices seen at 1:1,000,000: drawn from a simplified level.
        Geometry circle = Rd.FACTORY.createPoint(new Coordinate(100_000, 450_000)).buffer(20_000, 1_000);
        MapRenderer r = new MapRenderer(List.of(layer(circle)));
        Viewport far = new Viewport(100_000, 450_000, 280, 400, 300);
        BufferedImage img = render(r, far, new MapRenderer.LayerLook(RED, true, 1));
        assertEquals(0xFFFF0000, img.getRGB(200, 150), "the middle");
        double radiusPx = 20_000 / 280.0;
        assertEquals(0xFFFF0000, img.getRGB(200 + (int) radiusPx - 3, 150), "just inside the edge");
        assertEquals(0, img.getRGB(200 + (int) radiusPx + 3, 150) >>> 24, "just outside");
    }

    // ------------------------------------------------------------------ looks, areas, pans, threads

    @Test
    void aLayerLookHidesAndFades() {
        Layer squareLayer = layer(square(50, 50, 100));
        MapRenderer r = new MapRenderer(List.of(squareLayer));
        MapRenderer.LayerLook look = MapRenderer.LayerLook.of(squareLayer).withStyle(RED);
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB_PRE);
        r.render(V, List.of(look), img, () -> false);
        assertEquals(0xFFFF0000, img.getRGB(100, 100));
        MapRenderer.clear(img);
        r.render(V, List.of(look.withOpacity(0.5)), img, () -> false);
        assertEquals(128, img.getRGB(100, 100) >>> 24, 2);
        MapRenderer.clear(img);
        r.render(V, List.of(look.withOpacity(0.5).withVisible(false)), img, () -> false);
        assertEquals(0, img.getRGB(100, 100));
    }

    @Test
    void anAreaRenderTouchesOnlyItsPixelsAndMatchesAFullRender() {
        MapRenderer r = new MapRenderer(List.of(layer(scatter(3_000, 1))));
        MapRenderer.LayerLook look = new MapRenderer.LayerLook(RED, true, 1);
        BufferedImage full = render(r, V, look);
        BufferedImage part = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Rectangle area = new java.awt.Rectangle(40, 60, 70, 50);
        r.render(V, List.of(look), part, area, () -> false);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int expected = area.contains(x, y) ? full.getRGB(x, y) : 0;
                assertEquals(expected, part.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aPanShiftsTheLastImageAndDrawsTheExposedStripsLikeAFullRedraw() {
        MapRenderer r = new MapRenderer(List.of(layer(scatter(5_000, 2))));
        List<MapRenderer.LayerLook> looks = List.of(new MapRenderer.LayerLook(RED, true, 1));
        Viewport v = V;
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB_PRE);
        assertTrue(r.renderPanned(null, v, looks, img, () -> false));
        int[][] steps = {{13, -7}, {-20, 0}, {0, 25}, {-3, -3}, {150, 180}};
        for (int[] d : steps) {
            Viewport next = v.panPixels(d[0], d[1]);
            assertTrue(r.renderPanned(v, next, looks, img, () -> false));
            BufferedImage expected = render(r, next, looks.get(0));
            int differ = 0;
            for (int y = 0; y < 200; y++) for (int x = 0; x < 200; x++) if (img.getRGB(x, y) != expected.getRGB(x, y)) differ++;
            // Doubles round a little differently after a pan; a stray pixel or two may differ.
            assertTrue(differ <= 4, differ + " pixels differ after a pan by " + d[0] + "," + d[1]);
            v = next;
        }
    }

    @Test
    void aCancelledRenderSaysSo() {
        MapRenderer r = new MapRenderer(List.of(layer(scatter(20_000, 3))));
        BufferedImage img = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB_PRE);
        assertFalse(r.render(V, List.of(new MapRenderer.LayerLook(RED, true, 1)), img, () -> true));
    }

    @Test
    void twoThreadsRenderingAtOnceGetTheSameImage() throws Exception {
        MapRenderer r = new MapRenderer(List.of(layer(scatter(20_000, 4))));
        Viewport far = new Viewport(100, 100, 0.25, 400, 400);
        List<MapRenderer.LayerLook> looks = List.of(new MapRenderer.LayerLook(RED, true, 0.7));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<int[]>> out = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                out.add(pool.submit(() -> {
                    BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB_PRE);
                    for (int i = 0; i < 5; i++) {
                        MapRenderer.clear(img);
                        r.render(far, looks, img, () -> false);
                    }
                    return img.getRGB(0, 0, 400, 400, null, 0, 400);
                }));
            }
            int[] first = out.get(0).get();
            for (var f : out) assertArrayEquals(first, f.get());
        } finally {
            pool.shutdown();
        }
    }

    /** Small rotated rectangles, 1–15 m, scattered over the 200 m view: every level-of-detail path at 1 m per pixel. */
    private static Geometry[] scatter(int n, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        Geometry[] out = new Geometry[n];
        for (int i = 0; i < n; i++) {
            double cx = rnd.nextDouble() * 240 - 20, cy = rnd.nextDouble() * 240 - 20;
            double w = 0.2 + rnd.nextDouble() * 15, h = 0.2 + rnd.nextDouble() * 15, a = rnd.nextDouble() * Math.PI;
            Coordinate[] ring = new Coordinate[5];
            double[][] c = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
            for (int k = 0; k < 4; k++) {
                ring[k] = new Coordinate(cx + c[k][0] * Math.cos(a) - c[k][1] * Math.sin(a), cy + c[k][0] * Math.sin(a) + c[k][1] * Math.cos(a));
            }
            ring[4] = ring[0];
            out[i] = Rd.FACTORY.createPolygon(ring);
        }
        return out;
    }
}
