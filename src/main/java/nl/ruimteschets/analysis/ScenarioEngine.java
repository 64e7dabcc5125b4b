package nl.ruimteschets.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.LayerRole;

/**
 * The live engine: recomputes a scenario's indicators after each edit, off the caller's thread.
 *
 * <p>Each candidate's result is cached by the candidate value itself (geometry compared exactly,
 * profile, overrides, parent cluster) and the profile it uses, so an edit recomputes only the
 * candidate it touched and then re-aggregates the clusters. {@link #submit} returns at once; the
 * work runs on the given executor (one thread: the cache is confined to it). Latest edit wins:
 * a task that is no longer the newest when it starts, or when it finishes, is dropped, so a stale
 * result is never delivered after a newer one. Results are immutable and deterministic: the same
 * inputs give the same numbers to the last digit.
 *
 * <p>Thread-safety: {@link #submit} may be called from any thread; the listener is called on the
 * executor's thread (the UI hands it to the FX thread itself).
 */
public final class ScenarioEngine {
    private final AnalysisContext context;
    private final Executor executor;
    private final Consumer<ScenarioResult> listener;
    private final AtomicLong latest = new AtomicLong();
    /** Confined to the executor's thread, like the noise model's kernel cache. */
    private final Map<String, Cached> cache = new HashMap<>();
    private final NoiseModel noise;
    /**
     * Noise needs nothing from the other models, so it runs beside them on its own thread: on a
     * two-core laptop an edit costs the slower half instead of the sum. One thread keeps the noise
     * model's kernel cache confined to it.
     */
    private final ExecutorService noiseThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruimteschets-noise");
        t.setDaemon(true);
        return t;
    });

    private record Cached(Candidate candidate, ActivityProfile profile, Cluster cluster, CandidateResult result) { }

    /** One scenario state to analyse: immutable copies, so the caller may go on editing. */
    public record Snapshot(List<Candidate> candidates, Map<String, ActivityProfile> profiles, List<Cluster> clusters) {
        public Snapshot {
            candidates = List.copyOf(candidates);
            profiles = Map.copyOf(profiles);
            clusters = List.copyOf(clusters);
        }
    }

    public ScenarioEngine(AnalysisContext context, Executor executor, Consumer<ScenarioResult> listener) {
        this.context = context;
        this.executor = executor;
        this.listener = listener;
        this.noise = new NoiseModel(NoiseKernel.load(), context.layers(LayerRole.NOISE_ZONE),
                context.inDatabase(LayerRole.NOISE_ZONE), context.nearby(LayerRole.SENSITIVE));
    }

    /** Queues a recomputation of this state; returns its version. */
    public long submit(Snapshot snapshot) {
        long version = latest.incrementAndGet();
        executor.execute(() -> {
            if (version != latest.get()) return;
            ScenarioResult r = compute(snapshot, version);
            if (version == latest.get()) listener.accept(r);
        });
        return version;
    }

    /** Computes on the calling thread (CLI, tests, benchmarks); must not run concurrently with the executor. */
    public ScenarioResult compute(Snapshot s, long version) {
        Map<String, Cluster> clusters = new LinkedHashMap<>();
        for (Cluster c : s.clusters()) clusters.put(c.name(), c);
        List<CandidateResult> results = new ArrayList<>();
        Map<String, Double> net = new LinkedHashMap<>();
        int recomputed = 0;
        for (Candidate c : s.candidates()) {
            ActivityProfile profile = s.profiles().get(c.profileName());
            Cluster cluster = clusters.get(c.parentCluster());
            Cached hit = cache.get(c.id());
            CandidateResult r;
            if (hit != null && hit.candidate().equals(c) && Objects.equals(hit.profile(), profile)
                    && Objects.equals(hit.cluster(), cluster)) {
                r = hit.result();
            } else {
                r = evaluate(c, profile, cluster);
                cache.put(c.id(), new Cached(c, profile, cluster, r));
                recomputed++;
            }
            results.add(r);
            net.put(c.id(), r.netHa());
        }
        cache.keySet().retainAll(net.keySet());
        return new ScenarioResult(version, results, HectareBalanceModel.balances(clusters.values(), s.candidates(), net),
                recomputed);
    }

    private CandidateResult evaluate(Candidate c, ActivityProfile profile, Cluster cluster) {
        CompletableFuture<NoiseIndicators> noiseResult = profile == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> noise.evaluate(c.footprint(),
                        c.overrides().noiseLw() != null ? c.overrides().noiseLw() : profile.noiseLw(),
                        profile.dayOnly(), context.settings().groundFactor(c.parentCluster()), profile.noiseSourceHeightM()),
                        noiseThread);
        CandidateOverlap overlap = OverlapAnalysis.overlap(c, context);
        SafetyIndicators safety = profile == null ? null : context.safety().evaluate(c.footprint(), profile, overlap.constrained());
        double netHa = HectareBalanceModel.netHa(c, profile, cluster, constrainedHa(c, overlap, safety));
        NitrogenIndicators nitrogen = null;
        if (profile != null) {
            NitrogenEmission e = NitrogenModel.emission(c, profile, netHa);
            nitrogen = context.nitrogen().evaluate(c, e, context.settings().backgroundDepositionMolHaYr(),
                    RingStatistic.MEAN, null);
            // No net hectare left (all under hard constraints): say it cannot be realised, not "0 mol N".
            if (!(netHa > 0)) nitrogen = nitrogen.withStatus(NitrogenIndicators.Status.NOT_REALISABLE);
        }
        try {
            return new CandidateResult(c, overlap, noiseResult.join(), safety, nitrogen, netHa);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** Hard constraints may overlap each other (a school inside a residential area): each hectare once. */
    private static double constrainedHa(Candidate c, CandidateOverlap overlap, SafetyIndicators safety) {
        if (safety == null || safety.prConstrainedHa() == 0) return overlap.constrainedHa();
        return scaleForPoint(c, safety.allConstrainedHa());
    }

    /** Overlap of a point satellite is already scaled to its stated area; the PR part is not. */
    private static double scaleForPoint(Candidate c, double ha) {
        if (!c.isPoint()) return ha;
        return ha * c.grossAreaHa() / (c.footprint().getArea() / 10_000.0);
    }
}
