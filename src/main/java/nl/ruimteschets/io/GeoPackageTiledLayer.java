package nl.ruimteschets.io;

import static nl.ruimteschets.io.GeoPackageLayers.q;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.RemoteFeatures;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.sqlite.SQLiteConfig;

/**
 * A layer of a project GeoPackage marked to stay where it is (a PostGIS layer too big for memory, copied into
 * the file with {@code copy}): read by area through the table's GeoPackage R-tree, like
 * {@link nl.ruimteschets.io.postgis.PostgisTiledLayer} reads PostGIS through its GiST index. {@link #tiles} for
 * the engine's tile cache (bucketed by the lower-left corner of each feature's envelope), {@link #forView} for the
 * map (an even sample when zoomed out, simplified in Java; none when zoomed out much further), {@link #scan} for
 * a copy. Table and column names are quoted; values travel as parameters.
 *
 * <p>Thread-safe: every call opens its own read-only SQLite connection (cheap for a local file) and closes it.
 */
public final class GeoPackageTiledLayer implements RemoteFeatures, StreamedLayer {
    /** As for PostGIS: beyond this many times the limit in view the map draws nothing (zoom in). */
    private static final int MAX_SAMPLED = 20;

    private final Path file;
    private final String table;
    private final String key;
    private final String geomColumn;
    private final List<Field> fields;
    private final String geometryType;
    private final long count;
    private final Envelope extent;
    private final double maxFeatureSize;

    GeoPackageTiledLayer(Path file, String table, String key, String geomColumn, List<Field> fields, String geometryType,
                         long count, Envelope extent, double maxFeatureSize) {
        this.file = file.toAbsolutePath().normalize();
        this.table = table;
        this.key = key;
        this.geomColumn = geomColumn;
        this.fields = List.copyOf(fields);
        this.geometryType = geometryType;
        this.count = count;
        this.extent = new Envelope(extent);
        this.maxFeatureSize = maxFeatureSize;
    }

    /** The GeoPackage file that holds the table. */
    public Path file() { return file; }

    /** The table's name in the file. */
    String table() { return table; }

    @Override public List<Field> fields() { return fields; }
    @Override public String location() { return file.getFileName() + " " + table; }
    @Override public boolean inFile() { return true; }
    @Override public long estimatedCount() { return count; }
    @Override public Envelope extent() { return new Envelope(extent); }
    @Override public String geometryType() { return geometryType; }
    @Override public double maxFeatureSize() { return maxFeatureSize; }

    @Override
    public Map<Long, List<Feature>> tiles(double size, List<long[]> tiles) throws InputException {
        Map<Long, List<Feature>> got = new HashMap<>();
        long[] range = RemoteFeatures.tileRange(tiles, got);
        long minX = range[0], minY = range[1], maxX = range[2], maxY = range[3];
        double ex0 = minX * size, ey0 = minY * size, ex1 = (maxX + 1) * size, ey1 = (maxY + 1) * size;
        // The R-tree keeps float32 bounds rounded outwards: a metre of slack, then the true envelope decides.
        String sql = select() + " WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ? AND r.minx >= ? AND r.miny >= ?";
        read(sql, new Object[] {ex1, ex0, ey1, ey0, ex0 - 1, ey0 - 1}, f -> {
            if (f.geometry() == null || f.geometry().isEmpty()) return;
            Envelope e = f.geometry().getEnvelopeInternal();
            List<Feature> bucket = got.get(RemoteFeatures.tileKey((long) Math.floor(e.getMinX() / size),
                    (long) Math.floor(e.getMinY() / size)));
            if (bucket != null) bucket.add(f); // else anchored in a tile not asked for
        });
        return got;
    }

