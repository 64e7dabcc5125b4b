package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import nl.ruimteschets.geo.GeometryRepair;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * The map's tools: drawing candidates, editing their vertices, moving, deleting, identifying,
 * measuring, and pinning workshop notes (through a {@link NoteTaker}). Tools work in RD metres and turn what the planner does into calls on an {@link Editor}
 * (the main window), which makes the undoable changes; while a vertex or a whole candidate is being
 * dragged the editor gets live previews, so the indicators follow the drag.
 *
 * <p>FX thread only.
 */
final class MapTools {
    /** The tools, with their keyboard shortcuts. */
    enum Tool {
        EDIT(KeyCode.E), EXPANSION(KeyCode.U), SATELLITE(KeyCode.S), SATELLITE_POINT(KeyCode.P), MOVE(KeyCode.V),
        DELETE(KeyCode.X), IDENTIFY(KeyCode.I), MEASURE(KeyCode.M), ANNOTATE(KeyCode.A);

        final KeyCode key;

        Tool(KeyCode key) { this.key = key; }
    }

    /** What the tools ask of the window. */
    interface Editor {
        /** A live version of a candidate while it is dragged (not yet an undo step). */
        void preview(Candidate c);

        /** The drag ended: make it an undo step (or drop the preview when {@code c} is null). */
        void commitEdit(Candidate c);

        void select(String candidateId);

        void create(Geometry g, CandidateKind kind);

        void createPoint(Point p);

        void delete(String candidateId);

        void identify(double x, double y, double toleranceM);

        void status(String text);

        /** Text from the UI bundle. */
        String text(String key);

        /** A number in the user's language (decimal comma in Dutch). */
        String number(double value, int decimals);
    }

    /** Where the notes tool sends what the facilitator does (workshop notes are not candidates). */
    interface NoteTaker {
        /** Pin a new note at (x, y), with an arrow to the tip when one was dragged (null otherwise). */
        void place(double x, double y, Double tipX, Double tipY);

        /** Change (or remove) an existing note. */
        void edit(Annotation a);
    }

    private static final double HANDLE_PX = 7;
    private static final double SNAP_PX = 10;

    private final MapCanvas map;
    private final Editor editor;
    private Tool tool = Tool.EDIT;
    private boolean snapping = true;
    private final List<Coordinate> sketch = new ArrayList<>();
    private Coordinate hover;
    private Coordinate snapped;
    /** The candidate being dragged and its live geometry. */
    private Candidate dragging;
    private Candidate dragStart;
    private int dragPart = -1, dragVertex = -1;
    private Coordinate dragOrigin;
    private NoteTaker notes;
    /** A note being placed: where the press was, and where its arrow would point now (null: no arrow yet). */
    private Coordinate notePress, noteTip;
    private Annotation noteHit;

    MapTools(MapCanvas map, Editor editor) {
        this.map = map;
        this.editor = editor;
    }

    void setNoteTaker(NoteTaker n) { notes = n; }

    Tool tool() { return tool; }

    void setTool(Tool t) {
        cancelSketch();
        tool = t;
        editor.status(editor.text("tool." + t.name() + ".hint"));
        map.redrawTop();
    }

    boolean snapping() { return snapping; }

    void setSnapping(boolean on) { snapping = on; }

    /** True while a sketch or a drag is in progress (Esc then belongs to the tool). */
    boolean busy() {
        return !sketch.isEmpty() || dragging != null || notePress != null;
    }

    boolean isBeingEdited(String id) {
        return dragging != null && dragging.id().equals(id);
    }

    List<Coordinate> sketch() { return List.copyOf(sketch); }

    // ------------------------------------------------------------------ events from the map

