package nl.ruimteschets.model;

import java.util.Objects;

/**
 * What an activity on a candidate site emits and needs (DOMAIN.md §1.4, §2.4, §3.5, §4.3). Every value
 * is a screening default; {@code sourceTags} records for each group whether it is sourced [S], domain
 * knowledge [K] or derived [D], so a specialist sees what to check.
 *
 * @param noiseLw area-related sound power L_W'' in dB(A)/m²
 * @param noiseSourceHeightM source height in m
 * @param dayOnly true when the activity runs in the day only (no night level)
 * @param prDistanceM plaatsgebonden risico 10⁻⁶ distance from the footprint, m
 * @param brandM brandaandachtsgebied distance, m
 * @param explosieM explosieaandachtsgebied distance, m
 * @param gifwolkM gifwolkaandachtsgebied distance, m (the law caps it at 1,500 m)
 * @param noxKgPerHaYr NOx emission per net hectare, kg/yr
 * @param nh3KgPerHaYr NH₃ emission per net hectare, kg/yr
 * @param emissionHeightM emission height, m
 * @param nettoBrutoRatio share of gross area that becomes issuable plots (0–1)
 * @param heatMw heat content of the emission in MW (hot stacks rise before they disperse; 0 = cold)
 */
public record ActivityProfile(String name, String description, double noiseLw, double noiseSourceHeightM,
                              boolean dayOnly, double prDistanceM, double brandM, double explosieM,
                              double gifwolkM, double noxKgPerHaYr, double nh3KgPerHaYr,
                              double emissionHeightM, double nettoBrutoRatio, String sourceTags, double heatMw) {
    public static final double GIFWOLK_CAP_M = 1500.0;

    public ActivityProfile {
        Objects.requireNonNull(name);
        description = description == null ? "" : description;
        sourceTags = sourceTags == null ? "" : sourceTags;
        if (nettoBrutoRatio <= 0 || nettoBrutoRatio > 1) {
            throw new IllegalArgumentException("netto/bruto ratio must be in (0, 1]: " + nettoBrutoRatio);
        }
        if (prDistanceM < 0 || brandM < 0 || explosieM < 0 || gifwolkM < 0) {
            throw new IllegalArgumentException("safety distances must not be negative");
        }
        if (!(heatMw >= 0) || !Double.isFinite(heatMw)) throw new IllegalArgumentException("heat content must be ≥ 0 MW");
    }

    /** A profile of a cold source (heat content 0 MW), as profiles were before heat was recorded. */
    public ActivityProfile(String name, String description, double noiseLw, double noiseSourceHeightM,
                           boolean dayOnly, double prDistanceM, double brandM, double explosieM,
                           double gifwolkM, double noxKgPerHaYr, double nh3KgPerHaYr,
                           double emissionHeightM, double nettoBrutoRatio, String sourceTags) {
        this(name, description, noiseLw, noiseSourceHeightM, dayOnly, prDistanceM, brandM, explosieM, gifwolkM,
                noxKgPerHaYr, nh3KgPerHaYr, emissionHeightM, nettoBrutoRatio, sourceTags, 0.0);
    }
}
