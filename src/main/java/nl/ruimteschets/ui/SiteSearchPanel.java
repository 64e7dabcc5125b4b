package nl.ruimteschets.ui;

import java.awt.image.BufferedImage;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.search.Criterion;
import nl.ruimteschets.analysis.search.LocationChanges;
import nl.ruimteschets.analysis.search.RankedLocation;
import nl.ruimteschets.analysis.search.FootprintShape;
import nl.ruimteschets.analysis.search.SearchAreas;
import nl.ruimteschets.analysis.search.SearchRequest;
import nl.ruimteschets.analysis.search.SearchWorld;
import nl.ruimteschets.analysis.search.SiteSearch;
import nl.ruimteschets.analysis.search.SuitabilityMap;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.render.SuitabilityImage;
import nl.ruimteschets.render.Viewport;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The site search panel (docked where the indicators are while it is open): the ask (activity, size, area, satellite distance, weights), the suitability
 * map as a layer on the main map (score or any criterion, with its legend), and the ranked locations
 * recomputed by the engine in a table, any of which becomes a candidate with one click (undoable).
 * Every change of the ask starts a new search after a short pause; the map comes coarse first, then
 * fine; a newer ask, Stop or closing cancels the running one; a change of the project (layers or the
 * scenario's candidates) makes the result stale and searches again.
 *
 * <p>FX thread only (the search runs on {@link SiteSearch}'s own thread and reports back here).
 */
public final class SiteSearchPanel {
    /** SKETCH: the selected candidate's outline, drawn with the usual tools, is the search area. */
    private enum AreaMode { CLUSTER, PROVINCE, VIEW, SKETCH, PLOTS }

    private final MainWindow window;
    /** The panel, docked in place of the indicator column while the search is open. */
    private javafx.scene.control.SplitPane root;
    private javafx.scene.Node undocked;
    private double[] undockedDividers;
    private Envelope zoomedTo;
    private final ExecutorService setup = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ruimteschets-search-setup");
        t.setDaemon(true);
        return t;
    });
    private final ComboBox<String> profile = new ComboBox<>();
    private final TextField size = new TextField("60");
    private final CheckBox net = new CheckBox();
    private final ComboBox<AreaMode> areaMode = new ComboBox<>();
    private final ComboBox<String> cluster = new ComboBox<>();
    private final ComboBox<String> province = new ComboBox<>();
    private final TextField surroundings = new TextField("5");
    /** The footprint's shape: square, rectangle (aspect, orientation) or the selected candidate's outline. */
    private enum ShapeMode { SQUARE, RECTANGLE, CANDIDATE }
    private final ComboBox<ShapeMode> shapeMode = new ComboBox<>(FXCollections.observableArrayList(ShapeMode.values()));
    private final TextField aspect = new TextField("3");
    private final TextField orientation = new TextField("0");
    private final CheckBox satellite = new CheckBox();
    private final TextField maxKm = new TextField("10");
    private final Spinner<Integer> top = new Spinner<>(1, 50, 10);
    private final Map<Criterion, Slider> weights = new EnumMap<>(Criterion.class);
    private final ComboBox<Criterion> layerChoice = new ComboBox<>();
    private final Label status = new Label();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final TableView<RankedLocation> table = new TableView<>();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(300));

    private SiteSearch search;
    private List<Layer> searchLayers = List.of();
    private SuitabilityMap shown;
    private WritableImage cells, legend;
    private boolean open;

    SiteSearchPanel(MainWindow window) {
        this.window = window;
        build();
        debounce.setOnFinished(e -> submit());
    }

    private String t(String key) { return window.text(key); }

    /** Docks the panel in place of the indicator column and starts searching. */
    void show() {
        if (open) return; // already searching: nothing to start again
        fillChoices();
        {
            javafx.scene.control.SplitPane centre = window.centrePane();
            undockedDividers = centre.getDividerPositions();
            undocked = centre.getItems().get(centre.getItems().size() - 1);
            centre.getItems().set(centre.getItems().size() - 1, root);
            centre.setDividerPositions(undockedDividers[0], 0.6);
        }
        open = true;
        window.map().setExtraLayer(this::draw);
        projectChanged();
    }

    /** Puts the indicator column back, stops the search and takes its layer off the map. */
    void hide() {
        if (!open) return;
        open = false;
        if (search != null) search.cancel();
        busy.setVisible(false);
        window.map().setExtraLayer(null);
        window.map().setHighlight(null);
        javafx.scene.control.SplitPane centre = window.centrePane();
        int last = centre.getItems().size() - 1;
        if (centre.getItems().get(last) == root) {
            centre.getItems().set(last, undocked);
            centre.setDividerPositions(undockedDividers);
        }
    }

    boolean isOpen() { return open; }

    /** Ends the search for good (window closing or rebuilt). */
    void close() {
        hide();
        if (search != null) search.close();
        setup.shutdownNow();
    }

    /** The window's project changed (any edit, undo, layer): the map is stale, search again. */
    void projectChanged() {
        if (!open) return;
        List<Layer> layers = window.session().project().layers();
        if (search == null || !searchLayers.equals(layers)) {
            searchLayers = List.copyOf(layers);
            SiteSearch old = search;
            search = null;
            if (old != null) old.close();
            status.setText(t("search.status.stale"));
            busy.setVisible(true);
            List<Layer> wanted = searchLayers;
            AnalysisContext engineContext = window.engine().contextFor(wanted);
            CompletableFuture.supplyAsync(() -> {
                // The engine's own index when it is of these layers; otherwise index them here.
                AnalysisContext ctx = engineContext != null ? engineContext : new AnalysisContext(wanted);
                return new SiteSearch(new SearchWorld(ctx));
            }, setup).thenAccept(s -> Platform.runLater(() -> {
                if (wanted != searchLayers || !open) {
                    s.close();
                    return;
                }
                search = s;
                submit();
            })).exceptionally(e -> {
                // A layer in the database that cannot be read (or read whole): say which, in words.
                Platform.runLater(() -> {
                    if (wanted != searchLayers) return;
                    busy.setVisible(false);
                    status.setText(MessageFormat.format(t("search.status.failed"), failure(e)));
                });
                return null;
            });
            return;
        }
        status.setText(t("search.status.stale"));
        debounce.playFromStart();
    }

    // ------------------------------------------------------------------ the form

    private void build() {
        profile.setId("search-profile");
        size.setId("search-size");
        areaMode.setId("search-area");
        table.setId("search-table");
        status.setId("search-status");
        areaMode.getItems().setAll(AreaMode.values());
        areaMode.setValue(AreaMode.CLUSTER);
        areaMode.setConverter(named("search.area."));
        GridPane form = new GridPane();
        form.setHgap(6);
        form.setVgap(4);
        int row = 0;
        form.addRow(row++, new Label(t("search.profile")), profile);
        net.setText(t("search.net"));
        form.addRow(row++, new Label(t("search.size")), new HBox(6, size, net));
        shapeMode.setValue(ShapeMode.SQUARE);
        shapeMode.setId("search-shape");
        province.setId("search-province");
        shapeMode.setConverter(named("search.shape."));
        aspect.setPrefColumnCount(3);
        orientation.setPrefColumnCount(3);
        aspect.setTooltip(new javafx.scene.control.Tooltip(t("search.shape.aspect")));
        orientation.setTooltip(new javafx.scene.control.Tooltip(t("search.shape.orientation")));
        // Narrow at 1366 px: the two numbers say what they are in their prompt and tooltip.
        aspect.setPromptText(t("search.shape.aspect"));
        orientation.setPromptText(t("search.shape.orientation"));
        aspect.setId("search-shape-aspect");
        orientation.setId("search-shape-orientation");
        form.addRow(row++, new Label(t("search.shape")), new HBox(6, shapeMode, aspect, new Label(t("search.shape.ratioUnit")), orientation,
                new Label(t("search.shape.degreeUnit"))));
        form.addRow(row++, new Label(t("search.area")), areaMode);
        form.addRow(row++, new Label(t("search.cluster")), new HBox(6, cluster, province));
        form.addRow(row++, new Label(t("search.surroundings")), surroundings);
        satellite.setText(t("search.satellite"));
        form.addRow(row++, satellite, maxKm);
        form.addRow(row++, new Label(t("search.top")), top);
        size.setPrefColumnCount(5);
        surroundings.setPrefColumnCount(5);
        maxKm.setPrefColumnCount(5);
        top.setPrefWidth(80);
        profile.setPrefWidth(250);
        cluster.setPrefWidth(180);
        province.setPrefWidth(140);

        GridPane w = new GridPane();
        w.setHgap(6);
        int r = 0;
        for (Criterion c : Criterion.values()) {
            Slider s = new Slider(0, 5, 1);
            s.setId("search-weight-" + c.name());
            s.setPrefWidth(140);
            s.setMajorTickUnit(1);
            s.setSnapToTicks(true);
            weights.put(c, s);
            Label l = new Label(t("search.criterion." + c.name()));
            l.setMaxWidth(270);
            w.addRow(r++, l, s);
            s.valueProperty().addListener((o, a, b) -> changed());
        }
        layerChoice.getItems().add(null);
        layerChoice.getItems().addAll(Criterion.values());
        layerChoice.setValue(null);
        layerChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Criterion c) {
                return c == null ? t("search.layer.score") : t("search.criterion." + c.name());
            }

            @Override
            public Criterion fromString(String s) { return null; }
        });
        layerChoice.valueProperty().addListener((o, a, b) -> {
            legend = null;
            cells = null;
            window.map().redrawTop();
        });
        layerChoice.setId("search-layer");

        for (var field : List.of(size, surroundings, maxKm, aspect, orientation)) field.textProperty().addListener((o, a, b) -> changed());
        shapeMode.valueProperty().addListener((o, a, b) -> changed());
        for (var box : List.of(net, satellite)) box.selectedProperty().addListener((o, a, b) -> changed());
        for (var combo : List.of(profile, cluster, province)) combo.valueProperty().addListener((o, a, b) -> changed());
        areaMode.valueProperty().addListener((o, a, b) -> changed());
        top.valueProperty().addListener((o, a, b) -> changed());

        columns();
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                window.map().setHighlight(b == null ? null : b.candidate().geometry()));
        table.setPrefHeight(260);

        Button add = new Button(t("search.add"));
        add.setId("search-add");
        add.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.setOnAction(e -> addSelected());
        Button stop = new Button(t("search.stop"));
        stop.setId("search-stop");
        stop.setOnAction(e -> {
            if (search != null) search.cancel();
            busy.setVisible(false);
            status.setText(t("search.status.stopped"));
        });
        Button closeButton = new Button(t("search.close"));
        closeButton.setId("search-close");
        closeButton.setOnAction(e -> hide());
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Label honesty = new Label(t("search.honesty"));
        honesty.setStyle("-fx-font-style: italic;");
        honesty.setWrapText(true);
        status.setWrapText(true);

        Label weightsTitle = new Label(t("search.weights"));
        weightsTitle.setStyle("-fx-font-weight: bold;");
        Label title = new Label(t("search.title"));
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        // The ask scrolls on its own; the results keep their buttons in sight above a table that takes the rest.
        VBox ask = new VBox(8, title, form, weightsTitle, w, new HBox(6, new Label(t("search.layer")), layerChoice));
        ask.setPadding(new Insets(8));
        javafx.scene.control.ScrollPane askPane = new javafx.scene.control.ScrollPane(ask);
        askPane.setFitToWidth(true);
        VBox results = new VBox(6, new HBox(6, busy, status), honesty, new HBox(8, add, stop, closeButton), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        results.setPadding(new Insets(6, 8, 8, 8));
        table.setMinHeight(100);
        root = new javafx.scene.control.SplitPane(askPane, results);
        root.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.setDividerPositions(0.55);
        root.setId("search-panel");
        province.disableProperty().bind(areaMode.valueProperty().isNotEqualTo(AreaMode.PROVINCE));
        surroundings.disableProperty().bind(areaMode.valueProperty().isNotEqualTo(AreaMode.CLUSTER));
        aspect.disableProperty().bind(shapeMode.valueProperty().isNotEqualTo(ShapeMode.RECTANGLE));
        orientation.disableProperty().bind(shapeMode.valueProperty().isEqualTo(ShapeMode.SQUARE));
        maxKm.disableProperty().bind(satellite.selectedProperty().not());
    }

    /** Shows an enum choice by its text under {@code prefix} + the constant's name in lower case. */
    private <E extends Enum<E>> javafx.util.StringConverter<E> named(String prefix) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E m) {
                return m == null ? "" : t(prefix + m.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String s) { return null; }
        };
    }

    private void columns() {
        table.getColumns().add(col(t("search.col.rank"), l -> String.valueOf(l.rank())));
        table.getColumns().add(col(t("search.col.score"), l -> window.number(l.exactScore(), 1)));
        table.getColumns().add(col(t("search.col.map"), l -> Double.isNaN(l.mapScore()) ? "–" : window.number(l.mapScore(), 1)));
        table.getColumns().add(col(t("search.col.net"), l -> window.number(l.result().netHa(), 1)));
        table.getColumns().add(col(t("search.col.zone"), l -> window.number(l.exactValues().get(Criterion.ZONE_GROWTH), 1)));
        table.getColumns().add(col(t("search.col.noise"), l -> String.valueOf(l.exactValues().get(Criterion.NOISE_SENSITIVE).intValue())));
        table.getColumns().add(col(t("search.col.pr"), l -> String.valueOf(l.prConflicts())));
        table.getColumns().add(col(t("search.col.objects"), l -> String.valueOf(l.exactValues().get(Criterion.AANDACHT_OBJECTS).intValue())));
        table.getColumns().add(col(t("search.col.maxdep"), l -> window.number(l.maxDepositionMolHaYr(), 2)));
        table.getColumns().add(col(t("search.col.total"), l -> window.number(l.exactValues().get(Criterion.DEPOSITION), 0)));
        table.getColumns().add(col(t("search.col.where"), l -> l.plotName() != null ? l.plotName() : String.format(Locale.ROOT, "RD %.0f %.0f",
                l.candidate().geometry().getCentroid().getX(), l.candidate().geometry().getCentroid().getY())));
    }

    private static TableColumn<RankedLocation, String> col(String title, java.util.function.Function<RankedLocation, String> f) {
        TableColumn<RankedLocation, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private void fillChoices() {
        Project p = window.session().project();
        List<String> names = new ArrayList<>(p.profiles().keySet());
        if (names.isEmpty()) nl.ruimteschets.model.ActivityCatalogue.defaults().forEach(a -> names.add(a.name()));
        keep(profile, names);
        keep(cluster, new ArrayList<>(p.clusters().keySet()));
        keep(province, new ArrayList<>(SearchAreas.provinces(p.layers()).keySet()));
    }

    private static void keep(ComboBox<String> box, List<String> items) {
        String v = box.getValue();
        box.getItems().setAll(items);
        box.setValue(items.contains(v) ? v : items.isEmpty() ? null : items.get(0));
    }

    private void changed() {
        if (!open) return;
        debounce.playFromStart();
    }

    // ------------------------------------------------------------------ searching

    /** The ask as now in the form, or null (with a message) when it is not complete. */
    private SearchRequest request() {
        Project p = window.session().project();
        ActivityProfile prof = p.profiles().get(profile.getValue());
        if (prof == null) prof = nl.ruimteschets.model.ActivityCatalogue.defaults().stream()
                .filter(a -> a.name().equals(profile.getValue())).findFirst().orElse(null);
        double ha = number(size.getText());
        if (prof == null || !(ha > 0)) return invalid("search.invalid.size");
        double gross = net.isSelected() ? SearchRequest.grossFromNet(prof, ha) : ha;
        AreaMode mode = areaMode.getValue();
        Geometry area = null;
        String parent = cluster.getValue();
        if (mode == AreaMode.CLUSTER) {
            double km = number(surroundings.getText());
            if (!(km >= 0)) return invalid("search.invalid.surroundings");
            area = SearchAreas.clusterSurroundings(search.world(), parent, km).orElse(null);
            if (area == null) return invalid("search.invalid.cluster");
        } else if (mode == AreaMode.PROVINCE) {
            area = SearchAreas.province(p.layers(), province.getValue()).map(Map.Entry::getValue).orElse(null);
            if (area == null) return invalid("search.invalid.province");
        } else if (mode == AreaMode.SKETCH) {
            Candidate sel = window.map().selected();
            if (sel == null || sel.isPoint()) return invalid("search.invalid.sketch");
            area = sel.footprint();
        } else {
            Envelope view = window.map().viewport().worldBounds();
            area = Rd.FACTORY.toGeometry(view);
        }
        Double max = null;
        if (satellite.isSelected()) {
            double km = number(maxKm.getText());
            if (!(km > 0)) return invalid("search.invalid.maxKm");
            max = km * 1000;
        }
        FootprintShape shape = FootprintShape.SQUARE;
        double turn = number(orientation.getText());
        if (shapeMode.getValue() == ShapeMode.RECTANGLE) {
            double a = number(aspect.getText());
            if (!(a >= 1 && a <= 100) || !Double.isFinite(turn)) return invalid("search.invalid.shape");
            shape = FootprintShape.rectangle(a, turn);
        } else if (shapeMode.getValue() == ShapeMode.CANDIDATE) {
            Candidate sel = window.map().selected();
            if (sel == null || sel.isPoint() || !Double.isFinite(turn)) return invalid("search.invalid.shapeCandidate");
            FootprintShape of = FootprintShape.of(sel.footprint());
            shape = new FootprintShape(1, turn, of.template());
        }
        Map<Criterion, Double> w = new EnumMap<>(Criterion.class);
        weights.forEach((c, s) -> w.put(c, s.getValue()));
        List<Geometry> occupied = new ArrayList<>();
        String areaId = mode == AreaMode.SKETCH ? window.map().selectedId() : null;
        window.session().scenario().ifPresent(s -> s.candidates().forEach(c -> {
            if (!c.id().equals(areaId)) occupied.add(c.footprint()); // the outline drawn as search area takes nothing
        }));
        return new SearchRequest(prof, gross, area, mode == AreaMode.PLOTS, parent, max, w, SearchRequest.DEFAULT_CELL_M,
                top.getValue(), occupied, shape);
    }

    private SearchRequest invalid(String key) {
        status.setText(t(key));
        busy.setVisible(false);
        return null;
    }

    private double number(String s) {
        try {
            return Double.parseDouble(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void submit() {
        if (!open || search == null) return;
        SearchRequest r = request();
        if (r == null) return;
        busy.setVisible(true);
        SiteSearch running = search;
        running.submit(r, new SiteSearch.Listener() {
            @Override
            public void map(SuitabilityMap m) {
                Platform.runLater(() -> {
                    if (running != search) return;
                    showMap(m);
                    status.setText(MessageFormat.format(t(m.coarse() ? "search.status.coarse" : "search.status.fine"),
                            String.format(Locale.ROOT, "%.0f", m.grid().cell())));
                });
            }

            @Override
            public void done(SiteSearch.Result res) {
                Platform.runLater(() -> {
                    if (running != search) return;
                    busy.setVisible(false);
                    table.getItems().setAll(res.locations()); // before the map redraws: it numbers them
                    showMap(res.map());
                    Envelope area = res.map().request().area().getEnvelopeInternal();
                    if (!area.equals(zoomedTo) && areaMode.getValue() != AreaMode.VIEW && areaMode.getValue() != AreaMode.PLOTS) {
                        zoomedTo = area; // show a new search area once; the planner's own zoom is kept after that
                        window.map().zoomTo(area);
                    }
                    double rho = res.agreement().spearman();
                    status.setText(res.map().validCount() == 0 ? t("search.status.none")
                            : MessageFormat.format(t("search.status.done"), res.locations().size(), res.millis(),
                            Double.isNaN(rho) ? "–" : window.number(rho, 2)));
                });
            }

            @Override
            public void reading(String layer, long done, long expected) {
                Platform.runLater(() -> {
                    if (running != search) return;
                    status.setText(MessageFormat.format(t("search.status.reading"), layer, done, expected));
                });
            }

            @Override
            public void failed(RuntimeException e) {
                Platform.runLater(() -> {
                    busy.setVisible(false);
                    status.setText(MessageFormat.format(t("search.status.failed"), failure(e)));
                });
            }
        });
    }

    /** Why a search could not run, in the planner's words when a layer in the database is the cause. */
    private String failure(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof nl.ruimteschets.geo.TileCache.Unavailable u) return u.userMessage().format(window.locale());
        return String.valueOf(c.getMessage());
    }

    private void addSelected() {
        List<RankedLocation> chosen = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        if (chosen.isEmpty() || window.session().scenarioName() == null) return;
        window.perform(LocationChanges.add(window.session().project(), window.session().scenarioName(), chosen,
                t("search.candidateName")), null);
    }

    // ------------------------------------------------------------------ on the map

    private void showMap(SuitabilityMap m) {
        shown = m;
        cells = null;
        legend = null;
        window.map().redrawTop();
    }

    /** The suitability cells, the ranked locations numbered, and the legend, drawn on the map's top layer. */
    private void draw(GraphicsContext g, Viewport v) {
        SuitabilityMap m = shown;
        if (m == null) return;
        Criterion c = layerChoice.getValue();
        if (cells == null) cells = toFx(SuitabilityImage.cells(m, c));
        if (legend == null) legend = toFx(SuitabilityImage.legendImage(m, c, window.locale()));
        Envelope e = m.grid().envelope();
        double x0 = v.toScreenX(e.getMinX()), y0 = v.toScreenY(e.getMaxY());
        g.setImageSmoothing(false);
        g.drawImage(cells, x0, y0, v.toScreenX(e.getMaxX()) - x0, v.toScreenY(e.getMinY()) - y0);
        g.setImageSmoothing(true);
        g.setStroke(Color.web("#0D47A1"));
        g.setLineWidth(2);
        g.setFill(Color.web("#0D47A1"));
        for (RankedLocation l : table.getItems()) {
            Geometry fp = l.candidate().geometry();
            for (int k = 0; k < fp.getNumGeometries(); k++) {
                if (!(fp.getGeometryN(k) instanceof Polygon poly)) continue;
                var s = poly.getExteriorRing().getCoordinateSequence();
                g.beginPath();
                for (int i = 0; i < s.size(); i++) {
                    if (i == 0) g.moveTo(v.toScreenX(s.getX(i)), v.toScreenY(s.getY(i)));
                    else g.lineTo(v.toScreenX(s.getX(i)), v.toScreenY(s.getY(i)));
                }
                g.closePath();
                g.stroke();
            }
        }
        // Rank numbers with a white halo, decluttered like the map's names: zoomed out, those without room wait.
        g.setFont(javafx.scene.text.Font.font("System", javafx.scene.text.FontWeight.BOLD, 13));
        g.setLineWidth(3);
        var keepClear = List.<java.awt.geom.Rectangle2D>of(new java.awt.geom.Rectangle2D.Double(0, 0, legend.getWidth() + 20, legend.getHeight() + 20));
        for (var label : SuitabilityImage.rankLabels(table.getItems(), v, keepClear)) {
            g.setStroke(Color.WHITE);
            g.strokeText(label.text(), label.x(), label.y());
            g.fillText(label.text(), label.x(), label.y());
        }
        g.drawImage(legend, 10, 10);
    }

    private static WritableImage toFx(BufferedImage img) {
        WritableImage out = new WritableImage(img.getWidth(), img.getHeight());
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, img.getWidth(), 1, row, 0, img.getWidth());
            out.getPixelWriter().setPixels(0, y, img.getWidth(), 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, img.getWidth());
        }
        return out;
    }

    /** For tests: the rows shown and the map drawn. */
    List<RankedLocation> rows() { return List.copyOf(table.getItems()); }

    SuitabilityMap shownMap() { return shown; }

    /** For tests: a candidate list of what the table offers. */
    List<Candidate> candidates() { return rows().stream().map(RankedLocation::candidate).toList(); }
}