    /** @return true when the tool takes this press (no panning) */
    boolean pressed(MouseEvent e) {
        Coordinate w = world(e);
        Candidate sel = map.selected();
        switch (tool) {
            case EDIT -> {
                if (sel == null) return false;
                if (sel.isPoint()) {
                    if (screenDistance(e, sel.geometry().getCoordinate()) <= HANDLE_PX * 1.5) {
                        startDrag(sel, -1, -1, w);
                        return true;
                    }
                    return false;
                }
                int[] hit = vertexAt(sel, e);
                if (hit != null) {
                    if (e.getButton() == MouseButton.SECONDARY || e.isAltDown()) {
                        deleteVertex(sel, hit[0], hit[1]);
                        return true;
                    }
                    startDrag(sel, hit[0], hit[1], w);
                    return true;
                }
                int[] mid = midpointAt(sel, e);
                if (mid != null) {
                    // Dragging an edge's midpoint inserts a vertex there.
                    Candidate inserted = sel.withGeometry(insertVertex(sel.geometry(), mid[0], mid[1], w));
                    startDrag(sel, mid[0], mid[1] + 1, w);
                    dragging = inserted;
                    editor.preview(inserted);
                    return true;
                }
                return false;
            }
            case MOVE -> {
                Candidate c = candidateAt(w);
                if (c == null) return false;
                editor.select(c.id());
                startDrag(c, -1, -1, w);
                return true;
            }
            case ANNOTATE -> {
                if (notes == null || e.getButton() != MouseButton.PRIMARY) return false;
                Annotation hit = map.annotationAt(e.getX(), e.getY());
                if (hit != null) {
                    noteHit = hit; // edited on release: a dialog must not open in the middle of a press
                    return true;
                }
                // A press starts a note; dragging before the release gives it an arrow.
                notePress = w;
                noteTip = null;
                return true;
            }
            default -> {
                return false; // drawing tools act on clicks; a drag pans
            }
        }
    }

    void dragged(MouseEvent e) {
        if (notePress != null) {
            noteTip = world(e);
            return;
        }
        if (dragging == null) return;
        Coordinate w = snap(e, world(e));
        Geometry g;
        if (dragVertex < 0) {
            g = AffineTransformation.translationInstance(w.x - dragOrigin.x, w.y - dragOrigin.y).transform(dragStart.geometry());
        } else {
            g = moveVertex(dragging.geometry(), dragPart, dragVertex, w);
        }
        dragging = dragging.withGeometry(g);
        editor.preview(dragging);
    }

    void released(MouseEvent e, boolean click) {
        if (noteHit != null) {
            Annotation a = noteHit;
            noteHit = null;
            notes.edit(a);
            return;
        }
        if (notePress != null) {
            Coordinate at = notePress, tip = click ? null : world(e);
            notePress = null;
            noteTip = null;
            notes.place(at.x, at.y, tip == null ? null : tip.x, tip == null ? null : tip.y);
            return;
        }
        if (dragging == null) return;
        Candidate done = dragging;
        boolean changed = !done.geometry().equalsExact(dragStart.geometry());
        dragging = null;
        editor.commitEdit(changed ? done : null);
    }

    /** A click that did not start a drag (the map was going to pan). */
    void clicked(MouseEvent e) {
        Coordinate w = world(e);
        switch (tool) {
            case EDIT, MOVE -> {
                Candidate c = candidateAt(w);
                editor.select(c == null ? null : c.id());
            }
            case DELETE -> {
                Candidate c = candidateAt(w);
                if (c != null) editor.delete(c.id());
            }
            case IDENTIFY -> {
                Candidate c = candidateAt(w);
                if (c != null) editor.select(c.id());
                editor.identify(w.x, w.y, HANDLE_PX * map.viewport().metresPerPixel());
            }
            case SATELLITE_POINT -> editor.createPoint(Rd.FACTORY.createPoint(snap(e, w)));
            case EXPANSION, SATELLITE, MEASURE -> {
                if (e.getClickCount() >= 2 && tool != Tool.MEASURE) {
                    finish();
                } else {
                    sketch.add(snap(e, w));
                    sketchStatus();
                }
            }
        }
    }

    boolean moved(MouseEvent e) {
        if (tool == Tool.EXPANSION || tool == Tool.SATELLITE || tool == Tool.MEASURE || tool == Tool.SATELLITE_POINT) {
            hover = snap(e, world(e));
            if (!sketch.isEmpty()) sketchStatus();
            return true;
        }
        return false;
    }

