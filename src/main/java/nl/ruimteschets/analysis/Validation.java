package nl.ruimteschets.analysis;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Runs a {@link ValidationCase} through the project's own models — the same code the live engine uses —
 * at exactly the case's receivers, and compares with the reference model.
 *
 * <p>Noise: level L (dB(A)) from {@link NoiseModel#levelsAt}; within tolerance = |Δ| ≤ 1.5 dB; figures over
 * the {@code edge} receivers 100 m–3 km (all receivers when the case has no such rows); the contour offsets
 * are the distances from the reference model's L_den 50 / L_night 40 crossing points to the boundary of the
 * project's own contour polygons. Nitrogen: deposition from {@link NitrogenModel#depositionAt}; within
 * tolerance = ratio within ×1.5 either way; percentiles of project ÷ reference; the maximum with its place
 * and the reference value there; totals over all receptors (1 ha each).
 * Thread safety: stateless; each call builds its own models.
 */
public final class Validation {
    public static final double NOISE_TOLERANCE_DB = 1.5;
    public static final double NITROGEN_TOLERANCE_RATIO = 1.5;

    private Validation() { }

    /**
     * Figures of one case; fields that do not apply to its kind are NaN.
     *
     * @param receivers receivers compared
     * @param withinTolerance share of them within tolerance, 0..1
     */
    public record Result(String caseName, String kind, int receivers, double withinTolerance,
                         double meanDiffDb, double medianDiffDb, double rmsDb, double maxAbsDb,
                         double medianRatio, double p5Ratio, double p95Ratio,
                         double maxValue, double maxX, double maxY, double referenceAtMax,
                         double referenceMax, double referenceMaxX, double referenceMaxY, double maxRatio,
                         double maxDistanceM, double total, double referenceTotal, double totalRatio,
                         double lden50OffsetM, double lnight40OffsetM) {
        /** The figures as a JSON-ready map with the keys of the {@code validate --json} output. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", caseName);
            m.put("kind", kind);
            m.put("receivers", receivers);
            m.put("within_tolerance", round(withinTolerance, 4));
            if (kind.equals("noise")) {
                m.put("tolerance_db", NOISE_TOLERANCE_DB);
                m.put("mean_diff_db", round(meanDiffDb, 3));
                m.put("median_diff_db", round(medianDiffDb, 3));
                m.put("rms_db", round(rmsDb, 3));
                m.put("max_abs_db", round(maxAbsDb, 3));
                m.put("max_abs_at_rd", new double[] {round(maxX, 1), round(maxY, 1)});
                m.put("level_at_max_abs_dba", round(maxValue, 2));
                m.put("reference_at_max_abs_dba", round(referenceAtMax, 2));
                m.put("lden50_contour_offset_m", round(lden50OffsetM, 1));
                m.put("lnight40_contour_offset_m", round(lnight40OffsetM, 1));
            } else {
                m.put("tolerance_ratio", NITROGEN_TOLERANCE_RATIO);
                m.put("median_ratio", round(medianRatio, 4));
                m.put("p5_ratio", round(p5Ratio, 4));
                m.put("p95_ratio", round(p95Ratio, 4));
                m.put("max_mol_n_per_ha_yr", round(maxValue, 5));
                m.put("max_at_rd", new double[] {round(maxX, 1), round(maxY, 1)});
                m.put("reference_at_max_mol_n_per_ha_yr", round(referenceAtMax, 5));
                m.put("reference_max_mol_n_per_ha_yr", round(referenceMax, 5));
                m.put("reference_max_at_rd", new double[] {round(referenceMaxX, 1), round(referenceMaxY, 1)});
                m.put("max_ratio", round(maxRatio, 4));
                m.put("max_distance_m", round(maxDistanceM, 1));
                m.put("total_mol_n_per_yr", round(total, 3));
                m.put("reference_total_mol_n_per_yr", round(referenceTotal, 3));
                m.put("total_ratio", round(totalRatio, 4));
            }
            return m;
        }
    }

    public static Result run(ValidationCase c) {
        return c.noise() ? noise(c) : nitrogen(c);
    }

    static Result nitrogen(ValidationCase c) {
        NitrogenEmission e = new NitrogenEmission(c.number("nox_kg_per_yr", 0), c.number("nh3_kg_per_yr", 0),
                c.number("emission_height_m", 0), c.number("heat_mw", 0));
        double[] got = NitrogenModel.depositionAt(c.source(), e, OpsTable.load(), c.x(), c.y());
        double[] ref = c.reference();
        int n = ref.length, within = 0, iMax = 0, iRef = 0;
        double[] ratio = new double[n];
        double total = 0, refTotal = 0;
        for (int i = 0; i < n; i++) {
            ratio[i] = got[i] / ref[i];
            if (ratio[i] <= NITROGEN_TOLERANCE_RATIO && ratio[i] >= 1 / NITROGEN_TOLERANCE_RATIO) within++;
            total += got[i];
            refTotal += ref[i];
            if (got[i] > got[iMax]) iMax = i;
            if (ref[i] > ref[iRef]) iRef = i;
        }
        double[] sorted = ratio.clone();
        Arrays.sort(sorted);
        double nan = Double.NaN;
        return new Result(c.name(), c.kind(), n, within / (double) n, nan, nan, nan, nan,
                percentile(sorted, 50), percentile(sorted, 5), percentile(sorted, 95),
                got[iMax], c.x()[iMax], c.y()[iMax], ref[iMax], ref[iRef], c.x()[iRef], c.y()[iRef], got[iMax] / ref[iRef],
                Math.hypot(c.x()[iMax] - c.x()[iRef], c.y()[iMax] - c.y()[iRef]), total, refTotal, total / refTotal, nan, nan);
    }

    static Result noise(ValidationCase c) {
        double lw = c.number("lw_dba_per_m2", 0), g = c.number("ground_g", 0.5), hs = c.number("source_height_m", 5);
        NoiseModel model = new NoiseModel(NoiseKernel.load(), java.util.List.of(), java.util.List.of());
        double[] got = model.levelsAt(c.source(), lw, g, hs, c.x(), c.y());
        double[] ref = c.reference();
        boolean hasEdge = Arrays.asList(c.rowKind()).contains("edge");
        double[] diff = new double[ref.length];
        int n = 0, within = 0, worst = -1;
        double sum = 0, sum2 = 0, maxAbs = 0;
        for (int i = 0; i < ref.length; i++) {
            if (hasEdge && !(c.rowKind()[i].equals("edge") && c.distanceFromEdgeM()[i] >= 100 - 1e-6
                    && c.distanceFromEdgeM()[i] <= 3000 + 1e-6)) continue;
            double d = got[i] - ref[i];
            diff[n++] = d;
            if (Math.abs(d) <= NOISE_TOLERANCE_DB) within++;
            sum += d;
            sum2 += d * d;
            if (Math.abs(d) >= maxAbs) {
                maxAbs = Math.abs(d);
                worst = i;
            }
        }
        double[] sorted = Arrays.copyOf(diff, n);
        Arrays.sort(sorted);
        NoiseIndicators ind = model.evaluate(c.source(), lw, false, g, hs);
        double nan = Double.NaN;
        return new Result(c.name(), c.kind(), n, n == 0 ? 0 : within / (double) n, sum / n, percentile(sorted, 50),
                Math.sqrt(sum2 / n), maxAbs, nan, nan, nan, worst < 0 ? nan : got[worst], worst < 0 ? nan : c.x()[worst],
                worst < 0 ? nan : c.y()[worst], worst < 0 ? nan : ref[worst], nan, nan, nan, nan, nan, nan, nan, nan,
                contourOffset(c, "lden50", 50 - NoiseModel.LDEN_24_7, ind.lden50()), contourOffset(c, "lnight40", 40, ind.lnight40()));
    }

    /**
     * Largest distance from where the reference crosses a contour's level to the project's contour line; NaN
     * when the case has no rows for it. The reference's crossing is interpolated linearly between its
     * receivers along each ray (runs of consecutive {@code kind*} rows, ordered by distance from the edge).
     */
    private static double contourOffset(ValidationCase c, String kind, double levelL, Geometry contour) {
        double worst = Double.NaN;
        Geometry line = contour.getBoundary();
        int i = 0, n = c.x().length;
        while (i < n) {
            if (!c.rowKind()[i].startsWith(kind)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && c.rowKind()[j].startsWith(kind)) j++;
            Integer[] order = new Integer[j - i];
            for (int k = 0; k < order.length; k++) order[k] = i + k;
            Arrays.sort(order, (p, q) -> Double.compare(c.distanceFromEdgeM()[p], c.distanceFromEdgeM()[q]));
            for (int k = 0; k + 1 < order.length; k++) {
                int p = order[k], q = order[k + 1];
                double lp = c.reference()[p], lq = c.reference()[q];
                if ((lp >= levelL) == (lq >= levelL)) continue;
                double t = (lp - levelL) / (lp - lq);
                Point at = contour.getFactory().createPoint(new Coordinate(c.x()[p] + t * (c.x()[q] - c.x()[p]),
                        c.y()[p] + t * (c.y()[q] - c.y()[p])));
                double d = line.isEmpty() ? Double.POSITIVE_INFINITY : line.distance(at);
                worst = Double.isNaN(worst) ? d : Math.max(worst, d);
            }
            i = j;
        }
        return worst;
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double pos = p / 100.0 * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        double t = pos - i;
        return i + 1 < sorted.length ? sorted[i] + t * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
