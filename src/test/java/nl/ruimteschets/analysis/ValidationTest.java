package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The models against independent OPS-LT and NoiseModelling runs of real candidate shapes, at exactly the
 * validation receivers (the shipped cases; provenance in nl/ruimteschets/validation/README.txt), through the
 * same code as {@code ruimteschets validate}. The goals are those of issue #10.
 */
class ValidationTest {
    static Validation.Result run(String name) throws Exception {
        Validation.Result r = Validation.run(ValidationCase.shipped(name));
        System.out.println(r.toJson());
        return r;
    }

    void nitrogenGoals(Validation.Result r) {
        assertTrue(r.withinTolerance() >= 0.90, "≥ 90 % of receptors within ×1.5: " + r.withinTolerance());
        assertTrue(r.medianRatio() >= 0.9 && r.medianRatio() <= 1.1, "median ratio 0.9–1.1: " + r.medianRatio());
        assertTrue(r.maxRatio() >= 1 / 1.2 && r.maxRatio() <= 1.2, "maximum within ×1.2: " + r.maxRatio());
        assertTrue(r.maxDistanceM() <= 500, "maximum within 500 m of OPS's: " + r.maxDistanceM());
        assertTrue(r.totalRatio() >= 1 / 1.2 && r.totalRatio() <= 1.2, "total within ×1.2: " + r.totalRatio());
    }

    void noiseGoals(Validation.Result r) {
        assertTrue(r.receivers() >= 40, "edge receivers 100 m–3 km compared: " + r.receivers());
        assertTrue(r.withinTolerance() == 1.0, "every receiver within ±1.5 dB: " + r.withinTolerance() + ", max " + r.maxAbsDb());
        assertTrue(r.rmsDb() <= 0.5, "RMS ≤ 0.5 dB: " + r.rmsDb());
        assertTrue(r.lden50OffsetM() <= 25, "L_den 50 contour within 25 m: " + r.lden50OffsetM());
        assertTrue(r.lnight40OffsetM() <= 25, "L_night 40 contour within 25 m: " + r.lnight40OffsetM());
    }

    @Test
    void nitrogenMaasvlakte() throws Exception {
        nitrogenGoals(run("ops_maasvlakte.json"));
    }

    @Test
    void nitrogenMoerdijk() throws Exception {
        nitrogenGoals(run("ops_moerdijk.json"));
    }

    @Test
    void noiseCompact200ha() throws Exception {
        noiseGoals(run("noise_compact200ha.json"));
    }

    @Test
    void noiseL100ha() throws Exception {
        noiseGoals(run("noise_L100ha.json"));
    }
}
