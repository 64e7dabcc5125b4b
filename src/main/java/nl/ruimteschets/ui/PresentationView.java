package nl.ruimteschets.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.HectareBalanceModel;
import nl.ruimteschets.analysis.IndicatorStates;
import nl.ruimteschets.analysis.ScenarioResult;

/**
 * The workshop view: the map with large indicator tiles beside it, readable from the back of a room
 * (figures 34 px, labels 18 px), big scenario buttons on top (keys 1–9), and a visible way back
 * (Esc). High-contrast colours for projectors. Editing chrome is hidden; the map keeps its tools, so a
 * facilitator can still sketch. FX thread only.
 */
final class PresentationView extends BorderPane {
    static final double FIGURE_PX = 34;

    private final ResourceBundle text;
    private final Locale locale;
    private final FlowPane scenarioButtons = new FlowPane(10, 10);
    private final VBox tiles = new VBox(12);
    private final Consumer<String> onScenario;
    private final Label feedback = new Label();
    private final javafx.animation.PauseTransition feedbackTimer = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
    /** The last figures shown, so they can be laid out again when the window's height changes. */
    private Runnable lastShow = () -> { };
    private boolean compact;

    PresentationView(ResourceBundle text, Locale locale, MapCanvas map, Runnable onExit, Consumer<String> onScenario) {
        this.text = text;
        this.locale = locale;
        this.onScenario = onScenario;
        setId("presentation");
        setStyle("-fx-background-color: #101418;");
        Button back = new Button(text.getString("present.exit"));
        back.setId("presentationExit");
        back.setStyle(buttonStyle(false));
        back.setOnAction(e -> onExit.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(16, scenarioButtons, spacer, back);
        top.setPadding(new Insets(12));
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);
        // Undo/redo feedback floats over the map's top edge for a few seconds.
        feedback.setId("presentationFeedback");
        feedback.setVisible(false);
        feedback.setMouseTransparent(true);
        feedback.setStyle("-fx-background-color: rgba(16,20,24,0.88); -fx-text-fill: #ffd600; -fx-font-size: 22px; "
                + "-fx-padding: 8 18 8 18; -fx-background-radius: 8;");
        feedbackTimer.setOnFinished(e -> feedback.setVisible(false));
        javafx.scene.layout.StackPane centre = new javafx.scene.layout.StackPane(map, feedback);
        javafx.scene.layout.StackPane.setAlignment(feedback, Pos.TOP_CENTER);
        javafx.scene.layout.StackPane.setMargin(feedback, new Insets(12));
        setCenter(centre);
        tiles.setPadding(new Insets(12));
        tiles.setPrefWidth(430);
        tiles.setMinWidth(380);
        setRight(tiles);
        // On a laptop-height screen the tiles get smaller, so the 2050 figure and the disclaimer stay in view.
        heightProperty().addListener((o, a, b) -> {
            boolean c = b.doubleValue() < 900;
            if (c != compact) {
                compact = c;
                lastShow.run();
            }
        });
    }

    /** The map in the workshop view (null when it has been given back). */
    MapCanvas map() {
        return getCenter() instanceof javafx.scene.layout.StackPane p && !p.getChildren().isEmpty()
                && p.getChildren().get(0) instanceof MapCanvas m ? m : null;
    }

    /** Gives the map back to the planner window. */
    void releaseMap() {
        if (getCenter() instanceof javafx.scene.layout.StackPane p) p.getChildren().removeIf(n -> n instanceof MapCanvas);
    }

    /** Shows briefly what was just undone or redone, so the room sees what changed. */
    void flash(String message) {
        feedback.setText(message);
        feedback.setVisible(true);
        feedbackTimer.playFromStart();
    }

    /** A facilitator's action beside the exit button (e.g. "Bewaar stand"), in the same big style. */
    void addAction(Button b) {
        b.setStyle(buttonStyle(false));
        HBox top = (HBox) getTop();
        top.getChildren().add(top.getChildren().size() - 1, b);
    }

    private static String buttonStyle(boolean selected) {
        return "-fx-font-size: 22px; -fx-padding: 8 18 8 18; -fx-background-radius: 8; "
                + (selected ? "-fx-background-color: #ffd600; -fx-text-fill: #101418; -fx-font-weight: bold;"
                        : "-fx-background-color: #2b333b; -fx-text-fill: white;");
    }

