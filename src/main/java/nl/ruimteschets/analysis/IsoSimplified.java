package nl.ruimteschets.analysis;

/**
 * The simplified A-weighted ISO 9613-2 propagation (DOMAIN.md §1.3, eq. 10 and 11, with C_met), kept
 * as an analytic cross-check of the CNOSSOS kernel on porous ground. Not used for results: on hard
 * ground it under-predicts by 2–12 dB because it has no ground factor.
 */
public final class IsoSimplified {
    /** Air absorption for A-weighted screening, dB/km (500 Hz value) [K]. */
    public static final double ALPHA_DB_PER_KM = 2.0;
    /** Meteorological correction constant C0, dB [K]. */
    public static final double C0 = 2.0;

    private IsoSimplified() { }

    /** Long-term level (dB(A)) at horizontal distance dp (m) from a point source of L_W (dB(A)). */
    public static double level(double lw, double dp, double hs, double hr) {
        double d = Math.sqrt(dp * dp + (hs - hr) * (hs - hr));
        double aDiv = 20 * Math.log10(d) + 11;
        double aAtm = ALPHA_DB_PER_KM * d / 1000;
        double hm = (hs + hr) / 2;
        double aGr = Math.max(0, 4.8 - (2 * hm / d) * (17 + 300 / d));
        double dOmega = 10 * Math.log10(1 + (dp * dp + (hs - hr) * (hs - hr)) / (dp * dp + (hs + hr) * (hs + hr)));
        double cMet = dp <= 10 * (hs + hr) ? 0 : C0 * (1 - 10 * (hs + hr) / dp);
        return lw + dOmega - aDiv - aAtm - aGr - cMet;
    }
}
