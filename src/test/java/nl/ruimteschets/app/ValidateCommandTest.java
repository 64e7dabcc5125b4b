package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ruimteschets validate}: the shipped cases and cases from files, text and JSON, and bad case files. */
class ValidateCommandTest {
    @TempDir Path dir;

    /** A shipped case copied to a folder, as a reviewer would run it from the shared reference set. */
    Path copyShipped(String name, String csv) throws Exception {
        for (String f : new String[] {name, csv}) {
            try (var in = getClass().getResourceAsStream("/nl/ruimteschets/validation/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        return dir.resolve(name);
    }

    @Test
    void jsonPerCaseWithTheIssueKeys() throws Exception {
        Path noise = copyShipped("noise_L100ha.json", "noise_L100ha.csv");
        Path ops = copyShipped("ops_maasvlakte.json", "ops_maasvlakte.csv");
        CliTest.Run r = CliTest.cli("validate", noise.toString(), ops.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode cases = new ObjectMapper().readTree(r.out()).get("cases");
        assertEquals(2, cases.size());
        JsonNode n = cases.get(0);
        assertEquals("noise_L100ha.json", n.get("case").asText());
        assertEquals("noise", n.get("kind").asText());
        assertEquals(48, n.get("receivers").asInt());
        for (String k : new String[] {"within_tolerance", "rms_db", "max_abs_db"}) assertTrue(n.get(k).isNumber(), k);
        JsonNode o = cases.get(1);
        assertEquals("nitrogen", o.get("kind").asText());
        for (String k : new String[] {"within_tolerance", "median_ratio", "p5_ratio", "p95_ratio", "max_ratio", "total_ratio"}) {
            assertTrue(o.get(k).isNumber(), k);
        }
        assertTrue(o.get("within_tolerance").asDouble() >= 0.9);
    }

    @Test
    void shippedCasesInWords() {
        CliTest.Run r = CliTest.cli("--lang", "en", "validate", "--shipped");
        assertEquals(0, r.code(), r.err());
        for (String c : new String[] {"ops_maasvlakte.json", "ops_moerdijk.json", "noise_compact200ha.json", "noise_L100ha.json"}) {
            assertTrue(r.out().contains(c), r.out());
        }
        assertTrue(r.out().contains("within ×1.5") && r.out().contains("RMS"), r.out());
    }

    @Test
    void aBadCaseFileExitsWith3AndSaysWhy() throws Exception {
        Path bad = dir.resolve("kapot.json");
        Files.writeString(bad, "{\"kind\": \"nitrogen\", \"source_wkt\": \"POLYGON ((0 0, 1 0, 1 1, 0 0))\"}");
        CliTest.Run r = CliTest.cli("validate", bad.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("kapot.json") && r.err().contains("nox_kg_per_yr"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        Path noCsv = dir.resolve("zonder.json");
        Files.writeString(noCsv, Files.readString(copyShipped("noise_L100ha.json", "noise_L100ha.csv"))
                .replace("noise_L100ha.csv", "weg.csv"));
        CliTest.Run r2 = CliTest.cli("validate", noCsv.toString());
        assertEquals(3, r2.code());
        assertTrue(r2.err().contains("weg.csv"), r2.err());
        Files.writeString(dir.resolve("geen.json"), "niet json");
        assertEquals(3, CliTest.cli("validate", dir.resolve("geen.json").toString()).code());
    }
}
