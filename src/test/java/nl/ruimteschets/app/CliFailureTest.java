package nl.ruimteschets.app;

import static nl.ruimteschets.app.CliTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No user sees a Java stack trace (#9 §3): every command-line failure is one clear line with exit 2
 * (usage) or 3 (bad input); --layer names the project layer and --table the GeoPackage table; an
 * unknown subcommand never opens a window; without a display the app says so in one line.
 */
class CliFailureTest {
    @TempDir Path dir;

    static final String RD_JSON = """
            {"type":"FeatureCollection","name":"kavels","features":[{"type":"Feature","properties":{"naam":"Botlek"},
             "geometry":{"type":"Polygon","coordinates":[[[78000,435000],[79000,435000],[79000,436000],[78000,436000],[78000,435000]]]}}]}""";
    static final String WGS_JSON = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"naam":"Fochteloërveen"},
             "geometry":{"type":"Polygon","coordinates":[[[6.38,53.0],[6.42,53.0],[6.42,53.02],[6.38,53.02],[6.38,53.0]]]}}]}""";

    static void assertOneLine(CliTest.Run r, int code) {
        assertEquals(code, r.code(), r.out() + r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace: " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
    }

    @Test
    void rdGeoJsonWithoutCrsImportsWithAWarning() throws Exception {
        Path f = Files.writeString(dir.resolve("gdal.geojson"), RD_JSON);
        CliTest.Run r = cli("import", dir.resolve("p.gpkg").toString(), f.toString(), "--role", "AVAILABLE_PLOT");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("EPSG:28992") && r.out().contains("RD New"), r.out());
    }

    @Test
    void aForcedCrsThatDoesNotFitIsRefusedInOneLineNamingTheLikelyCrs() throws Exception {
        Path wgs = Files.writeString(dir.resolve("graden.geojson"), WGS_JSON);
        CliTest.Run r = cli("import", dir.resolve("p.gpkg").toString(), wgs.toString(), "--role", "NATURA2000",
                "--crs", "EPSG:28992");
        assertOneLine(r, 3);
        assertTrue(r.err().contains("EPSG:4326"), r.err());
        assertFalse(Files.exists(dir.resolve("p.gpkg")), "nothing imported into a 4 x 3 m box");

        Path rd = Files.writeString(dir.resolve("rd.geojson"), RD_JSON);
        CliTest.Run en = cli("--lang", "en", "import", dir.resolve("p.gpkg").toString(), rd.toString(), "--role",
                "NATURA2000", "--crs", "EPSG:4326");
        assertOneLine(en, 3);
        assertTrue(en.err().contains("probably EPSG:28992"), en.err());
    }

    @Test
    void layerNamesTheProjectLayerAndTableTheGeoPackageTable() throws Exception {
        Path rd = Files.writeString(dir.resolve("rd.geojson"), RD_JSON);
        Path project = dir.resolve("p.gpkg");
        assertEquals(0, cli("import", project.toString(), rd.toString(), "--role", "AVAILABLE_PLOT").code());
        assertEquals(0, cli("import", project.toString(), rd.toString(), "--role", "AVAILABLE_PLOT", "--layer", "tweede").code());
        // A GeoPackage with one feature table needs neither option; --layer only names the new layer.
        Path single = dir.resolve("een.gpkg");
        assertEquals(0, cli("import", single.toString(), rd.toString(), "--role", "AVAILABLE_PLOT", "--layer", "kavels").code());
        CliTest.Run one = cli("import", dir.resolve("q.gpkg").toString(), single.toString(), "--role", "AVAILABLE_PLOT",
                "--layer", "Kavels Botlek");
        assertEquals(0, one.code(), one.err());
        assertTrue(cli("layers", dir.resolve("q.gpkg").toString()).out().contains("Kavels Botlek"));
        // Several tables: --table picks one, --layer still names the layer; without --table the message lists them.
        CliTest.Run none = cli("import", dir.resolve("r.gpkg").toString(), project.toString(), "--role", "AVAILABLE_PLOT");
        assertOneLine(none, 3);
        assertTrue(none.err().contains("--table") && none.err().contains("tweede"), none.err());
        CliTest.Run picked = cli("import", dir.resolve("r.gpkg").toString(), project.toString(), "--role", "AVAILABLE_PLOT",
                "--table", "tweede", "--layer", "Nieuwe kavels");
        assertEquals(0, picked.code(), picked.err());
        assertTrue(cli("layers", dir.resolve("r.gpkg").toString()).out().contains("Nieuwe kavels"));
    }

    @Test
    void usageErrorsAreOneLine() {
        assertOneLine(cli("foo"), 2);
        assertTrue(cli("foo").err().contains("--help"));
        assertOneLine(cli("import", "a.gpkg"), 2);
        assertOneLine(cli("export", dir.resolve("x.gpkg").toString()), 2);
    }

    @Test
    void badFilesAreOneLine() throws Exception {
        Path notJson = Files.writeString(dir.resolve("kapot.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{");
        assertOneLine(cli("import", dir.resolve("p.gpkg").toString(), notJson.toString(), "--role", "BASEMAP"), 3);
        Path notGpkg = Files.writeString(dir.resolve("geen.gpkg"), "dit is geen GeoPackage");
        assertOneLine(cli("layers", notGpkg.toString()), 3);
        assertOneLine(cli("analyse", notGpkg.toString()), 3);
    }

    @Test
    void anUnexpectedErrorIsOneLineToo() {
        String line = Cli.failure(new IllegalStateException("Latitude is out of range: 8178.3"))
                .format(AppLocale.DUTCH);
        assertTrue(line.contains("Latitude is out of range") && !line.contains("\n"), line);
    }

    @Test
    void noDisplayIsRecognisedOnLinuxOnly() {
        assertNotNull(Launcher.noDisplay("Linux", null, ""));
        assertNull(Launcher.noDisplay("Linux", ":0", null));
        assertNull(Launcher.noDisplay("Linux", null, "wayland-0"));
        assertNull(Launcher.noDisplay("Windows 11", null, null));
        assertFalse(Launcher.onlyAppArguments(new String[] {"foo"}));
    }

    /** The real jar entry point in its own JVM: an unknown word and a missing display each end in one line. */
    @Test
    void theEntryPointNeverOpensAWindowForAnUnknownWordAndSaysWhenThereIsNoDisplay() throws Exception {
        CliTest.Run foo = launch(":99", "foo");
        assertOneLine(foo, 2);
        CliTest.Run noDisplay = launch(null);
        assertEquals(1, noDisplay.code(), noDisplay.err());
        assertTrue(noDisplay.err().contains("beeldscherm"), noDisplay.err());
        assertFalse(noDisplay.err().contains("\tat "), noDisplay.err());
    }

    private CliTest.Run launch(String display, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("RUIMTESCHETS_LANG");
        pb.environment().put("LANG", "C");
        if (display != null) pb.environment().put("DISPLAY", display);
        Path out = dir.resolve("out.txt"), err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        return new CliTest.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
