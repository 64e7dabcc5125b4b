package nl.ruimteschets.app;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ruimteschets.analysis.CandidateResult;
import nl.ruimteschets.analysis.ClusterBalance;
import nl.ruimteschets.analysis.ScenarioResult;
import nl.ruimteschets.io.CandidateIndicators;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.UserMessage;

/**
 * The text output of {@code analyse}: per scenario an aligned table of the candidates' indicators, one
 * of their overlap with each role, and the hectare balance per cluster, with headers and numbers in
 * the user's language (Dutch by default: 1.234,56). Stateless and thread-safe.
 */
final class AnalyseTable {
    private AnalyseTable() { }

    static String text(String scenario, ScenarioResult r, Locale locale) {
        StringBuilder out = new StringBuilder();
        out.append(t("cli.table.scenario", locale, scenario)).append('\n');
        Table cands = new Table(locale, "name", "kind", "cluster", "grossHa", "netHa", "zoneHa", "noiseSensitive",
                "prConflicts", "maxDeposition", "maxArea", "totalN", "screening");
        for (CandidateResult c : r.candidates()) {
            cands.row(c.overlap().name(), CandidateIndicators.kindText(c.candidate().kind(), locale), c.overlap().cluster(),
                    c.overlap().grossHa(), c.netHa(),
                    c.noise() == null ? null : c.noise().zoneGrowthHa(),
                    c.noise() == null ? null : (Object) (long) c.noise().sensitiveCount(),
                    c.safety() == null ? null : (Object) (long) c.safety().limitConflicts().size(),
                    c.nitrogen() == null ? null : c.nitrogen().maxDepositionMolHaYr(),
                    c.nitrogen() == null ? null : c.nitrogen().maxArea(),
                    c.nitrogen() == null ? null : c.nitrogen().totalDepositionMolYr(),
                    CandidateIndicators.stateText(CandidateIndicators.state(c), locale));
        }
        cands.appendTo(out);

        List<LayerRole> roles = new ArrayList<>();
        for (LayerRole role : LayerRole.values()) {
            if (r.candidates().stream().anyMatch(c -> c.overlap().overlapHa().getOrDefault(role, 0.0) > 0)) roles.add(role);
        }
        if (!roles.isEmpty()) {
            out.append('\n').append(t("cli.table.overlap", locale)).append('\n');
            List<String> headers = new ArrayList<>(List.of("name"));
            roles.forEach(role -> headers.add("role." + role.name()));
            Table ov = new Table(locale, headers.toArray(new String[0]));
            for (CandidateResult c : r.candidates()) {
                List<Object> row = new ArrayList<>(List.of(c.overlap().name()));
                roles.forEach(role -> row.add(c.overlap().overlapHa().getOrDefault(role, 0.0)));
                ov.row(row.toArray());
            }
            ov.appendTo(out);
        }

        out.append('\n').append(t("cli.table.balance", locale)).append('\n');
        Table bal = new Table(locale, "cluster", "demand2030", "demand2050", "supply", "candidatesNet", "balance2030",
                "balance2050");
        for (ClusterBalance b : r.clusters()) {
            bal.row(b.cluster(), b.demand2030Ha(), b.demand2050Ha(), b.existingSupplyHa(), b.candidateNetHa(),
                    b.balance2030Ha(), b.balance2050Ha());
        }
        bal.appendTo(out);
        out.append(t("cli.table.note", locale)).append("\n\n");
        return out.toString();
    }

    private static String t(String key, Locale locale, Object... args) {
        return new UserMessage(key, args).format(locale);
    }

    /** A role's name as the app's layer panel shows it (ui bundle), e.g. "Natura 2000". */
    private static String roleName(String key, Locale locale) {
        try {
            return java.util.ResourceBundle.getBundle("nl.ruimteschets.ui", locale).getString(key);
        } catch (java.util.MissingResourceException e) {
            return key.substring("role.".length());
        }
    }

    /** Columns sized to their widest cell; numbers right-aligned with two decimals, text left-aligned. */
    private static final class Table {
        private final List<String> headers = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();
        private final List<boolean[]> numeric = new ArrayList<>();
        private final NumberFormat decimals;
        private final NumberFormat integers;

        Table(Locale locale, String... headerKeys) {
            for (String k : headerKeys) headers.add(k.startsWith("role.") ? roleName(k, locale) : t("cli.table.col." + k, locale));
            decimals = NumberFormat.getNumberInstance(locale);
            decimals.setMinimumFractionDigits(2);
            decimals.setMaximumFractionDigits(2);
            integers = NumberFormat.getIntegerInstance(locale);
        }

        void row(Object... values) {
            String[] cells = new String[values.length];
            boolean[] nums = new boolean[values.length];
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                nums[i] = v instanceof Number;
                cells[i] = v == null ? "–" : v instanceof Double d ? decimals.format(d)
                        : v instanceof Number n ? integers.format(n) : String.valueOf(v);
            }
            rows.add(cells);
            numeric.add(nums);
        }

        void appendTo(StringBuilder out) {
            int[] width = new int[headers.size()];
            for (int i = 0; i < width.length; i++) width[i] = headers.get(i).length();
            for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
            boolean[] rightAligned = new boolean[width.length];
            for (boolean[] n : numeric) for (int i = 0; i < n.length; i++) rightAligned[i] |= n[i];
            line(out, headers.toArray(new String[0]), width, rightAligned);
            StringBuilder rule = new StringBuilder("  ");
            for (int i = 0; i < width.length; i++) rule.append("-".repeat(width[i])).append(i + 1 < width.length ? "  " : "");
            out.append(rule).append('\n');
            for (String[] r : rows) line(out, r, width, rightAligned);
        }

        private static void line(StringBuilder out, String[] cells, int[] width, boolean[] right) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < cells.length; i++) {
                String pad = " ".repeat(width[i] - cells[i].length());
                l.append(right[i] ? pad + cells[i] : cells[i] + pad);
                if (i + 1 < cells.length) l.append("  ");
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
    }
}
