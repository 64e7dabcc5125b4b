package nl.ruimteschets.io.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code sslmode} against a real PostgreSQL with SSL on (its own throwaway cluster with a self-signed CA, see
 * {@code .ci/pg-cluster --ssl}; TCP without encryption is refused there). Skipped visibly without a server.
 */
class PgSslTest {
    private static final Locale NL = Locale.forLanguageTag("nl");
    private static PostgisTestServer pg;

    /** Started by the first test (per test rather than in @BeforeAll, so that a skip is counted for every test in the surefire summary). */
    @BeforeEach
    void sslCluster() {
        synchronized (PgSslTest.class) {
            if (pg == null) pg = PostgisTestServer.requireSsl();
        }
    }

    @AfterAll
    static void stopSslCluster() {
        if (pg != null) pg.close();
        pg = null;
    }

    private static String url(String sslOptions) {
        return pg.url("ssl_" + ProcessHandle.current().pid()) + "&" + sslOptions;
    }

    private static String rootCert(Path ca) {
        return "sslrootcert=" + URLEncoder.encode(ca.toString(), StandardCharsets.UTF_8);
    }

    /** Whether the server itself sees this session as encrypted (not just what the client asked for). */
    private static boolean encrypted(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertTrue(r.next());
            return r.getBoolean(1);
        }
    }

    private static void assertInWordsOnly(String text) {
        for (String leak : new String[] {"Exception", "PSQL", "SSL error", "PKIX", "pg_hba", "FATAL", "SELECT", "\tat ", "/tmp"}) {
            assertFalse(text.contains(leak), () -> "'" + leak + "' in: " + text);
        }
    }

    /** Opening the project is refused with this message; its Dutch text (English checked for leaks too). */
    private static String refusedInWords(String url, PgConnector.PasswordPrompt prompt, String key) {
        InputException x = assertThrows(InputException.class, () -> ProjectStorage.open(url, prompt));
        assertEquals(key, x.userMessage().key());
        String nl = x.getMessage(NL);
        assertInWordsOnly(nl);
        assertInWordsOnly(x.getMessage(Locale.ENGLISH));
        return nl;
    }

    @Test
    void sslmodeRequireGivesAnEncryptedSession() throws Exception {
        PgConnector connector = new PgConnector(PgLocation.parse(url("sslmode=require")), pg.prompt());
        try (Connection c = connector.connect()) {
            assertTrue(encrypted(c), "the server sees the session unencrypted");
        }
    }

    @Test
    void verifyFullWithTheServersCaAndMatchingHostConnectsAndOpensAProject() throws Exception {
        // the certificate names localhost (only); the cluster listens on 127.0.0.1
        String url = url("sslmode=verify-full&" + rootCert(pg.caCert())).replace("@127.0.0.1:", "@localhost:");
        try (Connection c = new PgConnector(PgLocation.parse(url), pg.prompt()).connect()) {
            assertTrue(encrypted(c));
        }
        // the whole store works over it, not only a bare connection
        try (ProjectStorage store = ProjectStorage.open(url, pg.prompt())) {
            store.save(new Project());
            store.load();
        }
    }

    @Test
    void verifyFullWithAnotherCaIsRefusedInWords() throws Exception {
        String nl = refusedInWords(url("sslmode=verify-full&" + rootCert(pg.otherCaCert())), pg.prompt(), "pg.connect.ssl.failed");
        assertTrue(nl.contains("certificaat van de server is niet vertrouwd") && nl.contains("127.0.0.1:" + pg.port()), nl);
    }

    @Test
    void verifyFullWithTheRightCaButAnotherHostNameIsRefusedInWords() throws Exception {
        // 127.0.0.1 reaches the same server, but its certificate is for localhost: a man in the middle's view
        String url = url("sslmode=verify-full&" + rootCert(pg.caCert()));
        String nl = refusedInWords(url, pg.prompt(), "pg.connect.ssl.failed");
        assertTrue(nl.contains("hoort niet bij deze servernaam"), nl);
        // verify-ca checks the signature only, not the name: the same address connects
        try (Connection c = new PgConnector(PgLocation.parse(url.replace("verify-full", "verify-ca")), pg.prompt()).connect()) {
            assertTrue(encrypted(c));
        }
    }

    @Test
    void sslmodeDisableAgainstAServerThatDemandsSslIsRefusedInWords() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        String nl = refusedInWords(url("sslmode=disable"), (l, u) -> {
            asked.incrementAndGet();
            return pg.prompt().ask(l, u);
        }, "pg.connect.ssl.needed");
        assertTrue(nl.contains("alleen versleutelde verbindingen") && nl.contains("sslmode=disable"), nl);
        assertEquals(0, asked.get(), "the password is not what was wrong: the planner should not be asked for it");
    }
}
