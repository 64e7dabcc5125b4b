package nl.ruimteschets.analysis;

import org.locationtech.jts.geom.Geometry;

/**
 * Industrial-noise screening of one candidate (DOMAIN.md §1). Levels are yearly averages at 5 m.
 *
 * @param grid continuous level L around the candidate
 * @param lden50 area where L_den ≥ 50 dB (standaardwaarde)
 * @param lnight40 area where L_night ≥ 40 dB (standaardwaarde); empty for day-only activity
 * @param lden55 area where L_den ≥ 55 dB (grenswaarde [K])
 * @param governing the union of the standard-value contours: what the zone has to hold
 * @param zoneGrowthHa area of the governing contour outside existing noise zones ("zone growth needed")
 * @param sensitiveCount noise-sensitive objects inside the governing contour and outside existing zones
 * @param sensitiveHa their area
 * @param footprintOutsideZoneHa the candidate's own area outside any noise zone
 */
public record NoiseIndicators(NoiseGrid grid, double lwPerM2, double groundFactor, boolean dayOnly,
                              Geometry lden50, Geometry lnight40, Geometry lden55, Geometry governing,
                              double lden50Ha, double lnight40Ha, double governingHa, double zoneGrowthHa,
                              int sensitiveCount, double sensitiveHa, double footprintOutsideZoneHa) {
    public static final String LABEL_NL = "indicatief (screening), CNOSSOS-EU-kern, geen akoestisch onderzoek";
    public static final String LABEL_EN = "indicative (screening), CNOSSOS-EU kernel, not an acoustic study";
}
