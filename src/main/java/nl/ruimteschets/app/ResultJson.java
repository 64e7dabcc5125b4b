package nl.ruimteschets.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.analysis.CandidateOverlap;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.ModelSettings;
import nl.ruimteschets.analysis.NitrogenIndicators;
import nl.ruimteschets.analysis.NoiseIndicators;
import nl.ruimteschets.analysis.SafetyIndicators;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.model.LayerRole;

/**
 * Turns engine results into plain maps for JSON: English keys, the unit in the key name, figures
 * rounded to what the models can honestly claim (0.01 ha, 0.01 mol N/ha/yr). Every map is ordered
 * (insertion or role order), so identical input gives byte-identical JSON.
 */
final class ResultJson {
    private ResultJson() { }

    static Map<String, Object> scenario(String name, ScenarioResult r, ModelSettings settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", name);
        List<Map<String, Object>> cands = new ArrayList<>();
        for (CandidateResult c : r.candidates()) cands.add(candidate(c));
        m.put("candidates", cands);
        List<Map<String, Object>> cls = new ArrayList<>();
        for (ClusterBalance b : r.clusters()) cls.add(balance(b));
        m.put("hectare_balance", cls);
        m.put("settings", settings(settings));
        return m;
    }

    static Map<String, Object> candidate(CandidateResult r) {
        CandidateOverlap c = r.overlap();
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("id", c.candidateId());
        cm.put("name", c.name());
        cm.put("kind", r.candidate().kind().name());
        cm.put("cluster", c.cluster());
        cm.put("profile", r.candidate().profileName());
        cm.put("area_ha", round(c.grossHa(), 2));
        Map<String, Object> ov = new LinkedHashMap<>();
        // In role order: the engine's map iterates in a different order in every JVM (Map.copyOf)
        for (LayerRole role : LayerRole.values()) {
            Double ha = c.overlapHa().get(role);
            if (ha != null) ov.put(role.name().toLowerCase(Locale.ROOT) + "_ha", round(ha, 2));
        }
        cm.put("overlap", ov);
        cm.put("hard_constraint_ha", round(c.constrainedHa(), 2));
        cm.put("net_ha", round(r.netHa(), 2));
        if (r.noise() != null) cm.put("noise", noise(r.noise()));
        if (r.safety() != null) cm.put("safety", safety(r.safety()));
        if (r.nitrogen() != null) cm.put("nitrogen", nitrogen(r.nitrogen()));
        return cm;
    }

    static Map<String, Object> noise(NoiseIndicators n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lw_db_a_per_m2", n.lwPerM2());
        m.put("ground_factor", n.groundFactor());
        m.put("day_only", n.dayOnly());
        m.put("lden_50_contour_ha", round(n.lden50Ha(), 2));
        m.put("lnight_40_contour_ha", round(n.lnight40Ha(), 2));
        m.put("lden_55_contour_ha", round(n.lden55().getArea() / 10_000, 2));
        m.put("zone_growth_needed_ha", round(n.zoneGrowthHa(), 2));
        m.put("sensitive_objects_outside_zones", n.sensitiveCount());
        m.put("sensitive_objects_outside_zones_ha", round(n.sensitiveHa(), 2));
        m.put("footprint_outside_zones_ha", round(n.footprintOutsideZoneHa(), 2));
        m.put("grid_cell_m", n.grid().cell());
        m.put("label", NoiseIndicators.LABEL_NL);
        m.put("label_en", NoiseIndicators.LABEL_EN);
        return m;
    }

