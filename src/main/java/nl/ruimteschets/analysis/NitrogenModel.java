package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Nitrogen deposition screening of one candidate on Natura 2000 (DOMAIN.md §3.4): the candidate is an
 * {@link AreaSource} (≈1-ha cells sharing the emission by area), each cell a point source of the OPS
 * table ({@link OpsTable}); receptors are the 1-ha hexagons of {@link HexLattice} inside Natura 2000
 * ({@link Natura2000Receptors}) within 25 km. Not an AERIUS calculation: results carry
 * {@link NitrogenIndicators#LABEL_NL}.
 *
 * <p>Speed, for live editing: hexagon centres are found once per area and cached; per edit only the
 * areas whose envelope comes within 25 km are visited, and inside them only the x-range within reach;
 * the kernel is a 10-m distance × 10° bearing lookup table with NOx and NH₃ combined in the profile's ratio (built
 * once per profile, {@link OpsTable#directionalKernel(double, double, double)}), and away from the source the field
 * is interpolated from a polar lattice, near the 25 km cut from a finer band lattice ({@link DepositionField}; its
 * error against the per-cell sum is stated there and held by a test on the real Natura 2000).
 *
 * <p>Inputs: the NATURA2000 layers (must not change afterwards). Failure: a candidate without area
 * throws {@link IllegalArgumentException}. Thread safety: {@link #evaluate} may run concurrently from
 * several threads; the model holds no per-call state.
 */
public final class NitrogenModel {
    /** AERIUS reporting limit, mol N/ha/yr: smaller contributions are reported as 0.00. */
    public static final double CUT_MOL_HA_YR = 0.005;

    /** Receives every hexagon at or above the cut, e.g. to draw the deposition map. */
    @FunctionalInterface
    public interface HexagonSink {
        void accept(long hexagonId, double x, double y, double depositionMolHaYr);
    }

    private final OpsTable table;
    private final Natura2000Receptors receptors;
    private final List<LayerIndex> overlapIndexes = new ArrayList<>();

    public NitrogenModel(Collection<Layer> natura2000Layers, OpsTable table) {
        this.table = Objects.requireNonNull(table);
        this.receptors = new Natura2000Receptors(natura2000Layers);
        for (Layer l : natura2000Layers) overlapIndexes.add(new LayerIndex(l));
    }

    /**
     * A model over the project's NATURA2000 layers (a layer in the database read whole, see
     * {@link nl.ruimteschets.geo.WholeLayers}) and the shipped OPS table.
     */
    public static NitrogenModel forProject(Project p) {
        return new NitrogenModel(p.layers(LayerRole.NATURA2000).stream()
                .map(l -> nl.ruimteschets.geo.WholeLayers.read(l, nl.ruimteschets.geo.WholeLayers.MAX_FEATURES)).toList(), OpsTable.load());
    }

    public Natura2000Receptors receptors() { return receptors; }

    /**
     * The candidate's emission: the absolute overrides where set, else the profile's kg/ha/yr × net ha.
     * The caller decides the net hectares (gross × netto/bruto ratio, possibly less constrained land).
     *
     * @param profile the candidate's activity profile (gives the emission height); required
     */
    public static NitrogenEmission emission(Candidate c, ActivityProfile profile, double netHa) {
        Objects.requireNonNull(profile, "activity profile");
        CandidateOverrides o = c.overrides();
        double nox = o.noxKgYr() != null ? o.noxKgYr() : profile.noxKgPerHaYr() * netHa;
        double nh3 = o.nh3KgYr() != null ? o.nh3KgYr() : profile.nh3KgPerHaYr() * netHa;
        return new NitrogenEmission(nox, nh3, profile.emissionHeightM(), profile.heatMw());
    }

    /** Direction-aware screening without background (no KDW test) and without a hexagon sink. */
    public NitrogenIndicators evaluate(Candidate c, NitrogenEmission e) {
        return evaluate(c, e, null, RingStatistic.MEAN, null);
    }

    /**
     * @param backgroundMolHaYr uniform background deposition for the KDW test, or null to skip it
     * @param stat {@link RingStatistic#MEAN}: the direction-aware screening value (mean × bearing factor);
     *        {@link RingStatistic#MAX}: the worst-direction bound (ring maximum in every direction)
     * @param sink receives hexagons at or above the cut; may be null
     */
    public NitrogenIndicators evaluate(Candidate c, NitrogenEmission e, Double backgroundMolHaYr,
                                       RingStatistic stat, HexagonSink sink) {
        AreaSource src = AreaSource.of(c.footprint());
        Deposition dep = deposition(src, e, stat);
        Accumulator acc = new Accumulator(backgroundMolHaYr, sink);
        if (e.noxKgYr() > 0 || e.nh3KgYr() > 0) scan(src, dep, acc);
        else scan(src, (x, y) -> 0.0, acc); // still find the sites within reach: "nothing deposited" ≠ "no site"
        return acc.result(e, stat, overlapHa(c));
    }

    /** Deposition in mol N/ha/yr at a point, for one source and emission. */
    @FunctionalInterface
    interface Deposition {
        double at(double x, double y);
    }

    /**
     * The candidate's deposition at arbitrary points (the validation receptors), through exactly the code
     * the hexagons use.
     */
    public static double[] depositionAt(Geometry footprint, NitrogenEmission e, OpsTable table, double[] xs, double[] ys) {
        Deposition dep = deposition(AreaSource.of(footprint), e, table, RingStatistic.MEAN);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = dep.at(xs[i], ys[i]);
        return out;
    }

    private Deposition deposition(AreaSource src, NitrogenEmission e, RingStatistic stat) {
        return deposition(src, e, table, stat);
    }

    private static Deposition deposition(AreaSource src, NitrogenEmission e, OpsTable table, RingStatistic stat) {
        double nox = e.noxKgYr() / 1000.0, nh3 = e.nh3KgYr() / 1000.0;
        if (stat == RingStatistic.MEAN) {
            // One combined table (NOx + ratio × NH₃) per profile: half the table reads of weighing the two per cell.
            DirectionalKernel k = nox > 0 ? table.directionalKernel(e.heightM(), e.heatMw(), nh3 / nox)
                    : table.directionalKernel(Substance.NH3, e.heightM(), e.heatMw());
            DepositionField field = new DepositionField(src, k, nox > 0 ? nox : nh3, k, 0);
            return field::at;
        }
        DepositionKernel k = table.kernel(stat, Substance.NOX, e.heightM(), e.heatMw())
                .combine(nox, table.kernel(stat, Substance.NH3, e.heightM(), e.heatMw()), nh3);
        return (x, y) -> src.deposition(k, x, y);
    }

    private void scan(AreaSource src, Deposition dep, Accumulator acc) {
        Envelope env = src.envelope;
        Envelope reach = new Envelope(env);
        reach.expandBy(OpsTable.MAX_DISTANCE_M);
        double reach2 = OpsTable.MAX_DISTANCE_M * OpsTable.MAX_DISTANCE_M;
        double minX = env.getMinX(), maxX = env.getMaxX(), minY = env.getMinY(), maxY = env.getMaxY();
        for (Natura2000Receptors.Area a : receptors.query(reach)) {
            double[] xs = a.xs(), ys = a.ys();
            boolean any = false;
            AreaTotals t = acc.totals(a);
            for (int i = lowerBound(xs, reach.getMinX()); i < xs.length && xs[i] <= reach.getMaxX(); i++) {
                double x = xs[i], y = ys[i];
                if (y < reach.getMinY() || y > reach.getMaxY()) continue;
                double ex = Math.max(0, Math.max(minX - x, x - maxX));
                double ey = Math.max(0, Math.max(minY - y, y - maxY));
                if (ex * ex + ey * ey > reach2) continue; // every cell lies inside env, so all are > 25 km
                any = true;
                if (!a.sensitive()) break; // shown, not assessed: knowing it is within reach is enough
                acc.add(t, a, x, y, dep.at(x, y));
            }
            if (any) acc.within25Km(a);
        }
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** Footprint inside Natura 2000, ha; a point satellite's circle is scaled to its stated area. */
    private double overlapHa(Candidate c) {
        Geometry fp = c.footprint();
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : overlapIndexes) {
            Geometry o = li.overlap(fp);
            if (!o.isEmpty()) parts.add(o);
        }
        if (parts.isEmpty()) return 0.0;
        double ha = UnaryUnionOp.union(parts).getArea() / 10_000.0;
        return c.isPoint() ? ha * c.grossAreaHa() / (fp.getArea() / 10_000.0) : ha;
    }

    /** Running figures of one area within one call. */
    private static final class AreaTotals {
        double max;
        int count;
    }

    /** Per-call running totals; never shared between calls. */
    private static final class Accumulator {
        final Double background;
        final HexagonSink sink;
        final Map<Natura2000Receptors.Area, AreaTotals> areas = new LinkedHashMap<>();
        final List<String> insensitive = new ArrayList<>();
        boolean sensitiveWithin25Km;
        double max, maxX = Double.NaN, maxY = Double.NaN, total;
        String maxArea;
        int count, exceeded, newlyExceeded, withoutKdw;

        Accumulator(Double background, HexagonSink sink) {
            this.background = background;
            this.sink = sink;
        }

        AreaTotals totals(Natura2000Receptors.Area a) {
            return areas.computeIfAbsent(a, k -> new AreaTotals());
        }

        void within25Km(Natura2000Receptors.Area a) {
            if (a.sensitive()) sensitiveWithin25Km = true;
            else if (!insensitive.contains(a.name())) insensitive.add(a.name());
        }

        void add(AreaTotals t, Natura2000Receptors.Area a, double x, double y, double d) {
            if (d > max) {
                max = d;
                maxX = x;
                maxY = y;
                maxArea = a.name();
            }
            if (d < CUT_MOL_HA_YR) return;
            count++;
            total += d; // × 1 ha per hexagon
            if (d > t.max) t.max = d;
            t.count++;
            Double kdw = a.kdw();
            if (kdw == null) withoutKdw++;
            else if (background != null && background + d > kdw) {
                exceeded++;
                if (background <= kdw) newlyExceeded++;
            }
            if (sink != null) sink.accept(HexLattice.idAt(x, y), x, y, d);
        }

        NitrogenIndicators result(NitrogenEmission e, RingStatistic stat, double overlapHa) {
            // Areas of the same name (a site split into several polygons) are reported once.
            Map<String, double[]> byName = new LinkedHashMap<>(); // name → {max, count, kdw or NaN}
            areas.forEach((a, t) -> {
                if (t.count == 0) return;
                double[] s = byName.computeIfAbsent(a.name(), n -> new double[] {0, 0, Double.NaN});
                s[0] = Math.max(s[0], t.max);
                s[1] += t.count;
                if (a.kdw() != null) s[2] = Double.isNaN(s[2]) ? a.kdw() : Math.min(s[2], a.kdw());
            });
            List<NitrogenIndicators.AreaDeposition> list = new ArrayList<>();
            byName.forEach((n, s) -> list.add(new NitrogenIndicators.AreaDeposition(n, s[0], (int) s[1],
                    Double.isNaN(s[2]) ? null : s[2])));
            list.sort(Comparator.comparingDouble(NitrogenIndicators.AreaDeposition::maxDepositionMolHaYr).reversed());
            NitrogenIndicators.Status status = sensitiveWithin25Km ? NitrogenIndicators.Status.ASSESSED
                    : insensitive.isEmpty() ? NitrogenIndicators.Status.NO_NATURA2000_WITHIN_25KM
                    : NitrogenIndicators.Status.NO_SENSITIVE_NATURA2000_WITHIN_25KM;
            return new NitrogenIndicators(e, stat, max, maxX, maxY, maxArea, total, count, count * 1.0, list,
                    background == null ? null : exceeded, background == null ? null : newlyExceeded,
                    withoutKdw, overlapHa, status, insensitive);
        }
    }
}
