package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MapDecorationsTest {

    @Test
    void theBarIsARoundLengthWhosePixelsMatchItsLabelAtTheScale() {
        for (double mpp : new double[] {0.07, 0.3, 1.4, 7, 33, 290, 1200}) {
            MapDecorations.ScaleBar bar = MapDecorations.scaleBar(mpp, 150);
            assertEquals(bar.metres() / mpp, bar.pixels(), 1e-9);
            assertTrue(bar.pixels() <= 150 + 1e-6 && bar.pixels() > 150 / 2.5, "fits and is not tiny: " + bar);
            double lead = bar.metres() / Math.pow(10, Math.floor(Math.log10(bar.metres()) + 1e-9));
            assertTrue(Math.abs(lead - 1) < 1e-9 || Math.abs(lead - 2) < 1e-9 || Math.abs(lead - 5) < 1e-9, "1-2-5: " + bar);
            assertEquals(bar.metres(), metresOf(bar.label()), bar.metres() * 1e-9, "label says the length: " + bar);
        }
    }

    @Test
    void labelsUseMetresBelowAKilometreAndKilometresAbove() {
        assertEquals("500 m", MapDecorations.scaleBar(5, 100).label());
        assertEquals("1 km", MapDecorations.scaleBar(7, 150).label());
        assertEquals("20 km", MapDecorations.scaleBar(290, 150).label());
        assertEquals("0.5 m", MapDecorations.scaleBar(0.005, 150).label());
    }

    @Test
    void theDrawnBarIsAsLongAsItsLabelSaysAtTheViewportsScale() {
        Viewport v = new Viewport(100_000, 450_000, 7, 400, 200); // 1:25,000
        BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        MapDecorations.ScaleBar bar = MapDecorations.drawScaleBar(g, v, 20, 150, 150);
        g.dispose();
        // Measure the black run along the bar's line, one pixel below its centre line.
        int first = -1, last = -1;
        for (int x = 0; x < 400; x++) {
            int c = img.getRGB(x, 150);
            if (c >>> 24 > 200 && (c & 0xFFFFFF) < 0x404040) {
                if (first < 0) first = x;
                last = x;
            }
        }
        double metres = metresOf(bar.label());
        assertEquals(metres / v.metresPerPixel(), last - first, 2.5, "bar of " + bar.label() + " at 7 m/px");
        assertEquals(20, first, 1);
    }

    @Test
    void decorateDrawsTheNorthArrowTopRightAndTheBarBottomLeft() {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        MapDecorations.decorate(img, new Viewport(0, 0, 10, 300, 200), java.util.Locale.forLanguageTag("nl"));
        assertEquals(0, img.getRGB(300 - 28, 12 + 10) & 0xFFFFFF, "black arrow top right");
        assertEquals(0, img.getRGB(40, 200 - 16) & 0xFFFFFF, "black bar bottom left");
        assertEquals(0, img.getRGB(150, 100) & 0xFFFFFF, "nothing in the middle");
    }

    private static double metresOf(String label) {
        String[] parts = label.split(" ");
        return Double.parseDouble(parts[0]) * (parts[1].equals("km") ? 1000 : 1);
    }
}
