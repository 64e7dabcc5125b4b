package nl.ruimteschets.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.ruimteschets.analysis.AnalysisContext;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.ScenarioEngine;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.locationtech.jts.geom.Envelope;

/**
 * The figures of one or more scenarios as report rows: one row per candidate and one per cluster,
 * the same for the PDF and the CSV, in the user's language. The first scenario is the reference
 * of a comparison; the others get differences against it.
 */
public final class Report {
    /** A scenario and its computed indicators. */
    public record Computed(Scenario scenario, ScenarioResult result) { }

    final Project project;
    final String projectName;
    final List<Computed> scenarios;
    final Locale locale;
    final ResourceBundle text;
    /** The part of the map the planner had on screen, or null: then the maps show the candidates. */
    final Envelope view;

    private Report(Project project, String projectName, List<Computed> scenarios, Locale locale, Envelope view) {
        this.project = project;
        this.projectName = projectName;
        this.scenarios = List.copyOf(scenarios);
        this.locale = locale;
        this.text = ResourceBundle.getBundle("nl.ruimteschets.ui", locale);
        this.view = view == null ? null : new Envelope(view);
    }

    /** The same report with its maps showing {@code planView} (the view the planner had when reporting from the app). */
    public Report withView(Envelope planView) {
        return new Report(project, projectName, scenarios, locale, planView);
    }

    /** Computes every named scenario with the engine (on this thread) and gathers them. */
    public static Report of(Project p, String projectName, List<Scenario> scenarios, Locale locale) {
        return of(new AnalysisContext(p.layers()), p, projectName, scenarios, locale);
    }

    /** As {@link #of(Project, String, List, Locale)}, with a context already built for {@code p}'s layers (a window that reports again). */
    public static Report of(AnalysisContext context, Project p, String projectName, List<Scenario> scenarios, Locale locale) {
        ScenarioEngine engine = new ScenarioEngine(context, Runnable::run, r -> { });
        List<Computed> out = new ArrayList<>();
        long v = 1;
        for (Scenario s : scenarios) {
            ScenarioResult r = engine.compute(new ScenarioEngine.Snapshot(s.candidates(), p.profiles(),
                    List.copyOf(p.clusters().values())), v++);
            out.add(new Computed(s, r));
        }
        return new Report(p, projectName, out, locale, null);
    }

    public List<Computed> scenarios() { return scenarios; }

    /** Column headers of the candidate table. */
    List<String> candidateHeader() {
        return List.of(t("report.col.scenario"), t("prop.name"), t("prop.kind"), t("prop.cluster"), t("prop.profile"),
                t("ind.grossHa") + " (ha)", t("ind.netHa") + " (ha)", t("ind.noise.growth") + " (ha)",
                t("ind.noise.sensitive"), t("report.col.prConflicts"), t("ind.nitrogen.max") + " (mol/ha/jr)",
                t("ind.nitrogen.total") + " (mol N/jr)", t("ind.nitrogen.overlap") + " (ha)");
    }

    List<List<String>> candidateRows(Computed c) {
        List<List<String>> rows = new ArrayList<>();
        for (CandidateResult r : c.result().candidates()) {
            var cand = r.candidate();
            rows.add(List.of(c.scenario().name(), cand.name(), t("kind." + cand.kind().name()), cand.parentCluster(),
                    cand.profileName(), num(cand.grossAreaHa(), 2), num(r.netHa(), 2),
                    r.noise() == null ? "" : num(r.noise().zoneGrowthHa(), 1),
                    r.noise() == null ? "" : Integer.toString(r.noise().sensitiveCount()),
                    r.safety() == null ? "" : Integer.toString(r.safety().limitConflicts().size()),
                    r.nitrogen() == null ? "" : r.nitrogen().assessed() ? num(r.nitrogen().maxDepositionMolHaYr(), 3)
                            : t("nitrogen.status." + r.nitrogen().status().name()), // in words, not "0"
                    r.nitrogen() == null || !r.nitrogen().assessed() ? "" : num(r.nitrogen().totalDepositionMolYr(), 1),
                    r.nitrogen() == null ? "" : num(r.nitrogen().overlapHa(), 2)));
        }
        return rows;
    }

    List<String> clusterHeader() {
        return List.of(t("report.col.scenario"), t("prop.cluster"), t("report.col.demand2030"), t("report.col.demand2050"),
                t("report.col.supply"), t("report.col.candidatesNet"), t("report.col.balance2030"), t("report.col.balance2050"));
    }

    List<List<String>> clusterRows(Computed c) {
        List<List<String>> rows = new ArrayList<>();
        for (ClusterBalance b : c.result().clusters()) {
            rows.add(List.of(c.scenario().name(), b.cluster(), num(b.demand2030Ha(), 1), num(b.demand2050Ha(), 1),
                    num(b.existingSupplyHa(), 1), num(b.candidateNetHa(), 1), num(b.balance2030Ha(), 1), num(b.balance2050Ha(), 1)));
        }
        return rows;
    }

    /**
     * The indicators compared between scenarios: label key, unit, decimals, and which way is better
     * (+1: more is better, as net hectares and the balance; -1: less is better, as noise, risk and nitrogen).
     */
    private static final String[][] COMPARED = {
        {"report.col.netHa", "ha", "1", "+1"}, {"ind.noise.growth", "ha", "1", "-1"}, {"report.col.sensitive", "", "0", "-1"},
        {"report.col.prConflicts", "", "0", "-1"}, {"report.col.weigh", "", "0", "-1"}, {"report.col.molN", "mol N/jr", "1", "-1"},
        {"ind.nitrogen.hexagons", "", "0", "-1"}, {"ind.nitrogen.overlap", "ha", "2", "-1"},
        {"report.col.balanceNl2030", "ha", "1", "+1"}, {"report.col.balanceNl2050", "ha", "1", "+1"}};

