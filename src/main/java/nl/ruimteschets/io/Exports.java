package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.UserMessage;
import org.locationtech.jts.geom.Coordinate;

/**
 * What can be exported (a layer, a scenario's candidates) as a flat table of features, and the one
 * call per format that writes it. Candidates are exported as their footprints, so a point satellite
 * becomes the circle of its stated area and a shapefile stays one geometry type; the
 * {@code punt} attribute says which ones started as points.
 */
public final class Exports {
    private Exports() { }

    /**
     * A named table of features with their attribute columns, and how QGIS should show it (null: no
     * style is written). The rows are in memory, or streamed from the database a layer is kept in.
     */
    public record Table(String name, List<Field> fields, FeatureRows rows, QgisStyles.Look look) {
        public Table(String name, List<Field> fields, List<Feature> rows, QgisStyles.Look look) {
            this(name, fields, FeatureRows.of(rows), look);
        }

        public Table(String name, List<Field> fields, List<Feature> rows) {
            this(name, fields, rows, null);
        }

        public boolean isEmpty() { return rows.estimatedCount() == 0; }
    }

    public static Table layer(Layer l) throws InputException {
        return layer(l, null);
    }

    /**
     * A layer with the look the planner gave it ({@code display} null: its role's). A layer kept in its database
     * is streamed from there while it is written, so its store must stay open until then.
     *
     * @throws InputException when the layer stays in a database that cannot stream it (never an empty file)
     */
    public static Table layer(Layer l, nl.ruimteschets.model.LayerDisplay display) throws InputException {
        FeatureRows rows;
        if (!l.inDatabase()) rows = FeatureRows.of(l.features());
        else if (l.remote() instanceof StreamedLayer streamed) rows = FeatureRows.of(streamed);
        else throw new InputException(new UserMessage("cli.layer.notstreamable", l.name()));
        return new Table(l.name(), l.fields(), rows, QgisStyles.Look.of(l.role(), display));
    }

    public static Table candidates(Scenario s, Project p) {
        return candidates(s, p, null);
    }

    /**
     * The scenario's candidates with their indicator results as attributes ({@link CandidateIndicators}),
     * so another GIS shows what the planner saw; {@code result} null leaves those columns empty.
     * {@code soort} is Dutch ({@code uitbreiding}/{@code satelliet}).
     */
    public static Table candidates(Scenario s, Project p, ScenarioResult result) {
        List<Field> fields = new ArrayList<>(List.of(
                new Field("id", FieldType.TEXT), new Field("naam", FieldType.TEXT), new Field("soort", FieldType.TEXT),
                new Field("cluster", FieldType.TEXT), new Field("profiel", FieldType.TEXT),
                new Field("bruto_ha", FieldType.REAL), new Field("netto_bruto", FieldType.REAL),
                new Field("punt", FieldType.BOOLEAN), new Field("scenario", FieldType.TEXT),
                new Field("notities", FieldType.TEXT)));
        int base = fields.size();
        fields.addAll(CandidateIndicators.FIELDS);
        Map<String, CandidateResult> byId = new HashMap<>();
        if (result != null) for (CandidateResult r : result.candidates()) byId.put(r.candidate().id(), r);
        List<Feature> rows = new ArrayList<>();
        long fid = 1;
        for (Candidate c : s.candidates()) {
            ActivityProfile prof = p.profiles().get(c.profileName());
            Double nb = c.overrides().nettoBrutoRatio() != null ? c.overrides().nettoBrutoRatio()
                    : prof != null ? Double.valueOf(prof.nettoBrutoRatio()) : null;
            Object[] values = new Object[fields.size()];
            System.arraycopy(new Object[] {c.id(), c.name(), CandidateIndicators.kindNl(c.kind()), c.parentCluster(),
                c.profileName(), Math.round(c.grossAreaHa() * 100) / 100.0, nb, c.isPoint(), s.name(), c.notes()},
                    0, values, 0, base);
            CandidateResult r = byId.get(c.id());
            if (r != null) {
                Object[] ind = CandidateIndicators.values(r);
                System.arraycopy(ind, 0, values, base, ind.length);
            }
            rows.add(new Feature(fid++, GeometryRepair.makeValid(c.footprint()), values));
        }
        return new Table("kandidaten_" + s.name(), fields, rows, QgisStyles.CANDIDATES);
    }

