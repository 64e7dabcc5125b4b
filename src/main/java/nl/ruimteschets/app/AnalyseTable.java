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
        out.append(new UserMessage("cli.table.scenario", scenario).format(locale)).append('\n');
        Table cands = new Table(locale, headers(locale, new UserMessage("cli.table.col.name"),
                new UserMessage("cli.table.col.kind"), new UserMessage("cli.table.col.cluster"),
                new UserMessage("cli.table.col.grossHa"), new UserMessage("cli.table.col.netHa"),
                new UserMessage("cli.table.col.zoneHa"), new UserMessage("cli.table.col.noiseSensitive"),
                new UserMessage("cli.table.col.prConflicts"), new UserMessage("cli.table.col.maxDeposition"),
                new UserMessage("cli.table.col.maxArea"), new UserMessage("cli.table.col.totalN"),
                new UserMessage("cli.table.col.screening")));
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
            out.append('\n').append(new UserMessage("cli.table.overlap").format(locale)).append('\n');
            List<String> headers = new ArrayList<>(headers(locale, new UserMessage("cli.table.col.name")));
            roles.forEach(role -> headers.add(roleName(role, locale)));
            Table ov = new Table(locale, headers);
            for (CandidateResult c : r.candidates()) {
                List<Object> row = new ArrayList<>(List.of(c.overlap().name()));
                roles.forEach(role -> row.add(c.overlap().overlapHa().getOrDefault(role, 0.0)));
                ov.row(row.toArray());
            }
            ov.appendTo(out);
        }

        out.append('\n').append(new UserMessage("cli.table.balance").format(locale)).append('\n');
        Table bal = new Table(locale, headers(locale, new UserMessage("cli.table.col.cluster"),
                new UserMessage("cli.table.col.demand2030"), new UserMessage("cli.table.col.demand2050"),
                new UserMessage("cli.table.col.supply"), new UserMessage("cli.table.col.candidatesNet"),
                new UserMessage("cli.table.col.balance2030"), new UserMessage("cli.table.col.balance2050")));
        for (ClusterBalance b : r.clusters()) {
            bal.row(b.cluster(), b.demand2030Ha(), b.demand2050Ha(), b.existingSupplyHa(), b.candidateNetHa(),
                    b.balance2030Ha(), b.balance2050Ha());
        }
        bal.appendTo(out);
        out.append(new UserMessage("cli.table.note").format(locale)).append("\n\n");
        return out.toString();
    }

    private static List<String> headers(Locale locale, UserMessage... names) {
        List<String> out = new ArrayList<>();
        for (UserMessage m : names) out.add(m.format(locale));
        return out;
    }

    /** A role's name as the app's layer panel shows it (ui bundle, role.NAME), e.g. "Natura 2000". */
    private static String roleName(LayerRole role, Locale locale) {
        try {
            return java.util.ResourceBundle.getBundle("nl.ruimteschets.ui", locale).getString("role." + role.name());
        } catch (java.util.MissingResourceException e) {
            return role.name();
        }
    }

    /** Columns sized to their widest cell; numbers right-aligned with two decimals, text left-aligned. */
    private static final class Table {
        private final List<String> headers = new ArrayList<>();
        private final List<String[]> rows = new ArrayList<>();
        private final List<boolean[]> numeric = new ArrayList<>();
        private final NumberFormat decimals;
        private final NumberFormat integers;

        Table(Locale locale, List<String> headers) {
            this.headers.addAll(headers);
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
