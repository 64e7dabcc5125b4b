package nl.ruimteschets.render;

import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.RoleStyle;

/**
 * Fill and stroke of a layer as RGBA, by default chosen by role ({@link RoleStyle}).
 *
 * @param fill fill colour 0xRRGGBBAA (alpha 0 for none)
 * @param stroke stroke colour 0xRRGGBBAA
 */
public record LayerStyle(int fill, int stroke, double strokeWidth, boolean dashed) {

    /** The role's look ({@link RoleStyle}, shared with the QGIS styles written into files). */
    public static LayerStyle forRole(LayerRole role) {
        RoleStyle r = RoleStyle.of(role);
        return new LayerStyle(r.fill(), r.stroke(), r.strokeWidth(), r.dashed());
    }
}
