package nl.ruimteschets.io.postgis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nl.ruimteschets.io.ProjectStorage.ConnectionState;
import nl.ruimteschets.io.ReportJson;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.change.Change;
import org.postgresql.PGNotification;

/**
 * The thread that LISTENs on a project's channel with its own connection, turns colleagues' notifications
 * into changes and hands them to the subscriber in commit order. When the connection drops it reports
 * {@link ConnectionState#LOST}, retries every second, and after reconnecting catches up with everything
 * it missed ({@link PostgisStorage#resync}) before reporting {@link ConnectionState#CONNECTED}.
 * Thread-safe: {@link #start}, {@link #wake} and {@link #stop} may be called from any thread.
 */
final class ChangeFeed implements Runnable {
    private static final System.Logger LOG = System.getLogger(ChangeFeed.class.getName());
    private static final int POLL_MS = 100;
    private static final long PING_NS = 3_000_000_000L;

    private final PostgisStorage store;
    private volatile Connection listener;
    private volatile Consumer<List<Change>> changes;
    private volatile Consumer<ConnectionState> state;
    private volatile boolean running;
    private volatile Thread thread;

    ChangeFeed(PostgisStorage store) {
        this.store = store;
    }

    /** Opens the listening connection (before the project is read, so nothing between is missed). */
    void listen() throws SQLException, InputException {
        Connection c = store.connector().connect();
        try {
            PgSql.exec(c, "LISTEN " + PgSql.ident(store.channel()));
        } catch (SQLException | InputException e) {
            PostgisStorage.closeQuietly(c);
            throw e;
        }
        listener = c;
    }

    synchronized void start(Consumer<List<Change>> changesListener, Consumer<ConnectionState> stateListener) {
        this.changes = changesListener;
        this.state = stateListener;
        if (thread != null) return;
        running = true;
        thread = new Thread(this, "postgis-feed-" + store.schema());
        thread.setDaemon(true);
        thread.start();
    }

    /** A write found the connection broken: check at once. */
    void wake() {
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        PostgisStorage.closeQuietly(listener);
        listener = null;
    }

    @Override
    public void run() {
        boolean wasLost = false;
        long lastPing = System.nanoTime();
        while (running) {
            try {
                Connection c = listener;
                if (c == null) {
                    listen();
                    c = listener;
                    List<Change> missed = store.resync(c);
                    if (!missed.isEmpty()) changes.accept(missed);
                    store.connectionLost(false);
                    state.accept(ConnectionState.CONNECTED);
                    wasLost = false;
                }
                PGNotification[] ns = PostgisStorage.poll(c, POLL_MS);
                if (ns != null && ns.length > 0) {
                    List<Change> out = new ArrayList<>();
                    for (PGNotification n : ns) {
                        JsonNode msg = ReportJson.MAPPER.readTree(n.getParameter());
                        if (store.clientId().equals(msg.path("c").asText())) continue;
                        out.addAll(store.changesFor(c, msg));
                    }
                    if (!out.isEmpty()) changes.accept(out);
                }
                if (System.nanoTime() - lastPing > PING_NS) {
                    // an idle socket to a vanished server shows nothing until used
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
                        ps.execute();
                    }
                    lastPing = System.nanoTime();
                }
                if (Thread.interrupted() && running && !c.isValid(2)) throw new SQLException("connection lost", "08006");
            } catch (SQLException | InputException | IOException | RuntimeException e) {
                if (!running) break;
                PostgisStorage.closeQuietly(listener);
                listener = null;
                if (!wasLost) {
                    LOG.log(System.Logger.Level.INFO, "PostGIS store " + store.location() + ": connection lost ("
                            + e.getClass().getSimpleName() + ")");
                    store.connectionLost(true);
                    state.accept(ConnectionState.LOST);
                    wasLost = true;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    if (!running) break;
                }
            }
        }
    }
}
