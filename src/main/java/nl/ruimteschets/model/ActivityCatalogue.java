package nl.ruimteschets.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The default activity profiles shipped with the program ({@code profiles.csv}, DOMAIN.md §1.4, §2.4,
 * §3.5, §4.3). They are screening defaults a specialist should check; the CSV says per group
 * whether a value is sourced [S], domain knowledge [K] or derived [D].
 */
public final class ActivityCatalogue {
    static final String RESOURCE = "/nl/ruimteschets/profiles.csv";

    private ActivityCatalogue() { }

    /** Parses the bundled catalogue; a malformed row fails with its line number. */
    public static List<ActivityProfile> defaults() {
        return parse(CsvTable.resource(ActivityCatalogue.class, RESOURCE));
    }

    static List<ActivityProfile> parse(CsvTable table) {
        List<ActivityProfile> out = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            try {
                out.add(new ActivityProfile(r.text("name"), r.text("description"),
                        r.number("noise_lw_dba_m2"), r.number("noise_height_m"), r.bool("day_only"),
                        r.number("pr_1e6_m"), r.number("brand_m"), r.number("explosie_m"),
                        r.number("gifwolk_m"), r.number("nox_kg_ha_yr"), r.number("nh3_kg_ha_yr"),
                        r.number("emission_height_m"), r.number("netto_bruto"), r.text("source_tags"),
                        r.has("heat_mw") ? r.number("heat_mw") : 0.0)); // catalogues before heat was recorded: cold
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(table.source())) throw e;
                throw r.error(e.getMessage());
            }
            if (out.get(out.size() - 1).gifwolkM() > ActivityProfile.GIFWOLK_CAP_M) {
                throw r.error("gifwolk distance above the legal cap of 1500 m");
            }
        }
        return List.copyOf(out);
    }
}
