package nl.ruimteschets.ui;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.HectareBalanceModel;
import nl.ruimteschets.analysis.IndicatorStates;
import nl.ruimteschets.analysis.IndicatorStates.State;
import nl.ruimteschets.analysis.NitrogenIndicators;
import nl.ruimteschets.analysis.NoiseIndicators;
import nl.ruimteschets.analysis.SafetyIndicators;
import nl.ruimteschets.analysis.ScenarioResult;

/**
 * The right-hand panel: every indicator of the selected candidate (noise, external safety, nitrogen,
 * net hectares) with units and a state (green / attention / conflict), the hectare balance of each
 * cluster, and a bar chart of the balance for 2030 and 2050. Hovering a figure shows the method, its
 * assumptions and the thresholds of its state; the states themselves come from {@link IndicatorStates}.
 * FX thread only.
 */
final class IndicatorPanel extends ScrollPane {

    private final ResourceBundle text;
    private final Locale locale;
    private final VBox content = new VBox(6);
    private final VBox candidateBox = new VBox(4);
    private final VBox clusterBox = new VBox(4);
    // Bars lie horizontally: cluster names stay whole and readable in a narrow panel.
    private final NumberAxis haAxis = new NumberAxis();
    private final CategoryAxis clusterAxis = new CategoryAxis();
    private final BarChart<Number, String> chart = new BarChart<>(haAxis, clusterAxis);

