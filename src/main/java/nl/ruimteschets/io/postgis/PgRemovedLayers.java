package nl.ruimteschets.io.postgis;

import static nl.ruimteschets.io.postgis.PgSql.ident;
import static nl.ruimteschets.io.postgis.PgSql.table;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * Removing a layer that stays in the database (listed in {@value BigLayers#STORAGE}) without losing it: the
 * planner's undo brings back the same {@code Layer} object, which holds no features, so a dropped table could only
 * come back empty. The removal therefore renames the table to a hidden name ({@value #PREFIX}&lt;name&gt;) and moves
 * its mark along; undo renames it back. A hidden table stays until the same layer name is removed again (the older
 * one is dropped then) or someone drops it by hand; the project's loader does not list it as a layer and it has no
 * QGIS style row. Stateless; thread-safe; the caller owns the transaction.
 */
final class PgRemovedLayers {
    /** Hidden tables start with this; the loader skips them. */
    static final String PREFIX = "rs_removed_";
    /** PostgreSQL's identifier limit in bytes: a longer name would be cut silently and could meet another one. */
    private static final int MAX_IDENT_BYTES = 63;

    private PgRemovedLayers() { }

    /** Whether a table of the project is a removed layer kept for undo. */
    static boolean isHidden(String table) {
        return table.startsWith(PREFIX);
    }

    /** The hidden name for a removed layer's table: the prefix and the name, shortened with a hash past 63 bytes. */
    static String hiddenName(String layer) {
        String full = PREFIX + layer;
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENT_BYTES) return full;
        String hash = String.format("_%08x", layer.hashCode());
        StringBuilder b = new StringBuilder(PREFIX);
        for (int i = 0; i < layer.length(); ) {
            int cp = layer.codePointAt(i);
            String next = new String(Character.toChars(cp));
            if ((b + next + hash).getBytes(StandardCharsets.UTF_8).length > MAX_IDENT_BYTES) break;
            b.append(next);
            i += Character.charCount(cp);
        }
        return b + hash;
    }

    /**
     * Hides the table of a removed layer when it stays in the database; returns false (the caller drops it, as
     * for a layer held in memory, whose undo writes its features again) when the layer is not marked to stay.
     */
    static boolean hide(Connection c, String schema, String layer) throws SQLException, InputException {
        if (!keptInDatabase(c, schema, layer) || !PgSql.tableExists(c, schema, layer)) return false;
        String hidden = hiddenName(layer);
        PgSql.exec(c, "DROP TABLE IF EXISTS " + table(schema, hidden) + " CASCADE");
        moveMark(c, schema, layer, hidden);
        PgSql.exec(c, "ALTER TABLE " + table(schema, layer) + " RENAME TO " + ident(hidden));
        return true;
    }

    /**
     * Brings back the table of a layer kept in the database that a removal hid (undo of the removal, or a redo of
     * its addition), with its mark. Nothing to do when the table is there.
     *
     * @throws InputException when neither the table nor a hidden copy is there, in the planner's words: adding it
     *                        would create an empty table in place of the layer
     */
    static void restore(Connection c, String schema, String layer) throws SQLException, InputException {
        if (PgSql.tableExists(c, schema, layer)) return;
        String hidden = hiddenName(layer);
        if (!PgSql.tableExists(c, schema, hidden)) throw new InputException(new UserMessage("pg.layer.removed.gone", layer));
        PgSql.exec(c, "ALTER TABLE " + table(schema, hidden) + " RENAME TO " + ident(layer));
        moveMark(c, schema, hidden, layer);
    }

    private static boolean keptInDatabase(Connection c, String schema, String layer) throws SQLException, InputException {
        if (!PgSql.tableExists(c, schema, BigLayers.STORAGE)) return false;
        try (PreparedStatement ps = c.prepareStatement("SELECT in_database FROM " + table(schema, BigLayers.STORAGE)
                + " WHERE layer_table = ?")) {
            ps.setString(1, layer);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void moveMark(Connection c, String schema, String from, String to) throws SQLException, InputException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table(schema, BigLayers.STORAGE) + " WHERE layer_table = ?")) {
            del.setString(1, to);
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(schema, BigLayers.STORAGE)
                + " SET layer_table = ? WHERE layer_table = ?")) {
            ps.setString(1, to);
            ps.setString(2, from);
            ps.executeUpdate();
        }
    }
}
