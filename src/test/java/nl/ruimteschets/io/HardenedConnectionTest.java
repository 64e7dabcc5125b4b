package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project opened the way the app opens it cannot be made to load code or trust its stored views. */
class HardenedConnectionTest {

    @Test
    void openedProjectRefusesExtensionsAndUntrustedSchemaCode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.gpkg");
        GeoPackageManager.create(file.toFile(), false);
        GeoPackage gp = GeoPackageLayers.open(file, true);
        try {
            Connection c = GeoPackageLayers.connection(gp);
            try (Statement s = c.createStatement()) {
                assertEquals(0, pragma(s, "trusted_schema"), "stored views/triggers may call only innocuous functions");
                assertEquals(1, pragma(s, "cell_size_check"));
                // a view that a hostile file brings along cannot load a shared library either
                SQLException e = assertThrows(SQLException.class,
                        () -> s.executeQuery("SELECT load_extension('/tmp/does-not-matter.so')").close());
                assertEquals(true, e.getMessage().contains("not authorized"), e.getMessage());
            }
        } finally {
            gp.close();
        }
    }

    private static int pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
