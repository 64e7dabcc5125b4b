package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.model.Feature;
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
 * <p>Existing NOISE_ZONE polygons are unioned once, when the model is built. Not thread-safe (the
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
    private final List<LayerIndex> sensitive;

    public NoiseModel(NoiseKernel kernel, List<LayerIndex> noiseZones, List<LayerIndex> sensitive) {
        this.propagation = new NoisePropagation(kernel);
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : noiseZones) for (Feature f : li.layer().features()) parts.add(f.geometry());
        this.zones = parts.isEmpty() ? null : Overlay.union(parts);
        this.preparedZones = zones == null ? null : PreparedGeometryFactory.prepare(zones);
        this.sensitive = List.copyOf(sensitive);
    }

    public NoiseIndicators evaluate(Geometry footprint, double lwPerM2, boolean dayOnly, double g) {
        GeometryFactory gf = footprint.getFactory();
        NoiseGrid grid = propagation.levels(footprint, lwPerM2, g);
        double denShift = dayOnly ? LDEN_DAY_ONLY : LDEN_24_7;
        Geometry lden50 = Contours.above(grid, 50 - denShift, gf);
        Geometry lden55 = Contours.above(grid, 55 - denShift, gf);
        Geometry lnight40 = dayOnly ? gf.createPolygon() : Contours.above(grid, 40, gf);
        Geometry governing = lnight40.isEmpty() ? lden50 : Overlay.union(lden50, lnight40);

        Geometry growth = zones == null ? governing : Overlay.difference(governing, zones);
        int count = 0;
        double ha = 0;
        if (!growth.isEmpty()) {
            PreparedGeometry pg = PreparedGeometryFactory.prepare(growth);
            for (LayerIndex li : sensitive) {
                for (Feature f : li.candidates(growth.getEnvelopeInternal())) {
                    if (pg.intersects(f.geometry())) {
                        count++;
                        ha += f.geometry().getArea() / 10_000.0;
                    }
                }
            }
        }
        double outside = zones == null ? footprint.getArea()
                : preparedZones.covers(footprint) ? 0 : Overlay.difference(footprint, zones).getArea();
        return new NoiseIndicators(grid, lwPerM2, g, dayOnly, lden50, lnight40, lden55, governing,
                lden50.getArea() / 10_000.0, lnight40.getArea() / 10_000.0, governing.getArea() / 10_000.0,
                growth.getArea() / 10_000.0, count, ha, outside / 10_000.0);
    }
}
