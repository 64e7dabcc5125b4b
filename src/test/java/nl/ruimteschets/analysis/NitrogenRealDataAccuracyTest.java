package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The live model's shortcuts (lumped source blocks, the polar lattice, the band lattice near the 25 km cut) against
 * the plain per-cell sum with the per-cell cut, on the sample's real Natura 2000 (the Voordelta beside the
 * Maasvlakte: about 48,000 hexagons within 25 km) for the sample's Maasvlakte and Moerdijk candidates, through
 * {@link NitrogenModel#evaluate} as the engine calls it. The stated error of the approximation:
 * <ul>
 * <li>every hexagon within 1 % of the per-cell sum where no cell is beyond 25 km, and within 4 % of the uncut
 *     field where some are (the per-cell cut is a staircase there: a row of cells drops out every cell size);</li>
 * <li>the maximum within 1 % (the same where it lies near the source, where cells are summed directly), at the
 *     same hexagon;</li>
 * <li>the total within 0.1 %; hexagons at or above the 0.005 cut and hexagons over the KDW within 0.1 %.</li>
 * </ul>
 */
class NitrogenRealDataAccuracyTest {
    static Project sample;
    static NitrogenModel model;
    static final OpsTable OPS = OpsTable.load();
    /** Chemie (Brzo) at 130 net ha, as in the engine benchmark; background such that the KDW test counts thousands. */
    static final NitrogenEmission EMISSION = new NitrogenEmission(260_000, 6_500, 30, 0);
    static final double BACKGROUND = 1000.0;

    @BeforeAll
    static void load() {
        sample = SampleProject.build();
        List<Layer> natura = sample.layers().stream().filter(l -> l.role() == LayerRole.NATURA2000).toList();
        model = new NitrogenModel(natura, OPS);
    }

    static Candidate site(String prefix) {
        return sample.scenarios().get(0).candidates().stream().filter(c -> c.name().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void maasvlakteBesideTheVoordelta() {
        check(site("Maasvlakte"), 40_000);
    }

    @Test
    void moerdijk() {
        check(site("Moerdijk"), 10_000);
    }

    private static void check(Candidate c, int atLeastHexagons) {
        Map<Long, Double> live = new HashMap<>();
        NitrogenIndicators r = model.evaluate(c, EMISSION, BACKGROUND, RingStatistic.MEAN,
                (id, x, y, d) -> live.put(id, d));

        AreaSource src = AreaSource.of(c.footprint());
        DirectionalKernel nox = OPS.directionalKernel(Substance.NOX, 30, 0), nh3 = OPS.directionalKernel(Substance.NH3, 30, 0);
        DepositionField field = new DepositionField(src, nox, 260, nh3, 6.5);
        Envelope reach = new Envelope(src.envelope);
        reach.expandBy(OpsTable.MAX_DISTANCE_M);
        double cut2 = OpsTable.MAX_DISTANCE_M * OpsTable.MAX_DISTANCE_M;
        double max = 0, total = 0, worstInside = 0, worstBand = 0;
        long maxId = 0;
        int count = 0, exceeded = 0, compared = 0;
        for (Natura2000Receptors.Area a : model.receptors().query(reach)) {
            if (!a.sensitive()) continue;
            double[] xs = a.xs(), ys = a.ys();
            for (int i = 0; i < xs.length; i++) {
                double x = xs[i], y = ys[i];
                if (field.envelopeDistance2(x, y) > cut2) continue;
                double exact = field.exact(x, y), farthest2 = 0;
                for (int k = 0; k < src.x.length; k++) {
                    double dx = x - src.x[k], dy = y - src.y[k];
                    farthest2 = Math.max(farthest2, dx * dx + dy * dy);
                }
                double got = live.getOrDefault(HexLattice.idAt(x, y), 0.0);
                if (exact >= NitrogenModel.CUT_MOL_HA_YR) {
                    count++;
                    total += exact;
                    if (a.kdw() != null && BACKGROUND + exact > a.kdw()) exceeded++;
                    if (exact > max) {
                        max = exact;
                        maxId = HexLattice.idAt(x, y);
                    }
                }
                // Hexagons below the cut are not reported live; compare where either side reports one.
                if (exact < NitrogenModel.CUT_MOL_HA_YR && got == 0) continue;
                compared++;
                if (farthest2 > cut2) {
                    double uncut = 0;
                    for (int k = 0; k < src.x.length; k++) uncut += src.w[k] * nox.atOffset(x - src.x[k], y - src.y[k], 260, nh3, 6.5);
                    worstBand = Math.max(worstBand, Math.abs(got - exact) / uncut);
                }
                else worstInside = Math.max(worstInside, Math.abs(got / exact - 1));
            }
        }
        System.out.printf(java.util.Locale.ROOT, "%s: %d hexagons; worst %.4f relative (all cells within 25 km), %.4f of the uncut "
                + "field (near the cut); max %.5f / %.5f, total %.2f / %.2f, above the cut %d / %d, over the KDW %d / %d "
                + "(live / per-cell sum)%n", c.name(), compared, worstInside, worstBand, r.maxDepositionMolHaYr(), max,
                r.totalDepositionMolYr(), total, r.hexagonsAboveCut(), count, r.kdwExceededHexagons(), exceeded);
        assertTrue(compared >= atLeastHexagons, "hexagons compared: " + compared);
        assertTrue(worstInside <= 0.01, "largest relative difference where every cell is within 25 km: " + worstInside);
        assertTrue(worstBand <= 0.04, "largest difference near the cut, relative to the uncut field: " + worstBand);
        assertEquals(max, r.maxDepositionMolHaYr(), 0.01 * max, "maximum");
        assertEquals(maxId, HexLattice.idAt(r.maxX(), r.maxY()), "the maximum's hexagon");
        assertEquals(total, r.totalDepositionMolYr(), 0.001 * total, "total");
        assertEquals(count, r.hexagonsAboveCut(), 0.001 * count, "hexagons at or above the cut");
        assertEquals(exceeded, r.kdwExceededHexagons(), Math.max(1, 0.001 * exceeded), "hexagons over the KDW");
    }
}
