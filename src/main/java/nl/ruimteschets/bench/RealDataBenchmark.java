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
 * <p>Run: {@code java -Xmx1200m -cp target/ruimteschets.jar nl.ruimteschets.bench.EngineBenchmark [steps] [sizes] --real}
 * (default 300 steps, sizes {@code 100000,1000000}); {@link EngineBenchmark} without {@code --real} runs it at the
 * largest size after the synthetic cases. The dragged candidates carry absolute emissions (260 t NOx,
 * 6.5 t NH₃, profile "Chemie (Brzo)") so the nitrogen model does its full work whatever the net area.
 */
public final class RealDataBenchmark {
    private RealDataBenchmark() { }

    public static void main(String[] args) {
        List<String> plain = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int steps = plain.size() > 0 ? Integer.parseInt(plain.get(0)) : 300;
        int[] sizes = Arrays.stream((plain.size() > 1 ? plain.get(1) : "100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<EngineBenchmark.Row> rows = runAll(steps, sizes);
        System.out.printf(Locale.ROOT, "%nsummary (load average at the end %s):%n", EngineBenchmark.loadAverage());
        rows.forEach(r -> System.out.println("  " + r));
        if (sizes.length > 1) {
            int sites = rows.size() / sizes.length;
            for (int s = 0; s < sites; s++) {
                EngineBenchmark.Row small = rows.get(s), big = rows.get(rows.size() - sites + s);
                System.out.printf(Locale.ROOT, "scaling %s: %.0fx footprints costs %.2fx p95 latency (goal <= 1.3x for 10x; "
                        + "same neighbourhood)%n", small.name(), (double) big.footprints() / small.footprints(), big.p95() / small.p95());
            }
        }
    }

    /** Drags at the Maasvlakte and Moerdijk among {@code sizes} footprints each; one row per site and size. */
    static List<EngineBenchmark.Row> runAll(int steps, int[] sizes) {
        Project sample = SampleProject.build();
        Layer natura = sample.layers().stream().filter(l -> l.role() == LayerRole.NATURA2000).findFirst().orElseThrow();
        Map<String, Candidate> sites = new LinkedHashMap<>();
        for (Candidate c : sample.scenarios().get(0).candidates()) {
            if (c.name().startsWith("Maasvlakte") || c.name().startsWith("Moerdijk")) sites.put(c.name(), c);
        }
        System.out.printf(Locale.ROOT, "real-data engine benchmark: %d drag steps, max heap %d MB, %d cores, load average %s; "
                + "Natura 2000: %d real site polygons (sample, reduced)%n", steps, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), EngineBenchmark.loadAverage(), natura.features().size());
        List<EngineBenchmark.Row> rows = new ArrayList<>();
        for (int size : sizes) {
            long t0 = System.nanoTime();
            List<Layer> layers = BenchWorld.build(size, 7, natura);
            AnalysisContext context = new AnalysisContext(layers);
            System.out.printf(Locale.ROOT, "%,d footprints: world + indexes built in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
            for (Candidate site : sites.values()) rows.add(run(context, site, steps, size));
        }
        return rows;
    }

    static EngineBenchmark.Row run(AnalysisContext context, Candidate site, int steps, int footprints) {
        Map<String, ActivityProfile> profiles = new LinkedHashMap<>();
        for (ActivityProfile p : ActivityCatalogue.defaults()) profiles.put(p.name(), p);
        List<Cluster> clusters = List.of(new Cluster("Rotterdam-Moerdijk", List.of(), 400, 1200, 300, 0.6, ""));
        ScenarioEngine engine = new ScenarioEngine(context, Runnable::run, r -> { });
        double[] ms = new double[steps];
        EngineBenchmark.CpuClock cpu = new EngineBenchmark.CpuClock(steps);
        int warmup = Math.max(50, steps / 3);
        ScenarioResult last = null;
        for (int i = -warmup; i < steps; i++) {
            ScenarioEngine.Snapshot s = new ScenarioEngine.Snapshot(List.of(dragged(site, (i + warmup) % 60 * 5.0)), profiles, clusters);
            cpu.start(i);
            long a = System.nanoTime();
            last = engine.compute(s, i + warmup + 1);
            if (i >= 0) ms[i] = (System.nanoTime() - a) / 1e6;
            cpu.stop(i);
        }
        System.out.printf(Locale.ROOT, "  %s (%.0f ha):%n", site.name(), site.footprint().getArea() / 1e4);
        EngineBenchmark.printWorkload(last.candidates().get(0));
        return EngineBenchmark.row("real " + site.name().split(" ")[0], footprints, last.candidates().get(0), ms, cpu);
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
