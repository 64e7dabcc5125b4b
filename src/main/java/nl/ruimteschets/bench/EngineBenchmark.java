package nl.ruimteschets.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.AreaSource;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityCatalogue;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Edit-to-all-indicators latency while dragging one vertex of a 200-ha candidate, at 100,000 and
 * 1,000,000 footprints, next to a naive baseline in the same run. Not a test: it prints figures.
 *
 * <p>Run: {@code java -Xmx1200m -cp target/ruimteschets.jar nl.ruimteschets.bench.EngineBenchmark [steps] [sizes] [--no-naive]},
 * sizes as a comma list (default {@code 100000,1000000}): the synthetic drag at every size, then
 * {@link RealDataBenchmark} (the real Natura 2000, drags at the Maasvlakte and Moerdijk) at the largest size, and a
 * summary with p50/p95/p99 and the workload of every case. The naive baseline runs once, at the smallest
 * size, and takes about five minutes (at 1,000,000 it would take far longer); {@code --no-naive} leaves it out.
 * {@code --synthetic} leaves out the real data; {@code --real} runs only {@link RealDataBenchmark}, at every size.
 */
public final class EngineBenchmark {
    private EngineBenchmark() { }

    public static void main(String[] args) {
        List<String> flags = Arrays.stream(args).filter(a -> a.startsWith("--")).toList();
        List<String> plain = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        if (flags.contains("--real")) {
            RealDataBenchmark.main(args);
            return;
        }
        int steps = plain.size() > 0 ? Integer.parseInt(plain.get(0)) : 300;
        System.out.printf(Locale.ROOT, "engine benchmark: %d drag steps, max heap %d MB, %d cores, load average %s; nitrogen "
                + "with the direction-aware OPS kernel, noise with the near-field correction (the engine's own models)%n",
                steps, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), loadAverage());
        int[] sizes = Arrays.stream((plain.size() > 1 ? plain.get(1) : "100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < sizes.length; k++) {
            rows.add(run(sizes[k], steps, k == 0 && !flags.contains("--no-naive")));
        }
        if (!flags.contains("--synthetic")) {
            // The real Natura 2000 at the largest size: the Maasvlakte and Moerdijk drags.
            rows.addAll(RealDataBenchmark.runAll(steps, new int[] {sizes[sizes.length - 1]}));
        }
        System.out.printf(Locale.ROOT, "%nsummary (load average at the end %s; figures on a busy machine are high):%n", loadAverage());
        System.out.printf(Locale.ROOT, "  %-22s %10s %8s %9s %6s %9s %9s %9s %9s%n", "case", "footprints", "gifwolk", "hexagons",
                "cells", "p50 ms", "p95 ms", "p99 ms", "cpu p95");
        System.out.println("  (gifwolk: objects in the dragged candidate's gifwolk area; hexagons: Natura 2000 hexagons >= 0.005 "
                + "mol/ha/yr within 25 km; cells: source cells; cpu p95: the busier of the engine and noise threads' CPU per edit)");
        for (Row r : rows) System.out.println("  " + r);
        if (sizes.length > 1) {
            Row small = rows.get(0), big = rows.get(sizes.length - 1);
            System.out.printf(Locale.ROOT, "scaling: %.0fx footprints costs %.2fx p95 latency (goal <= 1.3x for 10x); the dragged "
                    + "candidate's workload: %d -> %d objects in the gifwolk area, %d -> %d hexagons, %d -> %d source cells%n",
                    (double) big.footprints / small.footprints, big.p95 / small.p95, small.gifwolk, big.gifwolk,
                    small.hexagons, big.hexagons, small.cells, big.cells);
            System.out.printf(Locale.ROOT, "scaling in CPU per edit (less sensitive to a busy machine): %.2fx%n", big.cpuP95 / small.cpuP95);
        }
    }

