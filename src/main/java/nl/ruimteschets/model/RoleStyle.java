package nl.ruimteschets.model;

/**
 * The look a layer has by its role until the planner chooses colours, chosen so a fresh project reads
 * like a planning map: Natura 2000 green, noise zones violet, risk contours red, clusters grey-blue,
 * houses orange. One table for the map (render) and for the QGIS styles written into files (io).
 * Immutable.
 *
 * @param fill fill colour 0xRRGGBBAA (alpha 0 for none)
 * @param stroke stroke colour 0xRRGGBBAA
 * @param strokeWidth outline width in screen pixels
 * @param dashed whether the outline is dashed (zones and contours: boundaries by law, not on the ground)
 */
public record RoleStyle(int fill, int stroke, double strokeWidth, boolean dashed) {

    public static RoleStyle of(LayerRole role) {
        return switch (role) {
            case BASEMAP -> new RoleStyle(0xF2EFE6FF, 0xB8B2A0FF, 1, false);
            case CLUSTER -> new RoleStyle(0x8C9BB566, 0x3D4F75FF, 1.5, false);
            case NOISE_ZONE -> new RoleStyle(0x9A62C522, 0x7B3FB0FF, 1.5, true);
            case SAFETY_CONTOUR -> new RoleStyle(0xE0404018, 0xC02020FF, 1.5, true);
            case NATURA2000 -> new RoleStyle(0x4CAF5066, 0x2E7D32FF, 1, false);
            case RESIDENTIAL -> new RoleStyle(0xF0A05A77, 0xC56A1EFF, 1, false);
            case SENSITIVE -> new RoleStyle(0xE65100FF, 0x7A2B00FF, 1, false);
            case AVAILABLE_PLOT -> new RoleStyle(0xFFD54F88, 0xB28704FF, 1, false);
        };
    }
}
