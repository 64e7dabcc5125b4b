package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks our files with GDAL's ogrinfo, the reader QGIS uses. Skipped when ogrinfo is absent. */
class GeoPackageGdalTest {
    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    @TempDir Path dir;

    static String ogrinfo(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(OGRINFO.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void exportedLayerAndSavedProject() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OGRINFO), "ogrinfo not installed: GDAL cross-check skipped");
        Path layer = dir.resolve("export.gpkg");
        new GeoPackageWriter().write(layer, "plots", GeoPackageRoundTripTest.FIELDS, GeoPackageRoundTripTest.plots(),
                ProgressListener.NONE);
        String info = ogrinfo("-so", layer.toString(), "plots");
        assertTrue(info.contains("Amersfoort / RD New"), info);
        assertTrue(info.contains("Feature Count: 2"), info);
        assertTrue(info.contains("Multi Polygon"), info);
        assertTrue(info.contains("FID Column = fid"), info);

        Path project = dir.resolve("project.gpkg");
        ProjectStore.save(ProjectStoreTest.sample(), project);
        String tables = ogrinfo("-so", project.toString());
        for (String t : List.of("clusters", "rs_candidate", "rs_meta", "rs_layer_role", "rs_cluster",
                "rs_activity_profile", "rs_scenario")) {
            assertTrue(tables.contains(t), t + " missing in\n" + tables);
        }
        String candidates = ogrinfo("-so", project.toString(), "rs_candidate");
        assertTrue(candidates.contains("Feature Count: 3"), candidates);
        assertTrue(candidates.contains("Amersfoort / RD New"), candidates);
        assertTrue(candidates.contains("nox_kg_yr_override"), candidates);
        String all = ogrinfo("-al", "-so", project.toString(), "clusters");
        assertTrue(all.contains("Feature Count: 2"), all);
    }
}
