package nl.ruimteschets.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.RemoteFeatures;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;

/**
 * The engine's view of a layer that stays in the database: square tiles fetched on demand (all missing
 * tiles of a request in one query through the table's GiST index) on a loader thread of its own, each
 * indexed once ({@link LayerIndex}), kept while they are used and dropped least recently used first when
 * more than {@code maxFeatures} features are cached. A feature belongs to the tile holding its envelope's
 * lower-left corner, so no feature is held twice; {@link #near} also takes the tiles up to
 * {@link RemoteFeatures#maxFeatureSize()} below and left of the area, whose features can reach into it.
 *
 * <p>A request waits only for tiles not yet cached (the first answer in a new area); after answering it
 * queues the ring of tiles around the area, so a candidate dragged across a tile edge finds the next tiles
 * already loaded and the live loop reads memory only.
 *
 * <p>Thread-safe: the engine and noise threads ask at the same time; each tile is fetched once.
 */
public final class TileCache {
    /** 1 km: a few hundred buildings in a town, a handful of tiles per model's reach. */
    public static final double DEFAULT_TILE_M = 1000;
    /**
     * Building footprints with their indexes take well under 1 KB each (the benchmark: 106,000 cached in a
     * 112 MB heap with everything else), so at most a few hundred MB; more than a model's reach holds
     * outside the densest city centres (a request's own tiles are kept whatever the bound).
     */
    public static final long DEFAULT_MAX_FEATURES = 600_000;

    /** A fetched tile: its index, or null when no feature is anchored in it. */
    private record Tile(LayerIndex index, int size) { }

    /** A layer in the database cannot be read now; the message says why, in the planner's words. */
    public static final class Unavailable extends RuntimeException {
        private final transient UserMessage userMessage;

        public Unavailable(InputException cause) {
            super(cause.getMessage(), cause);
            this.userMessage = cause.userMessage();
        }

        public UserMessage userMessage() { return userMessage; }
    }

