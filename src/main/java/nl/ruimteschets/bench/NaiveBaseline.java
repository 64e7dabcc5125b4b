package nl.ruimteschets.bench;

import java.util.List;
import java.util.Map;
import nl.ruimteschets.analysis.HexLattice;
import nl.ruimteschets.analysis.NitrogenModel;
import nl.ruimteschets.analysis.NoiseKernel;
import nl.ruimteschets.analysis.OpsTable;
import nl.ruimteschets.analysis.Substance;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The obvious way, for the benchmark's comparison: every candidate recomputed on every edit, no
 * spatial index, no prepared geometry, no caches and no convolution. It computes the same kinds of
 * figures as the engine at a comparable resolution:
 * overlap and safety by testing every feature of every layer against the footprint and the four
 * contours; noise by summing every 50 m source cell into every 50 m receptor within 4 km, with a
 * kernel interpolation (log and power) per pair; nitrogen by laying the hexagon lattice over every
 * Natura 2000 polygon within 25 km, testing each centre against the polygon, and summing every
 * 100 m source cell into every hexagon through the OPS table.
 */
final class NaiveBaseline {
    private static final NoiseKernel KERNEL = NoiseKernel.load();
    private static final OpsTable OPS = OpsTable.load();

    private NaiveBaseline() { }

    static double compute(List<Layer> layers, List<Candidate> candidates, Map<String, ActivityProfile> profiles,
                          List<Cluster> clusters) {
        double checksum = 0;
        for (Candidate c : candidates) {
            Geometry footprint = c.footprint();
            ActivityProfile p = profiles.get(c.profileName());
            Geometry[] contours = {footprint.buffer(p.prDistanceM()), footprint.buffer(p.brandM()),
                footprint.buffer(p.explosieM()), footprint.buffer(Math.min(p.gifwolkM(), ActivityProfile.GIFWOLK_CAP_M))};
            for (Layer l : layers) {
                for (Feature f : l.features()) {
                    Geometry g = f.geometry();
                    if (footprint.intersects(g)) checksum += footprint.intersection(g).getArea();
                    if (l.role() == LayerRole.SENSITIVE) {
                        for (Geometry contour : contours) if (contour.intersects(g)) checksum += 1;
                    }
                }
            }
            checksum += noise(footprint, p.noiseLw(), 0.5);
            checksum += nitrogen(layers, footprint, NitrogenModel.emission(c, p, c.grossAreaHa() * p.nettoBrutoRatio()).noxKgYr(),
                    p.emissionHeightM());
        }
        return checksum + clusters.size();
    }

    static double noise(Geometry footprint, double lw, double g) {
        double cell = 50, reach = 4000;
        Envelope e = footprint.getEnvelopeInternal();
        GeometryFactory gf = footprint.getFactory();
        List<double[]> sources = new java.util.ArrayList<>();
        for (double x = e.getMinX() + cell / 2; x < e.getMaxX(); x += cell) {
            for (double y = e.getMinY() + cell / 2; y < e.getMaxY(); y += cell) {
                if (footprint.contains(gf.createPoint(new Coordinate(x, y)))) sources.add(new double[] {x, y});
            }
        }
        double lwCell = lw + 10 * Math.log10(cell * cell);
        double sum = 0;
        for (double rx = e.getMinX() - reach; rx < e.getMaxX() + reach; rx += cell) {
            for (double ry = e.getMinY() - reach; ry < e.getMaxY() + reach; ry += cell) {
                double energy = 0;
                for (double[] s : sources) {
                    energy += Math.pow(10, (lwCell - KERNEL.attenuation(Math.hypot(rx - s[0], ry - s[1]), g)) / 10);
                }
                sum += 10 * Math.log10(energy);
            }
        }
        return sum;
    }

    static double nitrogen(List<Layer> layers, Geometry footprint, double noxKgYr, double height) {
        double cell = 100;
        Envelope e = footprint.getEnvelopeInternal();
        GeometryFactory gf = footprint.getFactory();
        List<double[]> sources = new java.util.ArrayList<>();
        for (double x = e.getMinX() + cell / 2; x < e.getMaxX(); x += cell) {
            for (double y = e.getMinY() + cell / 2; y < e.getMaxY(); y += cell) {
                if (footprint.contains(gf.createPoint(new Coordinate(x, y)))) sources.add(new double[] {x, y});
            }
        }
        double perCellTonnes = noxKgYr / 1000 / Math.max(1, sources.size());
        Envelope reach = new Envelope(e);
        reach.expandBy(25_000);
        double total = 0;
        for (Layer l : layers) {
            if (l.role() != LayerRole.NATURA2000) continue;
            for (Feature f : l.features()) {
                Envelope fe = f.geometry().getEnvelopeInternal().intersection(reach);
                if (fe.isNull()) continue;
                int c0 = (int) Math.floor(fe.getMinX() / HexLattice.COLUMN_SPACING_M);
                int c1 = (int) Math.ceil(fe.getMaxX() / HexLattice.COLUMN_SPACING_M);
                for (int col = c0; col <= c1; col++) {
                    int r0 = (int) Math.floor(fe.getMinY() / HexLattice.ROW_SPACING_M) - 1;
                    int r1 = (int) Math.ceil(fe.getMaxY() / HexLattice.ROW_SPACING_M);
                    for (int row = r0; row <= r1; row++) {
                        double hx = HexLattice.centreX(col), hy = HexLattice.centreY(col, row);
                        if (!f.geometry().contains(gf.createPoint(new Coordinate(hx, hy)))) continue;
                        double dep = 0;
                        for (double[] s : sources) {
                            dep += perCellTonnes * OPS.depositionPerTonne(Substance.NOX, height, Math.hypot(hx - s[0], hy - s[1]));
                        }
                        total += dep;
                    }
                }
            }
        }
        return total;
    }
}
