package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LauncherTest {
    @Test
    void theAppsOwnArgumentsOpenTheWindowWithoutAskingTheCommandLine() {
        assertTrue(Launcher.onlyAppArguments(new String[0]), "double-click: no arguments");
        assertTrue(Launcher.onlyAppArguments(new String[] {"/home/planner/Schets Zeeland.GPKG", "--lang", "en"}));
        assertTrue(Launcher.onlyAppArguments(new String[] {"--exit-after-shown"}));
        assertTrue(Launcher.onlyAppArguments(new String[] {"postgresql://gis.provincie.nl/planning?schema=havens"}),
                "a PostGIS project's URL opens the window, as the README says");
    }

    @Test
    void anythingElseIsCheckedAgainstTheSubcommands() {
        assertFalse(Launcher.onlyAppArguments(new String[] {"report", "plan.gpkg", "--scenario", "Basis"}));
        assertFalse(Launcher.onlyAppArguments(new String[] {"--help"}));
        assertFalse(Launcher.onlyAppArguments(new String[] {"plan.gpkg", "--lang"}), "--lang without a value");
        assertFalse(Launcher.onlyAppArguments(new String[] {"kaart.shp"}));
    }

    @Test
    void aProjectFileIsWhatTheWindowOpensInsteadOfTheSample() {
        RuimteschetsApp.Options o = RuimteschetsApp.Options.parse(java.util.List.of("plan.gpkg", "--lang", "en"));
        org.junit.jupiter.api.Assertions.assertEquals(java.nio.file.Path.of("plan.gpkg"), o.file());
        org.junit.jupiter.api.Assertions.assertEquals("en", o.lang());
        org.junit.jupiter.api.Assertions.assertNull(RuimteschetsApp.Options.parse(java.util.List.of("--exit-after-shown")).file());
    }
}
