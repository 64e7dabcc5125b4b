package nl.ruimteschets.analysis;

/**
 * The yearly nitrogen emission of one candidate and the height it is released at.
 *
 * @param noxKgYr NOx (as NO₂) in kg/yr, ≥ 0
 * @param nh3KgYr NH₃ in kg/yr, ≥ 0
 * @param heightM emission height in m (the OPS table is clamped to 2–150 m)
 */
public record NitrogenEmission(double noxKgYr, double nh3KgYr, double heightM) {
    public NitrogenEmission {
        if (!(noxKgYr >= 0) || !(nh3KgYr >= 0)) throw new IllegalArgumentException("emissions must be ≥ 0");
        if (!Double.isFinite(heightM)) throw new IllegalArgumentException("emission height must be finite");
    }

    /** Moles of N emitted per year. */
    public double molNPerYr() {
        return noxKgYr / 1000.0 * Substance.MOL_N_PER_TONNE_NOX + nh3KgYr / 1000.0 * Substance.MOL_N_PER_TONNE_NH3;
    }
}
