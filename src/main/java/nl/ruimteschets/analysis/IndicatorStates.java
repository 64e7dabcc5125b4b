package nl.ruimteschets.analysis;

/**
 * The state of each indicator (in order / attention / conflict) by the thresholds of DOMAIN.md, in one
 * place so the panel, the presentation and the report judge alike and the rules are tested headless:
 *
 * <ul>
 *   <li>Nitrogen (§3.1): any deposition at or above the 0.005 mol/ha/yr cut on a nitrogen-sensitive
 *       Natura 2000 hexagon is at least attention; background plus contribution above the site's KDW,
 *       or a footprint inside Natura 2000, is a conflict.</li>
 *   <li>Hectare balance (§4.4): a cluster is judged on 2030 and 2050 and gets the worse of the two;
 *       a year is in order when supply covers demand, attention when it covers at least 80 %, else a
 *       conflict.</li>
 *   <li>Net area: attention when less than half of the gross area is usable.</li>
 *   <li>Noise and safety: sensitive objects inside the contour, or (very) vulnerable objects inside PR
 *       10⁻⁶, are a conflict; growth of a zone, objects in an attention area and contours outside the
 *       zone or safety contour are attention (anything over 0.005 ha, the rounding of two decimals).</li>
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class IndicatorStates {
    /** In order, attention, conflict; ordered from best to worst. */
    public enum State {
        OK, ATTENTION, CONFLICT;

        /** The worse of two states. */
        public State worse(State other) { return other.ordinal() > ordinal() ? other : this; }
    }

    /** An area below this rounds to 0,00 ha and is no finding. */
    public static final double AREA_EPSILON_HA = 0.005;
    /** A year's coverage (supply / demand) at or above this, but below 1, is attention rather than conflict. */
    public static final double COVERAGE_ATTENTION = 0.8;
    /** Net area below this share of gross is attention. */
    public static final double NET_SHARE_ATTENTION = 0.5;
    /** Deposition at or above this (mol N/ha/yr) on a sensitive hexagon counts (AERIUS reporting limit). */
    public static final double NITROGEN_CUT_MOL_HA_YR = NitrogenModel.CUT_MOL_HA_YR;

    private IndicatorStates() { }

    /** One year of a cluster's balance: covered, nearly covered (≥ 80 %) or short. */
    public static State balance(double balanceHa, double coverage) {
        if (balanceHa >= 0) return State.OK;
        return coverage >= COVERAGE_ATTENTION ? State.ATTENTION : State.CONFLICT;
    }

    /** A cluster: the worse of its 2030 and 2050 balance. */
    public static State cluster(ClusterBalance b) {
        return balance(b.balance2030Ha(), b.coverage2030()).worse(balance(b.balance2050Ha(), b.coverage2050()));
    }

    public static State netArea(double netHa, double grossHa) {
        return netHa < grossHa * NET_SHARE_ATTENTION ? State.ATTENTION : State.OK;
    }

    /** Any area worth reporting (≥ 0,005 ha) is attention. */
    public static State areaAttention(double ha) {
        return ha > AREA_EPSILON_HA ? State.ATTENTION : State.OK;
    }

    /** Any object counted is {@code ifAny}. */
    public static State count(long n, State ifAny) {
        return n > 0 ? ifAny : State.OK;
    }

    /** Deposition on sensitive Natura 2000 hexagons: attention above the cut, conflict when a KDW is exceeded. */
    public static State nitrogenDeposition(NitrogenIndicators n) {
        if (n.status() == NitrogenIndicators.Status.NOT_REALISABLE) return State.ATTENTION; // no net hectare: nothing to emit
        if (!n.assessed()) return State.OK; // no (sensitive) Natura 2000 within 25 km
        return count(n.hexagonsAboveCut(), State.ATTENTION).worse(nitrogenKdw(n));
    }

    /** Background plus contribution above the KDW on any counted hexagon is a conflict. */
    public static State nitrogenKdw(NitrogenIndicators n) {
        Integer exceeded = n.kdwExceededHexagons();
        return exceeded != null && exceeded > 0 ? State.CONFLICT : State.OK;
    }

    /** Footprint inside Natura 2000 is a conflict. */
    public static State nitrogenOverlap(NitrogenIndicators n) {
        return n.hardConflict() ? State.CONFLICT : State.OK;
    }

    /** The candidate's nitrogen as a whole: the worst of deposition, KDW and overlap. */
    public static State nitrogen(NitrogenIndicators n) {
        return nitrogenDeposition(n).worse(nitrogenOverlap(n));
    }
}
