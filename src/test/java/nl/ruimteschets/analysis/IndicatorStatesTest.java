package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import nl.ruimteschets.analysis.IndicatorStates.State;
import org.junit.jupiter.api.Test;

class IndicatorStatesTest {

    private static NitrogenIndicators nitrogen(double max, int hexagonsAboveCut, Integer kdwExceeded, double overlapHa) {
        return new NitrogenIndicators(new NitrogenEmission(1000, 500, 10), RingStatistic.MEAN, max, 1, 2,
                max > 0 ? "Biesbosch" : null, max * hexagonsAboveCut, hexagonsAboveCut, hexagonsAboveCut, List.of(),
                kdwExceeded, kdwExceeded, 0, overlapHa);
    }

    @Test
    void nitrogenOnASensitiveSiteIsAttentionAndConflictOnlyAboveTheKdw() {
        assertEquals(State.OK, IndicatorStates.nitrogen(nitrogen(0.004, 0, null, 0)), "below the 0,005 cut: nothing to report");
        assertEquals(State.ATTENTION, IndicatorStates.nitrogen(nitrogen(0.006, 1, null, 0)), "any deposition above the cut");
        assertEquals(State.ATTENTION, IndicatorStates.nitrogen(nitrogen(163, 40, 0, 0)),
                "163 mol/ha/yr with background under the KDW is attention, not conflict");
        assertEquals(State.CONFLICT, IndicatorStates.nitrogen(nitrogen(163, 40, 12, 0)), "background + contribution above the KDW");
        assertEquals(State.CONFLICT, IndicatorStates.nitrogenKdw(nitrogen(0.02, 3, 1, 0)));
        assertEquals(State.CONFLICT, IndicatorStates.nitrogen(nitrogen(0, 0, null, 2.5)), "a footprint inside Natura 2000");
        assertEquals(State.OK, IndicatorStates.nitrogenKdw(nitrogen(0.02, 3, null, 0)), "no background: the KDW cannot be judged");
    }

    @Test
    void aClusterShortIn2050IsNotGreen() {
        // Rotterdam-Moerdijk: covered in 2030, 308 ha short in 2050 (coverage 60 %).
        ClusterBalance b = new ClusterBalance("Rotterdam-Moerdijk", 400, 770, 350, 112, 62, -308, 1.155, 0.6);
        assertEquals(State.OK, IndicatorStates.balance(b.balance2030Ha(), b.coverage2030()));
        assertEquals(State.CONFLICT, IndicatorStates.cluster(b), "the worse of 2030 and 2050");
        ClusterBalance nearly = new ClusterBalance("Chemelot", 100, 110, 80, 10, -10, -20, 0.9, 0.82);
        assertEquals(State.ATTENTION, IndicatorStates.cluster(nearly), "80 % covered or more is attention");
        ClusterBalance shortNow = new ClusterBalance("Noordzeekanaalgebied", 100, 50, 40, 0, -60, -10, 0.4, 0.8);
        assertEquals(State.CONFLICT, IndicatorStates.cluster(shortNow), "short in 2030 counts even when 2050 is nearly covered");
    }

    @Test
    void areasAndCounts() {
        assertEquals(State.OK, IndicatorStates.areaAttention(0.004));
        assertEquals(State.ATTENTION, IndicatorStates.areaAttention(0.5));
        assertEquals(State.ATTENTION, IndicatorStates.netArea(4, 10));
        assertEquals(State.OK, IndicatorStates.netArea(6, 10));
        assertEquals(State.CONFLICT, IndicatorStates.count(1, State.CONFLICT));
        assertEquals(State.OK, IndicatorStates.count(0, State.CONFLICT));
        assertEquals(State.CONFLICT, State.ATTENTION.worse(State.CONFLICT));
        assertEquals(State.ATTENTION, State.ATTENTION.worse(State.OK));
    }
}
