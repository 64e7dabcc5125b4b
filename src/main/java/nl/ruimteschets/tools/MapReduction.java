package nl.ruimteschets.tools;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ruimteschets.io.GeoJsonWriter;
import nl.ruimteschets.io.LayerLoader;
import nl.ruimteschets.io.PreparedLayers;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Makes the bundled sample's real-geography layers: reads the open data in {@code ../shared/data}
 * (Natura 2000, provinces, municipalities; see its README) with the project's own importer, which
 * reprojects to RD New and repairs invalid geometry (each polygon part made valid and the parts
 * unioned, so overlapping parts keep their area), then simplifies every feature topology-preserving
 * to a few metres, snaps it to whole metres, keeps only the attributes the sample uses and writes
 * RD GeoJSON into {@code maps/}. No feature is dropped: a feature that a step would empty or
 * invalidate keeps its less reduced form, and the run fails when a site's area moves more than
 * {@value #MAX_AREA_CHANGE} of itself.
 *
 * <p>Then it computes the whole sample from {@code maps/} ({@link SampleProject#generate}: the reduced maps
 * and the schematic CSVs, shapes cut to the land) and stores its layers in
 * {@code maps/}{@value SampleProject#PREPARED}, which the app reads at start-up instead of computing them.
 *
 * <p>Run after {@code ./mvnw -B -ntp -DskipTests package}:
 * {@code java -cp target/ruimteschets.jar nl.ruimteschets.tools.MapReduction ../shared/data maps}, or with
 * {@code --sample maps} only the last step (after editing a CSV; needs no {@code ../shared}).
 * Prints per file the features, vertices before and after, total area and the largest relative
 * area change. Single-threaded; not for use inside the app.
 */
public final class MapReduction {
    /** Largest relative area change simplification may cause per feature. */
    static final double MAX_AREA_CHANGE = 0.02;

    /** One input file and how to reduce it. */
    record Source(String input, String output, String layerName, double toleranceM, List<String> keep) { }

    /** The three sets, with the attributes the sample uses (names as published). */
    static final List<Source> SOURCES = List.of(
            new Source("natura2000/natura2000_nl_wgs84.geojson", "natura2000.geojson", "natura2000", 5,
                    List.of("naam", "gebiedsnummer", "richtlijn", "stikstofgevoelig", "provincies")),
            new Source("provinces/provinces-nl.geojson", "provincies.geojson", "provincies", 2, List.of("name")),
            new Source("municipalities/gemeenten_2023.geojson", "gemeenten.geojson", "gemeenten", 2,
                    List.of("gemeentenaam", "gemeentecode", "aantalInwoners")));

    private static final PrecisionModel WHOLE_METRES = new PrecisionModel(1);

    private MapReduction() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MapReduction DATA_DIR OUT_DIR   (e.g. ../shared/data maps)\n"
                    + "       MapReduction --sample OUT_DIR     (only the prepared sample layers)");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        if (!args[0].equals("--sample")) {
            Path data = Path.of(args[0]);
            Files.createDirectories(out);
            for (Source s : SOURCES) reduce(data.resolve(s.input()), out.resolve(s.output()), s, System.out);
        }
        prepareSample(out, System.out);
    }

    /** Computes the sample from the files in {@code maps} and writes its layers for the app to read. */
    static Path prepareSample(Path maps, PrintStream log) throws IOException {
        List<Layer> layers = SampleProject.generate(maps).layers();
        Path file = maps.resolve(SampleProject.PREPARED);
        try (OutputStream out = Files.newOutputStream(file)) {
            PreparedLayers.write(out, PROVENANCE, layers);
        }
        log.printf(Locale.ROOT, "%s: %d layers, %,d features, %,d bytes%n", file.getFileName(), layers.size(),
                layers.stream().mapToInt(l -> l.features().size()).sum(), Files.size(file));
        return file;
    }

    /** Kept at the head of the prepared file: what it is and where its sources and licences are named. */
    static final String PROVENANCE = "Ruimteschets voorbeeldkaart: de lagen van SampleProject.generate(maps), "
            + "gemaakt door nl.ruimteschets.tools.MapReduction uit maps/*.geojson (verkleinde open data; bronnen "
            + "en licenties in maps/README.md en in de bron van elke laag) en de schematische maps/*.csv";

    /** Reads, reduces and writes one set; returns the reduced layer. */
    static Layer reduce(Path in, Path out, Source s, PrintStream log) throws IOException, InputException {
        Layer raw = LayerLoader.load(in, null, s.layerName(), LayerRole.BASEMAP, Map.of(), null, null, ProgressListener.NONE);
        Layer reduced = reduce(raw, s);
        new GeoJsonWriter(GeoJsonWriter.Mode.RD).write(out, s.layerName(), reduced.fields(), reduced.features(), ProgressListener.NONE);
        long before = raw.features().stream().mapToLong(f -> f.geometry().getNumPoints()).sum();
        long after = reduced.features().stream().mapToLong(f -> f.geometry().getNumPoints()).sum();
        double worst = 0, total = 0;
        for (int i = 0; i < raw.features().size(); i++) {
            double a0 = raw.features().get(i).geometry().getArea(), a1 = reduced.features().get(i).geometry().getArea();
            worst = Math.max(worst, Math.abs(a1 - a0) / a0);
            total += a1;
        }
        log.printf(Locale.ROOT, "%s: %d features (%d repaired on import), %,d -> %,d vertices, %,.0f ha, "
                        + "largest area change %.3f %%, %,d bytes%n", out.getFileName(), reduced.features().size(),
                raw.report().repaired(), before, after, total / 1e4, worst * 100, Files.size(out));
        return reduced;
    }

    /** The reduced copy of an imported layer: same features in the same order, only the kept fields. */
    static Layer reduce(Layer raw, Source s) {
        int[] columns = s.keep().stream().mapToInt(raw::fieldIndex).toArray();
        List<Field> fields = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] < 0) throw new IllegalArgumentException(s.input() + " has no field " + s.keep().get(k));
            fields.add(raw.fields().get(columns[k]));
        }
        List<Feature> features = new ArrayList<>();
        for (Feature f : raw.features()) {
            Object[] values = new Object[columns.length];
            for (int k = 0; k < columns.length; k++) values[k] = f.value(columns[k]);
            features.add(new Feature(f.id(), simplify(f.geometry(), s.toleranceM()), values));
        }
        return new Layer(s.layerName(), raw.role(), fields, features, Map.of(), raw.source(), raw.report());
    }

    /**
     * Topology-preserving simplification, then whole metres. Halves the tolerance until the result is
     * valid, non-empty and within {@link #MAX_AREA_CHANGE} of the original; at zero tolerance only the
     * snapping remains, and when even that fails the geometry is kept as imported.
     */
    static Geometry simplify(Geometry g, double tolerance) {
        for (double t = tolerance; ; t /= 2) {
            Geometry s = t < 0.25 ? g : TopologyPreservingSimplifier.simplify(g, t);
            Geometry r = GeometryPrecisionReducer.reduce(s, WHOLE_METRES);
            if (!r.isEmpty() && r.isValid() && Math.abs(r.getArea() - g.getArea()) <= MAX_AREA_CHANGE * g.getArea()) {
                r.setSRID(g.getSRID());
                return r;
            }
            if (t < 0.25) return g;
        }
    }
}
