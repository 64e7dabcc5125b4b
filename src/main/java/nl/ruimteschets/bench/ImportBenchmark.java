package nl.ruimteschets.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectImport;
import nl.ruimteschets.io.ShapefileWriter;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Coordinate;

/**
 * Import benchmark (not a test): writes a seeded synthetic shapefile of N building footprints
 * (default 1,000,000 polygons of 8–40 m in town-like clusters), imports it into a fresh project
 * and prints features/s and peak heap; then times GDAL's {@code ogr2ogr -f GPKG} on the same file.
 *
 * <p>Run: {@code java -Xmx2g -cp target/ruimteschets.jar nl.ruimteschets.bench.ImportBenchmark [N] [DIR]}
 */
public final class ImportBenchmark {
    private ImportBenchmark() { }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("rs-bench");
        Files.createDirectories(dir);
        Path shp = dir.resolve("footprints.shp");
        long t0 = System.nanoTime();
        new ShapefileWriter().write(shp, "footprints", List.of(new Field("naam", FieldType.TEXT),
                new Field("functie", FieldType.TEXT), new Field("hoogte", FieldType.REAL)), footprints(n, 42), ProgressListener.NONE);
        System.out.printf(Locale.ROOT, "wrote %,d polygons to %s in %.1f s (%.0f MB)%n", n, shp,
                (System.nanoTime() - t0) / 1e9, Files.size(shp) / 1e6 + Files.size(dir.resolve("footprints.dbf")) / 1e6);

        Path project = dir.resolve("bench.gpkg");
        Files.deleteIfExists(project);
        System.gc();
        resetPeaks();
        long t1 = System.nanoTime();
        ImportReport rep = ProjectImport.run(project, shp, "footprints", null, LayerRole.SENSITIVE, null, null,
                ProgressListener.NONE);
        double s = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "ruimteschets import: %,d features in %.2f s = %,.0f features/s; peak heap %.0f MB (max %d MB)%n",
                rep.imported(), s, rep.imported() / s, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20);

        Path ogr = dir.resolve("ogr.gpkg");
        Files.deleteIfExists(ogr);
        try {
            long t2 = System.nanoTime();
            Process p = new ProcessBuilder("ogr2ogr", "-f", "GPKG", ogr.toString(), shp.toString())
                    .inheritIO().start();
            int rc = p.waitFor();
            double so = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "ogr2ogr -f GPKG: exit %d in %.2f s = %,.0f features/s; ruimteschets/ogr2ogr time ratio %.2f%n",
                    rc, so, n / so, s / so);
        } catch (java.io.IOException e) {
            System.out.println("ogr2ogr not installed: no GDAL comparison (apt-get install gdal-bin)");
        }
    }

    /** Town-like clusters of small rotated rectangles, deterministic for a seed. */
    static Iterable<Feature> footprints(int n, long seed) {
        return () -> new Iterator<>() {
            final Random rnd = new Random(seed);
            int i;
            double townX, townY;

            public boolean hasNext() { return i < n; }

            public Feature next() {
                if (i % 5_000 == 0) {
                    townX = 20_000 + rnd.nextDouble() * 240_000;
                    townY = 320_000 + rnd.nextDouble() * 280_000;
                }
                double cx = townX + rnd.nextGaussian() * 1_500, cy = townY + rnd.nextGaussian() * 1_500;
                double w = 8 + rnd.nextDouble() * 32, h = 8 + rnd.nextDouble() * 32, a = rnd.nextDouble() * Math.PI;
                double c = Math.cos(a), s = Math.sin(a);
                Coordinate[] ring = new Coordinate[5];
                double[][] corners = {{-w, -h}, {w, -h}, {w, h}, {-w, h}};
                for (int k = 0; k < 4; k++) {
                    double x = corners[k][0] / 2, y = corners[k][1] / 2;
                    ring[k] = new Coordinate(cx + x * c - y * s, cy + x * s + y * c);
                }
                ring[4] = ring[0];
                i++;
                return new Feature(i, Rd.FACTORY.createPolygon(ring),
                        new Object[] {"pand " + i, i % 10 == 0 ? "school" : "woning", 3.0 + (i % 30)});
            }
        };
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum / 1e6;
    }
}
