package nl.ruimteschets.analysis;

/**
 * The yearly nitrogen emission of one candidate and the height it is released at.
 *
 * @param noxKgYr NOx (as NO₂) in kg/yr, ≥ 0
 * @param nh3KgYr NH₃ in kg/yr, ≥ 0
 * @param heightM emission height in m (the OPS table is clamped to 2–150 m)
 * @param heatMw heat content of the flue gas in MW (0 for a cold source; the OPS table has 5 and 20 MW rows)
 */
public record NitrogenEmission(double noxKgYr, double nh3KgYr, double heightM, double heatMw) {
    public NitrogenEmission {
        if (!(noxKgYr >= 0) || !(nh3KgYr >= 0)) throw new IllegalArgumentException("emissions must be ≥ 0");
        if (!Double.isFinite(heightM)) throw new IllegalArgumentException("emission height must be finite");
        if (!(heatMw >= 0) || !Double.isFinite(heatMw)) throw new IllegalArgumentException("heat content must be ≥ 0");
    }

    /** A cold source (no heat content). */
    public NitrogenEmission(double noxKgYr, double nh3KgYr, double heightM) {
        this(noxKgYr, nh3KgYr, heightM, 0);
    }

    /** Moles of N emitted per year. */
    public double molNPerYr() {
        return noxKgYr / 1000.0 * Substance.MOL_N_PER_TONNE_NOX + nh3KgYr / 1000.0 * Substance.MOL_N_PER_TONNE_NH3;
    }
}
