package nl.ruimteschets.ui;

import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

/** Robot tests leave a PNG of what they checked in the temp folder, for a person to look at. */
final class Snapshots {
    private Snapshots() { }

    /** Writes {@code scene} to {@code <tmp>/ruimteschets-NAME.png} once pending FX events have run. */
    static Path write(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        java.awt.image.BufferedImage[] img = new java.awt.image.BufferedImage[1];
        WaitForAsyncUtils.asyncFx(() -> img[0] = SwingFXUtils.fromFXImage(scene.snapshot(null), null)).get();
        Path out = Path.of(System.getProperty("java.io.tmpdir"), "ruimteschets-" + name + ".png");
        javax.imageio.ImageIO.write(img[0], "png", out.toFile());
        return out;
    }
}
