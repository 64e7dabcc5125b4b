package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.postgis.PgSql.ident;
import static nl.ruimteschets.io.postgis.PgSql.table;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A layer too big for memory that stays in PostGIS: {@link #window} returns an in-memory layer of what
 * lies within an area (the edited candidate's envelope plus each model's reach), fetched through the
 * table's GiST index one tile at a time and cached by tile (least recently used tiles dropped), so a drag
 * that stays in the area touches no database at all. A feature belongs to the tile holding the lower-left
 * corner of its bounding box, so no feature is fetched twice; features up to {@code maxFeatureSize} wide
 * reaching into the area from a neighbouring tile are included. Text attributes only (the fields a model
 * maps: name, vulnerability, …). Not thread-safe: one user (the engine's thread).
 */
public final class PostgisTiledLayer {
    private final Connection connection;
    private final String schema;
    private final String tableName;
    private final List<Field> fields;
    private final LayerRole role;
    private final Map<String, String> mapping;
    private final double tileSize;
    private final double maxFeatureSize;
    private final Map<Long, List<Feature>> tiles;
    private long fetchedTiles;

    public PostgisTiledLayer(Connection connection, String schema, String tableName, List<String> textFields, LayerRole role,
                             Map<String, String> mapping, double tileSize, double maxFeatureSize, int maxTiles) {
        this.connection = connection;
        this.schema = schema;
        this.tableName = tableName;
        this.fields = textFields.stream().map(f -> new Field(f, FieldType.TEXT)).toList();
        this.role = role;
        this.mapping = Map.copyOf(mapping);
        this.tileSize = tileSize;
        this.maxFeatureSize = maxFeatureSize;
        this.tiles = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, List<Feature>> eldest) {
                return size() > maxTiles;
            }
        };
    }

    /** How many tiles came from the database so far (the rest were served from the cache). */
    public long fetchedTiles() { return fetchedTiles; }

    /** The features that may lie within {@code area}, as a layer the engine can index. */
    public Layer window(Envelope area) throws SQLException, InputException {
        long x0 = (long) Math.floor((area.getMinX() - maxFeatureSize) / tileSize);
        long y0 = (long) Math.floor((area.getMinY() - maxFeatureSize) / tileSize);
        long x1 = (long) Math.floor(area.getMaxX() / tileSize);
        long y1 = (long) Math.floor(area.getMaxY() / tileSize);
        List<long[]> missing = new ArrayList<>();
        for (long tx = x0; tx <= x1; tx++) {
            for (long ty = y0; ty <= y1; ty++) if (!tiles.containsKey(key(tx, ty))) missing.add(new long[] {tx, ty});
        }
        if (!missing.isEmpty()) fetch(missing);
        List<Feature> out = new ArrayList<>();
        for (long tx = x0; tx <= x1; tx++) {
            for (long ty = y0; ty <= y1; ty++) {
                for (Feature f : tiles.getOrDefault(key(tx, ty), List.of())) {
                    if (f.geometry().getEnvelopeInternal().intersects(area)) out.add(f);
                }
            }
        }
        return new Layer(tableName, role, fields, out, mapping, "postgresql:" + schema + "." + tableName, null);
    }

    /** One query over the missing tiles' bounding box (GiST), bucketed by anchor tile in Java. */
    private void fetch(List<long[]> missing) throws SQLException, InputException {
        long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;
        for (long[] t : missing) {
            minX = Math.min(minX, t[0]);
            minY = Math.min(minY, t[1]);
            maxX = Math.max(maxX, t[0]);
            maxY = Math.max(maxY, t[1]);
        }
        Map<Long, List<Feature>> got = new LinkedHashMap<>();
        for (long[] t : missing) got.put(key(t[0], t[1]), new ArrayList<>());
        StringBuilder sql = new StringBuilder("SELECT fid, ST_AsBinary(geom), ST_XMin(geom), ST_YMin(geom)");
        for (Field f : fields) sql.append(", ").append(ident(f.name()));
        sql.append(" FROM ").append(table(schema, tableName))
                .append(" WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, ").append(PgSql.SRID).append(')')
                .append(" AND ST_XMin(geom) >= ? AND ST_YMin(geom) >= ?");
        WKBReader wkb = new WKBReader(PgProjectTables.FACTORY);
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            double ex0 = minX * tileSize, ey0 = minY * tileSize, ex1 = (maxX + 1) * tileSize, ey1 = (maxY + 1) * tileSize;
            ps.setDouble(1, ex0);
            ps.setDouble(2, ey0);
            ps.setDouble(3, ex1);
            ps.setDouble(4, ey1);
            ps.setDouble(5, ex0);
            ps.setDouble(6, ey0);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Feature> bucket = got.get(key((long) Math.floor(rs.getDouble(3) / tileSize),
                            (long) Math.floor(rs.getDouble(4) / tileSize)));
                    if (bucket == null) continue; // anchored in a tile already cached (or beyond the box's edge)
                    Object[] values = new Object[fields.size()];
                    for (int i = 0; i < values.length; i++) values[i] = rs.getString(5 + i);
                    bucket.add(new Feature(rs.getLong(1), wkb.read(rs.getBytes(2)), values));
                }
            }
        } catch (ParseException e) {
            throw new InputException(new nl.ruimteschets.model.UserMessage("pg.geometry.damaged", schema + "." + tableName), e);
        }
        tiles.putAll(got);
        fetchedTiles += got.size();
    }

    private static long key(long tx, long ty) {
        return (tx << 32) ^ (ty & 0xFFFFFFFFL);
    }
}