    /** One benchmark case: what was dragged, its workload, and the latency percentiles. */
    record Row(String name, int footprints, int gifwolk, int hexagons, int cells, double p50, double p95, double p99,
               double cpuP95) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-22s %,10d %8d %,9d %6d %9.2f %9.2f %9.2f %9.2f", name, footprints, gifwolk,
                    hexagons, cells, p50, p95, p99, cpuP95);
        }
    }

    /**
     * CPU time per edit of the engine's thread (overlap, safety, nitrogen) and of its noise thread, which runs beside
     * it: on a busy machine these vary far less than the wall-clock figures, so old and new builds compare fairly.
     */
    static final class CpuClock {
        private final java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final double[] engine, noise;
        private long noiseThread = -1, e0, n0;

        CpuClock(int steps) {
            engine = new double[steps];
            noise = new double[steps];
        }

        /** @param i the step; during the warm-up (i &lt; 0) the newest engine's noise thread is looked up (not timed) */
        void start(int i) {
            if (i < 0) { // each engine has its own noise thread, made on its first edit: take the newest
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().equals("ruimteschets-noise")) noiseThread = Math.max(noiseThread, t.getId());
                }
            }
            e0 = mx.getCurrentThreadCpuTime();
            n0 = noiseThread < 0 ? 0 : mx.getThreadCpuTime(noiseThread);
        }

        void stop(int i) {
            if (i < 0) return;
            engine[i] = (mx.getCurrentThreadCpuTime() - e0) / 1e6;
            noise[i] = noiseThread < 0 ? 0 : (mx.getThreadCpuTime(noiseThread) - n0) / 1e6;
        }

        /** p95 over the edits of the larger of the two threads' CPU time: what the edit costs when both have a core. */
        double busierP95() {
            double[] m = new double[engine.length];
            for (int i = 0; i < m.length; i++) m[i] = Math.max(engine[i], noise[i]);
            Arrays.sort(m);
            return pct(m, 95);
        }

        void print() {
            double[] e = engine.clone(), n = noise.clone();
            Arrays.sort(e);
            Arrays.sort(n);
            System.out.printf(Locale.ROOT, "  cpu      engine thread p50 %.2f ms  p95 %.2f ms;  noise thread (beside it) p50 %.2f ms  "
                    + "p95 %.2f ms%n", pct(e, 50), pct(e, 95), pct(n, 50), pct(n, 95));
        }
    }

    /** The system's 1-minute load average (Linux), so a reader sees whether the machine was busy. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Row row(String name, int footprints, nl.ruimteschets.analysis.CandidateResult r0, double[] ms, CpuClock cpu) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  engine   p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  (goal p95 <= 16 ms)%n",
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
        cpu.print();
        return new Row(name, footprints, r0.safety().gifwolkCount() + r0.safety().explosieCount(),
                r0.nitrogen().hexagonsAboveCut(), AreaSource.of(r0.candidate().footprint()).cellCount(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), cpu.busierP95());
    }

    static void printWorkload(nl.ruimteschets.analysis.CandidateResult r0) {
        System.out.printf(Locale.ROOT, "  workload of the dragged candidate: %d objects in the gifwolk area, %d PR conflicts, "
                + "%d sensitive objects in the noise contour, noise grid %d x %d, %d Natura 2000 hexagons >= 0.005 within 25 km, "
                + "%d source cells%n",
                r0.safety().gifwolkCount() + r0.safety().explosieCount(), r0.safety().limitConflicts().size(),
                r0.noise().sensitiveCount(), r0.noise().grid().nx(), r0.noise().grid().ny(), r0.nitrogen().hexagonsAboveCut(),
                AreaSource.of(r0.candidate().footprint()).cellCount());
    }

    static Row run(int footprints, int steps, boolean withNaive) {
        long t0 = System.nanoTime();
        List<Layer> layers = BenchWorld.build(footprints, 7);
        AnalysisContext context = new AnalysisContext(layers);
        double buildS = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long heap = usedHeap();
        System.out.printf(Locale.ROOT, "%,d footprints: world + indexes built in %.1f s, heap in use %d MB%n",
                footprints, buildS, heap >> 20);

        Map<String, ActivityProfile> profiles = new java.util.LinkedHashMap<>();
        for (ActivityProfile p : ActivityCatalogue.defaults()) profiles.put(p.name(), p);
        // The heaviest catalogue profile: every safety contour, a 1.5 km gifwolk area, NOx and NH3.
        String profile = "Chemie (Brzo)";
        List<Cluster> clusters = List.of(new Cluster("Rotterdam-Moerdijk", List.of(), 400, 1200, 300, 0.6, ""));
        Candidate other = candidate("b", 64000, 446000, 0, profile);
        ScenarioEngine engine = new ScenarioEngine(context, Runnable::run, r -> { });
        double[] ms = new double[steps];
        CpuClock cpu = new CpuClock(steps);
        int warmup = Math.max(50, steps / 3);
        for (int i = -warmup; i < steps; i++) {
            Candidate dragged = candidate("a", 58500, 445000, (i + warmup) % 60 * 5.0, profile);
            ScenarioEngine.Snapshot s = new ScenarioEngine.Snapshot(List.of(dragged, other), profiles, clusters);
            cpu.start(i);
            long a = System.nanoTime();
            ScenarioResult r = engine.compute(s, i + warmup + 1);
            long b = System.nanoTime();
            cpu.stop(i);
            if (i >= 0) ms[i] = (b - a) / 1e6;
            if (r.candidates().isEmpty()) throw new IllegalStateException();
        }
        ScenarioResult last = engine.compute(new ScenarioEngine.Snapshot(List.of(candidate("a", 58500, 445000, 0, profile),
                other), profiles, clusters), Long.MAX_VALUE);
        printWorkload(last.candidates().get(0));
        Row row = row("synthetic 200 ha", footprints, last.candidates().get(0), ms, cpu);
        if (withNaive) {
            int naiveSteps = 1; // one naive edit takes minutes
            double[] nms = new double[naiveSteps];
            for (int i = 0; i < naiveSteps; i++) {
                Candidate dragged = candidate("a", 58500, 445000, i * 5.0, profile);
                long a = System.nanoTime();
                NaiveBaseline.compute(layers, List.of(dragged, other), profiles, clusters);
                nms[i] = (System.nanoTime() - a) / 1e6;
            }
            Arrays.sort(nms);
            double naive = pct(nms, 50);
            System.out.printf(Locale.ROOT, "  naive    p50 %.1f ms over %d edits; engine is %.0fx faster (goal >= 100x)%n",
                    naive, naiveSteps, naive / row.p50());
        }
        return row;
    }

    /** A 200-ha quadrilateral whose north-east vertex is dragged east by {@code dx} metres. */
    static Candidate candidate(String id, double x, double y, double dx, String profile) {
        double side = Math.sqrt(2_000_000);
        Polygon p = Rd.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + side, y),
            new Coordinate(x + side + dx, y + side), new Coordinate(x, y + side), new Coordinate(x, y)});
        // Absolute emissions (260 t NOx, 6.5 t NH3: Chemie at 130 net ha) so the nitrogen model always
        // does its full work, even where PR conflicts with the nearby town leave no net hectares.
        return new Candidate(id, id, CandidateKind.EXPANSION, "Rotterdam-Moerdijk", p, 0, profile,
                new CandidateOverrides(null, 260_000.0, 6_500.0, null), "");
    }

    static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
