package nl.ruimteschets.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A scale bar and a north arrow drawn with Java2D onto a map image, for PNG export and reports (the
 * screen map draws its own with JavaFX). Labels are numbers with "m" or "km", the same in Dutch and
 * English. RD New is a conformal grid with north up, so the arrow always points up.
 */
public final class MapDecorations {
    /** A bar of {@code metres} that is {@code pixels} long at the scale it was made for. */
    public record ScaleBar(double metres, double pixels, String label) { }

    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NORTH = new Font(Font.SANS_SERIF, Font.BOLD, 12);
    private static final Color BACKING = new Color(255, 255, 255, 210);

    private MapDecorations() { }

    /** The longest bar of 1, 2 or 5 × 10^n metres no longer than {@code maxPixels}. */
    public static ScaleBar scaleBar(double metresPerPixel, double maxPixels) {
        if (!(metresPerPixel > 0) || !(maxPixels > 0)) throw new IllegalArgumentException("scale and length must be positive");
        double target = maxPixels * metresPerPixel;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = pow;
        for (double m : new double[] {2, 5}) if (m * pow <= target * (1 + 1e-9)) metres = m * pow;
        // Exact decimal value: 0.1 * 5 must read "0.5 m", not "0.5000000000000001 m".
        metres = new BigDecimal(metres).round(new java.math.MathContext(1)).doubleValue();
        return new ScaleBar(metres, metres / metresPerPixel, label(metres));
    }

    /** "500 m", "2 km", "0.5 m", "1.5 km" never (bars are 1-2-5). */
    static String label(double metres) {
        return metres >= 1000 ? plain(metres / 1000) + " km" : plain(metres) + " m";
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /**
     * Draws the bar with its left end at ({@code x}, {@code y}) on the bar's line, label above it,
     * on a white backing.
     *
     * @return the bar drawn
     */
    public static ScaleBar drawScaleBar(Graphics2D g, Viewport v, double x, double y, double maxPixels) {
        ScaleBar bar = scaleBar(v.metresPerPixel(), maxPixels);
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            hints(g2);
            g2.setFont(LABEL);
            FontMetrics fm = g2.getFontMetrics();
            double labelW = fm.stringWidth(bar.label());
            double boxW = Math.max(bar.pixels(), labelW) + 12;
            g2.setColor(BACKING);
            g2.fill(new RoundRectangle2D.Double(x - 6, y - fm.getAscent() - 12, boxW, fm.getAscent() + 20, 6, 6));
            g2.setColor(Color.BLACK);
            g2.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g2.draw(new Line2D.Double(x, y, x + bar.pixels(), y));
            g2.draw(new Line2D.Double(x, y - 5, x, y + 4));
            g2.draw(new Line2D.Double(x + bar.pixels(), y - 5, x + bar.pixels(), y + 4));
            g2.drawString(bar.label(), (float) (x + bar.pixels() / 2 - labelW / 2), (float) (y - 8));
        } finally {
            g2.dispose();
        }
        return bar;
    }

    /** Draws a north arrow whose tip is at ({@code x}, {@code y}), with "N" under it, on a white backing. */
    public static void drawNorthArrow(Graphics2D g, double x, double y) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            hints(g2);
            g2.setColor(BACKING);
            g2.fill(new RoundRectangle2D.Double(x - 15, y - 5, 30, 44, 10, 10));
            Path2D.Double arrow = new Path2D.Double();
            arrow.moveTo(x, y);
            arrow.lineTo(x - 8, y + 20);
            arrow.lineTo(x, y + 15);
            arrow.lineTo(x + 8, y + 20);
            arrow.closePath();
            g2.setColor(Color.BLACK);
            g2.fill(arrow);
            g2.setFont(NORTH);
            FontMetrics fm = g2.getFontMetrics();
            g2.drawString("N", (float) (x - fm.stringWidth("N") / 2.0), (float) (y + 34));
        } finally {
            g2.dispose();
        }
    }

    /**
     * A scale bar (up to 150 px) with the map's 1:N beside it at the bottom left, and a north arrow at
     * the top right of the image. The ratio is written in the locale's digits (1:25.000 in Dutch).
     */
    public static ScaleBar decorate(BufferedImage img, Viewport v, Locale locale) {
        return decorate(img, v, locale, v.scaleDenominator());
    }

    /** As {@link #decorate(BufferedImage, Viewport, Locale)}, with the 1:N of the printed map (its pixels are not screen pixels). */
    public static ScaleBar decorate(BufferedImage img, Viewport v, Locale locale, long scaleDenominator) {
        Graphics2D g = img.createGraphics();
        try {
            drawNorthArrow(g, img.getWidth() - 28, 12);
            int x = 18, y = img.getHeight() - 16;
            ScaleBar bar = drawScaleBar(g, v, x, y, 150);
            hints(g);
            g.setColor(Color.BLACK);
            g.setFont(LABEL);
            // Planners quote a map's scale as 1:N.
            g.drawString(String.format(locale, "1:%,d", scaleDenominator), (float) (x + bar.pixels() + 14), y);
            return bar;
        } finally {
            g.dispose();
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
