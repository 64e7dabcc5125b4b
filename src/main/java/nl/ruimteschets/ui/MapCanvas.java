package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The map: draws visible layers bottom-up through each layer's spatial index (only what the viewport
 * touches), then the scenario's candidates on top. Drag pans, the wheel zooms around the cursor.
 * Features smaller than a pixel are drawn as a single dot (level of detail).
 *
 * <p>FX thread only.
 */
public final class MapCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private final List<LayerIndex> layers = new ArrayList<>();
    private final List<Boolean> visible = new ArrayList<>();
    private List<Candidate> candidates = List.of();
    private Viewport viewport = new Viewport(155_000, 463_000, 300, 800, 600);
    private Consumer<double[]> cursorListener = p -> { };
    private Consumer<Viewport> viewportListener = v -> { };
    private double dragX, dragY;

    public MapCanvas() {
        getChildren().add(canvas);
        setMinSize(200, 150);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        widthProperty().addListener((o, a, b) -> setViewport(viewport.resize(getWidth(), getHeight())));
        heightProperty().addListener((o, a, b) -> setViewport(viewport.resize(getWidth(), getHeight())));
        setOnMousePressed(e -> { dragX = e.getX(); dragY = e.getY(); });
        setOnMouseDragged(e -> {
            setViewport(viewport.panPixels(e.getX() - dragX, e.getY() - dragY));
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) setViewport(viewport.zoomAround(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY()));
        });
        setOnMouseMoved(e -> cursorListener.accept(new double[] {viewport.toWorldX(e.getX()), viewport.toWorldY(e.getY())}));
        setStyle("-fx-background-color: #cfe3f0;"); // sea colour: land comes from the base layer
    }

    public void setLayers(List<Layer> newLayers) {
        layers.clear();
        visible.clear();
        for (Layer l : newLayers) {
            layers.add(new LayerIndex(l));
            visible.add(Boolean.TRUE);
        }
        redraw();
    }

    public void setLayerVisible(int index, boolean show) {
        visible.set(index, show);
        redraw();
    }

    public void setCandidates(List<Candidate> list) {
        candidates = List.copyOf(list);
        redraw();
    }

    public void zoomTo(Envelope world) {
        setViewport(Viewport.fit(world, Math.max(getWidth(), 800), Math.max(getHeight(), 600)));
    }

    public Viewport viewport() { return viewport; }

    public void setViewport(Viewport v) {
        viewport = v;
        viewportListener.accept(v);
        redraw();
    }

    public void onCursor(Consumer<double[]> listener) { cursorListener = listener; }

    public void onViewport(Consumer<Viewport> listener) { viewportListener = listener; }

    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Envelope view = viewport.worldBounds();
        for (int i = 0; i < layers.size(); i++) {
            if (!visible.get(i)) continue;
            LayerIndex li = layers.get(i);
            LayerStyle style = LayerStyle.forRole(li.layer().role());
            for (Feature f : li.candidates(view)) draw(g, f.geometry(), style);
        }
        LayerStyle cand = new LayerStyle(0x1E88E566, 0x0D47A1FF, 2.5, false);
        for (Candidate c : candidates) draw(g, c.footprint(), cand);
    }

    private void draw(GraphicsContext g, Geometry geom, LayerStyle style) {
        Envelope e = geom.getEnvelopeInternal();
        double mpp = viewport.metresPerPixel();
        if (e.getWidth() < mpp && e.getHeight() < mpp) {
            // Below a pixel: one dot says "something is here" at a fraction of the cost.
            g.setFill(color(style.stroke()));
            g.fillRect(viewport.toScreenX(e.getMinX()), viewport.toScreenY(e.getMaxY()), 1.5, 1.5);
            return;
        }
        for (int n = 0; n < geom.getNumGeometries(); n++) {
            Geometry part = geom.getGeometryN(n);
            if (part instanceof Polygon p) {
                g.beginPath();
                ring(g, p.getExteriorRing().getCoordinateSequence());
                for (int h = 0; h < p.getNumInteriorRing(); h++) ring(g, p.getInteriorRingN(h).getCoordinateSequence());
                g.setFillRule(FillRule.EVEN_ODD);
                g.setFill(color(style.fill()));
                g.fill();
                stroke(g, style);
            } else if (part instanceof LineString l) {
                g.beginPath();
                ring(g, l.getCoordinateSequence());
                stroke(g, style);
            } else if (part instanceof Point pt) {
                double x = viewport.toScreenX(pt.getX()), y = viewport.toScreenY(pt.getY());
                g.setFill(color(style.stroke()));
                g.fillOval(x - 3, y - 3, 6, 6);
            }
        }
    }

    private void ring(GraphicsContext g, CoordinateSequence seq) {
        for (int i = 0; i < seq.size(); i++) {
            double x = viewport.toScreenX(seq.getX(i)), y = viewport.toScreenY(seq.getY(i));
            if (i == 0) g.moveTo(x, y); else g.lineTo(x, y);
        }
        g.closePath();
    }

    private static void stroke(GraphicsContext g, LayerStyle style) {
        g.setStroke(color(style.stroke()));
        g.setLineWidth(style.strokeWidth());
        g.setLineDashes(style.dashed() ? new double[] {6, 4} : null);
        g.stroke();
    }

    static Color color(int rgba) {
        return Color.rgb((rgba >>> 24) & 0xFF, (rgba >>> 16) & 0xFF, (rgba >>> 8) & 0xFF, (rgba & 0xFF) / 255.0);
    }
}
