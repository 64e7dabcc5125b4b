package nl.ruimteschets.analysis.search;

import java.util.Map;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.model.Candidate;

/**
 * One offered location, re-evaluated with the live engine. Immutable.
 *
 * @param rank 1 = best exact score
 * @param candidate the location as a candidate (footprint of the asked size, or the whole plot)
 * @param plotName the available plot it comes from, or null for a free position
 * @param mapValues the suitability map's criteria at its position (empty for a plot the map cannot place)
 * @param mapScore the map's composite score there (NaN when not on the map)
 * @param exactValues the same criteria from the engine's result
 * @param exactScore composite score of the exact values under the map's weights and scales
 * @param result every indicator the engine computed
 * @param hardConflict the engine found Natura 2000 / residential overlap or a PR limit-value conflict
 */
public record RankedLocation(int rank, Candidate candidate, String plotName, Map<Criterion, Double> mapValues,
                             double mapScore, Map<Criterion, Double> exactValues, double exactScore,
                             CandidateResult result, boolean hardConflict) {
    public RankedLocation {
        mapValues = Map.copyOf(mapValues);
        exactValues = Map.copyOf(exactValues);
    }

    public RankedLocation withRank(int r) {
        return new RankedLocation(r, candidate, plotName, mapValues, mapScore, exactValues, exactScore, result, hardConflict);
    }

    public int prConflicts() {
        return result.safety() == null ? 0 : result.safety().limitConflicts().size();
    }

    public double maxDepositionMolHaYr() {
        return result.nitrogen() == null ? 0 : result.nitrogen().maxDepositionMolHaYr();
    }
}
