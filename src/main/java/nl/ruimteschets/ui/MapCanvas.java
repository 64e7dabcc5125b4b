package nl.ruimteschets.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.geo.LayerIndex;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.render.LayerStyle;
import nl.ruimteschets.render.MapDecorations;
import nl.ruimteschets.render.MapLabels;
import nl.ruimteschets.render.MapRenderer;
import nl.ruimteschets.render.ResultLegend;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The map: the project's layers bottom-up (only what the viewport touches, through each layer's
 * index), the scenario's candidates on top, the selected candidate's computed contours, the active
 * tool's sketch, and a scale bar and north arrow. Navigation: drag to pan, wheel to zoom around the
 * cursor, pinch and touch scroll, +/− and arrow keys. Tools get clicks and drags first (see
 * {@link MapTools}); a drag a tool does not want pans. Features below a pixel are drawn as one dot.
 *
 * <p>FX thread only.
 */
public final class MapCanvas extends Pane {
    /** A layer as the map shows it: the project layer, its index and the panel's settings. */
    public static final class MapLayer {
        final Layer layer;
        /** For a layer in the database: its part around the view, as last fetched (null until then). */
        private Layer window;
        /** Built on first use (snapping, identify): drawing has its own packed index, and a million-feature layer should not wait for a second one. */
        private LayerIndex index;
        private MapRenderer.LayerLook look;

        MapLayer(Layer layer) {
            this.layer = layer;
            this.look = MapRenderer.LayerLook.of(layer);
        }

        public Layer layer() { return layer; }
        public LayerIndex index() {
            if (index == null) index = new LayerIndex(drawn());
            return index;
        }

        /** What the map draws and identifies: the layer, or for a layer in the database its part around the view. */
        public Layer drawn() {
            if (!layer.inDatabase()) return layer;
            return window != null ? window : layer.inMemory(List.of());
        }
        public boolean visible() { return look.visible(); }
        public double opacity() { return look.opacity(); }
        public LayerStyle style() { return look.style(); }

        /** Takes the saved look, or the role's default for none; true when anything changed. */
        boolean show(LayerDisplay d) {
            MapRenderer.LayerLook next = MapRenderer.LayerLook.of(layer, d);
            boolean changed = !next.equals(look);
            look = next;
            return changed;
        }
    }

    /** Which computed results of the selected candidate are drawn. */
    public enum Overlay { NOISE, SAFETY, NITROGEN }

