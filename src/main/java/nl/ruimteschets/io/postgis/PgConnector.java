package nl.ruimteschets.io.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;

/**
 * Opens JDBC connections to a {@link PgLocation}. The password is never part of the location: it comes
 * from {@code PGPASSWORD}, from {@code ~/.pgpass} (read by the driver itself), or, when the server asks for
 * one and those gave none, from the {@link PasswordPrompt}; an answer from the prompt is kept in memory
 * only, for reconnecting. {@code sslmode} and the other SSL options of the URL go to the driver unchanged.
 * Thread-safe.
 */
public final class PgConnector {
    /** Asks the planner for the password of a database user; null when they cancel. */
    @FunctionalInterface
    public interface PasswordPrompt {
        char[] ask(PgLocation location, String user);

        PasswordPrompt NONE = (l, u) -> null;
    }

    private final PgLocation location;
    private final PasswordPrompt prompt;
    private volatile char[] prompted;

    public PgConnector(PgLocation location, PasswordPrompt prompt) {
        this.location = location;
        this.prompt = prompt == null ? PasswordPrompt.NONE : prompt;
    }

    public PgLocation location() { return location; }

    /** The database user: from the URL, else PGUSER, else the operating-system user (as libpq does). */
    public String user() {
        if (location.user() != null) return location.user();
        String env = System.getenv("PGUSER");
        return env != null && !env.isBlank() ? env : System.getProperty("user.name");
    }

    /**
     * A new connection (auto-commit on).
     *
     * @throws InputException in the planner's words: server not reachable, wrong password, no such database
     */
    public Connection connect() throws InputException {
        try {
            return DriverManager.getConnection(location.jdbcUrl(), properties(passwordWithoutPrompt()));
        } catch (SQLException e) {
            if (needsPassword(e) && prompted == null) {
                char[] answer = prompt.ask(location, user());
                if (answer != null) {
                    try {
                        Connection c = DriverManager.getConnection(location.jdbcUrl(), properties(answer));
                        prompted = answer;
                        return c;
                    } catch (SQLException again) {
                        Arrays.fill(answer, '\0');
                        throw translate(again);
                    }
                }
            }
            throw translate(e);
        }
    }

    private char[] passwordWithoutPrompt() {
        if (prompted != null) return prompted;
        String env = System.getenv("PGPASSWORD");
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    private Properties properties(char[] password) {
        Properties p = new Properties();
        p.setProperty("user", user());
        if (password != null) p.setProperty("password", new String(password));
        p.setProperty("ApplicationName", "Ruimteschets");
        p.setProperty("connectTimeout", location.options().getOrDefault("connect_timeout", "5"));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("reWriteBatchedInserts", "true");
        return p;
    }

    private static boolean needsPassword(SQLException e) {
        String state = e.getSQLState();
        return "28P01".equals(state) || ("28000".equals(state) && !hbaRejected(e))
                || ("08004".equals(state) && String.valueOf(e.getMessage()).contains("password"));
    }

    /**
     * The server's pg_hba.conf admits no such connection at all (before any password): "no pg_hba.conf entry
     * for host …" (28000). The file's name stays in every language the server may answer in. A password
     * would not help, so nobody is asked for one.
     */
    private static boolean hbaRejected(SQLException e) {
        return "28000".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("pg_hba.conf");
    }

    /** The address switches SSL off (sslmode=disable) and the server admits only encrypted connections (hostssl). */
    private boolean sslNeeded(SQLException e) {
        return "disable".equals(location.options().get("sslmode")) && hbaRejected(e);
    }

    /** The address asks for SSL (sslmode=require or verify-…) and the server offers none. */
    private boolean sslRefused(SQLException e) {
        String mode = location.options().getOrDefault("sslmode", "prefer");
        boolean required = mode.equals("require") || mode.startsWith("verify");
        // pgjdbc: "The server does not support SSL." (08004), in any of its languages still naming SSL
        return required && "08004".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("SSL");
    }

    /**
     * The server's certificate was refused: the TLS handshake failed (not signed by a trusted CA), or, with
     * verify-full, it names another host. pgjdbc says the latter without an SSLException, as a plain
     * connection failure ("The hostname … could not be verified by hostnameverifier PgjdbcHostnameVerifier",
     * the verifier's class name in every language), which would otherwise read as "server not reachable".
     */
    private boolean sslFailed(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof javax.net.ssl.SSLException) return true;
        return "verify-full".equals(location.options().get("sslmode"))
                && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("hostnameverifier");
    }

    /** A connection failure as a message naming the location (never the password, SQL or a stack trace). */
    public InputException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String key;
        if (needsPassword(e)) key = "pg.connect.auth";
        else if (sslRefused(e)) key = "pg.connect.ssl";
        else if (sslNeeded(e)) key = "pg.connect.ssl.needed";
        else if (sslFailed(e)) key = "pg.connect.ssl.failed";
        else if (state.equals("3D000")) key = "pg.connect.database";
        else if (state.startsWith("08")) key = "pg.connect.unreachable";
        else key = "pg.connect.failed";
        return new InputException(new UserMessage(key, location.toString(), user()), e);
    }
}
