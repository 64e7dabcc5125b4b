package nl.ruimteschets.model;

/**
 * Per-candidate values that replace the profile's; null means "use the profile".
 *
 * @param nettoBrutoRatio replaces the profile ratio
 * @param noxKgYr absolute NOx emission of the whole candidate, kg/yr
 * @param nh3KgYr absolute NH₃ emission of the whole candidate, kg/yr
 * @param noiseLw replaces L_W'' in dB(A)/m²
 */
public record CandidateOverrides(Double nettoBrutoRatio, Double noxKgYr, Double nh3KgYr, Double noiseLw) {
    public static final CandidateOverrides NONE = new CandidateOverrides(null, null, null, null);

    public boolean isEmpty() {
        return nettoBrutoRatio == null && noxKgYr == null && nh3KgYr == null && noiseLw == null;
    }
}
