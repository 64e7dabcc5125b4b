package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile's heat content (MW) is kept in rs_activity_profile; files written before it existed read as 0 MW. */
class ProfileHeatTest {
    @TempDir Path dir;

    @Test
    void heatContentRoundTripsAndOldFilesReadAsCold() throws Exception {
        Project p = new Project();
        p.putProfile(new ActivityProfile("Centrale", "", 62, 10, false, 100, 150, 250, 0, 170_000, 0, 100, 0.7, "", 12.5));
        Path file = dir.resolve("p.gpkg");
        ProjectStore.save(p, file);
        assertEquals(12.5, ProjectStore.open(file).profiles().get("Centrale").heatMw(), 0);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE rs_activity_profile DROP COLUMN heat_mw"); // as written before heat was recorded
        }
        ActivityProfile old = ProjectStore.open(file).profiles().get("Centrale");
        assertEquals(0.0, old.heatMw(), 0);
        assertEquals(100.0, old.emissionHeightM(), 0);
    }
}
