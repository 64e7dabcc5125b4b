package nl.ruimteschets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.PgConnector;
import nl.ruimteschets.io.postgis.PgLocation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.render.Viewport;
import nl.ruimteschets.ui.MainWindow;
import nl.ruimteschets.ui.MapCanvas;
import nl.ruimteschets.ui.Session;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The whole app's heap with a layer that stays in the database: the real window (JavaFX, under Xvfb on a
 * server) on a PostGIS project holding the sample project and the 10,000,000-footprint table of
 * {@link BigLayerBenchmark}. In each of several areas it moves the map view there at three zoom levels
 * (each view fetched by the map on its own thread), puts a candidate there and times until the indicator
 * panel shows its first result (the engine's tiles fetched, then computed), then drags one of its corners
 * with the platform's mouse robot (press, moves, release: the code path of a planner's mouse) and times
 * each move until the panel shows the result. It prints heap in use after a full GC, the peak heap (sampled
 * every 10 ms, and the JVM's own pool peaks) and writes a screenshot of the window at a town's zoom.
 *
 * <pre>./mvnw -B -ntp -q -DskipTests package &amp;&amp; xvfb-run -a -s '-screen 0 1920x1080x24' \
 *     java -Xmx1g -cp target/ruimteschets.jar nl.ruimteschets.bench.AppHeapBenchmark [URL|-] [SCREENSHOT.png]</pre>
 * Without a URL it starts a throwaway cluster and generates the table (~40 s); with one
 * ({@code postgresql://postgres@127.0.0.1:PORT/rs_test?schema=app}, password from PGPASSWORD) it saves the
 * sample project there and generates the table only when missing, so a second run starts at once.
 *
 * <p>Runs on its own main thread, driving the FX thread through {@link Platform#runLater}; not reentrant.
 */
public final class AppHeapBenchmark {
    /** Areas inside the footprints' extent: the sample's Moerdijk, then three further away (as in BigLayerBenchmark). */
    private static final double[][] AREAS = {{103_500, 410_500}, {58_500, 445_000}, {120_000, 480_000}, {190_000, 330_000}};
    /** View widths: a region (the map shows no footprints), a municipality (a sample of them), a town (all of them). */
    private static final double[] VIEW_M = {30_000, 8_000, 2_000};
    private static final int DRAG_MOVES = 40;
    private static final long WAIT_S = 60;

    private AppHeapBenchmark() { }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true"); // as the Launcher: AWT only draws into images
        // Recent lists and preferences of this run stay out of the user's own.
        System.setProperty("ruimteschets.home", Files.createTempDirectory("rs-appheap").toString());
        Path shot = Path.of(args.length > 1 ? args[1] : "/tmp/rs-appheap-town.png");
        int status = 1;
        try {
            if (args.length > 0 && !args[0].equals("-")) {
                run(PgLocation.parse(args[0]), null, shot);
            } else {
                BigLayerBenchmark.withThrowawayCluster("app", (loc, prompt) -> run(loc, prompt, shot));
            }
            status = 0;
        } catch (Exception e) {
            e.printStackTrace(); // a benchmark's failure, for its runner
        } finally {
            System.exit(status); // the FX toolkit's threads would keep the JVM up, also after a failure
        }
    }

    private static void run(PgLocation loc, PgConnector.PasswordPrompt prompt, Path shot) throws Exception {
        BigLayerBenchmark.ensureFootprints(loc, prompt, SampleProject.build());
        HeapPeak peak = new HeapPeak();
        peak.start();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(WAIT_S, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        ProjectStorage storage = ProjectStorage.open(loc.toString(), prompt);
        Session session = Session.of(storage.load(), storage);
        Layer big = session.project().layer(BigLayerBenchmark.TABLE).orElseThrow();
        if (!big.inDatabase()) throw new IllegalStateException(BigLayerBenchmark.TABLE + " was read into memory");
        MainWindow window = new MainWindow(Locale.forLanguageTag("nl"));
        Stage stage = fx(() -> {
            Stage s = new Stage();
            window.show(s, session);
            s.setX(0);
            s.setY(0);
            s.setWidth(1920);
            s.setHeight(1080);
            return s;
        });
        CompletableFuture<Void> drawn = new CompletableFuture<>();
        fx(() -> {
            window.map().whenDrawn(() -> drawn.complete(null));
            return null;
        });
        drawn.get(WAIT_S, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "window on %s (%d layers, %s in the database: ~%,d footprints) shown and drawn in %.0f ms; "
                        + "max heap %d MB%n", loc, session.project().layers().size(), big.name(), big.featureCount(),
                (System.nanoTime() - t0) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        fx(() -> {
            ((ButtonBase) stage.getScene().lookup("#tool-EDIT")).fire();
            return null;
        });

        List<Double> firstMs = new ArrayList<>(), dragMs = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int n = 0;
        for (double[] at : AREAS) {
            StringBuilder views = new StringBuilder();
            for (double width : VIEW_M) {
                Layer before = fx(() -> window.map().layer(big.name()).drawn());
                long v = System.nanoTime();
                fx(() -> {
                    window.map().zoomTo(new Envelope(at[0] - width / 2, at[0] + width / 2, at[1] - width / 4, at[1] + width / 4));
                    return null;
                });
                // The map's view of the table arrives as a new in-memory layer (empty when zoomed out too far).
                boolean arrived = waitFor(() -> fx(() -> window.map().layer(big.name()).drawn()) != before, 20);
                int shown = fx(() -> window.map().layer(big.name()).drawn().features().size());
                views.append(String.format(Locale.ROOT, "%s%.0f km: %s, %,d footprints drawn", views.length() == 0 ? "" : "; ",
                        width / 1000, arrived ? String.format(Locale.ROOT, "view fetched in %.0f ms", (System.nanoTime() - v) / 1e6)
                                : "no view fetched", shown));
            }
            // A candidate in the new area: the time until the indicator panel shows its first result.
            // The session writes every change to the project in the database: ids of this run, removed at the end.
            String id = "appheap-" + ProcessHandle.current().pid() + "-" + (++n);
            ids.add(id);
            Candidate c = square(id, at[0] - 300, at[1] - 300, 600);
            long f = System.nanoTime();
            fx(() -> {
                int index = session.scenario().orElseThrow().candidates().size();
                session.perform(new CandidateChanges.Add(session.scenarioName(), c, index));
                return null;
            });
            if (!waitFor(() -> fx(() -> shows(window, id)))) throw new IllegalStateException("no result for " + id);
            double first = (System.nanoTime() - f) / 1e6;
            firstMs.add(first);
            // Select it with a click inside, then drag its north-east corner with the mouse.
            Point2D inside = screen(window, at[0], at[1]);
            Point2D corner = screen(window, at[0] + 300, at[1] + 300);
            Robot robot = fx(Robot::new);
            fx(() -> {
                robot.mouseMove(inside);
                robot.mouseClick(MouseButton.PRIMARY);
                return null;
            });
            waitFor(() -> fx(() -> id.equals(window.map().selectedId())));
            fx(() -> {
                robot.mouseMove(corner);
                robot.mousePress(MouseButton.PRIMARY);
                return null;
            });
            double[] steps = new double[DRAG_MOVES];
            int unanswered = 0;
            ThreadCpu cpu = new ThreadCpu();
            for (int i = 0; i < DRAG_MOVES; i++) {
                ScenarioResultRef last = new ScenarioResultRef(fx(window::lastResult));
                double dx = 4 * (i + 1);
                long s = System.nanoTime();
                fx(() -> {
                    robot.mouseMove(corner.getX() + dx, corner.getY() - dx / 2);
                    return null;
                });
                // Each move's preview reaches the engine; the step ends when the panel shows a newer result.
                if (!waitFor(() -> fx(() -> window.lastResult() != last.r() && !window.computing()), 5)) unanswered++;
                steps[i] = (System.nanoTime() - s) / 1e6;
            }
            String cpuSplit = cpu.since();
            fx(() -> {
                robot.mouseRelease(MouseButton.PRIMARY);
                return null;
            });
            waitFor(() -> fx(() -> !window.computing()));
            if (n == 1) { // the first area at a town's zoom: the footprints from the database, the dragged candidate, its indicators
                fx(() -> {
                    ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                            shot.toFile());
                    return null;
                });
            }
            for (double s : steps) dragMs.add(s);
            double[] sorted = steps.clone();
            Arrays.sort(sorted);
            Candidate after = fx(() -> session.scenario().orElseThrow().candidates().stream()
                    .filter(x -> x.id().equals(id)).findFirst().orElseThrow());
            System.out.printf(Locale.ROOT, "area (%.0f, %.0f): %s%n  first indicators shown %.0f ms after the candidate was put there "
                            + "(goal <= 1000 ms); corner drag by mouse, %d moves: move to indicators shown p50 %.1f / p95 %.1f ms; "
                            + "%d moves without a new result within 5 s; %.1f ha -> %.1f ha; heap in use now %d MB%n  CPU during the drag: %s%n",
                    at[0], at[1], views, first, DRAG_MOVES,
                    EngineBenchmark.pct(sorted, 50), EngineBenchmark.pct(sorted, 95), unanswered, c.grossAreaHa(), after.grossAreaHa(),
                    EngineBenchmark.usedHeap() >> 20, cpuSplit);
        }
        System.gc();
        System.gc();
        long after = EngineBenchmark.usedHeap();
        peak.finish();
        double[] drags = dragMs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(drags);
        System.out.printf(Locale.ROOT, "first indicators in a new area: %s ms; all mouse drag moves: p50 %.1f / p95 %.1f ms%n",
                firstMs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList(), EngineBenchmark.pct(drags, 50),
                EngineBenchmark.pct(drags, 95));
        System.out.printf(Locale.ROOT, "heap in use after a full GC %d MB as the GC left it (%d MB a moment later, the window "
                        + "still drawing); peak heap in use %d MB (sampled every 10 ms; the JVM's heap pools' peaks add up to %d MB); "
                        + "committed %d MB, max %d MB (goal: under 1024 MB)%n",
                afterGc() >> 20, after >> 20, peak.max() >> 20, poolPeaks() >> 20,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("screenshot of the window at a town's zoom: " + shot);
        fx(() -> {
            for (String id : ids) session.perform(new CandidateChanges.Remove(session.scenarioName(), id));
            return null;
        });
        waitFor(() -> fx(() -> session.pendingWrites() == 0));
        fx(() -> {
            session.close();
            stage.close();
            return null;
        });
    }

    private record ScenarioResultRef(Object r) { }

    /** Whether the window's newest result, shown and no longer computing, holds candidate {@code id}. */
    private static boolean shows(MainWindow w, String id) {
        return !w.computing() && w.lastResult() != null
                && w.lastResult().candidates().stream().anyMatch(r -> r.candidate().id().equals(id));
    }

    private static Point2D screen(MainWindow w, double x, double y) throws Exception {
        return fx(() -> {
            MapCanvas m = w.map();
            Viewport v = m.viewport();
            return m.localToScreen(v.toScreenX(x), v.toScreenY(y));
        });
    }

    private static Candidate square(String id, double x, double y, double side) {
        return new Candidate(id, "Benchmark " + id, CandidateKind.EXPANSION, "Rotterdam-Moerdijk", Rd.FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x, y), new Coordinate(x + side, y), new Coordinate(x + side, y + side), new Coordinate(x, y + side),
            new Coordinate(x, y)}), 0, "Chemie (Brzo)", null, "");
    }

    /** Runs {@code task} on the FX thread and returns its result. */
    private static <T> T fx(Callable<T> task) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(WAIT_S, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} every millisecond until it holds (true) or a minute passed (false). */
    private static boolean waitFor(Check condition) throws Exception {
        return waitFor(condition, WAIT_S);
    }

    private static boolean waitFor(Check condition, long seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (condition.holds()) return true;
            Thread.sleep(1);
        }
        return false;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Heap in use right after the last collection, by the collector's own account. */
    private static long afterGc() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) sum += p.getCollectionUsage().getUsed();
        }
        return sum;
    }

    private static long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

    /**
     * CPU time per thread group since construction (FX thread, its renderer, the map's drawing, the engine
     * and its noise thread, the database reads, and the rest: GC, JIT, the robot's X events), so a slow
     * step can be put down to the UI or the engine.
     */
    private static final class ThreadCpu {
        private static final String[][] GROUPS = {{"FX", "JavaFX Application Thread", "GtkNativeMainLoopThread"},
            {"FX renderer", "QuantumRenderer"}, {"map drawing", "ruimteschets-render"}, {"engine", "ruimteschets-engine"},
            {"noise", "ruimteschets-noise"}, {"database reads", "ruimteschets-tiles", "ruimteschets-db-view"}};
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long[] start;
        private final long processStart = processCpu();
        private final long wallStart = System.nanoTime();

        ThreadCpu() {
            start = sample();
        }

        private long[] sample() {
            long[] sums = new long[GROUPS.length];
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) continue;
                for (int g = 0; g < GROUPS.length; g++) {
                    for (int k = 1; k < GROUPS[g].length; k++) {
                        if (t.getThreadName().startsWith(GROUPS[g][k])) sums[g] += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                    }
                }
            }
            return sums;
        }

        private static long processCpu() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        /** "FX 1200 ms, ..., other 300 ms of 4000 ms wall". */
        String since() {
            long[] now = sample();
            long process = processCpu() - processStart, named = 0;
            StringBuilder b = new StringBuilder();
            for (int g = 0; g < GROUPS.length; g++) {
                long d = Math.max(0, now[g] - start[g]); // a thread that ended meanwhile takes its time with it
                named += d;
                b.append(String.format(Locale.ROOT, "%s %.0f ms, ", GROUPS[g][0], d / 1e6));
            }
            return b.append(String.format(Locale.ROOT, "other (GC, JIT, ...) %.0f ms, in %.0f ms wall", Math.max(0, process - named) / 1e6,
                    (System.nanoTime() - wallStart) / 1e6)).toString();
        }
    }

    /** The highest heap in use seen by a daemon thread sampling every 10 ms. */
    private static final class HeapPeak extends Thread {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;

        HeapPeak() {
            super("appheap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                max.accumulateAndGet(EngineBenchmark.usedHeap(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() { running = false; }

        long max() { return max.get(); }
    }
}
