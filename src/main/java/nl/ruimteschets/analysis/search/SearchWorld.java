package nl.ruimteschets.analysis.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.OverlapAnalysis;
import nl.ruimteschets.analysis.Vulnerability;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.geo.PackedEnvelopes;
import nl.ruimteschets.geo.TileCache;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.RemoteFeatures;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;

/**
 * The project's layers as rasters for the site search: per grid, the share of each cell inside hard
 * constraints (Natura 2000, residential), existing noise zones and available plots, and per cell the
 * number of sensitive objects (all, and outside noise zones) by object centre, the cells touched by
 * objects with a PR limit value (by envelope, for the hard exclusion), and the number of
 * nitrogen receptor hexagons (the nitrogen model's own receptors), by object centre. These do not
 * depend on the activity asked, so a changed profile, size or weight reuses them; a new layer set
 * means a new world (the engine's {@link AnalysisContext} is rebuilt then too).
 *
 * <p>Layers in the database count like layers in memory. Polygon layers (hard constraints, zones, plots)
 * come through the engine's tiles around the grid. A sensitive-object layer in the database may hold ten
 * million buildings, which neither fit the heap as features nor as per-object arrays (~170 MB), so it is
 * never held: each grid's rasters stream just the envelope and vulnerability of the objects in the grid from
 * the database ({@link nl.ruimteschets.model.RemoteFeatures#envelopes}) and add them to the cells as they
 * arrive, in memory of the order of the grid. That read is the long part of a search there: it reports
 * {@link Progress} and stops when the building thread is interrupted (a cancelled search).
 *
 * <p>Thread safety: safe for concurrent use; rasters are built under a lock and then shared read-only.
 */
public final class SearchWorld {
    private final AnalysisContext context;
    /** Per sensitive object (all SENSITIVE layers in order): centre and flags. */
    private final float[] objX, objY, objHalfW, objHalfH;
    private final byte[] objFlags;
    private static final byte LIMIT_VALUE = 1, OUTSIDE_ZONES = 2;
    /** The noise zones held in memory (null when none), which decide {@link #OUTSIDE_ZONES}. */
    private final IndexedPointInAreaLocator zones;
    /** How often a streamed read looks for a cancellation and reports progress, in rows (a few ms of reading). */
    private static final int REPORT_ROWS = 4_096;
    private volatile Progress progress = Progress.NONE;

