package nl.ruimteschets.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class SafetyModelTest {
    final WKTReader wkt = new WKTReader();
    /** PR 100 m, brand 200 m, explosie 300 m, gifwolk 2,000 m (must be capped at 1,500 m). */
    final ActivityProfile chem = new ActivityProfile("Chemie", "", 65, 5, false, 100, 200, 300, 2000, 0, 0, 20, 0.7, "");
    final Geometry site = geom("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");

    Geometry geom(String s) {
        try {
            return wkt.read(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    Geometry house(double x, double y) {
        return geom(String.format(java.util.Locale.ROOT, "POLYGON((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %4$f, %1$f %2$f))",
                x, y, x + 10, y + 10));
    }

    LayerIndex sensitive(Object[][] rows) {
        List<Feature> fs = new java.util.ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            fs.add(new Feature(i + 1, house((double) rows[i][0], (double) rows[i][1]),
                    new Object[] {rows[i][2], rows[i][3]}));
        }
        return new LayerIndex(new Layer("gevoelig", LayerRole.SENSITIVE,
                List.of(new Field("naam", FieldType.TEXT), new Field("klasse", FieldType.TEXT)), fs,
                Map.of(Layer.MAP_NAME, "naam", Layer.MAP_VULNERABILITY, "klasse"), "", null));
    }

    @Test
    void kwetsbaarInsidePrIsAConflictAndBeperktKwetsbaarIsToWeigh() {
        LayerIndex s = sensitive(new Object[][] {
            {1050.0, 500.0, "Basisschool De Haven", "zeer kwetsbaar"},   // 50 m east: inside PR
            {1060.0, 600.0, "Kantoor", "beperkt kwetsbaar"},              // inside PR
            {1150.0, 500.0, "Woning", "kwetsbaar"},                       // 150 m: brand only
            {1250.0, 500.0, "Woning 2", "kwetsbaar"},                     // 250 m: explosie only
            {2400.0, 500.0, "Zorgcentrum", "zeer kwetsbaar"},             // 1,400 m: gifwolk (capped 1,500)
            {2600.0, 500.0, "Ver weg", "kwetsbaar"}});                    // 1,600 m: outside the cap
        SafetyIndicators r = new SafetyModel(List.of(s), List.of()).evaluate(site, chem);
        assertEquals(1, r.limitConflicts().size());
        assertEquals("Basisschool De Haven", r.limitConflicts().get(0).name());
        assertEquals(Vulnerability.ZEER_KWETSBAAR, r.limitConflicts().get(0).vulnerability());
        assertEquals(1, r.weighCount());
        assertEquals(3, r.brandCount());
        assertEquals(4, r.explosieCount());
        assertEquals(5, r.gifwolkCount(), "gifwolk capped at 1,500 m leaves out the object at 1,600 m");
        // The school's 100 m PR buffer reaches 50 m into the site along a 110 m wide strip (plus rounded corners).
        assertTrue(r.prConstrainedHa() > 0.5 && r.prConstrainedHa() < 1.0, "constrained " + r.prConstrainedHa());
    }

    @Test
    void prContourOutsideTheVeiligheidscontourIsMeasured() {
        Layer contours = new Layer("risico", LayerRole.SAFETY_CONTOUR, List.of(new Field("soort", FieldType.TEXT)),
                List.of(new Feature(1, geom("POLYGON((-100 -100, 1100 -100, 1100 1100, -100 1100, -100 -100))"),
                        new Object[] {"veiligheidscontour"})),
                Map.of(Layer.MAP_KIND, "soort"), "", null);
        SafetyIndicators inside = new SafetyModel(List.of(), List.of(new LayerIndex(contours))).evaluate(site, chem);
        assertEquals(0.0, inside.outsideVeiligheidscontourHa(), 1e-9, "PR of 100 m stays inside a 100 m margin");

        Geometry far = geom("POLYGON((5000 0, 6000 0, 6000 1000, 5000 1000, 5000 0))");
        SafetyIndicators outside = new SafetyModel(List.of(), List.of(new LayerIndex(contours))).evaluate(far, chem);
        assertEquals(outside.prContour().getArea() / 10_000, outside.outsideVeiligheidscontourHa(), 1e-9);
    }

    @Test
    void gifwolkDistanceIsCappedAt1500Metres() {
        SafetyIndicators r = new SafetyModel(List.of(), List.of()).evaluate(site, chem);
        double expected = site.buffer(1500, 8).getArea();
        assertEquals(expected, r.gifwolkContour().getArea(), 1.0);
    }

    @Test
    void countsEqualExactDistancesForThousandsOfBuildingsAroundAnIrregularSite() {
        // RD coordinates (floats lose centimetres there), buildings of all sizes and angles, some on the
        // very edges of the bands: every count must be what JTS's exact distance gives.
        Geometry siteRd = geom("POLYGON((155000 463000, 156200 462900, 156400 463900, 155700 464300, 155300 463700, 155000 463000))");
        java.util.Random rnd = new java.util.Random(11);
        String[] classes = {"zeer kwetsbaar", "kwetsbaar", "beperkt kwetsbaar"};
        List<Feature> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            double x = 153_000 + rnd.nextDouble() * 5_500, y = 461_000 + rnd.nextDouble() * 5_500;
            double w = 6 + rnd.nextDouble() * (rnd.nextDouble() < 0.05 ? 150 : 30), h = 6 + rnd.nextDouble() * 30;
            double a = rnd.nextDouble() * Math.PI;
            org.locationtech.jts.geom.util.AffineTransformation t = org.locationtech.jts.geom.util.AffineTransformation
                    .rotationInstance(a, x, y);
            Geometry b = t.transform(geom(String.format(java.util.Locale.ROOT,
                    "POLYGON((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %4$f, %1$f %2$f))", x, y, x + w, y + h)));
            fs.add(new Feature(i + 1, b, new Object[] {"pand " + i, classes[i % 3]}));
        }
        Layer layer = new Layer("gevoelig", LayerRole.SENSITIVE, List.of(new Field("naam", FieldType.TEXT),
                new Field("klasse", FieldType.TEXT)), fs, Map.of(Layer.MAP_NAME, "naam", Layer.MAP_VULNERABILITY, "klasse"), "", null);
        SafetyIndicators r = new SafetyModel(List.of(new LayerIndex(layer)), List.of()).evaluate(siteRd, chem);

        int conflicts = 0, weigh = 0, brand = 0, explosie = 0, gifwolk = 0;
        for (Feature f : fs) {
            double d = siteRd.distance(f.geometry());
            if (d <= 100) {
                if (f.values()[1].equals("beperkt kwetsbaar")) weigh++; else conflicts++;
            }
            if (d <= 200) brand++;
            if (d <= 300) explosie++;
            if (d <= 1500) gifwolk++;
        }
        assertTrue(gifwolk > 1000 && conflicts > 50, "a test that reaches every band: " + gifwolk + ", " + conflicts);
        assertEquals(conflicts, r.limitConflicts().size());
        assertEquals(weigh, r.weighCount());
        assertEquals(brand, r.brandCount());
        assertEquals(explosie, r.explosieCount());
        assertEquals(gifwolk, r.gifwolkCount());
    }
}