    /** Shows the scenarios as numbered buttons and the figures of the selected candidate and the clusters. */
    void show(List<String> scenarios, String current, ScenarioResult result, String selectedId) {
        lastShow = () -> show(scenarios, current, result, selectedId);
        scenarioButtons.getChildren().clear();
        for (int i = 0; i < scenarios.size(); i++) {
            String name = scenarios.get(i);
            Button b = new Button((i < 9 ? (i + 1) + "  " : "") + name);
            b.setId("presentScenario" + (i + 1));
            b.setStyle(buttonStyle(name.equals(current)));
            b.setOnAction(e -> onScenario.accept(name));
            b.setFocusTraversable(false);
            scenarioButtons.getChildren().add(b);
        }
        tiles.setSpacing(compact ? 6 : 12);
        tiles.getChildren().clear();
        if (result == null) return;
        CandidateResult c = selectedId == null ? null
                : result.candidates().stream().filter(r -> r.candidate().id().equals(selectedId)).findFirst().orElse(null);
        if (c != null) {
            tiles.getChildren().add(caption(c.candidate().name()));
            tiles.getChildren().add(tile(text.getString("ind.netHa"), ha(c.netHa()), "#4fc3f7"));
            if (c.noise() != null) tiles.getChildren().add(tile(text.getString("ind.noise.growth"), ha(c.noise().zoneGrowthHa()),
                    colour(IndicatorStates.areaAttention(c.noise().zoneGrowthHa()))));
            if (c.safety() != null) tiles.getChildren().add(tile(text.getString("ind.safety.limit"),
                    Integer.toString(c.safety().limitConflicts().size()),
                    colour(IndicatorStates.count(c.safety().limitConflicts().size(), IndicatorStates.State.CONFLICT))));
            if (c.nitrogen() != null) tiles.getChildren().add(tile(text.getString("ind.nitrogen.max"),
                    c.nitrogen().assessed() ? number(c.nitrogen().maxDepositionMolHaYr(), 2) + " " + text.getString("unit.molHaYr")
                            : text.getString("nitrogen.status." + c.nitrogen().status().name()), // in words, not "0"
                    colour(IndicatorStates.nitrogen(c.nitrogen()))));
        }
        List<ClusterBalance> bs = result.clusters();
        if (!bs.isEmpty()) {
            ClusterBalance nl = bs.get(bs.size() - 1);
            tiles.getChildren().add(caption(text.getString("present.balance") + " — "
                    + (nl.cluster().equals(HectareBalanceModel.NATIONAL) ? text.getString("ind.national") : nl.cluster())));
            tiles.getChildren().add(tile("2030", signedHa(nl.balance2030Ha()),
                    colour(IndicatorStates.balance(nl.balance2030Ha(), nl.coverage2030()))));
            tiles.getChildren().add(tile("2050", signedHa(nl.balance2050Ha()),
                    colour(IndicatorStates.balance(nl.balance2050Ha(), nl.coverage2050()))));
        }
        Label note = new Label(text.getString("report.footer"));
        note.setId("presentationNote");
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #b0bec5; -fx-font-size: " + (compact ? 13 : 16) + "px;");
        note.setMinHeight(Region.USE_PREF_SIZE);
        tiles.getChildren().add(note);
    }

    private Label caption(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: white; -fx-font-size: " + (compact ? 17 : 22) + "px; -fx-font-weight: bold;");
        return l;
    }

    private VBox tile(String label, String value, String colour) {
        Label v = new Label(value);
        v.getStyleClass().add("presentation-figure");
        v.setStyle("-fx-text-fill: " + colour + "; -fx-font-size: " + (int) (compact ? FIGURE_PX * 0.75 : FIGURE_PX)
                + "px; -fx-font-weight: bold;");
        Label l = new Label(label);
        l.setWrapText(true);
        l.setStyle("-fx-text-fill: #eceff1; -fx-font-size: " + (compact ? 14 : 18) + "px;");
        VBox box = new VBox(compact ? 0 : 2, v, l);
        box.setPadding(compact ? new Insets(5, 12, 5, 12) : new Insets(10, 14, 10, 14));
        box.setStyle("-fx-background-color: #1d252c; -fx-background-radius: 10; -fx-border-color: " + colour
                + "; -fx-border-width: 0 0 0 6; -fx-border-radius: 10;");
        return box;
    }

    /** Projector colours of the states: green, yellow, red. */
    private static String colour(IndicatorStates.State s) {
        return switch (s) {
            case OK -> "#69f0ae";
            case ATTENTION -> "#ffd600";
            case CONFLICT -> "#ff5252";
        };
    }

    private String ha(double v) { return number(v, 1) + " ha"; }

    /** "+930,1 ha" / "−467,9 ha" with a real minus sign, as in the planner's panel. */
    private String signedHa(double v) { return (v > 0 ? "+" : v < 0 ? "−" : "") + ha(Math.abs(v)); }

    private String number(double v, int d) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(d);
        f.setMaximumFractionDigits(d);
        return f.format(v);
    }
}
