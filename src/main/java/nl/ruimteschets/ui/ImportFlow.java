package nl.ruimteschets.ui;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import nl.ruimteschets.io.CancelledException;
import nl.ruimteschets.io.Formats;
import nl.ruimteschets.io.LayerLoader;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectImport;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.UserMessage;

/**
 * Imports a file as a new layer, driven by the user: the file is previewed (tables, fields) on a
 * background thread, then a dialog asks for name, table, role, field mapping, CRS and encoding; the
 * load runs as a {@link Task} behind a progress window with Cancel; afterwards the caller gets the
 * layer and the user sees the import report, or an error dialog in their language.
 *
 * <p>Every window is opened with {@code show()}, never {@code showAndWait()}, so a test thread can call
 * {@link #run} and then drive the windows through their ids: {@code #importDialog} (root of the dialog)
 * with {@code #importName}, {@code #importNameError}, {@code #importTable}, {@code #importRole},
 * {@code #importMap-<semantic key>}, {@code #importCrs}, {@code #importEncoding}, {@code #importOk},
 * {@code #importCancel}; {@code #importProgress} with {@code #importProgressBar} and
 * {@code #importProgressCancel}; {@code #importReport} with {@code #importReportText} and
 * {@code #importReportClose}; errors are an {@link Alert} whose dialog pane is {@code #importError}; a cancelled
 * import into a shared project says so in {@code #importCancelled}.
 */
public final class ImportFlow {
    /** CRS choices offered as overrides; null means "as the file states". */
    static final List<Integer> CRS_CHOICES = Arrays.asList(null, 28992, 4326, 4258, 3857, 25831, 32631);
    /** DBF encodings offered as overrides; null means detect (.cpg, language driver). */
    static final List<String> ENCODINGS = Arrays.asList(null, "UTF-8", "windows-1252", "IBM850", "IBM437");
    private static final int LISTED_IDS = 20;
    private static final System.Logger LOG = System.getLogger(ImportFlow.class.getName());

    /** The load step, {@link LayerLoader#load}; a seam so a test can hold a load open and cancel it. */
    interface Loader {
        Layer load(Path file, String table, String layerName, LayerRole role, Map<String, String> fieldMapping,
                   Integer epsg, String encoding, ProgressListener progress) throws Exception;
    }

    static volatile Loader loader = LayerLoader::load;

    /**
     * The import into an open shared project, {@link PostgisStorage#importForWindow}: streamed into the database in
     * one transaction (nothing of the file in this heap) and read back as the project now holds it.
     */
    public interface SharedLoader {
        PostgisStorage.Imported load(Path file, String table, String layerName, LayerRole role, Map<String, String> fieldMapping,
                                     Integer epsg, String encoding, ProgressListener progress) throws Exception;
    }

    private final Window owner;
    private final Path file;
    private final Locale locale;
    private final ResourceBundle text;
    private final Set<String> existingNames;
    private final Consumer<Layer> onImported;
    /** Set for an import into a shared project (then {@link #onImported} is unused). */
    private final SharedLoader sharedLoader;
    private final Consumer<PostgisStorage.Imported> onShared;
    private final boolean hasTables;
    private final boolean shapefile;
    private final String none;

    private final TextField name = new TextField();
    private final Label nameError = new Label();
    private final ChoiceBox<String> table = new ChoiceBox<>();
    private final ChoiceBox<LayerRole> role = new ChoiceBox<>(FXCollections.observableArrayList(LayerRole.values()));
    private final GridPane mappingGrid = new GridPane();
    private final Map<String, ComboBox<String>> mappingBoxes = new LinkedHashMap<>();
    /** The field per semantic key, guessed or chosen; kept while the user flips through roles. */
    private final Map<String, String> chosen = new HashMap<>();
    private final ComboBox<String> crs = new ComboBox<>();
    private final ComboBox<String> encoding = new ComboBox<>();
    private final Button ok = new Button();
    private List<Field> fields = List.of();
    private Stage dialog;

    private ImportFlow(Window owner, Path file, Locale locale, Set<String> existingNames, Consumer<Layer> onImported,
                       SharedLoader sharedLoader, Consumer<PostgisStorage.Imported> onShared) {
        this.owner = owner;
        this.file = Objects.requireNonNull(file);
        this.locale = Objects.requireNonNull(locale);
        this.text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        this.existingNames = existingNames.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.onImported = onImported;
        this.sharedLoader = sharedLoader;
        this.onShared = onShared;
        String ext = Formats.extension(file);
        this.hasTables = ext.equals("gpkg") || ext.equals("zip"); // GeoPackage tables, or the shapefiles of a zip
        this.shapefile = ext.equals("shp") || ext.equals("zip");
        this.none = text.getString("import.field.none");
    }

