package nl.ruimteschets.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Edit-to-all-indicators latency on real data: the sample's real Natura 2000 (the 160 Dutch sites, reduced
 * by the project's own tool, with their nitrogen-sensitive flags and KDWs) among {@link BenchWorld}'s building
 * footprints, dragging one vertex of the sample's Maasvlakte and Moerdijk candidates in 5 m steps. The
 * Voordelta alone is about 90,000 ha within 25 km of the Maasvlakte, so this is where the nitrogen hexagon
 * work shows. Not a test: it prints figures.
 *
 * <p>Run: {@code java -Xmx900m -cp target/ruimteschets.jar nl.ruimteschets.bench.EngineBenchmark [steps] [sizes] --real}
 * (default 300 steps, sizes {@code 100000,1000000}). The dragged candidates carry absolute emissions (260 t NOx,
 * 6.5 t NH₃, profile "Chemie (Brzo)") so the nitrogen model does its full work whatever the net area.
 */
public final class RealDataBenchmark {
    private RealDataBenchmark() { }

    public static void main(String[] args) {
        List<String> plain = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int steps = plain.size() > 0 ? Integer.parseInt(plain.get(0)) : 300;
        int[] sizes = Arrays.stream((plain.size() > 1 ? plain.get(1) : "100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Project sample = SampleProject.build();
        Layer natura = sample.layers().stream().filter(l -> l.role() == LayerRole.NATURA2000).findFirst().orElseThrow();
        Map<String, Candidate> sites = new LinkedHashMap<>();
        for (Candidate c : sample.scenarios().get(0).candidates()) {
            if (c.name().startsWith("Maasvlakte") || c.name().startsWith("Moerdijk")) sites.put(c.name(), c);
        }
        System.out.printf(Locale.ROOT, "real-data engine benchmark: %d drag steps, max heap %d MB, %d cores; Natura 2000: "
                + "%d real site polygons (sample, reduced)%n", steps, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), natura.features().size());
        Map<String, double[]> p95 = new LinkedHashMap<>();
        for (int k = 0; k < sizes.length; k++) {
            long t0 = System.nanoTime();
            List<Layer> layers = BenchWorld.build(sizes[k], 7, natura);
            AnalysisContext context = new AnalysisContext(layers);
            System.out.printf(Locale.ROOT, "%,d footprints: world + indexes built in %.1f s%n", sizes[k], (System.nanoTime() - t0) / 1e9);
            for (Candidate site : sites.values()) {
                p95.computeIfAbsent(site.name(), n -> new double[sizes.length])[k] = run(context, site, steps);
            }
        }
        if (sizes.length > 1) {
            p95.forEach((name, v) -> System.out.printf(Locale.ROOT,
                    "scaling %s: %.0fx footprints costs %.2fx p95 latency (goal <= 1.3x for 10x; same neighbourhood)%n",
                    name, (double) sizes[sizes.length - 1] / sizes[0], v[sizes.length - 1] / v[0]));
        }
    }

    static double run(AnalysisContext context, Candidate site, int steps) {
        Map<String, ActivityProfile> profiles = new LinkedHashMap<>();
        for (ActivityProfile p : ActivityCatalogue.defaults()) profiles.put(p.name(), p);
        List<Cluster> clusters = List.of(new Cluster("Rotterdam-Moerdijk", List.of(), 400, 1200, 300, 0.6, ""));
        ScenarioEngine engine = new ScenarioEngine(context, Runnable::run, r -> { });
        double[] ms = new double[steps];
        int warmup = Math.max(50, steps / 3);
        ScenarioResult last = null;
        for (int i = -warmup; i < steps; i++) {
            ScenarioEngine.Snapshot s = new ScenarioEngine.Snapshot(List.of(dragged(site, (i + warmup) % 60 * 5.0)), profiles, clusters);
            long a = System.nanoTime();
            last = engine.compute(s, i + warmup + 1);
            if (i >= 0) ms[i] = (System.nanoTime() - a) / 1e6;
        }
        System.out.printf(Locale.ROOT, "  %s (%.0f ha):%n", site.name(), site.footprint().getArea() / 1e4);
        EngineBenchmark.printWorkload(last.candidates().get(0));
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  engine   p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (goal p95 <= 16 ms)%n",
                EngineBenchmark.pct(sorted, 50), EngineBenchmark.pct(sorted, 95), EngineBenchmark.pct(sorted, 99));
        return EngineBenchmark.pct(sorted, 95);
    }

    /** The site with its first vertex moved {@code dx} metres east, the Chemie profile and absolute emissions. */
    static Candidate dragged(Candidate site, double dx) {
        Coordinate[] cs = ((Polygon) site.footprint()).getExteriorRing().getCoordinates();
        List<Coordinate> moved = new ArrayList<>();
        for (Coordinate c : cs) moved.add(new Coordinate(c));
        moved.get(0).x += dx;
        moved.get(moved.size() - 1).x += dx;
        Polygon p = site.footprint().getFactory().createPolygon(moved.toArray(new Coordinate[0]));
        return new Candidate("a", site.name(), site.kind(), "Rotterdam-Moerdijk", p, 0, "Chemie (Brzo)",
                new CandidateOverrides(null, 260_000.0, 6_500.0, null), "");
    }
}
