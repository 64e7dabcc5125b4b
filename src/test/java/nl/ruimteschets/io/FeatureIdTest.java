package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * A table keyed from 0 (generate_series, many PostGIS loads) or with negative keys is a real table: its ids
 * are written as they are. Making one up for id 0 took the source's own next id, and the export of such a
 * layer stopped with a primary-key error at that row.
 */
class FeatureIdTest {
    @TempDir Path dir;

    @Test
    void idsFromZeroAndNegativeOnesAreKeptAsTheyAre() throws Exception {
        List<Field> fields = List.of(new Field("naam", FieldType.TEXT));
        List<Long> ids = List.of(-3L, 0L, 1L, 2L);
        List<Feature> rows = ids.stream().map(id -> new Feature(id,
                Rd.FACTORY.createPoint(new Coordinate(100_000 + id, 450_000)), new Object[] {"object " + id})).toList();
        Path gpkg = dir.resolve("sleutels.gpkg");
        Exports.geoPackage(new Exports.Table("sleutels", fields, rows), gpkg);
        Layer back = LayerLoader.load(gpkg, "sleutels", "sleutels", LayerRole.BASEMAP, null, null, null, ProgressListener.NONE);
        assertEquals(ids, back.features().stream().map(Feature::id).sorted().toList());
        for (Feature f : back.features()) assertEquals("object " + f.id(), f.value(0));
    }
}
