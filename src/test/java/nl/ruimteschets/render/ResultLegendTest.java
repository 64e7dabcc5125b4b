package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResultLegendTest {
    @Test
    void depositionClassesFollowTheLegend() {
        assertEquals(ResultLegend.DEPOSITION_RGBA[0], ResultLegend.depositionRgba(0.01));
        assertEquals(ResultLegend.DEPOSITION_RGBA[2], ResultLegend.depositionRgba(0.7));
        assertEquals(ResultLegend.DEPOSITION_RGBA[4], ResultLegend.depositionRgba(12));
        assertNotEquals(ResultLegend.depositionRgba(0.7), ResultLegend.depositionRgba(2));
    }

    @Test
    void legendShowsWhatIsDrawnInBothLanguages() {
        assertNull(ResultLegend.image(Locale.forLanguageTag("nl"), 1, false, false, false));
        BufferedImage all = ResultLegend.image(Locale.forLanguageTag("nl"), 1, true, true, true);
        BufferedImage noise = ResultLegend.image(Locale.forLanguageTag("nl"), 1, true, false, false);
        assertTrue(all.getHeight() > 3 * noise.getHeight(), "noise, safety and nitrogen rows");
        // The darkest class (0x8E0000 at 75 % over the white panel) has a swatch.
        assertTrue(containsNear(all, 0xAA3F3F), "darkest deposition class drawn");
        BufferedImage big = ResultLegend.image(Locale.ENGLISH, 1.5, true, true, true);
        assertTrue(big.getHeight() >= all.getHeight() * 1.4, "presentation size");
    }

    private static boolean containsNear(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs(((p >> 16) & 0xFF) - ((rgb >> 16) & 0xFF)) < 25 && Math.abs(((p >> 8) & 0xFF) - ((rgb >> 8) & 0xFF)) < 25
                        && Math.abs((p & 0xFF) - (rgb & 0xFF)) < 25) return true;
            }
        }
        return false;
    }
}