    /** Hears how far the rasters' read of a sensitive layer in the database has come; called on the reading thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (layer, done, expected) -> { };

        /** @param expected about how many objects the layer holds in all (the read covers only the grid's) */
        void reading(String layer, long done, long expected);
    }
    private final Map<RasterGrid, Rasters> cache = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RasterGrid, Rasters> e) {
            return size() > 3;
        }
    };

    /** The layer rasters on one grid; arrays are shared, never written after construction. */
    public record Rasters(RasterGrid grid, double[] hard, double[] zones, double[] plots, double[] sensitive,
                          double[] sensitiveOutsideZones, double[] limitValue, double[] receptors,
                          Map<String, double[]> spectra) {
        /** A layer's FFT spectrum, made once per key (at most a dozen are kept; each is tens of MB at most). */
        double[] spectrum(String key, java.util.function.Supplier<double[]> make) {
            synchronized (spectra) {
                double[] s = spectra.get(key);
                if (s != null) return s;
            }
            double[] s = make.get(); // outside the lock: two different spectra may be made at once
            synchronized (spectra) {
                if (spectra.size() >= 12) spectra.clear();
                spectra.putIfAbsent(key, s);
                return spectra.get(key);
            }
        }
    }

    public SearchWorld(AnalysisContext context) {
        this.context = Objects.requireNonNull(context);
        List<Geometry> zoneParts = new ArrayList<>();
        for (LayerIndex li : context.layers(LayerRole.NOISE_ZONE)) {
            for (Feature f : li.layer().features()) zoneParts.add(f.geometry());
        }
        zones = zoneParts.isEmpty() ? null : new IndexedPointInAreaLocator(Overlay.union(zoneParts));
        int n = 0;
        for (LayerIndex li : context.layers(LayerRole.SENSITIVE)) n += li.packed().size();
        objX = new float[n];
        objY = new float[n];
        objHalfW = new float[n];
        objHalfH = new float[n];
        objFlags = new byte[n];
        int k = 0;
        Coordinate c = new Coordinate();
        // Objects in memory; a sensitive layer in the database is streamed per grid instead (see build).
        for (LayerIndex li : context.layers(LayerRole.SENSITIVE)) {
            Layer layer = li.layer();
            PackedEnvelopes env = li.packed();
            for (int q = 0; q < env.size(); q++, k++) {
                objX[k] = env.centreX(q);
                objY[k] = env.centreY(q);
                objHalfW[k] = env.halfWidth(q);
                objHalfH[k] = env.halfHeight(q);
                Feature f = layer.features().get(env.feature(q));
                byte flags = 0;
                if (Vulnerability.parse(layer.text(f, Layer.MAP_VULNERABILITY)).hasLimitValue()) flags |= LIMIT_VALUE;
                c.x = objX[k];
                c.y = objY[k];
                // As the noise model does for objects small next to its grid: the centre decides.
                if (zones == null || zones.locate(c) != Location.INTERIOR) flags |= OUTSIDE_ZONES;
                objFlags[k] = flags;
            }
        }
    }

    public AnalysisContext context() { return context; }

    /** Who hears of the progress of the next rasters built (a search sets its own before it runs). */
    public void progress(Progress p) {
        progress = p == null ? Progress.NONE : p;
    }

    /** The rasters on this grid, built on first use (about a second for a province with 1,000,000 objects). */
    public Rasters rasters(RasterGrid g) {
        synchronized (cache) {
            Rasters r = cache.get(g);
            if (r == null) {
                r = build(g);
                cache.put(g, r);
            }
            return r;
        }
    }

    private Rasters build(RasterGrid g) {
        RasterGrid.Coverage hard = g.new Coverage();
        for (LayerRole role : OverlapAnalysis.HARD_CONSTRAINTS) add(hard, role);
        RasterGrid.Coverage zones = g.new Coverage();
        add(zones, LayerRole.NOISE_ZONE);
        RasterGrid.Coverage plots = g.new Coverage();
        add(plots, LayerRole.AVAILABLE_PLOT);
        double[] all = new double[g.size()], outside = new double[g.size()], limit = new double[g.size()];
        IndexedPointInAreaLocator zonesInDatabase = zonesInDatabase(g);
        Coordinate c = new Coordinate();
        for (int k = 0; k < objX.length; k++) {
            int i = g.indexOf(objX[k], objY[k]);
            if (i < 0) continue;
            all[i]++;
            if ((objFlags[k] & OUTSIDE_ZONES) != 0 && outside(zonesInDatabase, objX[k], objY[k], c)) outside[i]++;
        }
        for (int k = 0; k < objX.length; k++) {
            if ((objFlags[k] & LIMIT_VALUE) != 0) markLimit(g, limit, objX[k], objY[k], objHalfW[k], objHalfH[k]);
        }
        for (TileCache t : context.tiled(LayerRole.SENSITIVE)) {
            stream(t.layer(), g, (cx, cy, hw, hh, limitValue) -> {
                int i = g.indexOf(cx, cy);
                if (i >= 0) {
                    all[i]++;
                    if (outside(this.zones, cx, cy, c) && outside(zonesInDatabase, cx, cy, c)) outside[i]++;
                }
                if (limitValue) markLimit(g, limit, cx, cy, hw, hh);
            });
        }
        double[] receptors = new double[g.size()];
        context.nitrogen().receptors().forEachCentre(g.envelope(), (x, y) -> {
            int i = g.indexOf(x, y);
            if (i >= 0) receptors[i]++;
        });
        return new Rasters(g, hard.shares(), zones.shares(), plots.shares(), all, outside, limit, receptors, new java.util.HashMap<>());
    }

    /** A PR conflict is a hard exclusion: marks every cell the object's envelope touches (careful by up to a cell). */
    private static void markLimit(RasterGrid g, double[] limit, float x, float y, float halfW, float halfH) {
        int i0 = (int) Math.floor((x - halfW - g.x0()) / g.cell()), i1 = (int) Math.floor((x + halfW - g.x0()) / g.cell());
        int j0 = (int) Math.floor((y - halfH - g.y0()) / g.cell()), j1 = (int) Math.floor((y + halfH - g.y0()) / g.cell());
        for (int j = Math.max(0, j0); j <= Math.min(g.ny() - 1, j1); j++) {
            for (int i = Math.max(0, i0); i <= Math.min(g.nx() - 1, i1); i++) limit[j * g.nx() + i] = 1;
        }
    }

    /** Whether a centre lies outside the zones (none: outside); as the noise model does for small objects. */
    private static boolean outside(IndexedPointInAreaLocator zones, float x, float y, Coordinate c) {
        if (zones == null) return true;
        c.x = x;
        c.y = y;
        return zones.locate(c) != Location.INTERIOR;
    }

    /** The noise zones of layers in the database around the grid, or null when there are none. */
    private IndexedPointInAreaLocator zonesInDatabase(RasterGrid g) {
        var tiles = context.inDatabase(LayerRole.NOISE_ZONE);
        if (tiles == null) return null;
        List<Geometry> parts = new ArrayList<>();
        for (LayerIndex li : tiles.near(g.envelope())) {
            for (Feature f : li.candidates(g.envelope())) parts.add(f.geometry());
        }
        return parts.isEmpty() ? null : new IndexedPointInAreaLocator(Overlay.union(parts));
    }

    /** One sensitive object as the rasters see it: its envelope as the in-memory objects store it, and whether it has a PR limit value. */
    @FunctionalInterface
    private interface ObjectSink {
        void accept(float cx, float cy, float halfW, float halfH, boolean limitValue);
    }

    /**
     * Streams the objects of a sensitive layer in the database whose envelope meets the grid, with the
     * float centre and rounded-up half extents {@link PackedEnvelopes} gives objects in memory (so both
     * fall in the same cells).
     *
     * @throws java.util.concurrent.CancellationException when the thread is interrupted (the search was cancelled)
     * @throws TileCache.Unavailable when the database cannot be read
     */
    private void stream(Layer layer, RasterGrid g, ObjectSink sink) {
        RemoteFeatures remote = layer.remote();
        int field = layer.mappedFieldIndex(Layer.MAP_VULNERABILITY);
        String column = field < 0 ? null : layer.fields().get(field).name();
        Progress p = progress;
        long expected = remote.estimatedCount();
        long[] done = {0};
        boolean complete;
        try {
            complete = remote.envelopes(g.envelope(), column, (x0, y0, x1, y1, value) -> {
                sink.accept((float) ((x0 + x1) / 2), (float) ((y0 + y1) / 2), Math.nextUp((float) ((x1 - x0) / 2)),
                        Math.nextUp((float) ((y1 - y0) / 2)), Vulnerability.parse(value).hasLimitValue());
                if (++done[0] % REPORT_ROWS == 0) {
                    if (Thread.currentThread().isInterrupted()) return false;
                    p.reading(layer.name(), done[0], expected);
                }
                return true;
            });
        } catch (InputException e) {
            throw new TileCache.Unavailable(e);
        }
        if (!complete) throw new java.util.concurrent.CancellationException();
        p.reading(layer.name(), done[0], expected);
    }

    private void add(RasterGrid.Coverage cov, LayerRole role) {
        // Layers in memory whole, layers in the database by their tiles around the grid.
        for (LayerIndex li : context.nearby(role).near(cov.envelope())) {
            for (Feature f : li.candidates(cov.envelope())) cov.add(f.geometry());
        }
    }

    /** The parent cluster's contours: CLUSTER features whose cluster (or name) field is this name. */
    public List<Geometry> clusterGeometries(String cluster) {
        List<Geometry> out = new ArrayList<>();
        if (cluster == null) return out;
        for (LayerIndex li : context.layers(LayerRole.CLUSTER)) {
            Layer l = li.layer();
            for (Feature f : l.features()) {
                String c = l.text(f, Layer.MAP_CLUSTER);
                if (c == null) c = l.text(f, Layer.MAP_NAME);
                if (cluster.equalsIgnoreCase(c == null ? "" : c.trim())) out.add(f.geometry());
            }
        }
        return out;
    }
}
