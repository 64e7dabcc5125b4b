package nl.ruimteschets.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the time of a timed loop's steps goes, sampled around each step outside its timing: CPU the tile
 * loader thread used meanwhile (it competes for one of the two cores), garbage-collection pauses and JIT
 * compilation time. {@link #summary} splits the steps by what ran beside them, so a slow first drag can be
 * put down to its cause. Not thread-safe: one timed loop at a time.
 */
final class StepCosts {
    private static final String LOADER = "ruimteschets-tiles";
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<double[]> steps = new ArrayList<>();
    private long loaderCpu, gcMs, gcCount, jitMs;

    StepCosts() {
        if (threads.isThreadCpuTimeSupported()) threads.setThreadCpuTimeEnabled(true);
    }

    /** Call just before a step's timing starts. */
    void before() {
        loaderCpu = loaderCpuNs();
        gcMs = gcTimeMs();
        gcCount = gcCount();
        jitMs = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** Call just after the step's timing ends, with the step's wall time. */
    void after(double ms) {
        // A loader thread that ended between the samples loses its CPU from the sum: counted as none.
        double loader = Math.max(0, (loaderCpuNs() - loaderCpu) / 1e6);
        double jitNow = jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        steps.add(new double[] {ms, loader, gcTimeMs() - gcMs, gcCount() - gcCount, jitNow - jitMs});
    }

    /** The steps split by the loader's activity, GC pauses and JIT compilation beside them. */
    String summary() {
        List<double[]> loading = new ArrayList<>(), quiet = new ArrayList<>(), gc = new ArrayList<>(), compiling = new ArrayList<>();
        double loaderTotal = 0, gcTotal = 0, jitTotal = 0;
        for (double[] s : steps) {
            (s[1] > 0.5 ? loading : quiet).add(s);
            if (s[3] > 0) gc.add(s);
            if (s[4] > 0) compiling.add(s);
            loaderTotal += s[1];
            gcTotal += s[2];
            jitTotal += s[4];
        }
        List<double[]> clean = new ArrayList<>();
        for (double[] s : quiet) if (s[3] == 0 && s[4] == 0) clean.add(s);
        return String.format(Locale.ROOT, "steps beside tile loading %d (p95 %s, loader CPU %.0f ms), "
                        + "with a GC pause %d (p95 %s, %.0f ms paused), with JIT compiling %d (p95 %s, %.0f ms compiling), "
                        + "none of these %d (p95 %s)", loading.size(), p95(loading), loaderTotal, gc.size(), p95(gc), gcTotal,
                compiling.size(), p95(compiling), jitTotal, clean.size(), p95(clean));
    }

    private static String p95(List<double[]> steps) {
        if (steps.isEmpty()) return "-";
        double[] ms = steps.stream().mapToDouble(s -> s[0]).toArray();
        Arrays.sort(ms);
        return String.format(Locale.ROOT, "%.1f ms", EngineBenchmark.pct(ms, 95));
    }

    private long loaderCpuNs() {
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(LOADER)) sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
        return sum;
    }

    private long gcTimeMs() {
        long sum = 0;
        for (GarbageCollectorMXBean g : gcs) sum += Math.max(0, g.getCollectionTime());
        return sum;
    }

    private long gcCount() {
        long sum = 0;
        for (GarbageCollectorMXBean g : gcs) sum += Math.max(0, g.getCollectionCount());
        return sum;
    }
}
