package nl.ruimteschets.analysis;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Micro-benchmark, not a test: a 200-ha candidate dragged next to a large synthetic Natura 2000 area
 * (a 4,000-vertex wavy ring, about 50,000 ha within 25 km). Prints the first (cache-building) call and
 * p50/p95 of later edits. Run: {@code java -cp target/classes:target/test-classes:<deps>
 * nl.ruimteschets.analysis.NitrogenBenchmark}.
 */
public final class NitrogenBenchmark {
    public static void main(String[] args) {
        Geometry area = wavyDisc(new Coordinate(16_000, 600), 13_500, 4000);
        NitrogenModel m = NitrogenFixtures.model(NitrogenFixtures.natura(NitrogenFixtures.area("Synthetisch", "1071", area)));
        NitrogenEmission e = new NitrogenEmission(50_000, 5_000, 10);
        long t0 = System.nanoTime();
        NitrogenIndicators first = m.evaluate(NitrogenFixtures.candidate(candidate(0)), e, 1000.0, RingStatistic.MEAN, null);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        for (int i = 0; i < 100; i++) m.evaluate(NitrogenFixtures.candidate(candidate(i)), e, 1000.0, RingStatistic.MEAN, null);
        int n = 300;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            m.evaluate(NitrogenFixtures.candidate(candidate(i)), e, 1000.0, RingStatistic.MEAN, null);
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(ms);
        double[] src = new double[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            AreaSource.of(candidate(i));
            src[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(src);
        System.out.printf("area %.0f ha, hexagons in area %d, hexagons >= cut (within 25 km) %d, overlap %.1f ha, max %.3f mol/ha/yr, cells %d%n",
                area.getArea() / 1e4, m.receptors().areas().get(0).hexagonCount(), first.hexagonsAboveCut(), first.overlapHa(),
                first.maxDepositionMolHaYr(), AreaSource.of(candidate(0)).cellCount());
        System.out.printf("first call (builds hexagon cache) %.1f ms; per edit p50 %.2f ms, p95 %.2f ms (n=%d)%n",
                firstMs, ms[n / 2], ms[(int) (n * 0.95)], n);
        System.out.printf("of which splitting the footprint into cells: p50 %.2f ms%n", src[n / 2]);
    }

    /** A 200-ha, slightly irregular candidate moved a few metres per "drag" step. */
    static Geometry candidate(int step) {
        double dx = (step % 20) * 7.0;
        Geometry g = NitrogenFixtures.box(dx, 0, dx + 1600, 1250);
        return g.difference(NitrogenFixtures.box(dx + 1200, 900, dx + 1600, 1250)).union(NitrogenFixtures.box(dx, 1250, dx + 400, 1600));
    }

    static Geometry wavyDisc(Coordinate c, double r, int n) {
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n, rr = r * (1 + 0.03 * Math.sin(37 * a));
            ring[i] = new Coordinate(c.x + rr * Math.cos(a), c.y + rr * Math.sin(a));
        }
        ring[n] = ring[0].copy();
        return NitrogenFixtures.GF.createPolygon(ring);
    }

    private NitrogenBenchmark() { }
}
