package nl.ruimteschets.analysis;

import static nl.ruimteschets.analysis.NitrogenFixtures.area;
import static nl.ruimteschets.analysis.NitrogenFixtures.box;
import static nl.ruimteschets.analysis.NitrogenFixtures.candidate;
import static nl.ruimteschets.analysis.NitrogenFixtures.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The direction-aware field: its shortcuts against the plain per-cell sum, and the 25 km cut per cell. */
class DepositionFieldTest {
    final OpsTable ops = OpsTable.load();

    /**
     * Within 1 % of the per-cell sum where every cell is within 25 km; where some are beyond (the band lattice),
     * within 4 % of the uncut field: the per-cell cut drops a row of cells every cell size.
     */
    @Test
    void latticeAndLumpingStayWithinTheirStatedErrorOfThePerCellSum() throws Exception {
        Geometry g = new WKTReader().read("POLYGON ((99000 409300, 101000 409840, 101250 409100, 99250 408560, 99000 409300))");
        DirectionalKernel k = ops.directionalKernel(Substance.NOX, 15, 0).combine(56.5, ops.directionalKernel(Substance.NH3, 15, 0), 2.3);
        AreaSource src = AreaSource.of(g);
        DepositionField f = new DepositionField(src, k);
        Random rnd = new Random(3);
        double worst = 0, worstBand = 0;
        int band = 0;
        for (int i = 0; i < 4000; i++) {
            double r = 200 + rnd.nextDouble() * 26_000, a = rnd.nextDouble() * 2 * Math.PI;
            double x = 100_100 + r * Math.sin(a), y = 409_200 + r * Math.cos(a);
            double exact = f.exact(x, y);
            if (exact == 0) continue;
            if (someCellBeyondTheCut(src, x, y)) {
                band++;
                worstBand = Math.max(worstBand, Math.abs(f.at(x, y) - exact) / uncut(src, k, x, y));
            } else {
                worst = Math.max(worst, Math.abs(f.at(x, y) / exact - 1));
            }
        }
        assertTrue(worst < 0.01, "largest relative difference " + worst);
        assertTrue(band > 100, "receptors near the cut: " + band);
        assertTrue(worstBand < 0.04, "largest difference near the cut, relative to the uncut field " + worstBand);
    }

    static boolean someCellBeyondTheCut(AreaSource src, double x, double y) {
        for (int i = 0; i < src.x.length; i++) {
            if (Math.hypot(x - src.x[i], y - src.y[i]) > OpsTable.MAX_DISTANCE_M) return true;
        }
        return false;
    }

    static double uncut(AreaSource src, DirectionalKernel k, double x, double y) {
        double uncut = 0;
        for (int i = 0; i < src.x.length; i++) uncut += src.w[i] * k.atOffset(x - src.x[i], y - src.y[i]);
        return uncut;
    }

    /** Receptors 24–26 km away see exactly the cells within 25 km of them, not a lumped block's all-or-nothing. */
    @Test
    void theCutAppliesToEachCell() throws Exception {
        Geometry g = box(0, 0, 3000, 1000);
        DirectionalKernel k = ops.directionalKernel(Substance.NOX, 5, 0);
        AreaSource src = AreaSource.of(g);
        DepositionField f = new DepositionField(src, k);
        for (double x = 3000 + 23_500; x <= 3000 + 25_000; x += 97) {
            double exact = f.exact(x, 500);
            assertEquals(exact, f.at(x, 500), 0.04 * uncut(src, k, x, 500) + 1e-12, "x " + x); // the band's stated error
        }
        // Partly cut: some cells of the source are beyond 25 km, so less than the uncut field.
        double px = 3000 + 24_000;
        double uncut = uncut(src, k, px, 500);
        assertTrue(f.at(px, 500) < 0.8 * uncut && f.at(px, 500) > 0.2 * uncut);
        assertEquals(0.0, f.at(-25_001, 500));
    }

    @Test
    void insensitiveSitesAreListedNotAssessed() {
        Layer l = new Layer("n2000", LayerRole.NATURA2000,
                List.of(new Field("naam", FieldType.TEXT), new Field("gevoelig", FieldType.TEXT)),
                List.of(new Feature(1, box(2000, 0, 4000, 1000), new Object[] {"Duinen", "1"}),
                        new Feature(2, box(-4000, 0, -2000, 1000), new Object[] {"Meer", "0"})),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_NITROGEN_SENSITIVE, "gevoelig"), "test", null);
        NitrogenIndicators r = model(l).evaluate(candidate(box(0, 0, 1000, 1000)), new NitrogenEmission(20_000, 1000, 5),
                1000.0, RingStatistic.MEAN, null);
        assertEquals(NitrogenIndicators.Status.ASSESSED, r.status());
        assertEquals(List.of("Duinen"), r.areas().stream().map(NitrogenIndicators.AreaDeposition::name).toList());
        assertEquals(List.of("Meer"), r.insensitiveAreas());
        assertEquals("Duinen", r.maxArea());
        // Duinen has no KDW: the exceedance cannot be judged, it is not 0.
        assertEquals(NitrogenIndicators.KdwState.NOT_ASSESSABLE, r.kdwState());
        assertEquals(r.hexagonsAboveCut(), r.hexagonsWithoutKdw());
    }

    @Test
    void noSiteWithin25KmIsAStateNotZero() {
        NitrogenIndicators far = model(NitrogenFixtures.natura(area("Ver", "714", box(40_000, 0, 42_000, 1000))))
                .evaluate(candidate(box(0, 0, 1000, 1000)), new NitrogenEmission(20_000, 1000, 5));
        assertEquals(NitrogenIndicators.Status.NO_NATURA2000_WITHIN_25KM, far.status());
        Layer onlyInsensitive = new Layer("n2000", LayerRole.NATURA2000,
                List.of(new Field("naam", FieldType.TEXT), new Field("gevoelig", FieldType.TEXT)),
                List.of(new Feature(1, box(2000, 0, 4000, 1000), new Object[] {"Meer", "nee"})),
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_NITROGEN_SENSITIVE, "gevoelig"), "test", null);
        assertEquals(NitrogenIndicators.Status.NO_SENSITIVE_NATURA2000_WITHIN_25KM, model(onlyInsensitive)
                .evaluate(candidate(box(0, 0, 1000, 1000)), new NitrogenEmission(20_000, 1000, 5)).status());
    }
}
