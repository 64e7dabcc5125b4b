package nl.ruimteschets.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.search.Criterion;
import nl.ruimteschets.analysis.search.FootprintShape;
import nl.ruimteschets.analysis.search.LocationChanges;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.analysis.search.SearchAreas;
import nl.ruimteschets.analysis.search.SearchRequest;
import nl.ruimteschets.analysis.search.SearchWorld;
import nl.ruimteschets.analysis.search.SiteSearch;
import nl.ruimteschets.analysis.search.SuitabilityMap;
import nl.ruimteschets.geo.Overlay;
import nl.ruimteschets.io.LayerLoader;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.UserMessage;
import nl.ruimteschets.render.SuitabilityImage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.WKTWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code search}: where could this activity go? Prints the ranked locations with the exact engine's
 * indicators, writes the suitability map as PNG, and with {@code --add} adds the best K to a scenario.
 */
@Command(name = "search", description = "Site search: a suitability map and ranked locations for an activity of a given size.")
final class SearchCommand implements Callable<Integer> {
    @CommandLine.ParentCommand Cli root;
    @Parameters(index = "0", paramLabel = "PROJECT") String project;
    @Option(names = "--profile", required = true, description = "activity profile name") String profile;
    @Option(names = "--ha", required = true, description = "size in hectares (gross; net with --net)") double ha;
    @Option(names = "--net", description = "--ha is net hectares (gross = net / the profile's netto/bruto ratio)") boolean net;
    @ArgGroup(exclusive = true, multiplicity = "1") Where where;
    @Option(names = "--surroundings-km", defaultValue = "5", description = "with --cluster: how far around the cluster to search (default 5)")
    double surroundingsKm;
    @Option(names = "--plots-only", description = "offer available plots only") boolean plotsOnly;
    @Option(names = "--satellite-of", paramLabel = "CLUSTER", description = "parent cluster of a satellite location") String satelliteOf;
    @Option(names = "--max-km", description = "with --satellite-of: maximum distance from the parent cluster") Double maxKm;
    @Option(names = "--top", defaultValue = "10", description = "how many free positions to rank (default 10)") int top;
    @Option(names = "--weight", paramLabel = "NAME=W", description = "weight of a criterion (default 1 each): zone_growth, noise_sensitive, aandacht_objects, deposition, parent_distance, available_plots")
    List<String> weights;
    @Option(names = "--cell", defaultValue = "100", description = "map cell size in m (at most 100; default 100)") double cell;
    @Option(names = "--add", paramLabel = "K", description = "add the best K locations to --scenario as candidates") Integer add;
    @Option(names = "--scenario", description = "scenario for --add (created when missing)") String scenario;
    @Option(names = "--json") boolean asJson;
    @Option(names = "--png", paramLabel = "FILE", description = "write the suitability map with the ranked locations") Path png;

