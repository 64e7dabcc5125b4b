package nl.ruimteschets.analysis;

import nl.ruimteschets.model.Candidate;

/**
 * Every indicator of one candidate, computed from one version of it. Immutable.
 *
 * @param noise null when the candidate has no activity profile
 * @param safety null when the candidate has no activity profile
 * @param nitrogen null when the candidate has no activity profile
 * @param netHa net hectares counted in the hectare balance
 */
public record CandidateResult(Candidate candidate, CandidateOverlap overlap, NoiseIndicators noise,
                              SafetyIndicators safety, NitrogenIndicators nitrogen, double netHa) { }
