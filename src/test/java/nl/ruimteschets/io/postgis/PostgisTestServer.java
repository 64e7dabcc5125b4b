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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * One throwaway PostgreSQL + PostGIS cluster for all tests of a run, started by {@code .ci/pg-cluster} in
 * a temp folder on a free local port (as the postgres user when running as root) and stopped when the JVM
 * exits. Tests call {@link #require()}: without server binaries they are skipped with a visible message;
 * in CI ({@code RS_REQUIRE_POSTGIS} set by .ci/run, which installs the server) they fail instead.
 * {@link #requireSsl()} starts a separate cluster with SSL on for one test class, which closes it. Thread-safe.
 */
public final class PostgisTestServer implements AutoCloseable {
    private static PostgisTestServer instance;
    private static String unavailable;
    private static String sslUnavailable;

    private final Path script;
    private final Path dir;
    private final int port;
    private final char[] password;
    private final boolean ssl;
    private Thread stopAtExit;

    private PostgisTestServer(Path script, Path dir, int port, char[] password, boolean ssl) {
        this.script = script;
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.ssl = ssl;
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
        if (instance == null) skip("PostgreSQL/PostGIS test server", unavailable);
        return instance;
    }

    /**
     * A new cluster of its own with SSL on (see {@code .ci/pg-cluster --ssl}): its certificate is signed by
     * {@link #caCert()}, {@link #otherCaCert()} signed nothing of it, and TCP connections without encryption
     * are refused. The caller closes it (after its test class). Skipped or failed as {@link #require()}.
     */
    public static PostgisTestServer requireSsl() {
        synchronized (PostgisTestServer.class) {
            if (sslUnavailable == null) {
                try {
                    return start("--ssl");
                } catch (IOException | InterruptedException e) {
                    sslUnavailable = e.getMessage(); // not tried again by every test of the class
                }
            }
        }
        skip("PostgreSQL test server with SSL", sslUnavailable);
        throw new AssertionError("unreachable");
    }

    private static void skip(String what, String reason) {
        if (System.getenv("RS_REQUIRE_POSTGIS") != null) {
            throw new AssertionError("RS_REQUIRE_POSTGIS is set (CI) but no " + what + ": " + reason);
        }
        System.err.println("SKIPPED: no " + what + ": " + reason);
        Assumptions.abort("no " + what + ": " + reason);
    }

    private static PostgisTestServer start(String... options) throws IOException, InterruptedException {
        Path script = Path.of(".ci/pg-cluster").toAbsolutePath();
        if (!Files.isExecutable(script)) throw new IOException(script + " missing");
        Path dir = Files.createTempDirectory("rs-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(script.toString(), "start", dir.toString(), String.valueOf(port)));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(dir); // the script may not have run far enough to remove it
            throw new IOException("cluster did not start: " + err);
        }
        PostgisTestServer server = new PostgisTestServer(script, dir, port,
                new String(out, StandardCharsets.UTF_8).trim().toCharArray(), options.length > 0);
        server.stopAtExit = new Thread(server::stop);
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        return server;
    }

    private void stop() {
        try {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop test cluster in " + dir + ": " + e.getMessage());
        }
    }

    /** Stops a cluster of {@link #requireSsl()} now rather than at exit (the shared one stays up). */
    @Override
    public synchronized void close() {
        if (this == instance || stopAtExit == null) return;
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
        stopAtExit = null;
        stop();
    }

    /** The CA that signed the SSL cluster's certificate (for sslrootcert). */
    public Path caCert() { return dir.resolve("ssl/ca.crt"); }

    /** A CA that signed nothing of this cluster: a server certificate checked against it must be refused. */
    public Path otherCaCert() { return dir.resolve("ssl/other-ca.crt"); }

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

    /**
     * Writes the superuser's password into a libpq password file in {@code dir} and points the driver at it
     * (system property {@code org.postgresql.pgpassfile}, read before ~/.pgpass), as the command line finds a
     * password; the caller clears the property after the test.
     */
    public void usePgpassIn(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path pgpass = dir.resolve("pgpass");
        java.nio.file.Files.writeString(pgpass, "127.0.0.1:" + port + ":rs_test:postgres:" + new String(password) + "\n");
        java.nio.file.Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        System.setProperty("org.postgresql.pgpassfile", pgpass.toString());
    }

    /** A superuser connection for test set-up (roles, dropping schemas). */
    public Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", new String(password));
        if (ssl) p.setProperty("sslmode", "require"); // the SSL cluster admits only encrypted TCP
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/rs_test", p);
    }

    public void sql(String sql) throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public Path dir() { return dir; }
}
