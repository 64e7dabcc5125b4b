package nl.ruimteschets.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityCatalogueTest {

    @Test
    void parsesTheBundledCatalogue() {
        List<ActivityProfile> ps = ActivityCatalogue.defaults();
        assertTrue(ps.size() >= 9 && ps.size() <= 12, "about ten profiles, got " + ps.size());
        for (ActivityProfile p : ps) {
            assertTrue(p.nettoBrutoRatio() > 0 && p.nettoBrutoRatio() <= 1, p.name());
            assertTrue(p.gifwolkM() <= ActivityProfile.GIFWOLK_CAP_M, p.name());
            assertTrue(p.noiseLw() >= 45 && p.noiseLw() <= 75, p.name());
            assertFalse(p.description().isBlank(), p.name());
            assertTrue(p.sourceTags().contains("noise:") && p.sourceTags().contains("nb:"), p.name());
        }
        assertTrue(ps.stream().anyMatch(p -> p.name().equals("Waterstof / elektrolyse")));
        assertTrue(ps.stream().anyMatch(p -> p.name().equals("Circulaire hub / recycling")));
        assertTrue(ps.stream().anyMatch(ActivityProfile::dayOnly));
        assertEquals(ps.size(), ps.stream().map(ActivityProfile::name).distinct().count(), "names unique");
    }

    @Test
    void malformedRowNamesItsLine() {
        String text = "# comment\n"
                + "name,noise_lw_dba_m2,noise_height_m,day_only,pr_1e6_m,brand_m,explosie_m,gifwolk_m,"
                + "nox_kg_ha_yr,nh3_kg_ha_yr,emission_height_m,netto_bruto,source_tags,description\n"
                + "A,60,5,false,0,0,0,0,1,1,5,0.7,noise:K,ok\n"
                + "B,zestig,5,false,0,0,0,0,1,1,5,0.7,noise:K,bad\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivityCatalogue.parse(
                CsvTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv")));
        assertTrue(e.getMessage().startsWith("t.csv:4:"), e.getMessage());
    }

    @Test
    void ratioOutOfRangeAndTooFewColumnsFailWithLine() {
        String header = "name,noise_lw_dba_m2,noise_height_m,day_only,pr_1e6_m,brand_m,explosie_m,gifwolk_m,"
                + "nox_kg_ha_yr,nh3_kg_ha_yr,emission_height_m,netto_bruto,source_tags,description\n";
        String ratio = header + "A,60,5,false,0,0,0,0,1,1,5,1.2,noise:K,x\n";
        String cols = header + "A,60,5\n";
        for (String text : List.of(ratio, cols)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivityCatalogue.parse(
                    CsvTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv")));
            assertTrue(e.getMessage().startsWith("t.csv:2:"), e.getMessage());
        }
    }
}
