package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The 1-ha receptor hexagons ({@link HexLattice}) whose centre lies inside a Natura 2000 polygon,
 * per area (one area = one polygonal feature of a NATURA2000 layer), found lazily the first time an
 * edit comes within reach of the area and then cached. Areas are indexed in an STRtree.
 *
 * <p>Centres are kept as packed double arrays sorted by x (they are generated column by column with a
 * vertical scanline, even–odd rule, so holes and multipolygons work), so a query can binary-search the
 * x-range of interest inside a large area such as the Waddenzee. Where polygons overlap, a hexagon
 * belongs to exactly one area: the one with the lowest KDW (unknown KDW last), then the earliest
 * feature, so the lowest KDW governs and nothing is counted twice.
 *
 * <p>Inputs: the NATURA2000 layers' features (name via {@link Layer#MAP_NAME}, KDW via
 * {@link Layer#MAP_KDW}, parsed as a number, else unknown); the layers must not change afterwards.
 * Thread safety: safe for concurrent queries; each area is computed at most once.
 */
public final class Natura2000Receptors {
    private final List<Area> areas = new ArrayList<>();
    private final STRtree tree = new STRtree();

    public Natura2000Receptors(Collection<Layer> layers) {
        for (Layer l : layers) {
            for (Feature f : l.features()) {
                if (!(f.geometry() instanceof Polygonal) || f.geometry().isEmpty()) continue;
                String name = l.text(f, Layer.MAP_NAME);
                Area a = new Area(areas.size(), name == null || name.isBlank() ? l.name() + " #" + f.id() : name,
                        parseKdw(l.text(f, Layer.MAP_KDW)), sensitive(l, f), f.geometry());
                areas.add(a);
                tree.insert(a.envelope, a);
            }
        }
        tree.build();
    }

    /** Areas whose envelope intersects {@code e}. */
    @SuppressWarnings("unchecked")
    public List<Area> query(Envelope e) {
        return tree.query(e);
    }

    public List<Area> areas() { return List.copyOf(areas); }

    /** Receives receptor hexagon centres. */
    @FunctionalInterface
    public interface CentreSink {
        void accept(double x, double y);
    }

    /**
     * Every assessed receptor hexagon centre inside the envelope (nitrogen-sensitive sites only, as the
     * nitrogen model counts them), each once; the site search rasterises them. Builds centres on first use.
     */
    public void forEachCentre(Envelope e, CentreSink sink) {
        for (Area a : query(e)) {
            if (!a.sensitive()) continue;
            double[] xs = a.xs(), ys = a.ys();
            for (int i = 0; i < xs.length; i++) {
                if (e.contains(xs[i], ys[i])) sink.accept(xs[i], ys[i]);
            }
        }
    }

    /**
     * Whether a site is nitrogen-sensitive: without a {@link Layer#MAP_NITROGEN_SENSITIVE} mapping every site
     * is; with one, "1", "true", "ja", "yes" or "j" (any case) is, anything else (empty included) is not.
     */
    static boolean sensitive(Layer l, Feature f) {
        if (l.fieldMapping().get(Layer.MAP_NITROGEN_SENSITIVE) == null) return true;
        String t = l.text(f, Layer.MAP_NITROGEN_SENSITIVE);
        if (t == null) return false;
        t = t.trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("1") || t.equals("true") || t.equals("ja") || t.equals("yes") || t.equals("j") || t.equals("1.0");
    }

    static Double parseKdw(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            double v = Double.parseDouble(text.trim().replace(',', '.'));
            return Double.isFinite(v) && v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Ownership order where polygons overlap: lowest KDW first, unknown last, then feature order. */
    private static boolean outranks(Area a, Area b) {
        double ka = a.kdw == null ? Double.MAX_VALUE : a.kdw, kb = b.kdw == null ? Double.MAX_VALUE : b.kdw;
        return ka != kb ? ka < kb : a.index < b.index;
    }

    /** One Natura 2000 polygon and, once asked for, its hexagon centres. */
    public final class Area {
        final int index;
        final String name;
        final Double kdw;
        final boolean sensitive;
        final Geometry geometry;
        final Envelope envelope;
        private volatile double[][] centres; // {x sorted ascending, y}

        Area(int index, String name, Double kdw, boolean sensitive, Geometry geometry) {
            this.index = index;
            this.name = name;
            this.kdw = kdw;
            this.sensitive = sensitive;
            this.geometry = geometry;
            this.envelope = geometry.getEnvelopeInternal();
        }

        public String name() { return name; }

        /** Lowest KDW of the area in mol N/ha/yr, or null when unknown. */
        public Double kdw() { return kdw; }

        /** False for a site mapped as not nitrogen-sensitive: shown, but no nitrogen conflict or KDW test. */
        public boolean sensitive() { return sensitive; }

        int index() { return index; }

        /** Centre x coordinates, ascending. */
        double[] xs() { return centres()[0]; }

        double[] ys() { return centres()[1]; }

        public int hexagonCount() { return xs().length; }

        private double[][] centres() {
            double[][] c = centres;
            if (c == null) {
                synchronized (this) {
                    if (centres == null) centres = build();
                    c = centres;
                }
            }
            return c;
        }

        private double[][] build() {
            double[][] raw = HexScanline.centresInside(geometry);
            List<IndexedPointInAreaLocator> rivals = new ArrayList<>();
            List<Envelope> rivalEnvs = new ArrayList<>();
            for (Area o : query(envelope)) {
                if (o != this && outranks(o, this)) {
                    rivals.add(new IndexedPointInAreaLocator(o.geometry));
                    rivalEnvs.add(o.envelope);
                }
            }
            if (rivals.isEmpty()) return raw;
            double[] xs = new double[raw[0].length], ys = new double[xs.length];
            int n = 0;
            Coordinate p = new Coordinate();
            for (int i = 0; i < xs.length; i++) {
                p.x = raw[0][i];
                p.y = raw[1][i];
                if (!ownedByRival(p, rivals, rivalEnvs)) {
                    xs[n] = p.x;
                    ys[n++] = p.y;
                }
            }
            return new double[][] {Arrays.copyOf(xs, n), Arrays.copyOf(ys, n)};
        }
    }

    private static boolean ownedByRival(Coordinate p, List<IndexedPointInAreaLocator> rivals, List<Envelope> envs) {
        for (int k = 0; k < rivals.size(); k++) {
            if (envs.get(k).contains(p) && rivals.get(k).locate(p) != Location.EXTERIOR) return true; // boundary too: never count twice
        }
        return false;
    }
}