    IndicatorPanel(ResourceBundle text, Locale locale) {
        this.text = text;
        this.locale = locale;
        setId("indicatorPanel");
        setFitToWidth(true);
        setPrefWidth(330);
        content.setPadding(new Insets(8));
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(280);
        chart.setMinHeight(220);
        chart.setCategoryGap(6);
        chart.setBarGap(1);
        chart.setTitle(text.getString("ind.chart.title"));
        haAxis.setLabel(text.getString("unit.ha"));
        haAxis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override public String toString(Number n) { return count(Math.round(n.doubleValue())); }
            @Override public Number fromString(String s) { return null; }
        });
        Label cand = header(text.getString("ind.candidate"));
        Label clusters = header(text.getString("ind.clusters"));
        content.getChildren().addAll(cand, candidateBox, clusters, clusterBox, chart);
        setContent(content);
        showCandidate(null);
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 14px; -fx-padding: 6 0 2 0;");
        return l;
    }

    /** Shows the result; {@code selected} is the candidate id on screen (may be null). */
    void show(ScenarioResult r, String selected) {
        CandidateResult c = r == null || selected == null ? null
                : r.candidates().stream().filter(x -> x.candidate().id().equals(selected)).findFirst().orElse(null);
        showCandidate(c);
        showClusters(r == null ? List.of() : r.clusters());
    }

    private void showCandidate(CandidateResult r) {
        candidateBox.getChildren().clear();
        if (r == null) {
            Label none = new Label(text.getString("ind.noSelection"));
            none.setWrapText(true);
            candidateBox.getChildren().add(none);
            return;
        }
        Label name = new Label(r.candidate().name());
        name.setId("indCandidateName");
        name.setStyle("-fx-font-size: 13px; -fx-font-weight: bold;");
        candidateBox.getChildren().add(name);
        GridPane g = grid();
        // the names keep room for their words; the values take the rest
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(120);
        names.setPrefWidth(170); // as wide as a name may grow (its label's maximum)
        g.getColumnConstraints().setAll(new javafx.scene.layout.ColumnConstraints(), names);
        int row = 0;
        row = section(g, row, text.getString("ind.area"));
        row = line(g, row, "ind.grossHa", ha(r.candidate().grossAreaHa()), State.OK, "method.area");
        row = line(g, row, "ind.netHa", ha(r.netHa()), IndicatorStates.netArea(r.netHa(), r.candidate().grossAreaHa()),
                "method.netHa", "threshold.netHa");
        NoiseIndicators n = r.noise();
        if (n != null) {
            row = section(g, row, text.getString("ind.noise"));
            row = line(g, row, "ind.noise.contour", ha(n.governingHa()), State.OK, "method.noise");
            row = line(g, row, "ind.noise.growth", ha(n.zoneGrowthHa()), IndicatorStates.areaAttention(n.zoneGrowthHa()),
                    "method.noise", "threshold.noise.growth");
            row = line(g, row, "ind.noise.sensitive", count(n.sensitiveCount()) + " (" + ha(n.sensitiveHa()) + ")",
                    IndicatorStates.count(n.sensitiveCount(), State.CONFLICT), "method.noise", "threshold.noise.sensitive");
            row = line(g, row, "ind.noise.outside", ha(n.footprintOutsideZoneHa()),
                    IndicatorStates.areaAttention(n.footprintOutsideZoneHa()), "method.noise", "threshold.noise.outside");
        }
        SafetyIndicators s = r.safety();
        if (s != null) {
            row = section(g, row, text.getString("ind.safety"));
            row = line(g, row, "ind.safety.limit", count(s.limitConflicts().size()),
                    IndicatorStates.count(s.limitConflicts().size(), State.CONFLICT), "method.safety", "threshold.safety.limit");
            row = line(g, row, "ind.safety.weigh", count(s.weighCount()), IndicatorStates.count(s.weighCount(), State.ATTENTION),
                    "method.safety", "threshold.safety.weigh");
            row = line(g, row, "ind.safety.areas", count(s.brandCount()) + " / " + count(s.explosieCount()) + " / "
                    + count(s.gifwolkCount()), IndicatorStates.count(s.gifwolkCount() + s.explosieCount() + s.brandCount(),
                    State.ATTENTION), "method.safety", "threshold.safety.areas");
            row = line(g, row, "ind.safety.outside", ha(s.outsideVeiligheidscontourHa()),
                    IndicatorStates.areaAttention(s.outsideVeiligheidscontourHa()), "method.safety", "threshold.safety.outside");
        }
        NitrogenIndicators ni = r.nitrogen();
        if (ni != null) {
            row = section(g, row, text.getString("ind.nitrogen"));
            State deposition = IndicatorStates.nitrogenDeposition(ni);
            if (!ni.assessed()) { // in words, never "0 mol N"
                row = line(g, row, "ind.nitrogen.status", text.getString("nitrogen.status." + ni.status().name()),
                        deposition, "method.nitrogen", "threshold.nitrogen");
            } else {
                row = line(g, row, "ind.nitrogen.max", number(ni.maxDepositionMolHaYr(), 2) + " " + text.getString("unit.molHaYr"),
                        deposition, "method.nitrogen", "threshold.nitrogen");
                row = line(g, row, "ind.nitrogen.total", number(ni.totalDepositionMolYr(), 1) + " " + text.getString("unit.molYr"),
                        deposition, "method.nitrogen", "threshold.nitrogen");
                row = line(g, row, "ind.nitrogen.hexagons", count(ni.hexagonsAboveCut()) + " (" + ha(ni.haAboveCut()) + ")",
                        deposition, "method.nitrogen", "threshold.nitrogen");
                if (ni.kdwExceededHexagons() != null) {
                    row = line(g, row, "ind.nitrogen.kdw", ni.kdwState() == NitrogenIndicators.KdwState.NOT_ASSESSABLE
                            ? text.getString("nitrogen.kdw.notAssessable") : count(ni.kdwExceededHexagons()),
                            IndicatorStates.nitrogenKdw(ni), "method.nitrogen", "threshold.nitrogen");
                }
            }
            if (!ni.insensitiveAreas().isEmpty()) {
                row = line(g, row, "ind.nitrogen.insensitive", String.join(", ", ni.insensitiveAreas()), State.OK,
                        "method.nitrogen", "threshold.nitrogen");
            }
            row = line(g, row, "ind.nitrogen.overlap", ha(ni.overlapHa()), IndicatorStates.nitrogenOverlap(ni),
                    "method.nitrogen", "threshold.nitrogen.overlap");
            Label label = new Label(locale.getLanguage().equals("en") ? ni.labelEn() : ni.label());
            label.setStyle("-fx-font-style: italic; -fx-text-fill: #555;");
            label.setWrapText(true);
            g.add(label, 0, row++, 3, 1);
        }
        candidateBox.getChildren().add(g);
    }

    private void showClusters(List<ClusterBalance> balances) {
        clusterBox.getChildren().clear();
        GridPane g = grid();
        int row = 0;
        Label h1 = new Label(text.getString("ind.balance.2030"));
        Label h2 = new Label(text.getString("ind.balance.2050"));
        h1.setStyle("-fx-font-weight: bold;");
        h2.setStyle("-fx-font-weight: bold;");
        g.add(h1, 2, row);
        g.add(h2, 3, row++);
        XYChart.Series<Number, String> s2030 = new XYChart.Series<>();
        XYChart.Series<Number, String> s2050 = new XYChart.Series<>();
        s2030.setName("2030");
        s2050.setName("2050");
        for (ClusterBalance b : balances) {
            // The worse of 2030 and 2050: a cluster short in 2050 is not green because 2030 is covered.
            State st = IndicatorStates.cluster(b);
            Circle d = dot(st);
            d.setId("clusterState-" + b.cluster().replace(' ', '_'));
            g.add(d, 0, row);
            Label name = new Label(clusterName(b));
            name.setMinWidth(Region.USE_PREF_SIZE); // a cluster name is never broken mid-word
            Tooltip balanceTip = tip(String.format(text.getString("ind.balance.tip"), ha(b.demand2030Ha()), ha(b.demand2050Ha()),
                    ha(b.existingSupplyHa()), ha(b.candidateNetHa())) + "\n" + coverage("2030", b.coverage2030()) + "\n"
                    + coverage("2050", b.coverage2050()) + "\n\n" + text.getString("method.balance") + "\n\n" + threshold("threshold.balance"));
            Tooltip.install(name, balanceTip);
            g.add(name, 1, row);
            // Whole hectares keep both years readable in a laptop-width panel; the tooltip has the coverage.
            Label v30 = new Label(signed(b.balance2030Ha()));
            Label v50 = new Label(signed(b.balance2050Ha()));
            Tooltip.install(v30, balanceTip);
            Tooltip.install(v50, balanceTip);
            v30.setId("balance2030-" + b.cluster().replace(' ', '_'));
            v50.setId("balance2050-" + b.cluster().replace(' ', '_'));
            for (Label v : new Label[] {v30, v50}) {
                v.setMinWidth(Region.USE_PREF_SIZE);
                v.setMaxWidth(Double.MAX_VALUE);
                v.setAlignment(Pos.CENTER_RIGHT);
            }
            g.add(v30, 2, row);
            g.add(v50, 3, row++);
            s2030.getData().add(new XYChart.Data<>(b.balance2030Ha(), clusterName(b)));
            s2050.getData().add(new XYChart.Data<>(b.balance2050Ha(), clusterName(b)));
        }
        clusterBox.getChildren().add(g);
        // Top to bottom in the table's order (a category axis counts from the bottom).
        List<String> names = new java.util.ArrayList<>(balances.stream().map(this::clusterName).toList());
        java.util.Collections.reverse(names);
        clusterAxis.setCategories(javafx.collections.FXCollections.observableArrayList(names));
        chart.getData().setAll(List.of(s2030, s2050));
        chart.setPrefHeight(120 + 34 * balances.size()); // room for every cluster's two bars
    }

    /** The cluster's name; the national total in the user's language. */
    private String clusterName(ClusterBalance b) {
        return b.cluster().equals(HectareBalanceModel.NATIONAL) ? text.getString("ind.national") : b.cluster();
    }

    /** "2030: aanbod dekt 87 % van de vraag" (no line when there is no demand). */
    private String coverage(String year, double share) {
        return Double.isNaN(share) ? "" : String.format(text.getString("ind.balance.coverage"), year, number(share * 100, 0));
    }

    /** A threshold text with the engine's figures filled in. */
    private String threshold(String key) {
        return String.format(text.getString(key), number(IndicatorStates.NITROGEN_CUT_MOL_HA_YR, 3),
                number(IndicatorStates.COVERAGE_ATTENTION * 100, 0), number(IndicatorStates.NET_SHARE_ATTENTION * 100, 0),
                number(IndicatorStates.AREA_EPSILON_HA, 3));
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(3);
        return g;
    }

    private int section(GridPane g, int row, String title) {
        Label l = new Label(title);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 4 0 0 0;");
        g.add(l, 0, row, 3, 1);
        return row + 1;
    }

    private int line(GridPane g, int row, String key, String value, State state, String methodKey) {
        return line(g, row, key, value, state, methodKey, null);
    }

    /** One figure with its state; the hover text gives the method and, when given, the thresholds. */
    private int line(GridPane g, int row, String key, String value, State state, String methodKey, String thresholdKey) {
        Circle d = dot(state);
        Label name = new Label(text.getString(key));
        name.setWrapText(true);
        name.setMaxWidth(170);
        Label v = new Label(value);
        v.setId(key.replace('.', '-'));
        v.setAlignment(Pos.CENTER_RIGHT);
        // A long value (the Natura 2000 areas near Moerdijk) wraps in its own column; unwrapped it took
        // the width and broke the names beside it into one letter per line.
        v.setWrapText(true);
        v.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        GridPane.setHgrow(v, Priority.ALWAYS);
        Tooltip t = tip(text.getString(methodKey) + (thresholdKey == null ? "" : "\n\n" + threshold(thresholdKey)));
        v.setTooltip(t);
        Tooltip.install(name, t);
        g.add(d, 0, row);
        g.add(name, 1, row);
        g.add(v, 2, row);
        return row + 1;
    }

    private Circle dot(State s) {
        Circle c = new Circle(6);
        c.getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT));
        c.setStyle("-fx-fill: " + switch (s) {
            case OK -> "#2e7d32";
            case ATTENTION -> "#f9a825";
            case CONFLICT -> "#c62828";
        } + ";");
        Tooltip.install(c, new Tooltip(text.getString("state." + s.name())));
        return c;
    }

    private static Tooltip tip(String s) {
        Tooltip t = new Tooltip(s);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    private String ha(double v) { return number(v, 2) + " ha"; }


    /** A balance as a planner reads it: "+1.250 ha", "−308 ha" (a real minus sign). */
    private String signed(double ha) {
        long rounded = Math.round(ha);
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : "") + count(Math.abs(rounded)) + " ha";
    }

    private String count(long n) { return NumberFormat.getIntegerInstance(locale).format(n); }

    private String number(double v, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(v);
    }
}
