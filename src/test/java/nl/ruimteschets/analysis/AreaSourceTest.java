package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The source cells (the part of each grid square inside the footprint: its area share and centroid) against JTS's
 * own overlay of the footprint with every square, for concave shapes, holes, several parts and the sample's
 * candidates.
 */
class AreaSourceTest {
    @Test
    void cellsAreTheFootprintClippedToEachSquare() throws Exception {
        WKTReader r = new WKTReader();
        List<Geometry> shapes = new ArrayList<>(List.of(
                r.read("POLYGON ((99000 409300, 101000 409840, 101250 409100, 99250 408560, 99000 409300))"),
                // concave (a U), so a square can hold two separate pieces
                r.read("POLYGON ((0 0, 1000 0, 1000 1000, 730 1000, 730 240, 270 240, 270 1000, 0 1000, 0 0))"),
                // a hole, drawn clockwise shell (JTS accepts either orientation)
                r.read("POLYGON ((0 0, 0 1500, 1500 1500, 1500 0, 0 0), (420 420, 1020 430, 1010 1080, 430 1070, 420 420))"),
                r.read("MULTIPOLYGON (((0 0, 650 30, 600 700, 0 0)), ((2000 2000, 2900 2050, 2950 2700, 2040 2600, 2000 2000)))"),
                // large: cells grow beyond 100 m
                r.read("POLYGON ((0 0, 9000 300, 8700 7000, 4000 4000, 300 8000, 0 0))")));
        for (Candidate c : SampleProject.build().scenarios().get(0).candidates()) shapes.add(c.footprint());
        for (Geometry g : shapes) {
            AreaSource src = AreaSource.of(g);
            List<double[]> expected = reference(g, src.cellSizeM());
            assertEquals(expected.size(), src.cellCount(), "cells of " + g);
            for (int i = 0; i < expected.size(); i++) {
                double[] e = expected.get(i);
                assertEquals(e[0], src.x[i], 1e-6, "x of cell " + i);
                assertEquals(e[1], src.y[i], 1e-6, "y of cell " + i);
                assertEquals(e[2], src.w[i], 1e-9, "weight of cell " + i);
            }
        }
    }

    /** Row by row, as AreaSource walks them: {centroid x, centroid y, weight} of every square with area. */
    private static List<double[]> reference(Geometry g, double cell) {
        Envelope env = g.getEnvelopeInternal();
        List<double[]> out = new ArrayList<>();
        int i0 = (int) Math.floor(env.getMinX() / cell), i1 = (int) Math.ceil(env.getMaxX() / cell);
        int j0 = (int) Math.floor(env.getMinY() / cell), j1 = (int) Math.ceil(env.getMaxY() / cell);
        double total = 0;
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                Geometry sq = g.getFactory().toGeometry(new Envelope(i * cell, (i + 1) * cell, j * cell, (j + 1) * cell));
                Geometry part = g.intersection(sq);
                if (part.getArea() <= cell * cell * 1e-9) continue;
                out.add(new double[] {part.getCentroid().getX(), part.getCentroid().getY(), part.getArea()});
                total += part.getArea();
            }
        }
        for (double[] c : out) c[2] /= total;
        return out;
    }
}