    private final Layer layer;
    private final RemoteFeatures remote;
    private final double tileSize;
    private final long maxFeatures;
    /** One loader thread (it ends when idle, so a dropped cache leaves no thread behind). */
    private final ThreadPoolExecutor loader;
    /** Guarded by this; access order, eldest first, for eviction. */
    private final LinkedHashMap<Long, CompletableFuture<Tile>> tiles = new LinkedHashMap<>(256, 0.75f, true);
    /** Tiles a request is reading now, which eviction must leave alone; guarded by this. */
    private final Map<Long, Integer> pinned = new HashMap<>();
    /** Features in completed tiles; guarded by this. */
    private long cachedFeatures;
    private final AtomicLong fetchedTiles = new AtomicLong();
    private final AtomicLong queries = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    /** A cache of {@code layer} (which must be {@link Layer#inDatabase() in the database}). */
    public TileCache(Layer layer, double tileSize, long maxFeatures) {
        if (!layer.inDatabase()) throw new IllegalArgumentException(layer.name() + " is held in memory");
        this.layer = layer;
        this.remote = layer.remote();
        this.tileSize = tileSize;
        this.maxFeatures = maxFeatures;
        this.loader = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ruimteschets-tiles");
            t.setDaemon(true);
            return t;
        });
    }

    public TileCache(Layer layer) {
        this(layer, DEFAULT_TILE_M, DEFAULT_MAX_FEATURES);
    }

    /** The layer this cache serves (its role, fields and mapping are what the tiles' indexes carry). */
    public Layer layer() { return layer; }

    /** Whether this cache can serve {@code other}: the same database layer with the same role, fields and mapping. */
    public boolean serves(Layer other) {
        return other.remote() == remote && other.role() == layer.role() && other.fields().equals(layer.fields())
                && other.fieldMapping().equals(layer.fieldMapping());
    }

    /**
     * Indexes of the tiles that hold every feature whose envelope meets {@code area}, each once; waits for
     * the ones not cached yet, then queues the ring around the area.
     *
     * @throws Unavailable when the database cannot be read
     */
    public List<LayerIndex> near(Envelope area) {
        if (area.isNull()) return List.of();
        double margin = remote.maxFeatureSize();
        long x0 = tile(area.getMinX() - margin), y0 = tile(area.getMinY() - margin);
        long x1 = tile(area.getMaxX()), y1 = tile(area.getMaxY());
        List<Long> keys = new ArrayList<>();
        List<CompletableFuture<Tile>> wanted = request(x0, y0, x1, y1, keys);
        try {
            if (wanted.stream().anyMatch(f -> !f.isDone())) waits.incrementAndGet();
            List<LayerIndex> out = new ArrayList<>();
            for (CompletableFuture<Tile> f : wanted) {
                Tile t;
                try {
                    t = f.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof Unavailable u) throw u;
                    throw e;
                }
                if (t.index() != null) out.add(t.index());
            }
            request(x0 - 1, y0 - 1, x1 + 1, y1 + 1, null); // prefetch the ring: the drag's next tiles
            return out;
        } finally {
            synchronized (this) {
                for (Long k : keys) pinned.computeIfPresent(k, (key, n) -> n == 1 ? null : n - 1);
                evict();
            }
        }
    }

    /** Queues the tiles of {@code area} not cached yet, without waiting (the map's view, an area about to be edited). */
    public void prefetch(Envelope area) {
        if (area.isNull()) return;
        double margin = remote.maxFeatureSize();
        request(tile(area.getMinX() - margin), tile(area.getMinY() - margin), tile(area.getMaxX()), tile(area.getMaxY()), null);
    }

    /** Futures of tiles x0..x1 × y0..y1, starting one fetch for those not cached; pins them into {@code pin} when given. */
    private List<CompletableFuture<Tile>> request(long x0, long y0, long x1, long y1, List<Long> pin) {
        List<CompletableFuture<Tile>> out = new ArrayList<>();
        List<long[]> missing = new ArrayList<>();
        Map<Long, CompletableFuture<Tile>> started = new LinkedHashMap<>();
        synchronized (this) {
            for (long tx = x0; tx <= x1; tx++) {
                for (long ty = y0; ty <= y1; ty++) {
                    long key = RemoteFeatures.tileKey(tx, ty);
                    CompletableFuture<Tile> f = tiles.get(key);
                    if (f == null) {
                        f = new CompletableFuture<>();
                        tiles.put(key, f);
                        started.put(key, f);
                        missing.add(new long[] {tx, ty});
                    }
                    if (pin != null) {
                        pinned.merge(key, 1, Integer::sum);
                        pin.add(key);
                    }
                    out.add(f);
                }
            }
        }
        if (!missing.isEmpty()) loader.execute(() -> load(missing, started));
        return out;
    }

    /** On the loader thread: one query for the tiles, an index per tile. */
    private void load(List<long[]> missing, Map<Long, CompletableFuture<Tile>> futures) {
        Map<Long, List<Feature>> got;
        try {
            got = remote.tiles(tileSize, missing);
            queries.incrementAndGet();
        } catch (InputException | RuntimeException e) {
            Unavailable u = e instanceof InputException ie ? new Unavailable(ie)
                    : new Unavailable(new InputException(new UserMessage("pg.layer.read.failed", remote.location()), e));
            synchronized (this) {
                futures.keySet().forEach(k -> tiles.remove(k, futures.get(k))); // a later request tries again
            }
            futures.values().forEach(f -> f.completeExceptionally(u));
            return;
        }
        Map<CompletableFuture<Tile>, Tile> done = new LinkedHashMap<>();
        long added = 0;
        for (Map.Entry<Long, CompletableFuture<Tile>> e : futures.entrySet()) {
            List<Feature> features = got.getOrDefault(e.getKey(), List.of());
            Tile t = features.isEmpty() ? new Tile(null, 0) : new Tile(new LayerIndex(layer.inMemory(features)), features.size());
            added += t.size();
            done.put(e.getValue(), t);
        }
        fetchedTiles.addAndGet(futures.size());
        synchronized (this) {
            cachedFeatures += added;
            done.forEach(CompletableFuture::complete); // counted before anyone can read (or evict) them
            evict();
        }
    }

    /** Drops least recently used completed tiles, never pinned ones, until the cache is within its bound. */
    private void evict() {
        Iterator<Map.Entry<Long, CompletableFuture<Tile>>> it = tiles.entrySet().iterator();
        while (cachedFeatures > maxFeatures && it.hasNext()) {
            Map.Entry<Long, CompletableFuture<Tile>> e = it.next();
            CompletableFuture<Tile> f = e.getValue();
            if (pinned.containsKey(e.getKey()) || !f.isDone() || f.isCompletedExceptionally()) continue;
            cachedFeatures -= f.join().size();
            it.remove();
        }
    }

    private long tile(double coordinate) {
        return (long) Math.floor(coordinate / tileSize);
    }

    /** Features held in cached tiles now. */
    public synchronized long cachedFeatures() { return cachedFeatures; }

    /** Tiles cached or being fetched now. */
    public synchronized int cachedTiles() { return tiles.size(); }

    /** Tiles fetched from the database so far. */
    public long fetchedTiles() { return fetchedTiles.get(); }

    /** Requests that had to wait for the database (the rest were answered from memory). */
    public long waits() { return waits.get(); }

    /** Queries sent to the database so far. */
    public long queries() { return queries.get(); }

    public long maxFeatures() { return maxFeatures; }

    public double tileSize() { return tileSize; }
}
