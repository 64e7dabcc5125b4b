package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;

/**
 * What can be exported (a layer, a scenario's candidates) as a flat table of features, and the one
 * call per format that writes it. Candidates are exported as their footprints, so a point satellite
 * becomes the circle of its stated area and a shapefile stays one geometry type; the
 * {@code punt} attribute says which ones started as points.
 */
public final class Exports {
    private Exports() { }

    /** A named table of features with their attribute columns. */
    public record Table(String name, List<Field> fields, List<Feature> rows) { }

    public static Table layer(Layer l) {
        return new Table(l.name(), l.fields(), l.features());
    }

    public static Table candidates(Scenario s, Project p) {
        List<Field> fields = List.of(
                new Field("id", FieldType.TEXT), new Field("naam", FieldType.TEXT), new Field("soort", FieldType.TEXT),
                new Field("cluster", FieldType.TEXT), new Field("profiel", FieldType.TEXT),
                new Field("bruto_ha", FieldType.REAL), new Field("netto_bruto", FieldType.REAL),
                new Field("punt", FieldType.BOOLEAN), new Field("scenario", FieldType.TEXT),
                new Field("notities", FieldType.TEXT));
        List<Feature> rows = new ArrayList<>();
        long fid = 1;
        for (Candidate c : s.candidates()) {
            ActivityProfile prof = p.profiles().get(c.profileName());
            Double nb = c.overrides().nettoBrutoRatio() != null ? c.overrides().nettoBrutoRatio()
                    : prof != null ? Double.valueOf(prof.nettoBrutoRatio()) : null;
            rows.add(new Feature(fid++, c.footprint(), new Object[] {
                c.id(), c.name(), c.kind().name(), c.parentCluster(), c.profileName(),
                Math.round(c.grossAreaHa() * 100) / 100.0, nb, c.isPoint(), s.name(), c.notes()}));
        }
        return new Table("kandidaten_" + s.name(), fields, rows);
    }

    /** Writes {@code dir/<name>.shp} with its .shx, .dbf, .prj and .cpg. */
    public static List<Path> shapefile(Table t, Path dir) throws IOException {
        return new ShapefileWriter().write(dir.resolve(safeName(t.name()) + ".shp"), t.name(), t.fields(), t.rows(),
                ProgressListener.NONE);
    }

    public static List<Path> geoPackage(Table t, Path file) throws IOException {
        return new GeoPackageWriter().write(file, safeName(t.name()), t.fields(), t.rows(), ProgressListener.NONE);
    }

    public static List<Path> geoJson(Table t, Path file, boolean wgs84) throws IOException {
        return new GeoJsonWriter(wgs84 ? GeoJsonWriter.Mode.WGS84 : GeoJsonWriter.Mode.RD).write(file, t.name(), t.fields(), t.rows(), ProgressListener.NONE);
    }

    /** A file and table name that every file system and GIS accepts. */
    public static String safeName(String name) {
        String s = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("_+", "_");
        return s.isEmpty() ? "laag" : s;
    }
}
