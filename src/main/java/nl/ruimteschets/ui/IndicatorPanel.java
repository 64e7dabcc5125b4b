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
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.NitrogenIndicators;
import nl.ruimteschets.analysis.NoiseIndicators;
import nl.ruimteschets.analysis.SafetyIndicators;
import nl.ruimteschets.analysis.ScenarioResult;

/**
 * The right-hand panel: every indicator of the selected candidate (noise, external safety, nitrogen,
 * net hectares) with units and a state (green / attention / conflict), the hectare balance of each
 * cluster, and a bar chart of the balance for 2030 and 2050. Hovering a figure shows the method and
 * its assumptions. FX thread only.
 */
final class IndicatorPanel extends ScrollPane {
    enum State { OK, ATTENTION, CONFLICT }

    private final ResourceBundle text;
    private final Locale locale;
    private final VBox content = new VBox(6);
    private final VBox candidateBox = new VBox(4);
    private final VBox clusterBox = new VBox(4);
    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(xAxis, yAxis);

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
        chart.setMinHeight(260);
        chart.setTitle(text.getString("ind.chart.title"));
        yAxis.setLabel("ha");
        xAxis.setTickLabelRotation(-35);
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
        int row = 0;
        row = section(g, row, text.getString("ind.area"));
        row = line(g, row, "ind.grossHa", ha(r.candidate().grossAreaHa()), State.OK, "method.area");
        row = line(g, row, "ind.netHa", ha(r.netHa()), r.netHa() < r.candidate().grossAreaHa() * 0.5 ? State.ATTENTION : State.OK,
                "method.netHa");
        NoiseIndicators n = r.noise();
        if (n != null) {
            row = section(g, row, text.getString("ind.noise"));
            State growth = n.zoneGrowthHa() > 0.005 ? State.ATTENTION : State.OK;
            row = line(g, row, "ind.noise.contour", ha(n.governingHa()), State.OK, "method.noise");
            row = line(g, row, "ind.noise.growth", ha(n.zoneGrowthHa()), growth, "method.noise");
            row = line(g, row, "ind.noise.sensitive", count(n.sensitiveCount()) + " (" + ha(n.sensitiveHa()) + ")",
                    n.sensitiveCount() > 0 ? State.CONFLICT : State.OK, "method.noise");
            row = line(g, row, "ind.noise.outside", ha(n.footprintOutsideZoneHa()),
                    n.footprintOutsideZoneHa() > 0.005 ? State.ATTENTION : State.OK, "method.noise");
        }
        SafetyIndicators s = r.safety();
        if (s != null) {
            row = section(g, row, text.getString("ind.safety"));
            row = line(g, row, "ind.safety.limit", count(s.limitConflicts().size()),
                    s.limitConflicts().isEmpty() ? State.OK : State.CONFLICT, "method.safety");
            row = line(g, row, "ind.safety.weigh", count(s.weighCount()), s.weighCount() > 0 ? State.ATTENTION : State.OK,
                    "method.safety");
            row = line(g, row, "ind.safety.areas", count(s.brandCount()) + " / " + count(s.explosieCount()) + " / "
                    + count(s.gifwolkCount()), s.gifwolkCount() + s.explosieCount() + s.brandCount() > 0 ? State.ATTENTION : State.OK,
                    "method.safety");
            row = line(g, row, "ind.safety.outside", ha(s.outsideVeiligheidscontourHa()),
                    s.outsideVeiligheidscontourHa() > 0.005 ? State.ATTENTION : State.OK, "method.safety");
        }
        NitrogenIndicators ni = r.nitrogen();
        if (ni != null) {
            row = section(g, row, text.getString("ind.nitrogen"));
            row = line(g, row, "ind.nitrogen.max", number(ni.maxDepositionMolHaYr(), 3) + " mol/ha/jr",
                    ni.hexagonsAboveCut() > 0 ? State.ATTENTION : State.OK, "method.nitrogen");
            row = line(g, row, "ind.nitrogen.total", number(ni.totalDepositionMolYr(), 1) + " mol N/jr",
                    ni.hexagonsAboveCut() > 0 ? State.ATTENTION : State.OK, "method.nitrogen");
            row = line(g, row, "ind.nitrogen.hexagons", count(ni.hexagonsAboveCut()) + " (" + ha(ni.haAboveCut()) + ")",
                    ni.hexagonsAboveCut() > 0 ? State.ATTENTION : State.OK, "method.nitrogen");
            if (ni.kdwExceededHexagons() != null) {
                row = line(g, row, "ind.nitrogen.kdw", count(ni.kdwExceededHexagons()),
                        ni.kdwExceededHexagons() > 0 ? State.CONFLICT : State.OK, "method.nitrogen");
            }
            row = line(g, row, "ind.nitrogen.overlap", ha(ni.overlapHa()), ni.hardConflict() ? State.CONFLICT : State.OK,
                    "method.nitrogen");
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
        XYChart.Series<String, Number> s2030 = new XYChart.Series<>();
        XYChart.Series<String, Number> s2050 = new XYChart.Series<>();
        s2030.setName("2030");
        s2050.setName("2050");
        for (ClusterBalance b : balances) {
            State st = state(b.balance2030Ha(), b.coverage2030());
            g.add(dot(st), 0, row);
            Label name = new Label(b.cluster());
            name.setWrapText(true);
            name.setMaxWidth(150);
            Tooltip.install(name, tip(String.format(text.getString("ind.balance.tip"), ha(b.demand2030Ha()), ha(b.demand2050Ha()),
                    ha(b.existingSupplyHa()), ha(b.candidateNetHa())) + "\n\n" + text.getString("method.balance")));
            g.add(name, 1, row);
            // Whole hectares keep both years readable in a laptop-width panel; the tooltip has decimals.
            Label v30 = new Label(signed(b.balance2030Ha()) + pct(b.coverage2030()));
            Label v50 = new Label(signed(b.balance2050Ha()) + pct(b.coverage2050()));
            Tooltip.install(v30, tip(signedHa(b.balance2030Ha())));
            Tooltip.install(v50, tip(signedHa(b.balance2050Ha())));
            v30.setId("balance2030-" + b.cluster().replace(' ', '_'));
            g.add(v30, 2, row);
            g.add(v50, 3, row++);
            s2030.getData().add(new XYChart.Data<>(b.cluster(), b.balance2030Ha()));
            s2050.getData().add(new XYChart.Data<>(b.cluster(), b.balance2050Ha()));
        }
        clusterBox.getChildren().add(g);
        chart.getData().setAll(List.of(s2030, s2050));
    }

    private static State state(double balance, double coverage) {
        if (balance >= 0) return State.OK;
        return coverage >= 0.8 ? State.ATTENTION : State.CONFLICT;
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
        Circle d = dot(state);
        Label name = new Label(text.getString(key));
        name.setWrapText(true);
        name.setMaxWidth(170);
        Label v = new Label(value);
        v.setId(key.replace('.', '-'));
        v.setAlignment(Pos.CENTER_RIGHT);
        GridPane.setHgrow(v, Priority.ALWAYS);
        Tooltip t = tip(text.getString(methodKey));
        Tooltip.install(name, t);
        Tooltip.install(v, t);
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

    private String signedHa(double v) { return (v > 0 ? "+" : "") + ha(v); }

    private String pct(double share) {
        return Double.isNaN(share) ? "" : " (" + number(share * 100, 0) + "%)";
    }

    private String signed(double ha) { return (ha > 0 ? "+" : "") + number(ha, 0); }

    private String count(long n) { return NumberFormat.getIntegerInstance(locale).format(n); }

    private String number(double v, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(v);
    }
}
