package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.NearbyObjects;
import nl.ruimteschets.geo.PackedEnvelopes;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.model.Feature;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Industrial-noise screening (DOMAIN.md §1.2, §1.7): the candidate as an area source of L_W'' over
 * ground G, levels by {@link NoisePropagation}, then L_den = L + 6.4 and L_night = L for 24/7
 * activity, or L_den = L − 3.0 and no night level for day-only activity (12 of 24 hours in the
 * day period). Contours at L_den 50, L_night 40 (standaardwaarden) and L_den 55.
 *
 * <p>Existing NOISE_ZONE polygons held in memory are unioned once, when the model is built; those of a
 * layer in the database are asked for around each contour ({@link NearbyPolygons}). Not thread-safe (the
 * propagation caches kernels): one instance per engine thread.
 */
public final class NoiseModel {
    /** L_den − L for a source running 24 hours a day (DOMAIN.md §1.2). */
    public static final double LDEN_24_7 = 6.4;
    /** L_den − L for a source running in the 12 day hours only: 10·log10(12/24). */
    public static final double LDEN_DAY_ONLY = 10 * Math.log10(12.0 / 24.0);

    private final NoisePropagation propagation;
    private final Geometry zones;
    private final PreparedGeometry preparedZones;
    /** Point-in-zone tests for thousands of object centres per edit, without a Point object each. */
    private final IndexedPointInAreaLocator zoneLocator;
    private final NearbyObjects sensitive;
    /** Zones of layers in the database, asked for around each contour; null when there are none. */
    private final NearbyPolygons remoteZones;

    public NoiseModel(NoiseKernel kernel, List<LayerIndex> noiseZones, List<LayerIndex> sensitive) {
        this(kernel, noiseZones, NearbyObjects.of(sensitive));
    }

    public NoiseModel(NoiseKernel kernel, List<LayerIndex> noiseZones, NearbyObjects sensitive) {
        this(kernel, noiseZones, null, sensitive);
    }

