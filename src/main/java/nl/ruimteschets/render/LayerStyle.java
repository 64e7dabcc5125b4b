package nl.ruimteschets.render;

import nl.ruimteschets.model.LayerRole;

/**
 * Fill and stroke of a layer as RGBA, chosen by role so a fresh project reads like a planning map:
 * Natura 2000 green, noise zones violet, risk contours red, clusters grey-blue, houses orange.
 *
 * @param fill fill colour 0xRRGGBBAA (alpha 0 for none)
 * @param stroke stroke colour 0xRRGGBBAA
 */
public record LayerStyle(int fill, int stroke, double strokeWidth, boolean dashed) {

    public static LayerStyle forRole(LayerRole role) {
        return switch (role) {
            case BASEMAP -> new LayerStyle(0xF2EFE6FF, 0xB8B2A0FF, 1, false);
            case CLUSTER -> new LayerStyle(0x8C9BB566, 0x3D4F75FF, 1.5, false);
            case NOISE_ZONE -> new LayerStyle(0x9A62C522, 0x7B3FB0FF, 1.5, true);
            case SAFETY_CONTOUR -> new LayerStyle(0xE0404018, 0xC02020FF, 1.5, true);
            case NATURA2000 -> new LayerStyle(0x4CAF5066, 0x2E7D32FF, 1, false);
            case RESIDENTIAL -> new LayerStyle(0xF0A05A77, 0xC56A1EFF, 1, false);
            case SENSITIVE -> new LayerStyle(0xE65100FF, 0x7A2B00FF, 1, false);
            case AVAILABLE_PLOT -> new LayerStyle(0xFFD54F88, 0xB28704FF, 1, false);
        };
    }
}
