package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.NitrogenModel;
import nl.ruimteschets.analysis.RingStatistic;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Layer;
import org.locationtech.jts.geom.Polygonal;

/**
 * The window's link to the {@link ScenarioEngine}: rebuilds the analysis context when the layers
 * change, submits the scenario as it is on screen after every change and during drags, and shows the
 * newest result only (latest wins: an older result arriving late is dropped). All engine work runs on
 * one background thread; results come back to the FX thread.
 *
 * <p>FX thread only (apart from the work it hands to its engine thread).
 */
final class EngineBinding {
    private final MainWindow window;
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruimteschets-engine");
        t.setDaemon(true);
        return t;
    });
    private volatile AnalysisContext context;
    private ScenarioEngine engine;
    /** The layers the engine is (being) built for; null before the first build. */
    private List<Layer> engineLayers;
    private List<Layer> contextLayers = List.of();
    private ScenarioResult lastResult;
    private long submitted, delivered;

    /**
     * Completed once the window's first map drawing is on screen ({@link #start}): indexing the layers and
     * the first evaluation wait for it, so on two cores they do not slow down the window's first appearance.
     */
    private final java.util.concurrent.CompletableFuture<Void> started = new java.util.concurrent.CompletableFuture<>();

    EngineBinding(MainWindow window) {
        this.window = window;
    }

    /** Lets the engine begin: the window is up. Only the first call counts. */
    void start() { started.complete(null); }

    ScenarioResult lastResult() { return lastResult; }

    /** The engine's index when it was built from exactly these layers, else null (the caller indexes them itself). */
    AnalysisContext contextFor(List<Layer> layers) {
        return context != null && contextLayers.equals(layers) ? context : null;
    }

    /** True while the engine has work in hand that has not been shown yet. */
    boolean computing() { return delivered < submitted; }

    /** A new project: its results are not yet known. */
    void forgetResult() { lastResult = null; }

    /** Rebuilds the engine when the project's layers are no longer the ones it indexed. */
    void layersMaybeChanged() {
        if (engineLayers == null || !engineLayers.equals(window.session().project().layers())) rebuild();
    }

    /** Indexes the project's layers in the background and then submits the scenario to the new engine. */
    void rebuild() {
        List<Layer> layers = List.copyOf(window.session().project().layers());
        engineLayers = layers;
        window.statusBar().engine("engine.indexing");
        started.thenRun(() -> engineThread.execute(() -> {
            // The tile caches of layers in the database carry over, so a rebuild fetches nothing again.
            AnalysisContext ctx;
            try {
                ctx = new AnalysisContext(layers, nl.ruimteschets.analysis.ModelSettings.DEFAULTS, context);
            } catch (nl.ruimteschets.geo.TileCache.Unavailable e) {
                // A layer the models need whole could not be read from the database: say which and why.
                Platform.runLater(() -> {
                    if (engineLayers != layers) return;
                    window.status(e.userMessage().format(window.locale()));
                    window.statusBar().engine("engine.ready");
                });
                return;
            }
            Platform.runLater(() -> {
                if (engineLayers != layers) return; // a newer rebuild is on its way
                context = ctx;
                contextLayers = layers;
                engine = new ScenarioEngine(ctx, this::runReadingTiles, r -> Platform.runLater(() -> delivered(ctx, r)));
                delivered = 0; // a new engine counts its versions from 1 again
                submitted = 0;
                submit();
            });
        }));
    }

    /**
     * Runs engine work on the engine thread; when a layer in the database cannot be read (connection
     * lost), the planner reads why in the status bar and the last result stays.
     */
    private void runReadingTiles(Runnable task) {
        engineThread.execute(() -> {
            try {
                task.run();
            } catch (nl.ruimteschets.geo.TileCache.Unavailable e) {
                Platform.runLater(() -> {
                    delivered = submitted;
                    window.status(e.userMessage().format(window.locale()));
                    window.statusBar().engine("engine.ready");
                });
            }
        });
    }

    /** Views up to this wide (metres per pixel) are where a planner sketches: worth fetching before the first edit. */
    private static final double PREFETCH_MAX_M_PER_PX = 5;

    /**
     * Starts fetching the engine's tiles of layers in the database that cover a zoomed-in view, so the
     * first candidate drawn there is answered from memory (the fetch runs on the tile loader's thread).
     */
    void prefetch(nl.ruimteschets.render.Viewport v) {
        AnalysisContext ctx = context;
        if (ctx == null || v.metresPerPixel() > PREFETCH_MAX_M_PER_PX) return;
        for (nl.ruimteschets.model.LayerRole role : ctx.roles()) {
            for (nl.ruimteschets.geo.TileCache t : ctx.tiled(role)) t.prefetch(v.worldBounds());
        }
    }

    /** Hands the scenario as now on screen (with the live preview, if dragging) to the engine. */
    void submit() {
        if (engine == null) return;
        Session session = window.session();
        List<Candidate> cands = new ArrayList<>(window.map().candidates());
        for (int i = 0; i < cands.size(); i++) {
            Candidate c = cands.get(i);
            if (!(c.geometry() instanceof Polygonal) || c.geometry().isValid()) continue;
            // A drag can make a bow-tie for a moment; the engine sees its repaired form.
            cands.set(i, c.withGeometry(GeometryRepair.makeValid(c.geometry())));
        }
        submitted = engine.submit(new ScenarioEngine.Snapshot(cands, session.project().profiles(),
                List.copyOf(session.project().clusters().values())));
        window.statusBar().engine("engine.computing");
    }

    private void delivered(AnalysisContext ctx, ScenarioResult r) {
        if (ctx != context || r.version() < delivered) return;
        delivered = r.version();
        lastResult = r;
        window.showResult();
        window.statusBar().engine(computing() ? "engine.computing" : "engine.ready");
    }

    /** The newest result of the selected candidate, or null. */
    CandidateResult selectedResult() {
        String id = window.map().selectedId();
        if (lastResult == null || id == null) return null;
        return lastResult.candidates().stream().filter(x -> x.candidate().id().equals(id)).findFirst().orElse(null);
    }

    /** Nitrogen hexagons of the selected candidate for the map, computed off the FX thread. */
    void updateHexagons() {
        CandidateResult cr = selectedResult();
        AnalysisContext ctx = context;
        MapCanvas map = window.map();
        if (cr == null || cr.nitrogen() == null || ctx == null || !map.overlay(MapCanvas.Overlay.NITROGEN)) {
            map.setHexagons(List.of());
            return;
        }
        long version = delivered;
        engineThread.execute(() -> {
            if (version != delivered) return;
            List<double[]> hex = new ArrayList<>();
            NitrogenModel.HexagonSink sink = (id, x, y, d) -> hex.add(new double[] {x, y, d});
            ctx.nitrogen().evaluate(cr.candidate(), cr.nitrogen().emission(), null, RingStatistic.MEAN, sink);
            Platform.runLater(() -> {
                if (version != delivered) return;
                map.setHexagons(hex);
                window.presentation().showHexagons(hex);
            });
        });
    }

    void shutdown() {
        started.cancel(false); // a build still waiting for the first drawing is dropped
        engineThread.shutdownNow();
    }
}