    /**
     * Starts the flow and returns at once; may be called from any thread (it hops to the FX thread).
     * {@code onImported} runs on the FX thread, only after a successful import; on cancel or error it
     * is never called.
     *
     * @param existingLayerNames names already in the project; the new name must differ (ignoring case)
     */
    public static void run(Window owner, Path file, Locale locale, Set<String> existingLayerNames,
                           Consumer<Layer> onImported) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> run(owner, file, locale, existingLayerNames, onImported));
            return;
        }
        new ImportFlow(owner, file, locale, Set.copyOf(existingLayerNames), Objects.requireNonNull(onImported), null, null).preview();
    }

    /**
     * As {@link #run}, into an open shared project: the same dialog, progress and cancel, but the file streams
     * into the database through {@code loader} and {@code onImported} gets the layer as stored, once committed
     * (on the FX thread; also when Cancel came too late to stop the commit). A cancelled or failed import has
     * rolled back and says so in words. Not undoable: the report tells the planner.
     */
    public static void runShared(Window owner, Path file, Locale locale, Set<String> existingLayerNames, SharedLoader loader,
                                 Consumer<PostgisStorage.Imported> onImported) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> runShared(owner, file, locale, existingLayerNames, loader, onImported));
            return;
        }
        new ImportFlow(owner, file, locale, Set.copyOf(existingLayerNames), null, Objects.requireNonNull(loader),
                Objects.requireNonNull(onImported)).preview();
    }

    private record Preview(List<String> tables, List<Field> fields) { }

    /** Reading tables and fields may scan the whole file (GeoJSON, zip), so it runs in the background too. */
    private void preview() {
        inBackground(t("import.reading", file.getFileName()), progress -> {
            List<String> tables = LayerLoader.tables(file);
            return new Preview(tables, LayerLoader.fields(file, hasTables ? tables.get(0) : null, null));
        }, false, this::showDialog);
    }

    private void showDialog(Preview preview) {
        fields = preview.fields();
        chosen.putAll(ProjectImport.guessMapping(fields));

        name.setId("importName");
        name.setText(Formats.baseName(file));
        name.textProperty().addListener((o, was, is) -> validate());
        nameError.setId("importNameError");
        nameError.setStyle("-fx-text-fill: #c62828;");
        nameError.setWrapText(true);

        role.setId("importRole");
        role.setConverter(converter(r -> text.getString("role." + r.name())));
        role.setValue(LayerRole.BASEMAP);
        role.valueProperty().addListener((o, was, is) -> rebuildMapping());

        table.setId("importTable");
        table.getItems().setAll(preview.tables());
        table.setValue(preview.tables().get(0));
        table.valueProperty().addListener((o, was, is) -> tableChanged(is));

        crs.setId("importCrs");
        for (Integer code : CRS_CHOICES) crs.getItems().add(t(code == null ? "import.crs.file" : "import.crs." + code));
        crs.getSelectionModel().select(0);
        encoding.setId("importEncoding");
        for (String e : ENCODINGS) encoding.getItems().add(e == null ? t("import.encoding.auto") : e);
        encoding.getSelectionModel().select(0);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.add(new Label(t("import.file", file.getFileName())), 0, row++, 2, 1);
        form.addRow(row++, new Label(t("import.name")), name);
        form.add(nameError, 1, row++);
        if (preview.tables().size() > 1) form.addRow(row++, new Label(t("import.table")), table);
        form.addRow(row++, new Label(t("import.role")), role);
        form.add(new Separator(), 0, row++, 2, 1);
        form.add(new Label(t("import.mapping")), 0, row++, 2, 1);
        mappingGrid.setHgap(8);
        mappingGrid.setVgap(6);
        mappingGrid.setPadding(new Insets(0, 0, 0, 12));
        form.add(mappingGrid, 0, row++, 2, 1);
        form.add(new Separator(), 0, row++, 2, 1);
        form.addRow(row++, new Label(t("import.crs")), crs);
        if (shapefile) form.addRow(row++, new Label(t("import.encoding")), encoding);
        name.setPrefColumnCount(24);

        ok.setId("importOk");
        ok.setText(t("import.ok"));
        ok.setDefaultButton(true);
        ok.setOnAction(e -> startImport());
        Button cancel = new Button(t("import.cancel"));
        cancel.setId("importCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> dialog.close());
        ButtonBar buttons = new ButtonBar();
        ButtonBar.setButtonData(ok, ButtonBar.ButtonData.OK_DONE);
        ButtonBar.setButtonData(cancel, ButtonBar.ButtonData.CANCEL_CLOSE);
        buttons.getButtons().addAll(ok, cancel);

        VBox root = new VBox(12, form, buttons);
        root.setId("importDialog");
        root.setPadding(new Insets(14));
        dialog = window(t("import.title"), root, true);
        rebuildMapping();
        validate();
        dialog.show();
    }

    /** The semantic fields a role uses; the analysis reads only these. */
    static List<String> semanticKeys(LayerRole r) {
        List<String> keys = new ArrayList<>(List.of(Layer.MAP_NAME));
        switch (r) {
            case CLUSTER -> keys.add(Layer.MAP_CLUSTER);
            case AVAILABLE_PLOT -> keys.addAll(List.of(Layer.MAP_CLUSTER, Layer.MAP_AREA_HA));
            case NOISE_ZONE, SAFETY_CONTOUR -> keys.add(Layer.MAP_KIND);
            case SENSITIVE -> keys.add(Layer.MAP_VULNERABILITY);
            case NATURA2000 -> keys.add(Layer.MAP_KDW);
            default -> { }
        }
        return keys;
    }

    private void rebuildMapping() {
        mappingGrid.getChildren().clear();
        mappingBoxes.clear();
        List<String> items = new ArrayList<>();
        items.add(none);
        for (Field f : fields) items.add(f.name());
        int row = 0;
        for (String key : semanticKeys(role.getValue())) {
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
            box.setId("importMap-" + key);
            String preset = chosen.get(key);
            box.setValue(preset != null && items.contains(preset) ? preset : none);
            box.valueProperty().addListener((o, was, is) -> chosen.put(key, is));
            mappingBoxes.put(key, box);
            mappingGrid.addRow(row++, new Label(t("import.map." + key)), box);
        }
        if (dialog != null && dialog.isShowing()) dialog.sizeToScene();
    }

    /** Another table has other fields; a GeoPackage's schema reads in milliseconds, so on the FX thread. */
    private void tableChanged(String newTable) {
        try {
            fields = LayerLoader.fields(file, newTable, null);
        } catch (Exception e) {
            showError(e);
            fields = List.of();
        }
        chosen.clear();
        chosen.putAll(ProjectImport.guessMapping(fields));
        rebuildMapping();
    }

    private void validate() {
        String n = name.getText().trim();
        String error = n.isEmpty() ? t("import.name.empty")
                : existingNames.contains(n.toLowerCase(Locale.ROOT)) ? t("import.name.exists", n) : "";
        nameError.setText(error);
        ok.setDisable(!error.isEmpty());
    }

    private void startImport() {
        String layerName = name.getText().trim();
        LayerRole layerRole = role.getValue();
        Map<String, String> mapping = new HashMap<>();
        mappingBoxes.forEach((key, box) -> {
            if (box.getValue() != null && !box.getValue().equals(none)) mapping.put(key, box.getValue());
        });
        String sourceTable = hasTables ? table.getValue() : null;
        Integer epsg = CRS_CHOICES.get(Math.max(0, crs.getSelectionModel().getSelectedIndex()));
        String enc = shapefile ? ENCODINGS.get(Math.max(0, encoding.getSelectionModel().getSelectedIndex())) : null;
        dialog.close();
        if (sharedLoader != null) {
            // Once committed the layer is in the project for everyone: it is shown here even if Cancel came too late.
            inBackground(t("import.progress", file.getFileName()), progress -> {
                try {
                    return sharedLoader.load(file, sourceTable, layerName, layerRole, mapping, epsg, enc, progress);
                } catch (CancelledException e) {
                    Platform.runLater(() -> showMessage(Alert.AlertType.INFORMATION, t("import.cancelled.title"),
                            t("import.cancelled.shared", file.getFileName()), "importCancelled"));
                    throw e;
                }
            }, true, imported -> {
                onShared.accept(imported);
                showReport(imported.layer());
            });
            return;
        }
        inBackground(t("import.progress", file.getFileName()),
                progress -> loader.load(file, sourceTable, layerName, layerRole, mapping, epsg, enc, progress),
                false, layer -> {
                    onImported.accept(layer);
                    showReport(layer);
                });
    }

    private interface Work<T> {
        T call(ProgressListener progress) throws Exception;
    }

    /**
     * Runs work on a daemon thread behind a progress window. Cancel (button or closing the window)
     * cancels the task without interrupting it: an interrupt would close the reader's file channels
     * mid-read; the work sees {@link ProgressListener#isCancelled} instead and its result is dropped, unless
     * {@code committed}: then what the work returned has happened (stored for everyone) and is always delivered.
     */
    private <T> void inBackground(String message, Work<T> work, boolean committed, Consumer<T> onSuccess) {
        Stage[] progressWindowRef = new Stage[1];
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                T value = work.call(new ProgressListener() {
                    @Override public void progress(long done, long total) { updateProgress(done, total); }
                    @Override public boolean isCancelled() { return self.isCancelled(); }
                });
                if (committed) {
                    Platform.runLater(() -> {
                        progressWindowRef[0].close();
                        onSuccess.accept(value);
                    });
                }
                return value;
            }
        };
        ProgressBar bar = new ProgressBar();
        bar.setId("importProgressBar");
        bar.setPrefWidth(320);
        bar.progressProperty().bind(task.progressProperty());
        Button cancel = new Button(t("import.cancel"));
        cancel.setId("importProgressCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> task.cancel(false));
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().add(cancel);
        VBox root = new VBox(10, new Label(message), bar, buttons);
        root.setId("importProgress");
        root.setPadding(new Insets(14));
        Stage progressWindow = window(t("import.title"), root, true);
        progressWindowRef[0] = progressWindow;
        progressWindow.setOnCloseRequest(e -> task.cancel(false));

        task.setOnSucceeded(e -> {
            progressWindow.close();
            if (!committed) onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            progressWindow.close();
            showError(task.getException());
        });
        task.setOnCancelled(e -> progressWindow.close());
        Thread thread = new Thread(task, "ruimteschets-import");
        thread.setDaemon(true);
        thread.start();
        progressWindow.show();
    }

    private void showReport(Layer layer) {
        ImportReport r = layer.report();
        List<String> lines = new ArrayList<>();
        lines.add(t("import.report.imported", r.imported(), r.read(), r.source(), layer.name()));
        if (!r.sourceCrs().isEmpty()) lines.add(t("import.report.crs", r.sourceCrs()));
        if (!r.encoding().isEmpty()) lines.add(t("import.report.encoding", r.encoding()));
        lines.add(t("import.report.repaired", r.repaired()));
        if (r.repaired() > 0) {
            List<Long> ids = r.repairedIds();
            String listed = ids.stream().limit(LISTED_IDS).map(String::valueOf).collect(Collectors.joining(", "));
            if (r.repaired() > LISTED_IDS) listed = t("import.report.moreIds", listed, r.repaired() - LISTED_IDS);
            lines.add(t("import.report.repairedIds", listed));
        }
        lines.add(t("import.report.skipped", r.skippedNull(), r.skippedEmpty()));
        lines.add(t("import.report.zm", r.droppedZm()));
        if (sharedLoader != null) lines.add(t(layer.inDatabase() ? "import.report.shared.database" : "import.report.shared.memory"));
        if (!r.warnings().isEmpty()) {
            lines.add("");
            lines.add(t("import.report.warnings"));
            for (UserMessage w : r.warnings()) lines.add("• " + w.format(locale));
        }
        TextArea report = new TextArea(String.join("\n", lines));
        report.setId("importReportText");
        report.setEditable(false); // read-only but selectable: users copy the repaired ids
        report.setWrapText(true);
        report.setPrefRowCount(Math.min(14, lines.size() + 2));
        report.setPrefColumnCount(60);
        Button close = new Button(t("import.close"));
        close.setId("importReportClose");
        close.setDefaultButton(true);
        ButtonBar buttons = new ButtonBar();
        buttons.getButtons().add(close);
        VBox root = new VBox(10, report, buttons);
        root.setId("importReport");
        root.setPadding(new Insets(14));
        Stage stage = window(t("import.report.title", layer.name()), root, false);
        close.setOnAction(e -> stage.close());
        stage.show();
    }

    private void showError(Throwable e) {
        String message;
        if (e instanceof InputException ie) {
            message = ie.getMessage(locale);
        } else {
            // Not the file's content (disk, permissions) or a bug: a readable line for the user, the trace in the log.
            LOG.log(System.Logger.Level.WARNING, "import of " + file + " failed", e);
            message = t("import.error.io", file.getFileName(), e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
        showMessage(Alert.AlertType.ERROR, t("import.error.title"),
                sharedLoader != null && !storedAnyway(e) ? message + "\n\n" + t("import.error.shared") : message, "importError");
    }

    /** The shared import committed but the layer could not be read back: not "nothing imported". */
    private static boolean storedAnyway(Throwable e) {
        return e instanceof InputException ie && "pg.import.readback".equals(ie.userMessage().key());
    }

    private void showMessage(Alert.AlertType type, String title, String message, String id) {
        Alert alert = new Alert(type, message, new ButtonType(t("import.close"), ButtonBar.ButtonData.OK_DONE));
        if (owner != null) alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(id);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE); // long messages wrap instead of being cut
        alert.show();
    }

    private Stage window(String title, VBox root, boolean modal) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        if (modal) stage.initModality(owner != null ? Modality.WINDOW_MODAL : Modality.APPLICATION_MODAL);
        stage.setTitle(title);
        stage.setScene(new Scene(root));
        return stage;
    }

    private String t(String key, Object... args) {
        String pattern = text.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> toText) {
        return new StringConverter<>() {
            @Override public String toString(T value) { return value == null ? "" : toText.apply(value); }
            @Override public T fromString(String s) { throw new UnsupportedOperationException(); }
        };
    }
}