    /**
     * @param noiseZones the zones held in memory, unioned now
     * @param zonesInDatabase the tiles of zone layers in the database, or null when there are none
     * @param sensitive the sensitive objects, asked for what lies within each contour's envelope
     */
    public NoiseModel(NoiseKernel kernel, List<LayerIndex> noiseZones, NearbyObjects zonesInDatabase, NearbyObjects sensitive) {
        this.propagation = new NoisePropagation(kernel);
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : noiseZones) for (Feature f : li.layer().features()) parts.add(f.geometry());
        this.zones = parts.isEmpty() ? null : Overlay.union(parts);
        this.preparedZones = zones == null ? null : PreparedGeometryFactory.prepare(zones);
        this.zoneLocator = zones == null ? null : new IndexedPointInAreaLocator(zones);
        this.sensitive = sensitive;
        this.remoteZones = zonesInDatabase == null ? null : new NearbyPolygons(zonesInDatabase, (l, f) -> true);
    }

    /** As {@link #evaluate(Geometry, double, boolean, double, double)} with the source at 5 m. */
    public NoiseIndicators evaluate(Geometry footprint, double lwPerM2, boolean dayOnly, double g) {
        return evaluate(footprint, lwPerM2, dayOnly, g, 5.0);
    }

    /**
     * The area at or above a level. Near the source the fine grid decides (DOMAIN.md §1.7 step 5): inside the
     * fine grid's extent its contour replaces the coarse one, unless the coarse contour holds that whole
     * extent (a loud source whose contour lies kilometres out: nothing near the source changes).
     */
    static Geometry contour(NoiseGrid grid, double level, GeometryFactory gf) {
        Geometry coarse = Contours.above(grid, level, gf);
        NoiseGrid near = grid.near();
        if (near == null) return coarse;
        Geometry region = gf.toGeometry(new Envelope(near.centreX(0), near.centreX(near.nx() - 1),
                near.centreY(0), near.centreY(near.ny() - 1)));
        if (!coarse.isEmpty() && PreparedGeometryFactory.prepare(coarse).containsProperly(region)) return coarse;
        Geometry fine = Contours.above(near, level, gf);
        return Overlay.union(Overlay.difference(coarse, region), Overlay.intersection(fine, region));
    }

    /** Continuous level L (dB(A)) at each point, as the contours and the sensitive-object test see it. */
    public double[] levelsAt(Geometry footprint, double lwPerM2, double g, double sourceHeightM, double[] xs, double[] ys) {
        NoiseGrid grid = propagation.levels(footprint, lwPerM2, g, sourceHeightM);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = grid.interpolated(xs[i], ys[i]);
        return out;
    }

    /**
     * @param sourceHeightM the profile's noise source height (the kernel has 5 and 10 m; between them it
     *        interpolates, outside it clamps)
     */
    public NoiseIndicators evaluate(Geometry footprint, double lwPerM2, boolean dayOnly, double g, double sourceHeightM) {
        GeometryFactory gf = footprint.getFactory();
        NoiseGrid grid = propagation.levels(footprint, lwPerM2, g, sourceHeightM);
        double denShift = dayOnly ? LDEN_DAY_ONLY : LDEN_24_7;
        Geometry lden50 = contour(grid, 50 - denShift, gf);
        Geometry lden55 = contour(grid, 55 - denShift, gf);
        Geometry lnight40 = dayOnly ? gf.createPolygon() : contour(grid, 40, gf);
        Geometry governing = lnight40.isEmpty() ? lden50 : Overlay.union(lden50, lnight40);

        Geometry growth = zones == null ? governing : Overlay.difference(governing, zones);
        NearbyPolygons.Union remote = null;
        if (remoteZones != null) {
            Envelope reach = new Envelope(footprint.getEnvelopeInternal());
            reach.expandToInclude(governing.getEnvelopeInternal());
            remote = remoteZones.near(reach);
            if (remote != null && !growth.isEmpty()) growth = Overlay.difference(growth, remote.geometry());
        }
        IndexedPointInAreaLocator remoteLocator = remote == null ? null : remote.locator();
        int count = 0;
        double ha = 0;
        if (!growth.isEmpty()) {
            // Thousands of buildings lie around a big contour. One that is small next to a grid cell
            // is inside when the level at its centre reaches a threshold (the surface the contour is
            // traced on) and its centre is outside the existing zones: two lookups instead of a
            // polygon intersection. Bigger objects (housing blocks) are intersected exactly.
            double den = 50 - denShift;
            double small = grid.cell() / 2;
            Geometry growthArea = growth;
            PreparedGeometry[] pg = {null};
            Coordinate centre = new Coordinate();
            int[] n = {0};
            double[] area = {0};
            for (LayerIndex li : sensitive.near(growth.getEnvelopeInternal())) {
                List<Feature> features = li.layer().features();
                PackedEnvelopes env = li.packed();
                env.query(growth.getEnvelopeInternal(), k -> {
                    boolean inside;
                    if (Math.max(env.maxX(k) - env.minX(k), env.maxY(k) - env.minY(k)) < small) {
                        centre.x = (env.minX(k) + env.maxX(k)) / 2.0;
                        centre.y = (env.minY(k) + env.maxY(k)) / 2.0;
                        double l = grid.interpolated(centre.x, centre.y);
                        inside = (l >= den || (!dayOnly && l >= 40))
                                && (zoneLocator == null || zoneLocator.locate(centre) != Location.INTERIOR)
                                && (remoteLocator == null || remoteLocator.locate(centre) != Location.INTERIOR);
                    } else {
                        if (pg[0] == null) pg[0] = PreparedGeometryFactory.prepare(growthArea);
                        inside = pg[0].intersects(features.get(env.feature(k)).geometry());
                    }
                    if (inside) {
                        n[0]++;
                        area[0] += env.area(k) / 10_000.0;
                    }
                    return true;
                });
            }
            count = n[0];
            ha = area[0];
        }
        double outside = zones == null ? footprint.getArea()
                : preparedZones.covers(footprint) ? 0 : Overlay.difference(footprint, zones).getArea();
        if (remote != null && outside > 0) {
            outside = remote.prepared().covers(footprint) ? 0
                    : Overlay.difference(footprint, NearbyPolygons.union(zones, remote.geometry())).getArea();
        }
        return new NoiseIndicators(grid, lwPerM2, g, dayOnly, lden50, lnight40, lden55, governing,
                lden50.getArea() / 10_000.0, lnight40.getArea() / 10_000.0, governing.getArea() / 10_000.0,
                growth.getArea() / 10_000.0, count, ha, outside / 10_000.0);
    }
}