    /**
     * A scenario's workshop notes as a point layer: the note's number and text, the arrow's tip (empty
     * without an arrow) and the scenario, so a GIS can label the points as they were on the map.
     */
    public static Table annotations(Scenario s) {
        List<Field> fields = List.of(new Field("nummer", FieldType.INTEGER), new Field("tekst", FieldType.TEXT),
                new Field("pijl_x", FieldType.REAL), new Field("pijl_y", FieldType.REAL), new Field("scenario", FieldType.TEXT));
        List<Feature> rows = new ArrayList<>();
        long fid = 1;
        for (Annotation a : s.annotations()) {
            rows.add(new Feature(fid++, Rd.FACTORY.createPoint(new Coordinate(a.x(), a.y())),
                    new Object[] {(long) a.number(), a.text(), a.arrowX(), a.arrowY(), s.name()}));
        }
        return new Table("notities_" + s.name(), fields, rows);
    }

    /**
     * The computed contours of a scenario's candidates, one row per contour: noise (L_den 50, L_night
     * 40, L_den 55) and external safety (PR 10⁻⁶, brand-, explosie-, gifwolkaandachtsgebied), with
     * the candidate, the contour kind, its threshold and area. Empty contours are left out.
     */
    public static Table contours(String scenario, ScenarioResult result) {
        List<Field> fields = List.of(new Field("kandidaat", FieldType.TEXT), new Field("naam", FieldType.TEXT),
                new Field("soort", FieldType.TEXT), new Field("waarde", FieldType.TEXT),
                new Field("opp_ha", FieldType.REAL), new Field("scenario", FieldType.TEXT));
        List<Feature> rows = new ArrayList<>();
        long fid = 1;
        for (CandidateResult r : result.candidates()) {
            Candidate c = r.candidate();
            List<Object[]> contours = new ArrayList<>();
            if (r.noise() != null) {
                contours.add(new Object[] {r.noise().lden50(), "geluid", "Lden 50 dB"});
                contours.add(new Object[] {r.noise().lnight40(), "geluid", "Lnight 40 dB"});
                contours.add(new Object[] {r.noise().lden55(), "geluid", "Lden 55 dB"});
            }
            if (r.safety() != null) {
                contours.add(new Object[] {r.safety().prContour(), "pr", "PR 10-6"});
                contours.add(new Object[] {r.safety().brandContour(), "brand", "aandachtsgebied"});
                contours.add(new Object[] {r.safety().explosieContour(), "explosie", "aandachtsgebied"});
                contours.add(new Object[] {r.safety().gifwolkContour(), "gifwolk", "aandachtsgebied"});
            }
            for (Object[] k : contours) {
                org.locationtech.jts.geom.Geometry g = (org.locationtech.jts.geom.Geometry) k[0];
                if (g == null || g.isEmpty()) continue;
                rows.add(new Feature(fid++, g, new Object[] {c.id(), c.name(), k[1], k[2],
                    Math.round(g.getArea() / 100.0) / 100.0, scenario}));
            }
        }
        return new Table("contouren_" + scenario, fields, rows, QgisStyles.CONTOURS);
    }

    public static List<Path> shapefile(Table t, Path dir) throws IOException {
        return shapefile(t, dir, ProgressListener.NONE);
    }

    /** Writes {@code dir/<name>.shp} with its .shx, .dbf, .prj and .cpg. */
    public static List<Path> shapefile(Table t, Path dir, ProgressListener progress) throws IOException {
        return new ShapefileWriter().write(dir.resolve(safeName(t.name()) + ".shp"), t.name(), t.fields(), t.rows(),
                progress);
    }

    public static List<Path> geoPackage(Table t, Path file) throws IOException {
        return geoPackage(t, file, ProgressListener.NONE);
    }

    public static List<Path> geoPackage(Table t, Path file, ProgressListener progress) throws IOException {
        return new GeoPackageWriter(t.look()).write(file, safeName(t.name()), t.fields(), t.rows(), progress);
    }

    public static List<Path> geoJson(Table t, Path file, boolean wgs84) throws IOException {
        return geoJson(t, file, wgs84, ProgressListener.NONE);
    }

    public static List<Path> geoJson(Table t, Path file, boolean wgs84, ProgressListener progress) throws IOException {
        return new GeoJsonWriter(wgs84 ? GeoJsonWriter.Mode.WGS84 : GeoJsonWriter.Mode.RD).write(file, t.name(), t.fields(), t.rows(), progress);
    }

    /** A file and table name that every file system and GIS accepts. */
    public static String safeName(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+", "_");
        return s.isEmpty() ? "laag" : s;
    }
}