    private final Canvas base = new Canvas();
    private final Canvas top = new Canvas();
    private final List<MapLayer> layers = new ArrayList<>();
    private List<Candidate> candidates = List.of();
    private java.util.function.Function<String, String> authorOf;
    private java.util.function.Function<String, Integer> authorColourOf;
    private String selectedId;
    private CandidateResult selectedResult;
    private List<double[]> hexagons = List.of();
    /** Every candidate's results, drawn at once (comparison maps); empty: only the selection's. */
    private List<CandidateResult> allResults = List.of();
    private List<Annotation> annotations = List.of();
    private final java.util.EnumSet<Overlay> overlays = java.util.EnumSet.allOf(Overlay.class);
    private java.util.function.BiConsumer<GraphicsContext, Viewport> extraLayer;
    private Geometry highlight;
    private Viewport viewport = new Viewport(155_000, 463_000, 300, 800, 600);
    private final DatabaseLayerViews databaseViews = new DatabaseLayerViews(this::windowArrived);
    private Consumer<double[]> cursorListener = p -> { };
    private Consumer<Viewport> viewportListener = v -> { };
    private MapTools tools;
    private double pressX, pressY, lastX, lastY;
    private boolean panning;
    private long lastBaseNanos, lastTopNanos;
    /**
     * Layers are drawn by a {@link MapRenderer} on this thread, newest request wins; the FX thread
     * only shows the last finished image, shifted or scaled to the current view until the next one
     * arrives, so panning and zooming never wait for a redraw.
     */
    private final java.util.concurrent.ThreadPoolExecutor renderThread = new java.util.concurrent.ThreadPoolExecutor(1, 1,
            30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "ruimteschets-render");
                t.setDaemon(true);
                return t;
            });

    {
        // Comparison windows come and go with their maps: an idle map gives its thread back.
        renderThread.allowCoreThreadTimeOut(true);
    }
    private final java.util.concurrent.atomic.AtomicLong renderRequest = new java.util.concurrent.atomic.AtomicLong();
    private volatile MapRenderer renderer;
    /** Labels of the shown layers ({@link #labelFields}); null until built. */
    private volatile MapLabels labels;
    private Map<String, String> labelFields = Map.of();
    /**
     * Render-thread state: the image last drawn, the view, looks and renderer it is complete for
     * ({@code drawnFor} null when it is not), so a pan shifts it and draws only the exposed strips.
     */
    private java.awt.image.BufferedImage drawn, labelled;
    private Viewport drawnFor;
    private List<MapRenderer.LayerLook> drawnLooks;
    private MapRenderer drawnBy;
    private javafx.scene.image.WritableImage shownImage;
    private Viewport shownViewport;
    /** Whether the image shown has its labels; what is to run once the map is drawn ({@link #whenDrawn}). */
    private boolean shownLabelled;
    private final List<Runnable> whenDrawn = new ArrayList<>();

    public MapCanvas() {
        getChildren().addAll(base, top);
        setMinSize(200, 150);
        setFocusTraversable(true);
        for (Canvas c : new Canvas[] {base, top}) {
            c.widthProperty().bind(widthProperty());
            c.heightProperty().bind(heightProperty());
        }
        widthProperty().addListener((o, a, b) -> setViewport(viewport.resize(getWidth(), getHeight())));
        heightProperty().addListener((o, a, b) -> setViewport(viewport.resize(getWidth(), getHeight())));
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseMoved(e -> {
            cursorListener.accept(new double[] {viewport.toWorldX(e.getX()), viewport.toWorldY(e.getY())});
            if (tools != null && tools.moved(e)) redrawTop();
        });
        setOnScroll(e -> {
            // Touch scroll pans; a wheel zooms around the cursor.
            if (e.getTouchCount() > 0) setViewport(viewport.panPixels(e.getDeltaX(), e.getDeltaY()));
            else if (e.getDeltaY() != 0) setViewport(viewport.zoomAround(e.getDeltaY() > 0 ? 1.25 : 0.8, e.getX(), e.getY()));
        });
        setOnZoom(e -> setViewport(viewport.zoomAround(e.getZoomFactor(), e.getX(), e.getY())));
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        setStyle("-fx-background-color: #cfe3f0;"); // sea colour: land comes from the base layer
    }

    void setTools(MapTools tools) { this.tools = tools; }

    // ------------------------------------------------------------------ content

    /**
     * Shows the project's layers (bottom first) in the looks saved with it. Packing a layer for drawing
     * takes a moment with a million features, so the renderer is rebuilt only when the layers changed.
     */
    public void showLayersOf(Project p) {
        boolean newLayers = !layers.stream().map(m -> m.layer).toList().equals(p.layers());
        if (newLayers) setLayers(p.layers());
        boolean changed = false;
        for (MapLayer m : layers) changed |= m.show(p.displays().get(m.layer.name()));
        Map<String, String> fields = MapLabels.labelFields(p.layers(), p.displays());
        if (newLayers || !fields.equals(labelFields)) {
            labelFields = fields;
            // Anchors are computed once per layer set, off the FX thread.
            List<Layer> list = List.copyOf(p.layers());
            renderThread.execute(() -> {
                MapLabels l = nl.ruimteschets.render.PreparedMap.labels(list, fields);
                javafx.application.Platform.runLater(() -> {
                    if (fields.equals(labelFields)) {
                        labels = l;
                        redraw();
                    }
                });
            });
        }
        if (changed) redraw();
    }

    private void setLayers(List<Layer> newLayers) {
        List<MapLayer> old = new ArrayList<>(layers);
        layers.clear();
        for (Layer l : newLayers) {
            MapLayer kept = old.stream().filter(m -> m.layer == l).findFirst().orElse(null);
            layers.add(kept != null ? kept : new MapLayer(l));
        }
        // Packing a million envelopes takes a moment: do it where the drawing happens.
        List<Layer> list = List.copyOf(newLayers);
        List<Layer> toDraw = layers.stream().map(MapLayer::drawn).toList();
        renderer = null;
        renderThread.execute(() -> {
            MapRenderer r = nl.ruimteschets.render.PreparedMap.renderer(toDraw);
            javafx.application.Platform.runLater(() -> {
                if (layers.stream().map(m -> m.layer).toList().equals(list)) {
                    renderer = r;
                    redraw();
                }
            });
        });
        redraw();
    }

    public List<MapLayer> layers() { return List.copyOf(layers); }

    /** A database layer's part around the view arrived: draw it in place of the part before. */
    private void windowArrived(Layer remote, Layer window) {
        MapLayer m = layers.stream().filter(x -> x.layer == remote).findFirst().orElse(null);
        if (m == null) return;
        MapRenderer r = renderer;
        if (r == null) {
            databaseViews.forget(remote); // the layers are being packed anew: fetch again for the next view
            return;
        }
        m.window = window;
        m.index = null;
        int i = layers.indexOf(m);
        renderThread.execute(() -> {
            MapRenderer next = r.withLayer(i, window);
            javafx.application.Platform.runLater(() -> {
                if (renderer == r) {
                    renderer = next;
                    redraw();
                }
            });
        });
    }

    public MapLayer layer(String name) {
        return layers.stream().filter(m -> m.layer.name().equals(name)).findFirst().orElse(null);
    }

    /** Draws a layer at another opacity for now (a slider being dragged); the project's look wins at the next change. */
    public void previewOpacity(String name, double opacity) {
        MapLayer m = layer(name);
        if (m != null) { m.look = m.look.withOpacity(opacity); redraw(); }
    }

    public void setCandidates(List<Candidate> list) {
        candidates = List.copyOf(list);
        redraw(); // names are labels in the layer image; an unmoved view only re-places them
    }

    /**
     * In a shared project: who wrote each candidate (by id; null for unknown). Each author's candidates are
     * drawn in their own colour with the name beside them, so a workshop screen shows who sketched what.
     */
    public void setAuthors(java.util.function.Function<String, String> authorOf) {
        this.authorOf = authorOf;
        redrawTop();
    }

    public java.util.function.Function<String, String> authors() { return authorOf; }

    /** The colour each author chose when joining a workshop (0xRRGGBBAA; null: a colour by their name). */
    public void setAuthorColours(java.util.function.Function<String, Integer> colourOf) {
        this.authorColourOf = colourOf;
        redrawTop();
    }

    public java.util.function.Function<String, Integer> authorColours() { return authorColourOf; }

    /** Distinct, colour-blind-safe hues (Okabe-Ito) for authors; an author keeps a colour by their name. */
    private static final int[] AUTHOR_COLOURS = {0xE69F00FF, 0x56B4E9FF, 0x009E73FF, 0xD55E00FF, 0xCC79A7FF, 0x0072B2FF,
        0xF0E442FF, 0x000000FF};

    static int authorColour(String author) {
        return AUTHOR_COLOURS[Math.floorMod(author.hashCode(), AUTHOR_COLOURS.length)];
    }

    public List<Candidate> candidates() { return candidates; }

    public void setSelected(String id) {
        selectedId = id;
        redrawTop();
    }

    public String selectedId() { return selectedId; }

    /** The selected candidate's result, whose contours are drawn; null for none. */
    public void setSelectedResult(CandidateResult r) {
        selectedResult = r;
        redrawTop();
    }

    /** Natura 2000 hexagons of the selected candidate above the cut: {x, y, mol/ha/yr}. */
    public void setHexagons(List<double[]> list) {
        hexagons = List.copyOf(list);
        redrawTop();
    }

    /**
     * Draws the computed contours of every candidate at once with {@code hex} as their nitrogen
     * hexagons, whatever is selected: the comparison maps, where two scenarios that differ only by
     * profile must look different.
     */
    public void showAllResults(List<CandidateResult> results, List<double[]> hex) {
        allResults = List.copyOf(results);
        hexagons = List.copyOf(hex);
        redrawTop();
    }

    /** The scenario's workshop notes, drawn as numbered discs with their arrows. */
    public void setAnnotations(List<Annotation> list) {
        annotations = List.copyOf(list);
        redrawTop();
    }

    public List<Annotation> annotations() { return annotations; }

    /** The note whose disc is under a screen point, or null. */
    Annotation annotationAt(double sx, double sy) {
        for (int i = annotations.size() - 1; i >= 0; i--) {
            Annotation a = annotations.get(i);
            if (Math.hypot(viewport.toScreenX(a.x()) - sx, viewport.toScreenY(a.y()) - sy) <= NOTE_RADIUS + 3) return a;
        }
        return null;
    }

    public void setOverlay(Overlay o, boolean on) {
        if (on) overlays.add(o); else overlays.remove(o);
        redrawTop();
    }

    public boolean overlay(Overlay o) { return overlays.contains(o); }

    /** A layer drawn over the results and under the candidates (the site search's map), or null. */
    public void setExtraLayer(java.util.function.BiConsumer<GraphicsContext, Viewport> layer) {
        extraLayer = layer;
        redrawTop();
    }

    /** A feature picked in an attribute table: drawn in bright outline until the next pick. */
    public void setHighlight(Geometry g) {
        highlight = g;
        redrawTop();
    }

    // ------------------------------------------------------------------ view

    public void zoomTo(Envelope world) {
        if (world == null || world.isNull()) return;
        Envelope e = new Envelope(world);
        if (e.getWidth() < 200 && e.getHeight() < 200) e.expandBy(200); // a point or a building: some context
        setViewport(Viewport.fit(e, getWidth() > 1 ? getWidth() : 800, getHeight() > 1 ? getHeight() : 600));
    }

    /**
     * Everything on the map, Natura 2000 only when there is nothing else: the national set reaches out to
     * the Doggersbank in the North Sea, which would shrink the land the planner works on to a corner.
     */
    public Envelope fullExtent() {
        Envelope extent = new Envelope(), natura = new Envelope();
        for (MapLayer l : layers) {
            (l.layer.role() == nl.ruimteschets.model.LayerRole.NATURA2000 ? natura : extent).expandToInclude(l.layer.extent());
        }
        for (Candidate c : candidates) extent.expandToInclude(c.footprint().getEnvelopeInternal());
        if (extent.isNull()) extent.expandToInclude(natura);
        return extent;
    }

    public Viewport viewport() { return viewport; }

    public void setViewport(Viewport v) {
        long t0 = System.nanoTime();
        viewport = v;
        viewportListener.accept(v);
        redraw();
        if (FRAME_STATS) frameNanos.add(System.nanoTime() - t0);
    }

    /** Frame times are kept only when asked for ({@code -Druimteschets.frameStats=true}): a long session would pile them up. */
    private static final boolean FRAME_STATS = Boolean.getBoolean("ruimteschets.frameStats");
    /** FX-thread time of each pan/zoom frame and background time of each layer redraw, in ns (diagnostics). */
    private final java.util.List<Long> frameNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.List<Long> renderNanos = java.util.Collections.synchronizedList(new ArrayList<>());

    /** "frames n p50/p95 ms; redraws n p50/p95 ms" for the status of a session (-Druimteschets.frameStats). */
    public String frameStats() {
        return String.format(Locale.ROOT, "map frames on the FX thread: %s; layer redraws off it: %s", stats(frameNanos), stats(renderNanos));
    }

    private static String stats(java.util.List<Long> ns) {
        long[] a;
        synchronized (ns) {
            a = ns.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (a.length == 0) return "none";
        return String.format(Locale.ROOT, "%d, p50 %.2f ms, p95 %.2f ms, max %.2f ms", a.length, a[a.length / 2] / 1e6,
                a[Math.min(a.length - 1, (int) (a.length * 0.95))] / 1e6, a[a.length - 1] / 1e6);
    }

    public void onCursor(Consumer<double[]> listener) { cursorListener = listener; }

    public void onViewport(Consumer<Viewport> listener) { viewportListener = listener; }

    /** Milliseconds the last base-layer and overlay draws took (status bar, frame-time checks). */
    public double lastBaseMs() { return lastBaseNanos / 1e6; }

    public double lastTopMs() { return lastTopNanos / 1e6; }

    // ------------------------------------------------------------------ input

    private void pressed(MouseEvent e) {
        requestFocus();
        pressX = lastX = e.getX();
        pressY = lastY = e.getY();
        panning = e.getButton() == MouseButton.MIDDLE || tools == null || !tools.pressed(e);
    }

    private void dragged(MouseEvent e) {
        if (panning) {
            setViewport(viewport.panPixels(e.getX() - lastX, e.getY() - lastY));
        } else if (tools != null) {
            tools.dragged(e);
            redrawTop();
        }
        lastX = e.getX();
        lastY = e.getY();
    }

    private void released(MouseEvent e) {
        boolean click = Math.abs(e.getX() - pressX) < 4 && Math.abs(e.getY() - pressY) < 4;
        if (!panning && tools != null) tools.released(e, click);
        else if (panning && click && tools != null) tools.clicked(e);
        panning = false;
        redrawTop();
    }

    private void key(KeyEvent e) {
        if (tools != null && tools.key(e)) {
            redrawTop();
            e.consume();
            return;
        }
        double step = 80;
        Viewport v = switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> viewport.zoomAround(1.5, getWidth() / 2, getHeight() / 2);
            case MINUS, SUBTRACT -> viewport.zoomAround(1 / 1.5, getWidth() / 2, getHeight() / 2);
            case LEFT -> viewport.panPixels(step, 0);
            case RIGHT -> viewport.panPixels(-step, 0);
            case UP -> viewport.panPixels(0, step);
            case DOWN -> viewport.panPixels(0, -step);
            default -> null;
        };
        if (v != null) {
            setViewport(v);
            e.consume();
        }
    }

    static boolean isKey(KeyEvent e, KeyCode... codes) {
        for (KeyCode c : codes) if (e.getCode() == c) return true;
        return false;
    }

    // ------------------------------------------------------------------ drawing

    /** Asks for a fresh drawing of the layers and shows the last one, fitted to the view, meanwhile. */
    public void redraw() {
        MapRenderer r = renderer;
        int w = (int) Math.ceil(getWidth()), h = (int) Math.ceil(getHeight());
        showBase();
        if (r == null || w < 1 || h < 1) {
            redrawTop();
            return;
        }
        Viewport v = viewport;
        if (layers.stream().anyMatch(l -> l.layer.inDatabase())) {
            databaseViews.viewChanged(layers.stream().filter(l -> l.visible() && l.layer.inDatabase()).map(l -> l.layer).toList(),
                    v.resize(w, h));
        }
        List<MapRenderer.LayerLook> looks = layers.stream().map(l -> l.look).toList();
        MapLabels lb = labels;
        List<MapLabels.Item> candidateLabels = candidates.stream().map(c -> MapLabels.candidate(c.name(), c.footprint())).toList();
        List<java.awt.geom.Rectangle2D> reserved = decorationAreas(w, h);
        long request = renderRequest.incrementAndGet();
        renderThread.execute(() -> {
            if (request != renderRequest.get()) return; // a newer view is already queued
            long t0 = System.nanoTime();
            Viewport next = v.resize(w, h);
            if (drawn == null || drawn.getWidth() != w || drawn.getHeight() != h) {
                drawn = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
                drawnFor = null;
            }
            Viewport previous = r == drawnBy && looks.equals(drawnLooks) ? drawnFor : null;
            drawnFor = null; // until this drawing completes
            if (!r.renderPanned(previous, next, looks, drawn, () -> request != renderRequest.get())) return;
            drawnFor = next;
            drawnLooks = looks;
            drawnBy = r;
            // A copy for the FX thread, labelled: the next pan starts shifting the drawn image at once, and
            // labels are placed afresh for every view rather than shifted with the pixels.
            if (labelled == null || labelled.getWidth() != w || labelled.getHeight() != h) {
                labelled = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
            }
            int[] src = ((java.awt.image.DataBufferInt) drawn.getRaster().getDataBuffer()).getData();
            int[] dst = ((java.awt.image.DataBufferInt) labelled.getRaster().getDataBuffer()).getData();
            System.arraycopy(src, 0, dst, 0, src.length);
            if (lb != null) {
                java.awt.Graphics2D lg = labelled.createGraphics();
                MapLabels.draw(lg, lb.place(next, candidateLabels, reserved));
                lg.dispose();
            }
            int[] argb = dst.clone();
            long took = System.nanoTime() - t0;
            if (FRAME_STATS) renderNanos.add(took);
            javafx.application.Platform.runLater(() -> {
                if (request != renderRequest.get() && shownViewport != null) return;
                javafx.scene.image.WritableImage fx = new javafx.scene.image.WritableImage(w, h);
                fx.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbPreInstance(), argb, 0, w);
                shownImage = fx;
                shownViewport = v.resize(w, h);
                shownLabelled = lb != null;
                lastBaseNanos = took;
                showBase();
                if (!whenDrawn.isEmpty() && drawn()) afterThisPulse(this::runWhenDrawn);
            });
        });
        redrawTop();
    }

    /**
     * Runs {@code r} on the FX thread once the map shows its layers with their labels for the current view
     * (now, if it does): what "the window is up" means for the start-up measure.
     */
    public void whenDrawn(Runnable r) {
        if (drawn()) r.run();
        else whenDrawn.add(r);
    }

    private boolean drawn() {
        return shownLabelled && baseUpToDate();
    }

    private void runWhenDrawn() {
        List<Runnable> due = List.copyOf(whenDrawn);
        whenDrawn.clear();
        due.forEach(Runnable::run);
    }

    /** After the pulse that hands the canvas to the screen (its layout pass done), or now without a scene. */
    private void afterThisPulse(Runnable r) {
        javafx.scene.Scene scene = getScene();
        if (scene == null) {
            r.run();
            return;
        }
        Runnable once = new Runnable() {
            @Override public void run() {
                // Removed on the next turn: the scene may be walking its listener list right now.
                javafx.application.Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                r.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
        javafx.application.Platform.requestNextPulse();
    }

    /** Screen areas labels keep clear of: the scale bar, the north arrow and the result legend. */
    private List<java.awt.geom.Rectangle2D> decorationAreas(double w, double h) {
        List<java.awt.geom.Rectangle2D> r = new ArrayList<>();
        r.add(new java.awt.geom.Rectangle2D.Double(0, h - 50, 170, 50));
        r.add(new java.awt.geom.Rectangle2D.Double(w - 50, 0, 50, 70));
        if (legendShown()) {
            java.awt.image.BufferedImage l = legendImage();
            r.add(new java.awt.geom.Rectangle2D.Double(w - l.getWidth() - LEGEND_MARGIN, h - l.getHeight() - LEGEND_MARGIN,
                    l.getWidth() + LEGEND_MARGIN, l.getHeight() + LEGEND_MARGIN));
        }
        return r;
    }

    /** Draws the last finished layer image where it belongs in the current view (shifted and scaled). */
    private void showBase() {
        GraphicsContext g = base.getGraphicsContext2D();
        g.clearRect(0, 0, base.getWidth(), base.getHeight());
        if (shownImage == null || shownViewport == null) return;
        double scale = shownViewport.metresPerPixel() / viewport.metresPerPixel();
        double x = viewport.toScreenX(shownViewport.toWorldX(0)), y = viewport.toScreenY(shownViewport.toWorldY(0));
        g.drawImage(shownImage, x, y, shownImage.getWidth() * scale, shownImage.getHeight() * scale);
    }

    /** True when the layer image on screen was drawn for the current view (tests, screenshots). */
    public boolean baseUpToDate() {
        return renderer != null && viewport.resize(Math.ceil(getWidth()), Math.ceil(getHeight())).equals(shownViewport);
    }

    void redrawTop() {
        long t0 = System.nanoTime();
        GraphicsContext g = top.getGraphicsContext2D();
        g.clearRect(0, 0, top.getWidth(), top.getHeight());
        drawResults(g);
        if (extraLayer != null) extraLayer.accept(g, viewport);
        LayerStyle expansion = new LayerStyle(0x1E88E566, 0x0D47A1FF, 2.5, false);
        LayerStyle satellite = new LayerStyle(0x00ACC166, 0x006064FF, 2.5, false);
        for (Candidate c : candidates) {
            if (tools != null && tools.isBeingEdited(c.id())) continue;
            String author = authorOf == null ? null : authorOf.apply(c.id());
            if (author != null) {
                Integer chosen = authorColourOf == null ? null : authorColourOf.apply(author);
                int rgba = chosen != null ? chosen : authorColour(author);
                draw(g, c.footprint(), new LayerStyle((rgba & 0xFFFFFF00) | 0x66, rgba, 3, false));
                drawAuthor(g, c, author, rgba);
            } else {
                draw(g, c.footprint(), c.kind() == nl.ruimteschets.model.CandidateKind.SATELLITE ? satellite : expansion);
            }
            if (c.isPoint()) drawPoint(g, (Point) c.geometry(), Color.web("#006064"), 5);
        }
        Candidate sel = selected();
        if (sel != null && (tools == null || !tools.isBeingEdited(sel.id()))) {
            draw(g, sel.footprint(), new LayerStyle(0xFFFFFF00, 0xFFD600FF, 3.5, false));
        }
        if (highlight != null) draw(g, highlight, new LayerStyle(0xFFFF0055, 0xFF00FFFF, 3, false));
        for (Annotation a : annotations) drawAnnotation(g, a);
        if (tools != null) tools.drawSketch(g, viewport);
        drawLegend(g);
        drawScaleBar(g);
        drawNorthArrow(g);
        lastTopNanos = System.nanoTime() - t0;
    }

    /** The author's name under the candidate, with a white halo so it reads on any map. */
    private void drawAuthor(GraphicsContext g, Candidate c, String author, int rgba) {
        org.locationtech.jts.geom.Envelope e = c.footprint().getEnvelopeInternal();
        double x = viewport.toScreenX((e.getMinX() + e.getMaxX()) / 2), y = viewport.toScreenY(e.getMinY()) + 16;
        g.setFont(javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, 14));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.setStroke(Color.WHITE);
        g.setLineWidth(4);
        g.strokeText(author, x, y);
        g.setFill(Color.rgb((rgba >>> 24) & 0xFF, (rgba >>> 16) & 0xFF, (rgba >>> 8) & 0xFF));
        g.fillText(author, x, y);
    }

    Candidate selected() {
        if (selectedId == null) return null;
        return candidates.stream().filter(c -> c.id().equals(selectedId)).findFirst().orElse(null);
    }

    private void drawResults(GraphicsContext g) {
        List<CandidateResult> shown = allResults;
        if (shown.isEmpty()) {
            CandidateResult r = selectedResult;
            if (r == null || selected() == null || !r.candidate().id().equals(selectedId)) return;
            shown = List.of(r);
        }
        if (overlays.contains(Overlay.NITROGEN) && !hexagons.isEmpty()) {
            double size = Math.max(1.5, 107 / viewport.metresPerPixel()); // a 1-ha hexagon is ~107 m across
            for (double[] h : hexagons) {
                g.setFill(depositionColour(h[2]));
                double x = viewport.toScreenX(h[0]), y = viewport.toScreenY(h[1]);
                if (x < -size || y < -size || x > getWidth() + size || y > getHeight() + size) continue;
                g.fillOval(x - size / 2, y - size / 2, size, size);
            }
        }
        for (CandidateResult r : shown) {
            if (overlays.contains(Overlay.SAFETY) && r.safety() != null) {
                draw(g, r.safety().gifwolkContour(), ResultLegend.GIFWOLK);
                draw(g, r.safety().explosieContour(), ResultLegend.EXPLOSIE);
                draw(g, r.safety().brandContour(), ResultLegend.BRAND);
                draw(g, r.safety().prContour(), ResultLegend.PR_1E6);
            }
            if (overlays.contains(Overlay.NOISE) && r.noise() != null) {
                draw(g, r.noise().lnight40(), ResultLegend.LNIGHT_40);
                draw(g, r.noise().lden50(), ResultLegend.LDEN_50);
                draw(g, r.noise().lden55(), ResultLegend.LDEN_55);
            }
        }
    }

    static final double NOTE_RADIUS = 13;

    /** A note as in the report: its number in a white disc with a dark ring, and its arrow. */
    private void drawAnnotation(GraphicsContext g, Annotation a) {
        double x = viewport.toScreenX(a.x()), y = viewport.toScreenY(a.y()), r = NOTE_RADIUS;
        Color ink = Color.web("#263238");
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineDashes();
        if (a.hasArrow()) {
            double tx = viewport.toScreenX(a.arrowX()), ty = viewport.toScreenY(a.arrowY());
            double len = Math.hypot(tx - x, ty - y);
            if (len > r + 4) {
                double ux = (tx - x) / len, uy = (ty - y) / len;
                g.setLineWidth(3);
                g.strokeLine(x + ux * r, y + uy * r, tx - ux * 9, ty - uy * 9);
                g.fillPolygon(new double[] {tx, tx - ux * 14 - uy * 7, tx - ux * 14 + uy * 7},
                        new double[] {ty, ty - uy * 14 + ux * 7, ty - uy * 14 - ux * 7}, 3);
            }
        }
        g.setFill(Color.WHITE);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setLineWidth(3);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        g.setFill(ink);
        g.setFont(javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, 15));
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.CENTER);
        g.fillText(Integer.toString(a.number()), x, y);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
        g.setTextBaseline(javafx.geometry.VPos.BASELINE);
    }

    /** The deposition class colour of a hexagon, as in the legend. */
    static Color depositionColour(double mol) {
        return color(ResultLegend.depositionRgba(mol));
    }

    /** Pixels between the result legend and the map's edge. */
    private static final int LEGEND_MARGIN = 10;
    private Locale legendLocale = Locale.getDefault();
    private double legendScale = 1;
    private java.awt.image.BufferedImage legendAwt;
    private javafx.scene.image.Image legendFx;
    private String legendKey;

    /** The language and size (presentation mode: bigger) of the result legend. */
    /** The language the result legend is drawn in. */
    Locale legendLocale() { return legendLocale; }

    public void setLegend(Locale locale, double scale) {
        legendLocale = locale;
        legendScale = scale;
        redrawTop();
    }

    /** Whether the legend of the computed results is shown: when results are drawn (the selected candidate's, or all). */
    boolean legendShown() {
        if (overlays.isEmpty()) return false;
        if (!allResults.isEmpty()) return true;
        CandidateResult r = selectedResult;
        return r != null && selected() != null && r.candidate().id().equals(selectedId);
    }

    /** The legend for the results drawn now (cached while the language, size and overlays stay). */
    private java.awt.image.BufferedImage legendImage() {
        String key = legendKey();
        if (!key.equals(legendKey)) {
            legendAwt = ResultLegend.image(legendLocale, legendScale, overlays.contains(Overlay.NOISE),
                    overlays.contains(Overlay.SAFETY), overlays.contains(Overlay.NITROGEN));
            legendFx = legendAwt == null ? null : toFx(legendAwt);
            legendKey = key;
        }
        return legendAwt;
    }

    private String legendKey() {
        return legendLocale + "/" + legendScale + "/" + overlays;
    }

    private static javafx.scene.image.Image toFx(java.awt.image.BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        javafx.scene.image.WritableImage fx = new javafx.scene.image.WritableImage(w, h);
        int[] px = ((java.awt.image.DataBufferInt) img.getRaster().getDataBuffer()).getData();
        fx.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbPreInstance(), px, 0, w);
        return fx;
    }

    private boolean legendWasShown;
    private String legendWasKey;

    private void drawLegend(GraphicsContext g) {
        boolean shown = legendShown();
        if (shown != legendWasShown || (shown && !legendKey().equals(legendWasKey))) {
            legendWasShown = shown;
            legendWasKey = legendKey();
            redraw(); // the labels in the layer image make room for the legend (or take the room back)
        }
        if (!shown || legendImage() == null) return;
        g.drawImage(legendFx, getWidth() - legendFx.getWidth() - LEGEND_MARGIN, getHeight() - legendFx.getHeight() - LEGEND_MARGIN);
    }

    private void drawScaleBar(GraphicsContext g) {
        // Same bar lengths and labels as the exported PNG and the report.
        MapDecorations.ScaleBar bar = MapDecorations.scaleBar(viewport.metresPerPixel(), 120);
        double px = bar.pixels();
        double x = 16, y = getHeight() - 20;
        g.setFill(Color.rgb(255, 255, 255, 0.8));
        g.fillRect(x - 6, y - 20, px + 12, 28);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.setLineDashes((double[]) null);
        g.strokeLine(x, y, x + px, y);
        g.strokeLine(x, y - 5, x, y + 3);
        g.strokeLine(x + px, y - 5, x + px, y + 3);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(bar.label(), x + px / 2, y - 7);
    }

    private void drawNorthArrow(GraphicsContext g) {
        double x = getWidth() - 30, y = 22;
        g.setFill(Color.rgb(255, 255, 255, 0.8));
        g.fillOval(x - 16, y - 8, 32, 44);
        g.setFill(Color.BLACK);
        g.fillPolygon(new double[] {x, x - 8, x + 8}, new double[] {y, y + 20, y + 20}, 3);
        g.setFont(Font.font("System", FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText("N", x, y + 33);
    }

    private void draw(GraphicsContext g, Geometry geom, LayerStyle style) {
        if (geom == null || geom.isEmpty()) return;
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
                CoordinateSequence s = l.getCoordinateSequence();
                for (int i = 0; i < s.size(); i++) {
                    double x = viewport.toScreenX(s.getX(i)), y = viewport.toScreenY(s.getY(i));
                    if (i == 0) g.moveTo(x, y); else g.lineTo(x, y);
                }
                stroke(g, style);
            } else if (part instanceof Point pt) {
                drawPoint(g, pt, color(style.stroke()), 3);
            }
        }
    }

    private void drawPoint(GraphicsContext g, Point pt, Color c, double r) {
        double x = viewport.toScreenX(pt.getX()), y = viewport.toScreenY(pt.getY());
        g.setFill(c);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
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