    /** Whether a difference against the first scenario is an improvement, for colouring it. */
    public enum Verdict { BETTER, WORSE, SAME }

    /** Indicator, then per scenario its value and (from the second on) the difference with the first. */
    public List<String> comparisonHeader() {
        List<String> h = new ArrayList<>(List.of(t("report.col.indicator")));
        for (int i = 0; i < scenarios.size(); i++) {
            h.add(scenarios.get(i).scenario().name());
            if (i > 0) h.add("Δ " + scenarios.get(i).scenario().name());
        }
        return h;
    }

    /**
     * One row per indicator, scenario totals over all candidates (the balance: the national total),
     * with the difference against the first scenario: Δ ha, Δ dwellings/objects, Δ mol N and the rest.
     */
    public List<List<String>> comparisonRows() {
        List<double[]> totals = scenarios.stream().map(Report::totals).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < COMPARED.length; k++) {
            int d = Integer.parseInt(COMPARED[k][2]);
            List<String> row = new ArrayList<>(List.of(withUnit(t(COMPARED[k][0]), COMPARED[k][1])));
            for (int i = 0; i < totals.size(); i++) {
                row.add(num(totals.get(i)[k], d));
                if (i > 0) row.add(signed(totals.get(i)[k] - totals.get(0)[k], d));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Cells of the same shape as {@link #comparisonRows()}: for each Δ cell whether it is better or
     * worse than the first scenario (by the indicator's direction, at the shown decimals), null elsewhere.
     */
    public List<List<Verdict>> comparisonVerdicts() {
        List<double[]> totals = scenarios.stream().map(Report::totals).toList();
        List<List<Verdict>> out = new ArrayList<>();
        for (int k = 0; k < COMPARED.length; k++) {
            int d = Integer.parseInt(COMPARED[k][2]), better = Integer.parseInt(COMPARED[k][3].replace("+", ""));
            List<Verdict> row = new ArrayList<>();
            row.add(null);
            for (int i = 0; i < totals.size(); i++) {
                row.add(null);
                if (i == 0) continue;
                // Rounded as shown: a Δ that reads 0,0 is no change.
                double delta = Math.round((totals.get(i)[k] - totals.get(0)[k]) * Math.pow(10, d));
                row.add(delta == 0 ? Verdict.SAME : Math.signum(delta) == better ? Verdict.BETTER : Verdict.WORSE);
            }
            out.add(row);
        }
        return out;
    }

    /** "Netto uitgeefbaar (ha)": the unit once, also when the label already names it. */
    private static String withUnit(String label, String unit) {
        return unit.isEmpty() || label.endsWith("(" + unit + ")") ? label : label + " (" + unit + ")";
    }

    /** The workshop notes of a scenario as report rows: number and text. */
    List<List<String>> annotationRows(Computed c) {
        List<List<String>> rows = new ArrayList<>();
        for (Annotation a : c.scenario().annotations()) rows.add(List.of(Integer.toString(a.number()), a.text()));
        return rows;
    }

    /** The compared indicators of one scenario, in the order of {@link #COMPARED}. */
    static double[] totals(Computed c) {
        double[] t = new double[COMPARED.length];
        for (CandidateResult r : c.result().candidates()) {
            t[0] += r.netHa();
            if (r.noise() != null) {
                t[1] += r.noise().zoneGrowthHa();
                t[2] += r.noise().sensitiveCount();
            }
            if (r.safety() != null) {
                t[3] += r.safety().limitConflicts().size();
                t[4] += r.safety().weighCount();
            }
            if (r.nitrogen() != null) {
                t[5] += r.nitrogen().totalDepositionMolYr();
                t[6] += r.nitrogen().hexagonsAboveCut();
                t[7] += r.nitrogen().overlapHa();
            }
        }
        List<ClusterBalance> bs = c.result().clusters();
        if (!bs.isEmpty()) {
            t[8] = bs.get(bs.size() - 1).balance2030Ha();
            t[9] = bs.get(bs.size() - 1).balance2050Ha();
        }
        return t;
    }

    /** Writes all rows as CSV (UTF-8 with BOM so spreadsheet programs read the accents; ; as separator in Dutch). */
    public void writeCsv(Path file) throws IOException {
        char sep = locale.getLanguage().equals("nl") ? ';' : ',';
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            line(w, candidateHeader(), sep);
            for (Computed c : scenarios) for (List<String> r : candidateRows(c)) line(w, r, sep);
            w.write("\r\n");
            line(w, clusterHeader(), sep);
            for (Computed c : scenarios) for (List<String> r : clusterRows(c)) line(w, r, sep);
        }
    }

    private static void line(Writer w, List<String> cells, char sep) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(sep);
            String s = cells.get(i);
            boolean quote = s.indexOf(sep) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0;
            w.write(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
        }
        w.write("\r\n");
    }

    String t(String key) { return text.getString(key); }

    String num(double v, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        return f.format(v);
    }

    private String signed(double v, int decimals) {
        return (v > 0 ? "+" : "") + num(v, decimals);
    }
}