    @Override
    public List<Feature> forView(Envelope view, double tolerance, int limit) throws InputException {
        long inView = estimateIn(view);
        if (inView > (long) limit * MAX_SAMPLED) return List.of();
        long stride = inView > limit ? (inView + limit - 1) / limit : 1;
        StringBuilder sql = new StringBuilder(select())
                .append(" WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?");
        List<Object> params = new ArrayList<>(List.of(view.getMaxX(), view.getMinX(), view.getMaxY(), view.getMinY()));
        // one in `stride` by a scramble of the key, so keys that follow the storage order draw no stripes
        if (stride > 1) {
            sql.append(" AND ((r.id * 40503) % 65521) % ? = 0");
            params.add(stride);
        }
        sql.append(" LIMIT ?");
        params.add(limit);
        List<Feature> out = new ArrayList<>();
        read(sql.toString(), params.toArray(), f -> out.add(tolerance > 0 && f.geometry() != null
                ? new Feature(f.id(), TopologyPreservingSimplifier.simplify(f.geometry(), tolerance), f.values()) : f));
        return out;
    }

    @Override
    public boolean envelopes(Envelope area, String field, EnvelopeSink sink) throws InputException {
        int index = -1;
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(field)) index = i;
        int valueAt = index;
        // Through the R-tree (float bounds rounded outwards), then each feature's true envelope decides.
        return read(select() + " WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?",
                new Object[] {area.getMaxX(), area.getMinX(), area.getMaxY(), area.getMinY()}, f -> {
                    if (f.geometry() == null || f.geometry().isEmpty()) return;
                    Envelope e = f.geometry().getEnvelopeInternal();
                    if (e.intersects(area)) {
                        RemoteFeatures.offer(sink, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), valueAt < 0 ? null : f.values()[valueAt]);
                    }
                });
    }

    /** About how many features meet the view: the share of the layer's extent it covers. */
    private long estimateIn(Envelope view) {
        Envelope meet = view.intersection(extent);
        if (meet.isNull()) return 0;
        double area = extent.getArea();
        if (area <= 0) return count;
        return Math.round(count * Math.min(1, meet.getArea() / area));
    }

    @Override
    public long scan(FeatureSink sink, ProgressListener progress) throws IOException, InputException {
        long n = 0;
        try (GeoPackageReader r = GeoPackageReader.open(file, table)) {
            for (Feature f; (f = r.next()) != null; ) {
                sink.accept(f);
                if (++n % 1_000 == 0) {
                    progress.checkCancelled();
                    progress.progress(n, Math.max(n, count));
                }
            }
        }
        progress.progress(n, n);
        return n;
    }

    private String select() {
        StringBuilder b = new StringBuilder("SELECT t.").append(q(key)).append(", t.").append(q(geomColumn));
        for (Field f : fields) b.append(", t.").append(q(f.name()));
        return b.append(" FROM ").append(q(GpkgTables.rtreeName(table))).append(" r JOIN ").append(q(table))
                .append(" t ON t.").append(q(key)).append(" = r.id").toString();
    }

    @FunctionalInterface
    private interface Row {
        void accept(Feature f);
    }

    /** Runs a query, streaming the rows; false when a row stopped the reading ({@link RemoteFeatures.StopReading}). */
    private boolean read(String sql, Object[] params, Row row) throws InputException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file);
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            WKBReader wkb = new WKBReader(GeoPackageReader.FACTORY);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[fields.size()];
                    for (int i = 0; i < values.length; i++) values[i] = GeoPackageReader.value(rs.getObject(i + 3), fields.get(i).type());
                    Geometry g = GpkgBlob.decode(rs.getBytes(2), wkb);
                    row.accept(new Feature(rs.getLong(1), g, values));
                }
            }
        } catch (RemoteFeatures.StopReading stop) {
            return false; // the caller has what it wanted
        } catch (ParseException e) {
            throw new InputException(new UserMessage("gpkg.layer.damaged", table, file.getFileName()), e);
        } catch (SQLException | RuntimeException e) {
            throw new InputException(new UserMessage("gpkg.layer.read.failed", table, file.getFileName()), e);
        }
        return true;
    }
}