    boolean key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && notePress != null) {
            notePress = null;
            noteTip = null;
            return true;
        }
        if (e.getCode() == KeyCode.ESCAPE) {
            if (dragging != null) {
                dragging = null;
                editor.commitEdit(null);
                return true;
            }
            if (!sketch.isEmpty()) {
                cancelSketch();
                editor.status(editor.text("tool.cancelled"));
                return true;
            }
            return false;
        }
        if (e.getCode() == KeyCode.ENTER && !sketch.isEmpty()) {
            finish();
            return true;
        }
        if (e.getCode() == KeyCode.BACK_SPACE && !sketch.isEmpty()) {
            sketch.remove(sketch.size() - 1);
            sketchStatus();
            return true;
        }
        if ((e.getCode() == KeyCode.DELETE) && map.selectedId() != null && sketch.isEmpty()) {
            editor.delete(map.selectedId());
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ drawing

    private void finish() {
        if (tool == Tool.MEASURE) return;
        if (sketch.size() < 3) {
            editor.status(editor.text("tool.tooFewVertices"));
            return;
        }
        List<Coordinate> ring = new ArrayList<>(sketch);
        ring.add(new Coordinate(ring.get(0)));
        Polygon p = Rd.FACTORY.createPolygon(ring.toArray(new Coordinate[0]));
        CandidateKind kind = tool == Tool.SATELLITE ? CandidateKind.SATELLITE : CandidateKind.EXPANSION;
        sketch.clear();
        editor.create(p, kind);
    }

    private void cancelSketch() {
        sketch.clear();
        hover = null;
    }

    private void sketchStatus() {
        List<Coordinate> pts = new ArrayList<>(sketch);
        if (hover != null) pts.add(hover);
        double len = 0;
        for (int i = 1; i < pts.size(); i++) len += pts.get(i - 1).distance(pts.get(i));
        Geometry shape = pts.size() >= 3 && tool != Tool.MEASURE ? sketchShape(pts) : null;
        String area = pts.size() >= 3 ? editor.number(shape != null ? shape.getArea() / 10_000 : areaHa(pts), 1) + " ha" : "—";
        String status = java.text.MessageFormat.format(editor.text("tool.sketch.status"), pts.size(), area, formatDistance(len));
        // A self-crossing outline is shown and measured as it will be repaired, so 0 ha never surprises.
        if (shape != null && repaired(pts)) status += " · " + editor.text("tool.sketch.crossing");
        editor.status(status);
    }

    /** The polygon the sketch makes, repaired as it will be on Enter when the outline crosses itself. */
    static Geometry sketchShape(List<Coordinate> pts) {
        List<Coordinate> ring = new ArrayList<>(pts);
        ring.add(new Coordinate(ring.get(0)));
        Polygon p = Rd.FACTORY.createPolygon(ring.toArray(new Coordinate[0]));
        return p.isValid() ? p : GeometryRepair.makeValid(p);
    }

    private static boolean repaired(List<Coordinate> pts) {
        List<Coordinate> ring = new ArrayList<>(pts);
        ring.add(new Coordinate(ring.get(0)));
        return !Rd.FACTORY.createPolygon(ring.toArray(new Coordinate[0])).isValid();
    }

    static double areaHa(List<Coordinate> pts) {
        double a = 0;
        for (int i = 0; i < pts.size(); i++) {
            Coordinate p = pts.get(i), q = pts.get((i + 1) % pts.size());
            a += p.x * q.y - q.x * p.y;
        }
        return Math.abs(a) / 2 / 10_000.0;
    }

    private String formatDistance(double m) {
        return m >= 1000 ? editor.number(m / 1000, 2) + " km" : editor.number(m, 0) + " m";
    }

    void drawSketch(GraphicsContext g, Viewport v) {
        if (notePress != null && noteTip != null) {
            // The arrow of the note being placed, dashed until the release.
            g.setStroke(Color.web("#263238"));
            g.setLineWidth(2.5);
            g.setLineDashes(8, 5);
            g.strokeLine(v.toScreenX(notePress.x), v.toScreenY(notePress.y), v.toScreenX(noteTip.x), v.toScreenY(noteTip.y));
            g.setLineDashes((double[]) null);
        }
        if (dragging != null) {
            g.setFill(Color.rgb(255, 214, 0, 0.35));
            g.setStroke(Color.rgb(255, 160, 0));
            g.setLineWidth(2.5);
            g.setLineDashes((double[]) null);
            drawGeometry(g, v, dragging.footprint());
        }
        Candidate sel = map.selected();
        if (tool == Tool.EDIT && sel != null && !sel.isPoint()) {
            Candidate shown = dragging != null ? dragging : sel;
            forEachVertex(shown.geometry(), (part, i, c, next) -> {
                double x = v.toScreenX(c.x), y = v.toScreenY(c.y);
                g.setFill(Color.WHITE);
                g.setStroke(Color.rgb(13, 71, 161));
                g.setLineWidth(1.5);
                g.fillRect(x - 4, y - 4, 8, 8);
                g.strokeRect(x - 4, y - 4, 8, 8);
                double mx = v.toScreenX((c.x + next.x) / 2), my = v.toScreenY((c.y + next.y) / 2);
                g.setFill(Color.rgb(13, 71, 161, 0.6));
                g.fillOval(mx - 3, my - 3, 6, 6);
            });
        }
        if (!sketch.isEmpty() || (hover != null && tool != Tool.EDIT)) {
            List<Coordinate> pts = new ArrayList<>(sketch);
            if (hover != null) pts.add(hover);
            g.setStroke(tool == Tool.MEASURE ? Color.rgb(0, 0, 0) : Color.rgb(213, 0, 0));
            g.setLineWidth(2);
            g.setLineDashes(tool == Tool.MEASURE ? new double[] {5, 4} : null);
            Geometry shape = null;
            if (pts.size() >= 3 && tool != Tool.MEASURE) {
                shape = sketchShape(pts);
                g.setFill(Color.rgb(213, 0, 0, 0.15));
                if (repaired(pts)) {
                    // The repaired outline, as it will be accepted.
                    g.setFill(Color.rgb(213, 0, 0, 0.25));
                    drawGeometry(g, v, shape);
                } else {
                    double[] xs = pts.stream().mapToDouble(c -> v.toScreenX(c.x)).toArray();
                    double[] ys = pts.stream().mapToDouble(c -> v.toScreenY(c.y)).toArray();
                    g.fillPolygon(xs, ys, xs.length);
                }
            }
            for (int i = 1; i < pts.size(); i++) {
                g.strokeLine(v.toScreenX(pts.get(i - 1).x), v.toScreenY(pts.get(i - 1).y), v.toScreenX(pts.get(i).x), v.toScreenY(pts.get(i).y));
            }
            for (Coordinate c : sketch) {
                g.setFill(Color.WHITE);
                g.fillOval(v.toScreenX(c.x) - 3.5, v.toScreenY(c.y) - 3.5, 7, 7);
                g.strokeOval(v.toScreenX(c.x) - 3.5, v.toScreenY(c.y) - 3.5, 7, 7);
            }
            if (hover != null && pts.size() >= 2) {
                String label = pts.size() >= 3 ? editor.number(shape != null ? shape.getArea() / 10_000 : areaHa(pts), 1) + " ha" : "";
                if (tool == Tool.MEASURE) {
                    double len = 0;
                    for (int i = 1; i < pts.size(); i++) len += pts.get(i - 1).distance(pts.get(i));
                    label = formatDistance(len) + (pts.size() >= 3 ? "  ·  " + label : "");
                }
                g.setFont(Font.font(13));
                double[] at = labelPosition(label, v.toScreenX(hover.x), v.toScreenY(hover.y), map.getWidth(), map.getHeight());
                g.setFill(Color.rgb(255, 255, 255, 0.85));
                g.fillRect(at[0] - 3, at[1] - 14, at[2] + 6, 19);
                g.setFill(Color.BLACK);
                g.fillText(label, at[0], at[1]);
            }
        }
        if (snapped != null && snapping) {
            g.setStroke(Color.MAGENTA);
            g.setLineWidth(2);
            g.setLineDashes((double[]) null);
            g.strokeOval(v.toScreenX(snapped.x) - 6, v.toScreenY(snapped.y) - 6, 12, 12);
        }
    }

    /**
     * Where the cursor's label goes: right of and above the cursor, moved left or down so that it stays
     * inside the map. Returns {x, baseline y, text width}.
     */
    static double[] labelPosition(String label, double cx, double cy, double mapWidth, double mapHeight) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(label);
        t.setFont(Font.font(13));
        double w = t.getLayoutBounds().getWidth();
        double x = cx + 12, y = cy - 10;
        if (x + w + 4 > mapWidth) x = cx - 12 - w;
        x = Math.max(4, Math.min(x, mapWidth - w - 4));
        y = Math.max(16, Math.min(y, mapHeight - 6));
        return new double[] {x, y, w};
    }

    private static void drawGeometry(GraphicsContext g, Viewport v, Geometry geom) {
        for (int n = 0; n < geom.getNumGeometries(); n++) {
            if (!(geom.getGeometryN(n) instanceof Polygon p)) continue;
            CoordinateSequence s = p.getExteriorRing().getCoordinateSequence();
            double[] xs = new double[s.size()], ys = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                xs[i] = v.toScreenX(s.getX(i));
                ys[i] = v.toScreenY(s.getY(i));
            }
            g.fillPolygon(xs, ys, xs.length);
            g.strokePolygon(xs, ys, xs.length);
        }
    }

    // ------------------------------------------------------------------ geometry helpers

    private Coordinate world(MouseEvent e) {
        Viewport v = map.viewport();
        return new Coordinate(v.toWorldX(e.getX()), v.toWorldY(e.getY()));
    }

    private double screenDistance(MouseEvent e, Coordinate c) {
        Viewport v = map.viewport();
        return Math.hypot(v.toScreenX(c.x) - e.getX(), v.toScreenY(c.y) - e.getY());
    }

    /**
     * Snaps to the nearest vertex, else the nearest edge, of cluster contours and available plots
     * within {@link #SNAP_PX} pixels (when snapping is on and Shift is not held).
     */
    Coordinate snap(MouseEvent e, Coordinate w) {
        snapped = null;
        if (!snapping || (e != null && e.isShiftDown())) return w;
        double tol = SNAP_PX * map.viewport().metresPerPixel();
        Envelope near = new Envelope(w);
        near.expandBy(tol);
        Coordinate bestVertex = null, bestEdge = null;
        double dv = tol, de = tol;
        for (MapCanvas.MapLayer l : map.layers()) {
            LayerRole role = l.layer().role();
            if (!l.visible() || (role != LayerRole.CLUSTER && role != LayerRole.AVAILABLE_PLOT)) continue;
            LayerIndex index = l.index();
            for (Feature f : index.candidates(near)) {
                Coordinate[] cs = f.geometry().getCoordinates();
                for (int i = 0; i < cs.length; i++) {
                    double d = cs[i].distance(w);
                    if (d <= dv) { dv = d; bestVertex = cs[i]; }
                    if (i + 1 < cs.length) {
                        LineSegment seg = new LineSegment(cs[i], cs[i + 1]);
                        Coordinate p = seg.closestPoint(w);
                        double d2 = p.distance(w);
                        if (d2 <= de) { de = d2; bestEdge = p; }
                    }
                }
            }
        }
        snapped = bestVertex != null ? new Coordinate(bestVertex) : bestEdge;
        return snapped != null ? new Coordinate(snapped) : w;
    }

    private Candidate candidateAt(Coordinate w) {
        Point p = Rd.FACTORY.createPoint(w);
        double tol = HANDLE_PX * map.viewport().metresPerPixel();
        List<Candidate> cs = map.candidates();
        for (int i = cs.size() - 1; i >= 0; i--) { // topmost first
            if (cs.get(i).footprint().isWithinDistance(p, tol)) return cs.get(i);
        }
        return null;
    }

    private void startDrag(Candidate c, int part, int vertex, Coordinate origin) {
        dragging = c;
        dragStart = c;
        dragPart = part;
        dragVertex = vertex;
        dragOrigin = origin;
    }

    @FunctionalInterface
    interface VertexVisitor {
        void visit(int part, int index, Coordinate c, Coordinate next);
    }

    /** Visits the exterior-ring vertices of each polygon part (the closing vertex once). */
    static void forEachVertex(Geometry g, VertexVisitor v) {
        for (int p = 0; p < g.getNumGeometries(); p++) {
            if (!(g.getGeometryN(p) instanceof Polygon poly)) continue;
            Coordinate[] cs = poly.getExteriorRing().getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) v.visit(p, i, cs[i], cs[i + 1]);
        }
    }

    private int[] vertexAt(Candidate c, MouseEvent e) {
        int[][] best = {null};
        double[] bd = {HANDLE_PX};
        forEachVertex(c.geometry(), (part, i, co, next) -> {
            double d = screenDistance(e, co);
            if (d <= bd[0]) { bd[0] = d; best[0] = new int[] {part, i}; }
        });
        return best[0];
    }

    private int[] midpointAt(Candidate c, MouseEvent e) {
        int[][] best = {null};
        double[] bd = {HANDLE_PX};
        forEachVertex(c.geometry(), (part, i, co, next) -> {
            double d = screenDistance(e, new Coordinate((co.x + next.x) / 2, (co.y + next.y) / 2));
            if (d <= bd[0]) { bd[0] = d; best[0] = new int[] {part, i}; }
        });
        return best[0];
    }

    private void deleteVertex(Candidate c, int part, int vertex) {
        Polygon poly = (Polygon) c.geometry().getGeometryN(part);
        Coordinate[] cs = poly.getExteriorRing().getCoordinates();
        if (cs.length <= 4) {
            editor.status(editor.text("tool.minVertices"));
            return;
        }
        List<Coordinate> open = new ArrayList<>(List.of(cs).subList(0, cs.length - 1));
        open.remove(vertex);
        dragStart = c;
        editor.commitEdit(c.withGeometry(replaceRing(c.geometry(), part, open)));
    }

    static Geometry moveVertex(Geometry g, int part, int vertex, Coordinate to) {
        Coordinate[] cs = ((Polygon) g.getGeometryN(part)).getExteriorRing().getCoordinates();
        List<Coordinate> open = new ArrayList<>();
        for (int i = 0; i + 1 < cs.length; i++) open.add(new Coordinate(cs[i]));
        open.set(vertex, new Coordinate(to));
        return replaceRing(g, part, open);
    }

    static Geometry insertVertex(Geometry g, int part, int afterVertex, Coordinate at) {
        Coordinate[] cs = ((Polygon) g.getGeometryN(part)).getExteriorRing().getCoordinates();
        List<Coordinate> open = new ArrayList<>();
        for (int i = 0; i + 1 < cs.length; i++) open.add(new Coordinate(cs[i]));
        open.add(afterVertex + 1, new Coordinate(at));
        return replaceRing(g, part, open);
    }

    /** The geometry with one part's exterior ring replaced (holes and other parts kept). */
    static Geometry replaceRing(Geometry g, int part, List<Coordinate> open) {
        List<Coordinate> closed = new ArrayList<>(open);
        closed.add(new Coordinate(open.get(0)));
        Polygon[] parts = new Polygon[g.getNumGeometries()];
        for (int p = 0; p < parts.length; p++) {
            Polygon poly = (Polygon) g.getGeometryN(p);
            if (p != part) {
                parts[p] = poly;
                continue;
            }
            LinearRing[] holes = new LinearRing[poly.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) holes[h] = poly.getInteriorRingN(h);
            parts[p] = Rd.FACTORY.createPolygon(Rd.FACTORY.createLinearRing(closed.toArray(new Coordinate[0])), holes);
        }
        return g instanceof MultiPolygon ? Rd.FACTORY.createMultiPolygon(parts) : parts[0];
    }
}
