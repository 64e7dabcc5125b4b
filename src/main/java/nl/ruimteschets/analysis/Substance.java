package nl.ruimteschets.analysis;

/**
 * The two nitrogen compounds of the screening model, with the unit conversion from emitted tonnes to
 * moles of nitrogen (DOMAIN.md §3.2). NOx is expressed as NO₂ (46 g/mol), the Dutch reporting
 * convention; NH₃ is 17 g/mol. Each molecule carries one N atom.
 */
public enum Substance {
    NOX("NOx", 46.0),
    NH3("NH3", 17.0);

    /** 1 t NOx (as NO₂) = 10⁶ g / 46 g/mol = 21,739 mol N. */
    public static final double MOL_N_PER_TONNE_NOX = 1.0e6 / 46.0;
    /** 1 t NH₃ = 10⁶ g / 17 g/mol = 58,824 mol N. */
    public static final double MOL_N_PER_TONNE_NH3 = 1.0e6 / 17.0;
    /** Molar mass of N; 1 mol N/ha/yr = 0.014 kg N/ha/yr. */
    public static final double N_G_PER_MOL = 14.0;

    private final String csvName;
    private final double molarMassGPerMol;

    Substance(String csvName, double molarMassGPerMol) {
        this.csvName = csvName;
        this.molarMassGPerMol = molarMassGPerMol;
    }

    /** The substance's name in the OPS table's {@code substance} column. */
    public String csvName() { return csvName; }

    public double molarMassGPerMol() { return molarMassGPerMol; }

    /** Moles of N in one tonne of the emitted compound. */
    public double molNPerTonne() { return 1.0e6 / molarMassGPerMol; }

    static Substance fromCsv(String s) {
        for (Substance v : values()) if (v.csvName.equalsIgnoreCase(s.trim())) return v;
        throw new IllegalArgumentException("unknown substance in OPS table: " + s);
    }
}
