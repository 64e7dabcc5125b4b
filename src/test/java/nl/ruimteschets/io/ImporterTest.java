package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.geo.SourceCrs;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ImporterTest {

    /** A reader over WKT strings (null for a null geometry), as a file format would stream them. */
    static FeatureReader reader(SourceCrs crs, String... wkts) throws Exception {
        List<Feature> features = new ArrayList<>();
        WKTReader r = new WKTReader();
        for (int i = 0; i < wkts.length; i++) {
            Geometry g = wkts[i] == null ? null : r.read(wkts[i]);
            features.add(new Feature(i + 1, g, new Object[] {"f" + (i + 1)}));
        }
        Iterator<Feature> it = features.iterator();
        return new FeatureReader() {
            public List<Field> fields() { return List.of(new Field("naam", FieldType.TEXT)); }
            public GeometryKind geometryKind() { return GeometryKind.POLYGON; }
            public SourceCrs crs() { return crs; }
            public String encoding() { return "UTF-8"; }
            public long count() { return features.size(); }
            public Feature next() { return it.hasNext() ? it.next() : null; }
            public void close() { }
        };
    }

    static final String SQUARE = "POLYGON((100000 400000, 100100 400000, 100100 400100, 100000 400100, 100000 400000))";
    static final String BOWTIE = "POLYGON((100000 400000, 100100 400100, 100100 400000, 100000 400100, 100000 400000))";

    @Test
    void nullAndEmptyGeometriesAreSkippedAndCounted() throws Exception {
        List<Feature> out = new ArrayList<>();
        ImportReport rep = Importer.run(reader(SourceCrs.epsg(28992), SQUARE, null, "POLYGON EMPTY"),
                out::add, null, new ImportReport(), ProgressListener.NONE);
        assertEquals(1, out.size());
        assertEquals(3, rep.read());
        assertEquals(1, rep.skippedNull());
        assertEquals(1, rep.skippedEmpty());
    }

    @Test
    void bowTieIsRepairedKeepingBothHalvesAndListedById() throws Exception {
        List<Feature> out = new ArrayList<>();
        ImportReport rep = Importer.run(reader(SourceCrs.epsg(28992), SQUARE, BOWTIE),
                out::add, null, new ImportReport(), ProgressListener.NONE);
        assertEquals(1, rep.repaired());
        assertEquals(List.of(2L), rep.repairedIds());
        Geometry fixed = out.get(1).geometry();
        assertTrue(fixed.isValid());
        assertEquals(5000.0, fixed.getArea(), 1e-6, "both triangles of the bow-tie survive");
    }

    @Test
    void zValuesAreDroppedWithANote() throws Exception {
        List<Feature> out = new ArrayList<>();
        ImportReport rep = Importer.run(reader(SourceCrs.epsg(28992),
                "POLYGON Z((100000 400000 5, 100100 400000 5, 100100 400100 5, 100000 400000 5))"),
                out::add, null, new ImportReport(), ProgressListener.NONE);
        assertEquals(1, rep.droppedZm());
        assertTrue(Double.isNaN(out.get(0).geometry().getCoordinate().getZ()));
        assertFalse(rep.warnings().isEmpty());
    }

    @Test
    void wgs84IsReprojectedIntoRd() throws Exception {
        List<Feature> out = new ArrayList<>();
        Importer.run(reader(SourceCrs.epsg(4326), "POINT(5.38720621 52.15517440)"),
                out::add, null, new ImportReport(), ProgressListener.NONE);
        Geometry p = out.get(0).geometry();
        assertEquals(155000, p.getCoordinate().x, 0.5);
        assertEquals(463000, p.getCoordinate().y, 0.5);
        assertEquals(28992, p.getSRID());
    }

    @Test
    void missingCrsInsideRdBoundsIsAssumedRdWithAWarning() throws Exception {
        ImportReport rep = Importer.run(reader(SourceCrs.NONE, SQUARE), f -> { }, null,
                new ImportReport(), ProgressListener.NONE);
        assertEquals("EPSG:28992", rep.sourceCrs());
        assertTrue(rep.warnings().get(0).format(Locale.forLanguageTag("nl")).contains("RD New"));
    }

    @Test
    void missingCrsOutsideRdBoundsIsRefused() {
        ImportReport rep = new ImportReport();
        rep.setSource("wereld.shp");
        InputException e = assertThrows(InputException.class, () -> Importer.run(
                reader(SourceCrs.NONE, "POINT(5.3 52.1)"), f -> { }, null, rep, ProgressListener.NONE));
        assertTrue(e.getMessage(Locale.forLanguageTag("nl")).contains("wereld.shp"));
    }

    @Test
    void cancellingStopsTheImport() {
        String[] many = new String[2500];
        java.util.Arrays.fill(many, SQUARE);
        ProgressListener cancelled = new ProgressListener() {
            @Override public boolean isCancelled() { return true; }
        };
        assertThrows(CancelledException.class, () -> Importer.run(reader(SourceCrs.epsg(28992), many),
                f -> { }, null, new ImportReport(), cancelled));
    }
}
