package nl.ruimteschets.io.postgis;

import java.util.Map;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.StreamedLayer;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.io.WKBWriter;

/** A text of everything a project holds (geometry as exact WKB), so two projects compare with assertEquals. */
public final class ProjectDigest {
    private ProjectDigest() { }

    private static void row(StringBuilder b, WKBWriter wkb, Feature f) {
        b.append("  ").append(f.id()).append(' ')
                .append(f.geometry() == null ? "null" : WKBWriter.toHex(wkb.write(f.geometry())));
        for (Object v : f.values()) b.append(" | ").append(v == null ? "null" : v.getClass().getSimpleName() + ":" + v);
        b.append('\n');
    }

    public static String of(Project p) {
        StringBuilder b = new StringBuilder();
        WKBWriter wkb = new WKBWriter(2);
        for (Layer l : p.layers()) {
            b.append("layer ").append(l.name()).append(' ').append(l.role()).append(' ').append(l.fields())
                    .append(' ').append(new java.util.TreeMap<>(l.fieldMapping())).append(" source=").append(l.source())
                    .append(" read=").append(l.report().read()).append(" imported=").append(l.report().imported())
                    .append('\n');
            if (l.inDatabase()) {
                // a layer that stays in a database or file: its mark, declared type and every row, streamed
                b.append("  stays outside memory, ").append(l.geometryType()).append('\n');
                try {
                    ((StreamedLayer) l.remote()).scan(f -> row(b, wkb, f), ProgressListener.NONE);
                } catch (java.io.IOException | nl.ruimteschets.model.InputException e) {
                    throw new IllegalStateException(e);
                }
            }
            for (Feature f : l.features()) row(b, wkb, f);
        }
        for (Map.Entry<String, LayerDisplay> e : p.displays().entrySet()) b.append("display ").append(e).append('\n');
        for (Cluster c : p.clusters().values()) b.append(c).append('\n');
        for (ActivityProfile a : p.profiles().values()) b.append(a).append('\n');
        for (Scenario s : p.scenarios()) {
            b.append("scenario ").append(s.name()).append(" / ").append(s.description()).append('\n');
            for (Candidate c : s.candidates()) {
                b.append("  ").append(c.withGeometry(c.geometry().getFactory().createPoint()))
                        .append(' ').append(WKBWriter.toHex(wkb.write(c.geometry()))).append('\n');
            }
            for (nl.ruimteschets.model.Annotation a : s.annotations()) b.append("  note ").append(a).append('\n');
        }
        return b.toString();
    }
}
