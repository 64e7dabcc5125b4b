package nl.ruimteschets.analysis;

import java.util.List;

/**
 * Nitrogen screening indicators of one candidate on Natura 2000 (DOMAIN.md §3). Depositions are in
 * mol N/ha/yr; hexagons are 1 ha each. Counts and totals include only hexagons at or above
 * {@link NitrogenModel#CUT_MOL_HA_YR} (0.005, the AERIUS reporting limit); the maximum is over all.
 *
 * @param emission the emission evaluated
 * @param statistic ring mean (screening value) or ring max (worst wind direction)
 * @param maxDepositionMolHaYr highest deposition on any Natura 2000 hexagon (0 when none within 25 km)
 * @param maxX RD x of that hexagon's centre (NaN when none)
 * @param maxY RD y of that hexagon's centre (NaN when none)
 * @param maxArea name of the Natura 2000 area of that hexagon (null when none)
 * @param totalDepositionMolYr Σ over counted hexagons of deposition × 1 ha, mol N/yr
 * @param hexagonsAboveCut number of hexagons with deposition ≥ 0.005
 * @param haAboveCut the same in hectares
 * @param areas affected areas by name, highest maximum first
 * @param kdwExceededHexagons counted hexagons where background + contribution &gt; KDW of the area;
 *        null when no background was given
 * @param kdwNewlyExceededHexagons of those, hexagons where the background alone is ≤ KDW (the
 *        candidate tips them over); null when no background was given
 * @param hexagonsWithoutKdw counted hexagons whose area has no usable KDW (never counted as exceeded)
 * @param overlapHa hectares of the candidate footprint inside Natura 2000: a hard conflict
 * @param status whether the figures assess anything, or why not (shown in words instead of "0 mol")
 * @param insensitiveAreas Natura 2000 sites within 25 km that are mapped as not nitrogen-sensitive: shown,
 *        but left out of every figure above (no nitrogen conflict, no KDW test)
 */
public record NitrogenIndicators(NitrogenEmission emission, RingStatistic statistic,
                                 double maxDepositionMolHaYr, double maxX, double maxY, String maxArea,
                                 double totalDepositionMolYr, int hexagonsAboveCut, double haAboveCut,
                                 List<AreaDeposition> areas, Integer kdwExceededHexagons,
                                 Integer kdwNewlyExceededHexagons, int hexagonsWithoutKdw, double overlapHa,
                                 Status status, List<String> insensitiveAreas) {
    public static final String LABEL_NL = "indicatief (screening), geen AERIUS-berekening";
    public static final String LABEL_EN = "indicative (screening), not an AERIUS calculation";

    /** What the figures mean; every state but {@link #ASSESSED} is shown in words, never as "0 mol N". */
    public enum Status {
        /** Deposition on nitrogen-sensitive Natura 2000 within 25 km was computed. */
        ASSESSED,
        /** The candidate's net area is 0 (all of it under hard constraints): it cannot be realised. */
        NOT_REALISABLE,
        /** No Natura 2000 site at all lies within 25 km (the AERIUS cut-off): nothing to assess. */
        NO_NATURA2000_WITHIN_25KM,
        /** Only sites mapped as not nitrogen-sensitive lie within 25 km. */
        NO_SENSITIVE_NATURA2000_WITHIN_25KM
    }

    /** Whether the KDW exceedance can be stated. */
    public enum KdwState {
        /** No background deposition set: the KDW test is not run. */
        NO_BACKGROUND,
        /** Counted hexagons lie only in sites without a KDW: "niet te beoordelen" (not 0, not invented). */
        NOT_ASSESSABLE,
        /** Exceedance counted; {@link #hexagonsWithoutKdw} more may be "niet te beoordelen". */
        ASSESSED
    }

    public NitrogenIndicators {
        areas = List.copyOf(areas);
        insensitiveAreas = List.copyOf(insensitiveAreas);
    }

    /** Assessed figures without sites mapped as not nitrogen-sensitive (the form before the status existed). */
    public NitrogenIndicators(NitrogenEmission emission, RingStatistic statistic, double maxDepositionMolHaYr, double maxX,
                              double maxY, String maxArea, double totalDepositionMolYr, int hexagonsAboveCut, double haAboveCut,
                              List<AreaDeposition> areas, Integer kdwExceededHexagons, Integer kdwNewlyExceededHexagons,
                              int hexagonsWithoutKdw, double overlapHa) {
        this(emission, statistic, maxDepositionMolHaYr, maxX, maxY, maxArea, totalDepositionMolYr, hexagonsAboveCut, haAboveCut,
                areas, kdwExceededHexagons, kdwNewlyExceededHexagons, hexagonsWithoutKdw, overlapHa, Status.ASSESSED, List.of());
    }

    /** The same figures with another status (the engine marks a candidate without net area). */
    public NitrogenIndicators withStatus(Status s) {
        return new NitrogenIndicators(emission, statistic, maxDepositionMolHaYr, maxX, maxY, maxArea, totalDepositionMolYr,
                hexagonsAboveCut, haAboveCut, areas, kdwExceededHexagons, kdwNewlyExceededHexagons, hexagonsWithoutKdw,
                overlapHa, s, insensitiveAreas);
    }

    public KdwState kdwState() {
        if (kdwExceededHexagons == null) return KdwState.NO_BACKGROUND;
        return hexagonsAboveCut > 0 && hexagonsWithoutKdw >= hexagonsAboveCut ? KdwState.NOT_ASSESSABLE : KdwState.ASSESSED;
    }

    /** True when the deposition figures describe a realisable candidate near sensitive Natura 2000. */
    public boolean assessed() { return status == Status.ASSESSED; }

    /** The caveat every display of these figures must carry (Dutch). */
    public String label() { return LABEL_NL; }

    /** The caveat in English. */
    public String labelEn() { return LABEL_EN; }

    /** True when the candidate overlaps Natura 2000 itself (any site: being inside one is a conflict). */
    public boolean hardConflict() { return overlapHa > 0; }

    /**
     * One affected Natura 2000 area.
     *
     * @param kdw lowest KDW of the area in mol N/ha/yr, null when unknown
     */
    public record AreaDeposition(String name, double maxDepositionMolHaYr, int hexagonsAboveCut, Double kdw) { }
}