    static Map<String, Object> safety(SafetyIndicators s) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> conflicts = new ArrayList<>();
        for (SafetyIndicators.SensitiveHit h : s.limitConflicts()) {
            Map<String, Object> hit = new LinkedHashMap<>(); // Map.of would order its keys anew in every JVM
            hit.put("feature_id", h.featureId());
            hit.put("name", h.name());
            hit.put("class", h.vulnerability().name().toLowerCase(Locale.ROOT));
            conflicts.add(hit);
        }
        m.put("pr_limit_conflicts", conflicts.size());
        m.put("pr_limit_conflict_objects", conflicts);
        m.put("pr_weigh_beperkt_kwetsbaar", s.weighCount());
        m.put("brand_aandachtsgebied_objects", s.brandCount());
        m.put("explosie_aandachtsgebied_objects", s.explosieCount());
        m.put("gifwolk_aandachtsgebied_objects", s.gifwolkCount());
        m.put("pr_contour_ha", round(s.prContour().getArea() / 10_000, 2));
        m.put("pr_overlap_existing_contours_ha", round(s.existingContourOverlapHa(), 2));
        m.put("pr_outside_veiligheidscontour_ha", round(s.outsideVeiligheidscontourHa(), 2));
        m.put("pr_constrained_footprint_ha", round(s.prConstrainedHa(), 2));
        m.put("label", "indicatief (screening)");
        return m;
    }

    static Map<String, Object> nitrogen(NitrogenIndicators n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nox_kg_per_yr", round(n.emission().noxKgYr(), 1));
        m.put("nh3_kg_per_yr", round(n.emission().nh3KgYr(), 1));
        m.put("emission_height_m", n.emission().heightM());
        m.put("max_deposition_mol_n_per_ha_yr", round(n.maxDepositionMolHaYr(), 2));
        m.put("max_at_rd", List.of(Math.round(n.maxX()), Math.round(n.maxY())));
        m.put("max_area", n.maxArea());
        m.put("total_deposition_mol_n_per_yr", round(n.totalDepositionMolYr(), 2));
        m.put("hexagons_above_0_005", n.hexagonsAboveCut());
        m.put("ha_above_0_005", round(n.haAboveCut(), 2));
        List<Map<String, Object>> areas = new ArrayList<>();
        for (NitrogenIndicators.AreaDeposition a : n.areas()) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("max_deposition_mol_n_per_ha_yr", round(a.maxDepositionMolHaYr(), 2));
            am.put("hexagons_above_0_005", a.hexagonsAboveCut());
            am.put("kdw_mol_n_per_ha_yr", a.kdw());
            areas.add(am);
        }
        m.put("areas", areas);
        m.put("status", n.status().name().toLowerCase(java.util.Locale.ROOT));
        m.put("kdw_assessment", n.kdwState().name().toLowerCase(java.util.Locale.ROOT));
        m.put("kdw_exceeded_hexagons", n.kdwState() == NitrogenIndicators.KdwState.NOT_ASSESSABLE ? null : n.kdwExceededHexagons());
        m.put("hexagons_without_kdw", n.hexagonsWithoutKdw());
        m.put("not_nitrogen_sensitive_areas", n.insensitiveAreas());
        m.put("natura2000_overlap_ha", round(n.overlapHa(), 2));
        m.put("hard_conflict", n.hardConflict());
        m.put("label", NitrogenIndicators.LABEL_NL);
        m.put("label_en", NitrogenIndicators.LABEL_EN);
        return m;
    }

    static Map<String, Object> balance(ClusterBalance b) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("cluster", b.cluster());
        bm.put("demand_2030_ha", round(b.demand2030Ha(), 2));
        bm.put("demand_2050_ha", round(b.demand2050Ha(), 2));
        bm.put("existing_supply_ha", round(b.existingSupplyHa(), 2));
        bm.put("candidates_net_ha", round(b.candidateNetHa(), 2));
        bm.put("balance_2030_ha", round(b.balance2030Ha(), 2));
        bm.put("balance_2050_ha", round(b.balance2050Ha(), 2));
        bm.put("coverage_2030", round(b.coverage2030(), 4));
        bm.put("coverage_2050", round(b.coverage2050(), 4));
        return bm;
    }

    static Map<String, Object> settings(ModelSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("noise_ground_factor_default", s.defaultGroundFactor());
        m.put("noise_ground_factor_per_cluster", new java.util.TreeMap<>(s.groundFactorPerCluster()));
        m.put("nitrogen_background_mol_n_per_ha_yr", s.backgroundDepositionMolHaYr());
        m.put("nitrogen_model", "OPS-LT 5.3.1 source-receptor table, ring mean, 1-ha hexagons, 25 km, cut 0.005");
        m.put("noise_model", "CNOSSOS-EU kernel (NoiseModelling), industry spectrum, long-term, h 5 m; "
                + "L_den = L + 6.4 (24/7), L_night = L; day-only: L_den = L - 3.0");
        m.put("safety_gifwolk_cap_m", 1500);
        m.put("hectare_balance_net", "(gross - hard constraints) x netto/bruto");
        return m;
    }

    static Object round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
