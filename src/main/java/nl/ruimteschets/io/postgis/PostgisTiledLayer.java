package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.postgis.PgSql.ident;
import static nl.ruimteschets.io.postgis.PgSql.table;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import nl.ruimteschets.io.FeatureSink;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.StreamedLayer;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.RemoteFeatures;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A PostGIS table too big for memory, read by area: {@link #tiles} for the engine's tile cache (one query
 * over the tiles' bounding box through the GiST index with {@code &&}, bucketed by the tile of each
 * envelope's lower-left corner), {@link #forView} for the map (the features in the view, an even sample of
 * at most a limit when zoomed out, simplified to a pixel, none when zoomed out further). All values travel as parameters; the schema,
 * table and column names are quoted identifiers.
 *
 * {@link #scan} streams the whole table for a copy on a connection of its own.
 *
 * <p>Thread-safe: one connection for tiles and one for views (so the map never waits behind the engine),
 * each used by one caller at a time, opened when first needed and closed after a minute unused.
 */
public final class PostgisTiledLayer implements RemoteFeatures, StreamedLayer {
    /** How long an unused connection stays open: a drag across a town needs it again within seconds. */
    private static final long IDLE_CLOSE_S = 60;
    private static final ScheduledExecutorService IDLE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ruimteschets-pg-idle");
        t.setDaemon(true);
        return t;
    });

    /** The map reads at most this many times its limit in one view, keeping one in so many. */
    static final int MAX_SAMPLED = 20;

    private final PgConnector connector;
    private final String schema;
    private final String tableName;
    private final String geomColumn;
    private final String idColumn;
    private final List<Field> fields;
    private final String geometryType;
    private final BigLayers.Stats stats;
    private final Lane tileLane = new Lane();
    private final Lane viewLane = new Lane();

    PostgisTiledLayer(PgConnector connector, String schema, String tableName, String geomColumn, String idColumn,
                      List<Field> fields, String geometryType, BigLayers.Stats stats) {
        this.connector = connector;
        this.schema = schema;
        this.tableName = tableName;
        this.geomColumn = geomColumn;
        this.idColumn = idColumn;
        this.fields = List.copyOf(fields);
        this.geometryType = geometryType;
        this.stats = stats;
    }

    public List<Field> fields() { return fields; }

    /** Whether this is a table of {@code schema} in the database {@code c} is connected to (the same server and database). */
    boolean isIn(Connection c, String schema) throws SQLException {
        return this.schema.equals(schema) && c.getMetaData().getURL().equals(connector.location().jdbcUrl());
    }

    @Override
    public String location() { return connector.location() + " " + schema + "." + tableName; }

    @Override
    public long estimatedCount() { return stats.count(); }

    @Override
    public Envelope extent() { return new Envelope(stats.extent()); }

    @Override
    public String geometryType() { return geometryType; }

    @Override
    public double maxFeatureSize() { return stats.maxFeatureSize(); }

    @Override
    public Map<Long, List<Feature>> tiles(double size, List<long[]> tiles) throws InputException {
        Map<Long, List<Feature>> got = new HashMap<>();
        long[] range = RemoteFeatures.tileRange(tiles, got);
        long minX = range[0], minY = range[1], maxX = range[2], maxY = range[3];
        String g = ident(geomColumn);
        // A feature anchored in a tile has its envelope's lower-left corner there, so it meets the tiles' box.
        StringBuilder sql = new StringBuilder("SELECT ").append(ident(idColumn)).append(", ST_AsBinary(ST_Force2D(").append(g)
                .append(")), ST_XMin(").append(g).append("), ST_YMin(").append(g).append(')');
        for (Field f : fields) sql.append(", ").append(ident(f.name()));
        sql.append(" FROM ").append(table(schema, tableName)).append(" WHERE ").append(g)
                .append(" && ST_MakeEnvelope(?, ?, ?, ?, ").append(PgSql.SRID).append(") AND ST_XMin(").append(g)
                .append(") >= ? AND ST_YMin(").append(g).append(") >= ?");
        double ex0 = minX * size, ey0 = minY * size, ex1 = (maxX + 1) * size, ey1 = (maxY + 1) * size;
        Object[] params = {ex0, ey0, ex1, ey1, ex0, ey0};
        read(tileLane, sql.toString(), params, (rs, wkb) -> {
            List<Feature> bucket = got.get(RemoteFeatures.tileKey((long) Math.floor(rs.getDouble(3) / size),
                    (long) Math.floor(rs.getDouble(4) / size)));
            if (bucket != null) bucket.add(feature(rs, wkb, 5)); // else anchored in a tile not asked for
        });
        return got;
    }

    @Override
    public List<Feature> forView(Envelope view, double tolerance, int limit) throws InputException {
        String g = ident(geomColumn);
        String box = "ST_MakeEnvelope(?, ?, ?, ?, " + PgSql.SRID + ")";
        long inView = estimateIn(view);
        // Zoomed out so far that even reading the view's rows through the index takes seconds: nothing (a
        // page sample would be quick but shows the table's storage order as stripes, not where things are).
        if (inView > (long) limit * MAX_SAMPLED) return List.of();
        // Zoomed out: an even sample, one in k by key, through the index.
        long stride = inView > limit ? (inView + limit - 1) / limit : 1;
        StringBuilder sql = new StringBuilder("SELECT ").append(ident(idColumn)).append(", ST_AsBinary(ST_Force2D(")
                .append(tolerance > 0 ? "ST_SimplifyPreserveTopology(" + g + ", ?)" : g).append("))");
        for (Field f : fields) sql.append(", ").append(ident(f.name()));
        sql.append(" FROM ").append(table(schema, tableName));
        sql.append(" WHERE ").append(g).append(" && ").append(box);
        // by a hash of the key, so a key that follows the storage grid draws no pattern of its own
        if (stride > 1) sql.append(" AND (hashint8(").append(ident(idColumn)).append("::bigint) & 2147483647) % ? = 0");
        sql.append(" LIMIT ?");
        List<Object> params = new ArrayList<>();
        if (tolerance > 0) params.add(tolerance);
        params.addAll(List.of(view.getMinX(), view.getMinY(), view.getMaxX(), view.getMaxY()));
        if (stride > 1) params.add(stride);
        params.add(limit);
        List<Feature> out = new ArrayList<>();
        read(viewLane, sql.toString(), params.toArray(), (rs, wkb) -> out.add(feature(rs, wkb, 3)));
        return out;
    }

    @Override
    public boolean envelopes(Envelope area, String field, EnvelopeSink sink) throws InputException {
        Field value = null;
        for (Field f : fields) if (f.name().equals(field)) value = f;
        String g = ident(geomColumn);
        // Only what a raster needs: four numbers and one value per row, streamed (never the geometry).
        StringBuilder sql = new StringBuilder("SELECT 0, NULL, ST_XMin(").append(g).append("), ST_YMin(").append(g)
                .append("), ST_XMax(").append(g).append("), ST_YMax(").append(g).append("), ")
                .append(value == null ? "NULL" : ident(value.name())).append(" FROM ").append(table(schema, tableName))
                .append(" WHERE ").append(g).append(" && ST_MakeEnvelope(?, ?, ?, ?, ").append(PgSql.SRID).append(')');
        Field type = value;
        return read(tileLane, sql.toString(), new Object[] {area.getMinX(), area.getMinY(), area.getMaxX(), area.getMaxY()},
                (rs, wkb) -> RemoteFeatures.offer(sink, rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                        type == null ? null : PgProjectTables.value(rs, 7, type.type())));
    }

    /** Every row in key order through a server-side cursor (auto-commit off, fetch size), on its own connection. */
    @Override
    public long scan(FeatureSink sink, ProgressListener progress) throws IOException, InputException {
        StringBuilder sql = new StringBuilder("SELECT ").append(ident(idColumn)).append(", ST_AsBinary(ST_Force2D(")
                .append(ident(geomColumn)).append("))");
        for (Field f : fields) sql.append(", ").append(ident(f.name()));
        sql.append(" FROM ").append(table(schema, tableName)).append(" ORDER BY ").append(ident(idColumn));
        long n = 0, total = stats.count();
        try (Connection c = connector.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(10_000);
                WKBReader wkb = new WKBReader(PgProjectTables.FACTORY);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(feature(rs, wkb, 3));
                        if (++n % 1_000 == 0) {
                            progress.checkCancelled();
                            progress.progress(n, Math.max(n, total));
                        }
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (ParseException e) {
            throw new InputException(new UserMessage("pg.geometry.damaged", schema + "." + tableName), e);
        } catch (SQLException e) {
            throw new InputException(new UserMessage("pg.layer.read.failed", location()), e);
        }
        progress.progress(n, n);
        return n;
    }

    /** About how many features meet the envelope, from the table's statistics (the whole table without them). */
    private long estimateIn(Envelope view) throws InputException {
        long[] n = {stats.count()};
        try {
            read(viewLane, "SELECT _postgis_selectivity(?::regclass, ?, ST_MakeEnvelope(?, ?, ?, ?, " + PgSql.SRID + "))",
                    new Object[] {table(schema, tableName), geomColumn, view.getMinX(), view.getMinY(), view.getMaxX(), view.getMaxY()},
                    (rs, wkb) -> n[0] = Math.round(rs.getDouble(1) * stats.count()));
        } catch (InputException e) {
            // no statistics yet (never analysed): assume the whole table may be in view, so the query samples
        }
        return n[0];
    }

    private Feature feature(ResultSet rs, WKBReader wkb, int firstValue) throws SQLException, ParseException {
        byte[] g = rs.getBytes(2);
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) values[i] = PgProjectTables.value(rs, firstValue + i, fields.get(i).type());
        return new Feature(rs.getLong(1), g == null ? null : wkb.read(g), values);
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs, WKBReader wkb) throws SQLException, ParseException;
    }

    /**
     * Runs a query on a lane's connection (reconnecting once when the server dropped it), streaming the rows.
     *
     * @return false when a row stopped the reading ({@link RemoteFeatures.StopReading})
     */
    private boolean read(Lane lane, String sql, Object[] params, Row row) throws InputException {
        synchronized (lane) {
            for (int attempt = 0; ; attempt++) {
                boolean complete = true;
                Connection c = lane.open(connector);
                try {
                    c.setAutoCommit(false); // a cursor: rows stream in batches instead of arriving all at once
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
                        ps.setFetchSize(10_000);
                        WKBReader wkb = new WKBReader(PgProjectTables.FACTORY);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) row.accept(rs, wkb);
                        } catch (RemoteFeatures.StopReading stop) {
                            complete = false; // the caller has what it wanted: the rollback below ends the cursor
                        }
                    } finally {
                        c.rollback();
                    }
                    lane.release();
                    return complete;
                } catch (ParseException e) {
                    lane.release();
                    throw new InputException(new UserMessage("pg.geometry.damaged", schema + "." + tableName), e);
                } catch (SQLException e) {
                    lane.drop();
                    boolean lost = e.getSQLState() != null && e.getSQLState().startsWith("08");
                    if (!lost || attempt > 0) throw new InputException(new UserMessage("pg.layer.read.failed", location()), e);
                }
            }
        }
    }

    /** One connection, used under its own lock, closed after {@link #IDLE_CLOSE_S} unused. */
    private static final class Lane {
        private Connection connection;
        private ScheduledFuture<?> closing;

        Connection open(PgConnector connector) throws InputException {
            if (closing != null) closing.cancel(false);
            if (connection == null) connection = connector.connect();
            return connection;
        }

        void release() {
            closing = IDLE.schedule(() -> {
                synchronized (this) {
                    drop();
                }
            }, IDLE_CLOSE_S, TimeUnit.SECONDS);
        }

        void drop() {
            PostgisStorage.closeQuietly(connection);
            connection = null;
        }
    }
}