    static final class Where {
        @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "search the cluster and its surroundings") String cluster;
        @Option(names = "--area", required = true, paramLabel = "FILE", description = "search area polygons (Shapefile, GeoPackage, GeoJSON)") Path area;
        @Option(names = "--province", required = true, paramLabel = "NAME", description = "search a province of the project's province layer (e.g. Zeeland)") String province;
    }

    @Option(names = "--shape", paramLabel = "SHAPE", defaultValue = "square",
            description = "footprint shape: square (default), rectangle:ASPECT[:DEGREES] (long side ASPECT times the short one, "
                    + "turned DEGREES counter-clockwise from east), or candidate:NAME (the shape of a candidate, scaled to --ha)")
    String shape;

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = new CommandLine(this);
        if (!(ha > 0)) throw new CommandLine.ParameterException(cmd, "--ha must be positive");
        if (maxKm != null && satelliteOf == null) throw new CommandLine.ParameterException(cmd, "--max-km needs --satellite-of");
        if (add != null && (scenario == null || add < 1)) throw new CommandLine.ParameterException(cmd, "--add K needs K >= 1 and --scenario NAME");
        if (!(cell > 0 && cell <= 100)) throw new CommandLine.ParameterException(cmd, "--cell must be in (0, 100]");
        if (top < 0) throw new CommandLine.ParameterException(cmd, "--top must be >= 0");
        Locale loc = root.locale();
        Map<Criterion, Double> w = parseWeights(weights);
        Project p = ProjectArg.load(project);
        ActivityProfile prof = profile(p, profile);
        Geometry area;
        String areaName;
        FootprintShape footprintShape = shape(p, shape);
        if (where.cluster != null) {
            AnalysisContext probe = new AnalysisContext(p.layers().stream().filter(l -> l.role() == LayerRole.CLUSTER).toList());
            area = SearchAreas.clusterSurroundings(new SearchWorld(probe), where.cluster, surroundingsKm).orElseThrow(() ->
                    new InputException(new UserMessage("cli.search.cluster.unknown", where.cluster, ProjectArg.name(project))));
            areaName = where.cluster;
        } else if (where.province != null) {
            Map<String, Geometry> all = SearchAreas.provinces(p.layers());
            if (all.isEmpty()) throw new InputException(new UserMessage("cli.search.province.nolayer", ProjectArg.name(project)));
            Map.Entry<String, Geometry> hit = SearchAreas.province(p.layers(), where.province).orElseThrow(() ->
                    new InputException(new UserMessage("cli.search.province.unknown", where.province, String.join(", ", all.keySet()))));
            area = hit.getValue();
            areaName = hit.getKey();
        } else {
            Layer l = LayerLoader.load(where.area, null, null, LayerRole.BASEMAP, null, null, null, nl.ruimteschets.io.ProgressListener.NONE);
            List<Geometry> parts = new ArrayList<>();
            for (Feature f : l.features()) if (f.geometry() instanceof Polygonal && !f.geometry().isEmpty()) parts.add(f.geometry());
            if (parts.isEmpty()) throw new InputException(new UserMessage("cli.search.area.empty", where.area.getFileName()));
            area = Overlay.union(parts);
            areaName = where.area.getFileName().toString();
        }
        String parent = satelliteOf != null ? satelliteOf : where.cluster;
        double gross = net ? SearchRequest.grossFromNet(prof, ha) : ha;
        List<Geometry> occupied = new ArrayList<>();
        if (scenario != null) p.scenario(scenario).ifPresent(s -> s.candidates().forEach(c -> occupied.add(c.footprint())));
        SearchRequest req = new SearchRequest(prof, gross, area, plotsOnly, parent,
                maxKm == null ? null : maxKm * 1000, w, cell, top, occupied, footprintShape);

        SearchWorld world = new SearchWorld(new AnalysisContext(p.layers()));
        // A sensitive layer in the database is read for the rasters: say how far, on stderr (stdout is the result).
        world.progress((layer, done, expected) ->
                System.err.println(new UserMessage("cli.search.reading", layer, done, expected).format(loc)));
        SiteSearch search = new SiteSearch(world);
        SiteSearch.Result res;
        try {
            res = search.run(req, () -> false, m -> { });
        } finally {
            search.close();
        }
        SuitabilityMap map = res.map();
        List<RankedLocation> locs = res.locations();
        if (asJson) {
            System.out.println(Cli.json().writeValueAsString(json(req, res)));
        } else {
            System.out.println(new UserMessage("cli.search.header", fmt(gross, 1), prof.name(), areaName, map.validCount(),
                    map.grid().size() - count(map, SuitabilityMap.Exclusion.OUTSIDE_AREA), fmt(map.grid().cell(), 0), res.millis()).format(loc));
            System.out.printf(Locale.ROOT, "%4s %6s %6s %8s %9s %5s %8s %11s %12s  %s%n", "rank", "score", "map", "net_ha",
                    "zone_ha", "pr", "objects", "max_mol/ha", "total_mol", "location");
            for (RankedLocation l : locs) {
                Map<Criterion, Double> e = l.exactValues();
                System.out.printf(Locale.ROOT, "%4d %6.1f %6s %8.1f %9.1f %5d %8.0f %11.2f %12.1f  %s%n", l.rank(), l.exactScore(),
                        Double.isNaN(l.mapScore()) ? "-" : String.format(Locale.ROOT, "%.1f", l.mapScore()), l.result().netHa(),
                        e.get(Criterion.ZONE_GROWTH), l.prConflicts(), e.get(Criterion.AANDACHT_OBJECTS), l.maxDepositionMolHaYr(),
                        e.get(Criterion.DEPOSITION), l.plotName() != null ? l.plotName() : centre(l.candidate()));
            }
            System.out.println(new UserMessage("cli.search.honesty", res.agreement().positions(),
                    Double.isNaN(res.agreement().spearman()) ? "-" : fmt(res.agreement().spearman(), 2)).format(loc));
        }
        if (png != null) {
            javax.imageio.ImageIO.write(SuitabilityImage.render(p, map, null, locs, 1600, 1000, loc), "png", png.toFile());
            System.err.println(new UserMessage("cli.search.png", png).format(loc));
        }
        if (locs.isEmpty() && map.validCount() == 0) {
            throw new InputException(new UserMessage("cli.search.none", areaName));
        }
        if (add != null) {
            List<RankedLocation> best = locs.subList(0, Math.min(add, locs.size()));
            LocationChanges.add(p, scenario, best, "Zoeklocatie").apply(p);
            try (nl.ruimteschets.io.ProjectStorage storage = ProjectArg.open(project)) {
                storage.save(p);
            }
            System.err.println(new UserMessage("cli.search.added", best.size(), scenario, ProjectArg.name(project)).format(loc));
        }
        return 0;
    }

    private static int count(SuitabilityMap m, SuitabilityMap.Exclusion e) {
        int n = 0;
        for (byte b : m.exclusion()) if (b == e.ordinal()) n++;
        return n;
    }

    private static String centre(Candidate c) {
        var pt = c.footprint().getCentroid();
        return String.format(Locale.ROOT, "RD %.0f %.0f", pt.getX(), pt.getY());
    }

    private static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static ActivityProfile profile(Project p, String name) throws InputException {
        Map<String, ActivityProfile> all = new LinkedHashMap<>();
        for (ActivityProfile a : ActivityCatalogue.defaults()) all.put(a.name(), a);
        all.putAll(p.profiles());
        for (ActivityProfile a : all.values()) if (a.name().equalsIgnoreCase(name.trim())) return a;
        throw new InputException(new UserMessage("cli.search.profile.unknown", name, String.join(", ", all.keySet())));
    }

    /** {@code --shape}: square, rectangle:ASPECT[:DEGREES] or candidate:NAME (a candidate of any scenario, by name or id). */
    static FootprintShape shape(Project p, String text) throws InputException {
        String t = text.trim();
        if (t.toLowerCase(Locale.ROOT).startsWith("candidate:")) {
            String name = t.substring("candidate:".length()).trim();
            for (var s : p.scenarios()) {
                for (Candidate c : s.candidates()) {
                    if ((c.name().equalsIgnoreCase(name) || c.id().equals(name)) && !c.isPoint() && c.footprint() instanceof Polygonal) {
                        return FootprintShape.of(c.footprint());
                    }
                }
            }
            throw new InputException(new UserMessage("cli.search.shape.candidate", name));
        }
        try {
            return FootprintShape.parse(t);
        } catch (RuntimeException e) {
            throw new InputException(new UserMessage("cli.search.shape.invalid", text));
        }
    }

    /** NAME=W pairs; names are the criterion names in lower case (zone_growth, …). */
    static Map<Criterion, Double> parseWeights(List<String> given) throws InputException {
        Map<Criterion, Double> w = new EnumMap<>(SearchRequest.defaultWeights());
        if (given == null) return w;
        String names = String.join(", ", Arrays.stream(Criterion.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        for (String g : given) {
            String[] kv = g.split("=", 2);
            try {
                Criterion c = Criterion.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
                double v = Double.parseDouble(kv[1].trim());
                if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException();
                w.put(c, v);
            } catch (RuntimeException e) {
                throw new InputException(new UserMessage("cli.search.weight.invalid", g, names));
            }
        }
        return w;
    }

    static Map<String, Object> json(SearchRequest req, SiteSearch.Result res) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("profile", req.profile().name());
        ask.put("gross_ha", ResultJson.round(req.grossHa(), 2));
        ask.put("parent_cluster", req.parentCluster());
        ask.put("max_distance_km", req.maxDistanceM() == null ? null : req.maxDistanceM() / 1000);
        ask.put("plots_only", req.plotsOnly());
        ask.put("shape", req.shape().describe());
        Map<String, Object> weights = new LinkedHashMap<>();
        for (Criterion c : Criterion.values()) weights.put(c.name().toLowerCase(Locale.ROOT), req.weight(c));
        ask.put("weights", weights);
        ask.put("cell_m", req.cellM());
        out.put("request", ask);
        SuitabilityMap m = res.map();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("positions", m.grid().size());
        map.put("valid_positions", m.validCount());
        Map<String, Object> excl = new LinkedHashMap<>();
        for (SuitabilityMap.Exclusion e : SuitabilityMap.Exclusion.values()) {
            if (e != SuitabilityMap.Exclusion.NONE) excl.put(e.key(), count(m, e));
        }
        map.put("excluded", excl);
        Map<String, Object> scales = new LinkedHashMap<>();
        m.scales().forEach((c, v) -> scales.put(c.key(), ResultJson.round(v, 3)));
        map.put("scales", scales);
        map.put("label", "screening van één activiteit tegelijk onder de gegeven gewichten");
        map.put("label_en", "screening of one activity at a time under the stated weights");
        out.put("map", map);
        List<Map<String, Object>> locs = new ArrayList<>();
        WKTWriter wkt = new WKTWriter();
        for (RankedLocation l : res.locations()) {
            Map<String, Object> j = new LinkedHashMap<>();
            Map<Criterion, Double> e = l.exactValues();
            j.put("rank", l.rank());
            j.put("score", ResultJson.round(l.exactScore(), 2));
            j.put("map_score", ResultJson.round(l.mapScore(), 2));
            j.put("source", l.plotName() != null ? "available_plot" : "position");
            j.put("plot", l.plotName());
            j.put("geometry_wkt", wkt.write(l.candidate().geometry()));
            j.put("gross_ha", ResultJson.round(l.candidate().grossAreaHa(), 2));
            j.put("net_ha", ResultJson.round(l.result().netHa(), 2));
            j.put("zone_growth_ha", ResultJson.round(e.get(Criterion.ZONE_GROWTH), 2));
            j.put("noise_sensitive_objects", e.get(Criterion.NOISE_SENSITIVE).intValue());
            j.put("pr_conflicts", l.prConflicts());
            j.put("aandachtsgebied_objects", e.get(Criterion.AANDACHT_OBJECTS).intValue());
            j.put("max_deposition_mol_n_per_ha_yr", ResultJson.round(l.maxDepositionMolHaYr(), 2));
            j.put("total_mol_n_per_yr", ResultJson.round(e.get(Criterion.DEPOSITION), 2));
            j.put("distance_to_parent_km", req.parentCluster() == null ? null : ResultJson.round(e.get(Criterion.PARENT_DISTANCE), 2));
            j.put("share_on_available_plots", ResultJson.round(1 - e.get(Criterion.AVAILABLE_PLOTS), 3));
            j.put("hard_constraint_ha", ResultJson.round(l.result().overlap().constrainedHa(), 2));
            Map<String, Object> mv = new LinkedHashMap<>();
            l.mapValues().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(en -> mv.put(en.getKey().key(), ResultJson.round(en.getValue(), 2)));
            j.put("map_values", mv);
            j.put("indicators", ResultJson.candidate(l.result()));
            locs.add(j);
        }
        out.put("locations", locs);
        SiteSearch.Agreement a = res.agreement();
        Map<String, Object> ag = new LinkedHashMap<>();
        ag.put("positions", a.positions());
        ag.put("spearman", ResultJson.round(a.spearman(), 3));
        Map<String, Object> per = new LinkedHashMap<>();
        a.medianWorst().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(en -> {
            Map<String, Object> mw = new LinkedHashMap<>();
            mw.put("median_relative_difference", ResultJson.round(en.getValue()[0], 3));
            mw.put("worst_relative_difference", ResultJson.round(en.getValue()[1], 3));
            per.put(en.getKey().key(), mw);
        });
        ag.put("criteria", per);
        out.put("agreement", ag);
        out.put("elapsed_ms", res.millis());
        return out;
    }
}
