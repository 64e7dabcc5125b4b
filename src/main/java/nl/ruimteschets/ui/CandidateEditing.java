package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.control.TextInputDialog;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.CandidateChanges;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * What the map tools do to candidates: live previews while dragging (shown and submitted to the
 * engine, not yet an undo step), and the undoable changes when a drag ends, a shape is drawn, a
 * satellite point is placed or a candidate is deleted. Shapes are checked here: a self-crossing
 * outline is repaired (with a message), one with nothing left is refused. Also identify.
 *
 * <p>FX thread only.
 */
final class CandidateEditing implements MapTools.Editor {
    private static final String DEFAULT_PROFILE = "Regulier bedrijventerrein";

    private final MainWindow window;
    /** What the last shape check repaired, for the status line; null when nothing was. */
    private String lastRepair;

    CandidateEditing(MainWindow window) {
        this.window = window;
    }

    @Override
    public void preview(Candidate c) {
        List<Candidate> cands = new ArrayList<>(window.session().scenario().map(Scenario::candidates).orElse(List.of()));
        cands.replaceAll(x -> x.id().equals(c.id()) ? c : x);
        window.map().setCandidates(cands);
        window.engine().submit();
    }

    @Override
    public void commitEdit(Candidate c) {
        if (c == null) {
            window.refresh();
            return;
        }
        Candidate checked = checkedShape(c);
        if (checked == null) {
            window.refresh();
            return;
        }
        window.perform(new CandidateChanges.Replace(window.session().scenarioName(), checked, "change.candidate.geometry"), null);
    }

    /** The candidate with a valid shape: repaired with a message, or null (refused) when nothing is left. */
    private Candidate checkedShape(Candidate c) {
        lastRepair = null;
        if (c.isPoint() || c.geometry().isValid()) return c;
        Geometry fixed = GeometryRepair.makeValid(c.geometry());
        if (!(fixed instanceof Polygonal) || fixed.isEmpty() || fixed.getArea() < 1) {
            window.notify(window.text("shape.refused"));
            return null;
        }
        // Say what was repaired: the outline as drawn against the valid shape that is kept.
        lastRepair = java.text.MessageFormat.format(window.text("shape.repaired"), window.number(c.geometry().getArea() / 10_000, 1),
                window.number(fixed.getArea() / 10_000, 1), fixed.getNumGeometries());
        window.notify(lastRepair);
        return c.withGeometry(fixed);
    }

    @Override
    public void select(String candidateId) { window.select(candidateId); }

    @Override
    public void create(Geometry g, CandidateKind kind) {
        Scenario s = window.session().scenario().orElse(null);
        if (s == null) return;
        Candidate c = new Candidate(newId(), nextName(kind), kind, nearestCluster(g), g, 0, defaultProfile(), null, "");
        Candidate checked = checkedShape(c);
        if (checked == null) return;
        window.perform(new CandidateChanges.Add(s.name(), checked, -1), () -> {
            select(checked.id());
            window.selectTool(MapTools.Tool.EDIT);
            String repaired = lastRepair;
            status(String.format(window.text("created"), checked.name(), number(checked.grossAreaHa(), 1))
                    + (repaired == null ? "" : " " + repaired));
        });
    }

    @Override
    public void createPoint(Point p) {
        TextInputDialog d = new TextInputDialog("50");
        d.initOwner(window.stage());
        d.setTitle(window.text("tool.SATELLITE_POINT"));
        d.setHeaderText(window.text("satellite.areaQuestion"));
        d.getEditor().setId("satelliteArea");
        Dialogs.localize(d, window.bundle());
        d.showAndWait().ifPresent(s -> {
            double ha;
            try {
                ha = java.text.NumberFormat.getNumberInstance(window.locale()).parse(s.trim()).doubleValue();
            } catch (java.text.ParseException e) {
                ha = -1;
            }
            if (!(ha > 0)) {
                window.notify(window.text("prop.error.positive"));
                return;
            }
            Candidate c = new Candidate(newId(), nextName(CandidateKind.SATELLITE), CandidateKind.SATELLITE, nearestCluster(p),
                    p, ha, defaultProfile(), null, "");
            window.perform(new CandidateChanges.Add(window.session().scenarioName(), c, -1), () -> select(c.id()));
        });
    }

    @Override
    public void delete(String candidateId) {
        window.perform(new CandidateChanges.Remove(window.session().scenarioName(), candidateId), null);
    }

    @Override
    public void identify(double x, double y, double toleranceM) {
        Geometry probe = Rd.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y)).buffer(toleranceM, 4);
        List<IdentifyPanel.Hit> hits = new ArrayList<>();
        for (MapCanvas.MapLayer l : window.map().layers()) {
            if (!l.visible()) continue;
            String role = window.text("role." + l.layer().role().name());
            for (Feature f : l.index().intersecting(probe)) hits.add(new IdentifyPanel.Hit(l, role, f));
        }
        window.showIdentify(x, y, hits);
    }

    @Override
    public void status(String s) { window.status(s); }

    @Override
    public String text(String key) { return window.text(key); }

    @Override
    public String number(double value, int decimals) { return window.number(value, decimals); }

    private static String newId() {
        return "k" + Long.toString(System.nanoTime(), 36);
    }

    private String nextName(CandidateKind kind) {
        String base = window.text("kind." + kind.name());
        int n = 1;
        List<String> names = window.session().scenario().map(s -> s.candidates().stream().map(Candidate::name).toList())
                .orElse(List.of());
        while (names.contains(base + " " + n)) n++;
        return base + " " + n;
    }

    private String defaultProfile() {
        Map<String, ActivityProfile> profiles = window.session().project().profiles();
        if (profiles.containsKey(DEFAULT_PROFILE)) return DEFAULT_PROFILE;
        return profiles.isEmpty() ? "" : profiles.keySet().iterator().next();
    }

    /** The cluster whose contour lies nearest; the planner can choose another in the properties. */
    private String nearestCluster(Geometry g) {
        Session session = window.session();
        String best = "";
        double bd = Double.POSITIVE_INFINITY;
        for (Layer l : session.project().layers(LayerRole.CLUSTER)) {
            for (Feature f : l.features()) {
                String name = l.text(f, Layer.MAP_CLUSTER);
                if (name == null || name.isBlank() || !session.project().clusters().containsKey(name)) continue;
                double d = DistanceOp.distance(g, f.geometry());
                if (d < bd) { bd = d; best = name; }
            }
        }
        if (best.isEmpty() && !session.project().clusters().isEmpty()) best = session.project().clusters().keySet().iterator().next();
        return best;
    }
}
