package nl.ruimteschets.io;

import java.util.List;
import java.util.Locale;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.IndicatorStates;
import nl.ruimteschets.analysis.IndicatorStates.State;
import nl.ruimteschets.analysis.NitrogenIndicators;
import nl.ruimteschets.analysis.NoiseIndicators;
import nl.ruimteschets.analysis.SafetyIndicators;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;

/**
 * A candidate's indicator results as flat attributes, the one definition shared by the exported
 * candidate tables (so QGIS users see what the planner saw) and the command line's text table:
 * net ha (gross is the candidate's own attribute), zone growth, sensitive objects in the noise contour, PR 10⁻⁶ conflicts, the
 * highest deposition and where, the total deposition, and the screening verdict (the worst indicator
 * state by {@link IndicatorStates}). Names are at most 10 characters, so a shapefile keeps them whole.
 * Values are rounded as the models can honestly claim. Stateless and thread-safe.
 */
public final class CandidateIndicators {
    public static final List<Field> FIELDS = List.of(
            new Field("netto_ha", FieldType.REAL),
            new Field("zone_ha", FieldType.REAL), new Field("gev_geluid", FieldType.INTEGER),
            new Field("pr_conflct", FieldType.INTEGER), new Field("max_dep", FieldType.REAL),
            new Field("max_waar", FieldType.TEXT), new Field("totaal_n", FieldType.REAL),
            new Field("screening", FieldType.TEXT));

    private CandidateIndicators() { }

    /** Values in the order of {@link #FIELDS}; indicators the candidate has not got (no profile) are null. */
    public static Object[] values(CandidateResult r) {
        NoiseIndicators n = r.noise();
        SafetyIndicators s = r.safety();
        NitrogenIndicators ni = r.nitrogen();
        return new Object[] {
            round(r.netHa(), 2),
            n == null ? null : round(n.zoneGrowthHa(), 2), n == null ? null : (long) n.sensitiveCount(),
            s == null ? null : (long) s.limitConflicts().size(),
            ni == null ? null : round(ni.maxDepositionMolHaYr(), 2), ni == null ? null : ni.maxArea(),
            ni == null ? null : round(ni.totalDepositionMolYr(), 2), stateNl(state(r))};
    }

    /** The candidate's screening verdict: the worst of its area, noise, safety and nitrogen states. */
    public static State state(CandidateResult r) {
        State st = IndicatorStates.netArea(r.netHa(), r.overlap().grossHa());
        if (r.noise() != null) {
            st = st.worse(IndicatorStates.count(r.noise().sensitiveCount(), State.CONFLICT))
                    .worse(IndicatorStates.areaAttention(r.noise().zoneGrowthHa()));
        }
        if (r.safety() != null) {
            SafetyIndicators s = r.safety();
            st = st.worse(IndicatorStates.count(s.limitConflicts().size(), State.CONFLICT))
                    .worse(IndicatorStates.count(s.weighCount(), State.ATTENTION))
                    .worse(IndicatorStates.count((long) s.brandCount() + s.explosieCount() + s.gifwolkCount(), State.ATTENTION));
        }
        if (r.nitrogen() != null) st = st.worse(IndicatorStates.nitrogen(r.nitrogen()));
        return st;
    }

    /** "in orde", "aandacht", "conflict": the values in exported files, Dutch like the rest of the attributes. */
    public static String stateNl(State s) {
        return switch (s) {
            case OK -> "in orde";
            case ATTENTION -> "aandacht";
            case CONFLICT -> "conflict";
        };
    }

    /** "uitbreiding" or "satelliet". */
    public static String kindNl(CandidateKind k) {
        return k == CandidateKind.EXPANSION ? "uitbreiding" : "satelliet";
    }

    /** The state or kind in the user's language, for text output. */
    public static String stateText(State s, Locale locale) {
        if (!locale.getLanguage().equals("en")) return stateNl(s);
        return switch (s) {
            case OK -> "in order";
            case ATTENTION -> "attention";
            case CONFLICT -> "conflict";
        };
    }

    public static String kindText(CandidateKind k, Locale locale) {
        if (!locale.getLanguage().equals("en")) return kindNl(k);
        return k == CandidateKind.EXPANSION ? "expansion" : "satellite";
    }

    private static Double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
