package nl.ruimteschets.io.postgis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One throwaway PostgreSQL + PostGIS cluster for all tests of a run, started by {@code .ci/pg-cluster} in
 * a temp folder on a free local port (as the postgres user when running as root) and stopped when the JVM
 * exits. Tests call {@link #require()}: without server binaries they are skipped with a visible message;
 * in CI ({@code RS_REQUIRE_POSTGIS} set by .ci/run, which installs the server) they fail instead. Thread-safe.
 */
public final class PostgisTestServer {
    private static PostgisTestServer instance;
    private static String unavailable;

    private final Path dir;
    private final int port;
    private final char[] password;

    private PostgisTestServer(Path dir, int port, char[] password) {
        this.dir = dir;
        this.port = port;
        this.password = password;
    }

    /** The running server, or the test is skipped (with the reason on stderr). */
    public static synchronized PostgisTestServer require() {
        if (instance == null && unavailable == null) {
            try {
                instance = start();
            } catch (IOException | InterruptedException e) {
                unavailable = e.getMessage();
            }
        }
        if (instance == null && System.getenv("RS_REQUIRE_POSTGIS") != null) {
            throw new AssertionError("RS_REQUIRE_POSTGIS is set (CI) but no PostgreSQL/PostGIS test server: " + unavailable);
        }
        if (instance == null) {
            System.err.println("SKIPPED: no PostgreSQL/PostGIS test server: " + unavailable);
            Assumptions.abort("no PostgreSQL/PostGIS test server: " + unavailable);
        }
        return instance;
    }

    private static PostgisTestServer start() throws IOException, InterruptedException {
        Path script = Path.of(".ci/pg-cluster").toAbsolutePath();
        if (!Files.isExecutable(script)) throw new IOException(script + " missing");
        Path dir = Files.createTempDirectory("rs-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(script.toString(), "start", dir.toString(), String.valueOf(port))
                .redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("cluster did not start: " + err);
        }
        PostgisTestServer server = new PostgisTestServer(dir, port,
                new String(out, StandardCharsets.UTF_8).trim().toCharArray());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("could not stop test cluster in " + dir + ": " + e.getMessage());
            }
        }));
        return server;
    }

    public int port() { return port; }

    /** The superuser's password, as a prompt would give it. */
    public PgConnector.PasswordPrompt prompt() {
        return (l, u) -> password.clone();
    }

    /** A project URL in the test database (superuser postgres). */
    public String url(String schema) {
        return "postgresql://postgres@127.0.0.1:" + port + "/rs_test?schema="
                + java.net.URLEncoder.encode(schema, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A superuser connection for test set-up (roles, dropping schemas). */
    public Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", new String(password));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/rs_test", p);
    }

    public void sql(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public Path dir() { return dir; }
}
