package nl.ruimteschets.analysis;

import java.util.List;

/**
 * All indicators of a scenario at one edit version: per candidate and per cluster (the last cluster
 * row is the national total). Immutable; safe to hand to any thread.
 *
 * @param version the edit version it answers; a higher version always supersedes a lower one
 * @param recomputed how many candidates had to be recomputed (the rest came from the cache)
 */
public record ScenarioResult(long version, List<CandidateResult> candidates, List<ClusterBalance> clusters,
                             int recomputed) {
    public ScenarioResult {
        candidates = List.copyOf(candidates);
        clusters = List.copyOf(clusters);
    }
}
