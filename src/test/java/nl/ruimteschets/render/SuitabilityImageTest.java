package nl.ruimteschets.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Rank numbers on the suitability map: decluttered as the map's names, best rank first. */
class SuitabilityImageTest {
    static List<RankedLocation> row(int n) {
        List<RankedLocation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = 100_000 + i * 800; // 60-ha squares side by side
            Candidate c = new Candidate("s" + i, "Zoeklocatie", CandidateKind.EXPANSION, null,
                    Rd.FACTORY.toGeometry(new Envelope(x, x + 775, 400_000, 400_775)), 0, "p", null, "");
            out.add(new RankedLocation(i + 1, c, null, Map.of(), Double.NaN, Map.of(), 50, null, false));
        }
        return out;
    }

    @Test
    void zoomedOutNumbersDoNotOverlapAndTheBestRankIsShown() {
        List<RankedLocation> ranked = row(10);
        // 1:1,000,000: the ten squares lie within a few pixels of each other.
        Viewport far = new Viewport(104_000, 400_400, 250, 800, 600);
        List<MapLabels.Placed> placed = SuitabilityImage.rankLabels(ranked, far, List.of());
        assertTrue(placed.size() < 10, placed.size() + " numbers placed for ten locations a few pixels apart");
        assertEquals("1", placed.get(0).text());
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertFalse(placed.get(i).box().intersects(placed.get(j).box()), placed.get(i).text() + " over " + placed.get(j).text());
            }
        }
        // Zoomed in, every number has room; none goes under the legend.
        Viewport near = new Viewport(104_000, 400_400, 12, 1000, 600);
        Rectangle2D legend = new Rectangle2D.Double(0, 0, 300, 140);
        List<MapLabels.Placed> all = SuitabilityImage.rankLabels(ranked, near, List.of(legend));
        assertEquals(10, all.size());
        for (MapLabels.Placed p : all) assertFalse(p.box().intersects(legend), p.text());
    }
}
