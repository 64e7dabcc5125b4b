package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.io.postgis.ProjectDigest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code copy} on the command line as a GIS colleague runs it: the sample GeoPackage to PostGIS and back to
 * a new GeoPackage, the two files holding the same project; the password comes from a .pgpass file, never
 * from the address. Skipped without a PostgreSQL server.
 */
class CopyCommandTest {
    @TempDir Path dir;

    @AfterEach
    void forgetPgpass() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    @Test
    void copiesGeoPackageToPostgisAndBackWithoutLoss() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        pg.usePgpassIn(dir); // the password from a file in libpq's format, as on a planner's laptop

        Path a = dir.resolve("voorbeeld.gpkg");
        Path b = dir.resolve("terug.gpkg");
        String url = pg.url("cli_copy_" + ProcessHandle.current().pid());
        assertEquals(0, CliTest.cli("sample", a.toString()).code());

        CliTest.Run there = CliTest.cli("copy", a.toString(), url);
        assertEquals(0, there.code(), there.err());
        assertTrue(there.out().contains("postgresql://"), there.out());
        CliTest.Run back = CliTest.cli("copy", url, b.toString());
        assertEquals(0, back.code(), back.err());

        assertEquals(ProjectDigest.of(ProjectStore.open(a)), ProjectDigest.of(ProjectStore.open(b)), "the round trip is lossless");
        CliTest.Run layers = CliTest.cli("layers", url);
        assertEquals(0, layers.code(), layers.err());
        assertFalse(layers.out().isBlank());

        // a wrong schema name is said in words, without a stack trace
        CliTest.Run missing = CliTest.cli("copy", pg.url("bestaat_niet"), dir.resolve("x.gpkg").toString());
        assertTrue(missing.code() != 0);
        assertFalse((missing.out() + missing.err()).contains("Exception"), missing.err());
        assertTrue(missing.err().contains("bestaat_niet"), missing.err());
    }
}
