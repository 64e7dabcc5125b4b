package nl.ruimteschets.io;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.geo.CrsAreas;
import nl.ruimteschets.geo.CrsRegistry;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.geo.Reprojection;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns what a {@link FeatureReader} streams into features fit for a project layer: decides the CRS,
 * skips null and empty geometries, drops Z/M, reprojects into RD New and repairs invalid geometries,
 * counting every decision in the {@link ImportReport}. Streams one feature at a time, so memory
 * stays flat however big the file is.
 *
 * <p>The CRS is the user's choice, else the file's; a file without one is RD New when its coordinates fit
 * the RD bounds, and GeoJSON's implied WGS 84 gives way to RD New when the first geometry is plainly RD.
 * Every geometry is checked against the CRS's valid area ({@link CrsAreas}) before reprojection. A BAG
 * extract keeps one current version per object ({@link BagVersions}); any other layer whose id column
 * repeats values gets a warning ({@link RepeatedIds}).
 *
 * <p>Fails with {@link InputException} (unknown CRS; no CRS and coordinates outside the RD bounds;
 * coordinates outside the chosen or stated CRS's area, naming the likely CRS)
 * possibly after some features went to the sink: the caller discards the sink's work, so the
 * project is unchanged. Cancellation throws {@link CancelledException}. Not thread-safe; one import per instance.
 */
public final class Importer {
    private static final int PROGRESS_EVERY = 1_000;

    private Importer() { }

    /**
     * @param forcedEpsg the CRS the user chose (overrides the file), or null to use what the file states
     */
    public static ImportReport run(FeatureReader reader, FeatureSink sink, Integer forcedEpsg,
                                   ImportReport report, ProgressListener progress) throws IOException, InputException {
        report.setEncoding(reader.encoding());
        SourceCrs stated = reader.crs();
        Integer epsg = forcedEpsg != null ? forcedEpsg : CrsRegistry.identify(stated);
        if (forcedEpsg != null && !CrsRegistry.isSupported(forcedEpsg)) {
            throw new InputException(new UserMessage("crs.unsupported", "EPSG:" + forcedEpsg, report.source()));
        }
        boolean assumedRd = epsg == null;
        if (assumedRd) {
            epsg = Rd.EPSG;
            report.warn(new UserMessage("import.crs.assumedRd", stated.description()));
        }
        // A CRS the format only implies (GeoJSON: WGS 84) is decided on the first geometry's coordinates.
        boolean undecided = forcedEpsg == null && stated.implied();
        report.setSourceCrs("EPSG:" + epsg);
        Reprojection toRd = Reprojection.toRd(epsg);
        Envelope validArea = CrsAreas.validArea(epsg); // null: unknown, no check
        long total = reader.count();
        boolean flatRings = reader.flatRings();
        BagVersions bag = BagVersions.recognise(reader.fields(), LocalDate.now());
        RepeatedIds ids = bag == null ? RepeatedIds.of(reader.fields()) : null;
        boolean zmNoted = false;
        Feature f;
        while ((f = reader.next()) != null) {
            report.countRead();
            if (report.read() % PROGRESS_EVERY == 0) {
                progress.checkCancelled();
                progress.progress(report.read(), total);
            }
            Geometry g = f.geometry();
            if (g == null) {
                report.countSkippedNull();
                continue;
            }
            if (g.isEmpty()) {
                report.countSkippedEmpty();
                continue;
            }
            if (!finiteXY(g)) {
                // an infinite vertex would send ring orientation and repair round for ever
                throw new InputException(new UserMessage("import.coordinate.nonfinite", report.source(), f.id()));
            }
            if (GeometryRepair.hasZm(g)) {
                report.countDroppedZm();
                if (!zmNoted) {
                    report.warn(new UserMessage("import.zm.dropped"));
                    zmNoted = true;
                }
                // Copy only when needed: a million footprints should not be copied for nothing.
                g = GeometryRepair.to2d(g, Rd.FACTORY);
            }
            Envelope env = g.getEnvelopeInternal();
            if (undecided) {
                undecided = false;
                if (!CrsAreas.fits(epsg, env) && Rd.inBounds(env)) {
                    report.warn(new UserMessage("import.crs.impliedRd", report.source(), "EPSG:" + epsg));
                    epsg = Rd.EPSG;
                    assumedRd = true;
                    report.setSourceCrs("EPSG:" + epsg);
                    toRd = Reprojection.toRd(epsg);
                    validArea = CrsAreas.validArea(epsg);
                }
            }
            if (assumedRd && !Rd.inBounds(env)) {
                throw new InputException(new UserMessage("import.crs.missingOutsideRd", report.source(), f.id()));
            }
            if (validArea != null && !validArea.contains(env)) throw outsideArea(report.source(), f.id(), epsg, env);
            try {
                g = toRd.transform(g);
            } catch (RuntimeException e) {
                // proj4j gives up on coordinates its datum shift cannot take ("Latitude is out of range")
                throw outsideArea(report.source(), f.id(), epsg, env);
            }
            Geometry valid = GeometryRepair.makeValid(g, flatRings);
            if (valid != g) {
                report.countRepaired(f.id());
                if (valid.isEmpty()) {
                    report.countSkippedEmpty();
                    continue;
                }
            }
            valid.setSRID(Rd.EPSG);
            Feature checked = new Feature(f.id(), valid, f.values());
            if (bag != null) {
                bag.offer(checked); // BAG: only each object's current version goes on, at the end
                continue;
            }
            if (ids != null) ids.offer(checked);
            sink.accept(checked);
            report.countImported();
        }
        if (bag != null) bag.finish(sink, report);
        if (ids != null) ids.report(report);
        progress.progress(report.read(), total);
        return report;
    }

    /** True when every X and Y is a finite number. */
    private static boolean finiteXY(Geometry g) {
        // the envelope is computed anyway and cached; NaN does not widen it, so look at the vertices only then
        org.locationtech.jts.geom.Envelope e = g.getEnvelopeInternal();
        if (Double.isFinite(e.getMinX()) && Double.isFinite(e.getMaxX()) && Double.isFinite(e.getMinY())
                && Double.isFinite(e.getMaxY()) && !hasNaN(g)) return true;
        return false;
    }

    private static boolean hasNaN(Geometry g) {
        boolean[] nan = {false};
        g.apply(new org.locationtech.jts.geom.CoordinateSequenceFilter() {
            @Override public void filter(org.locationtech.jts.geom.CoordinateSequence seq, int i) {
                if (Double.isNaN(seq.getX(i)) || Double.isNaN(seq.getY(i))) nan[0] = true;
            }
            @Override public boolean isDone() { return nan[0]; }
            @Override public boolean isGeometryChanged() { return false; }
        });
        return nan[0];
    }

    /**
     * The fields of the layer an import of this reader makes: the file's, plus {@code gepland} for a BAG
     * extract ({@link BagVersions}). Sinks and layers are made with these.
     */
    public static List<Field> fields(FeatureReader reader) {
        return BagVersions.recognise(reader.fields(), LocalDate.now()) != null
                ? BagVersions.withPlanned(reader.fields()) : reader.fields();
    }

    /** "Feature n lies outside the valid area of EPSG:x; probably EPSG:y", for a wrong stated or forced CRS. */
    private static InputException outsideArea(String source, long id, int epsg, Envelope env) {
        String where = String.format(Locale.ROOT, "%.6g, %.6g", env.getMinX(), env.getMinY());
        return CrsAreas.likely(env)
                .map(l -> new InputException(new UserMessage("import.crs.outsideArea", source, id, where, "EPSG:" + epsg, l)))
                .orElseGet(() -> new InputException(new UserMessage("import.crs.outsideAreaUnknown", source, id, where,
                        "EPSG:" + epsg)));
    }
}
