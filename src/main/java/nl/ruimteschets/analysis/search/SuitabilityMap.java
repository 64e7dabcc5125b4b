package nl.ruimteschets.analysis.search;

import java.util.EnumMap;
import java.util.Map;

/**
 * The screening of one activity at every position of a grid: each criterion (cost, its own unit), the
 * composite suitability score (0–100, higher is better) and why a position is excluded. A position is
 * the centre of a square footprint of the asked size. Made by {@link SuitabilityMapper}; immutable by
 * convention (arrays are not copied; nobody writes to them after construction), safe to share.
 *
 * @param grid the positions (footprint centres at the cell centres)
 * @param criteria per criterion the value at every position (NaN outside the search area)
 * @param score composite score 0–100 at every position (NaN where excluded or outside)
 * @param exclusion {@link Exclusion} ordinal per position
 * @param scales per criterion the value that counts as "bad" (the 95th percentile of the valid
 *        positions): criterion / scale, capped at 1, is what the weights multiply
 * @param coarse true for the quick first pass
 */
public record SuitabilityMap(SearchRequest request, RasterGrid grid, Map<Criterion, float[]> criteria, float[] score,
                             byte[] exclusion, Map<Criterion, Double> scales, boolean coarse) {

    /** Why a position is not offered; NONE for a valid position. */
    public enum Exclusion {
        NONE, OUTSIDE_AREA, NATURA2000_OR_RESIDENTIAL, PR_CONFLICT, TOO_FAR, OCCUPIED;

        /** Message key suffix (ui bundle "search.exclusion.*"). */
        public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public SuitabilityMap {
        criteria = java.util.Collections.unmodifiableMap(new EnumMap<>(criteria));
        scales = java.util.Collections.unmodifiableMap(new EnumMap<>(scales));
    }

    public Exclusion exclusionAt(int index) { return Exclusion.values()[exclusion[index]]; }

    public boolean valid(int index) { return exclusion[index] == 0; }

    public int validCount() {
        int n = 0;
        for (byte b : exclusion) if (b == 0) n++;
        return n;
    }

    /** Composite score 0–100 of a set of criterion values under this map's weights and scales. */
    public double scoreOf(Map<Criterion, Double> values) {
        return score(request, scales, c -> values.getOrDefault(c, 0.0));
    }

    static double score(SearchRequest r, Map<Criterion, Double> scales, java.util.function.ToDoubleFunction<Criterion> value) {
        double sumW = 0, cost = 0;
        for (Criterion c : Criterion.values()) {
            double w = r.weight(c);
            if (w <= 0) continue;
            sumW += w;
            cost += w * Math.min(1.0, Math.max(0.0, value.applyAsDouble(c)) / scales.getOrDefault(c, 1.0));
        }
        return sumW == 0 ? 100.0 : 100.0 * (1 - cost / sumW);
    }
}
