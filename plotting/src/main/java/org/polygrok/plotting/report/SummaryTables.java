package org.polygrok.plotting.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polygrok.plotting.figures.Labels;
import org.polygrok.plotting.results.ExperimentFolder;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/**
 * The summary tables of one experiment, one per backend, side by side. Without a swept setting (Q1, Q4):
 * metrics as rows, models as columns, as the seed report's Table 1. With one: a table per model, settings
 * (and α) as rows, metrics as columns. Best values bold; values beyond seed variation from another
 * backend's marked "≠": the verdict of summary.json's {@code comparisons} (the exact permutation test, the one
 * rule of docs/RESULTS.md), so a row without comparisons (one seed, one backend, older results) has no mark.
 */
final class SummaryTables {

    private static final List<String> ORDER = java.util.stream.Stream.concat(SummaryMetrics.METRICS.stream(),
            java.util.stream.Stream.of(SummaryMetrics.PARAM_NORM)).toList();

    private SummaryTables() {
    }

    static String of(ExperimentFolder e) {
        List<SummaryRow> rows = e.summary();
        if (rows.isEmpty()) {
            return "<p class=\"note\">No summary.json yet.</p>\n";
        }
        Set<String> backends = new LinkedHashSet<>(e.backends());
        boolean swept = rows.stream().anyMatch(r -> !r.point().isEmpty() || r.hasAlpha());
        StringBuilder b = new StringBuilder();
        if (!swept) {
            b.append("<div class=\"side-by-side\">\n");
            for (String backend : e.backends()) {
                List<SummaryRow> mine = rows.stream().filter(r -> r.backend().equals(backend)).toList();
                if (!mine.isEmpty()) {
                    b.append(metricsAsRows(backend, e.models(), mine, backends));
                }
            }
            b.append("</div>\n");
        } else {
            for (String model : e.models()) {
                b.append("<h4>").append(Html.esc(Labels.model(model))).append("</h4>\n<div class=\"side-by-side\">\n");
                for (String backend : e.backends()) {
                    List<SummaryRow> mine = rows.stream()
                            .filter(r -> r.backend().equals(backend) && r.model().equals(model)).toList();
                    if (!mine.isEmpty()) {
                        b.append(settingsAsRows(backend, e.spec().sweep(), mine, backends));
                    }
                }
                b.append("</div>\n");
            }
        }
        if (b.indexOf("class=\"differs\"") >= 0) {
            b.append("<p class=\"note\"><sup class=\"differs\">≠</sup> differs from another backend beyond seed "
                    + "variation: exact permutation test over seeds, p ≤ 0.05 (hover for the test; all pairs below).</p>\n");
        }
        return b.toString();
    }

    /** Seed report layout: a row per metric, a column per model. */
    private static String metricsAsRows(String backend, List<String> models, List<SummaryRow> rows,
            Set<String> backends) {
        List<SummaryRow> columns = new ArrayList<>();
        for (String m : models) {
            rows.stream().filter(r -> r.model().equals(m)).findFirst().ifPresent(columns::add);
        }
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table>\n<caption>backend ")
                .append(Html.esc(backend)).append("</caption>\n<tr><th class=\"key\">metric</th>");
        columns.forEach(c -> b.append("<th>").append(Html.esc(Labels.model(c.model()))).append("</th>"));
        b.append("</tr>\n");
        for (String metric : metricNames(rows)) {
            b.append("<tr><th class=\"key\">").append(Html.esc(SummaryMetrics.label(metric))).append("</th>");
            List<MeanStd> among = columns.stream().map(c -> c.metric(metric)).toList();
            columns.forEach(c -> b.append(cell(c, metric, among, backends)));
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }

    /** A row per setting (and α), a column per metric. */
    private static String settingsAsRows(String backend, List<String> sweep, List<SummaryRow> rows,
            Set<String> backends) {
        List<SummaryRow> sorted = rows.stream().sorted(Comparator.comparing((SummaryRow r) -> sortKey(r, sweep))
                .thenComparingDouble(SummaryRow::alpha)).toList();
        boolean alpha = sorted.stream().anyMatch(SummaryRow::hasAlpha);
        boolean params = sorted.stream().map(SummaryRow::numParams).distinct().count() > 1;
        List<String> metrics = metricNames(sorted);
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table>\n<caption>backend ")
                .append(Html.esc(backend)).append("</caption>\n<tr>");
        sweep.forEach(k -> b.append("<th>").append(Html.esc(Labels.setting(k))).append("</th>"));
        if (alpha) {
            b.append("<th>α</th>");
        }
        if (params) {
            b.append("<th>P</th>");
        }
        b.append("<th>seeds</th>");
        metrics.forEach(m -> b.append("<th>").append(Html.esc(SummaryMetrics.label(m))).append("</th>"));
        b.append("</tr>\n");
        for (SummaryRow r : sorted) {
            b.append("<tr>");
            sweep.forEach(k -> b.append("<td>").append(Html.esc(r.point().has(k) ? r.point().values().get(k) : "–"))
                    .append("</td>"));
            if (alpha) {
                b.append("<td>").append(r.hasAlpha() ? Html.esc(r.alpha()) : "–").append("</td>");
            }
            if (params) {
                b.append("<td>").append(String.format("%,d", r.numParams())).append("</td>");
            }
            b.append(seedsCell(r));
            for (String m : metrics) {
                b.append(cell(r, m, sameAlpha(sorted, r).stream().map(o -> o.metric(m)).toList(), backends));
            }
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }

    /** Rows compared for bold: those with the same α (each α is its own budget). */
    private static List<SummaryRow> sameAlpha(List<SummaryRow> rows, SummaryRow r) {
        return rows.stream().filter(o -> java.util.Objects.equals(o.alpha(), r.alpha())).toList();
    }

    private static String seedsCell(SummaryRow r) {
        String seeds = r.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (r.failed().isEmpty()) {
            return "<td>" + Html.esc(seeds) + "</td>";
        }
        return "<td class=\"failed\" title=\"failed: " + Html.esc(String.join(", ", r.failed())) + "\">"
                + Html.esc(seeds) + " (" + r.failed().size() + " failed)</td>";
    }

    private static String cell(SummaryRow r, String metric, List<MeanStd> among, Set<String> backends) {
        MeanStd s = r.metric(metric);
        String text = Html.esc(SummaryMetrics.cell(metric, s));
        if (SummaryMetrics.isBest(metric, s, among)) {
            text = "<b>" + text + "</b>";
        }
        String beyond = beyondSeedVariation(r, metric, backends);
        if (!beyond.isEmpty()) {
            return "<td class=\"differs\" title=\"" + Html.esc(beyond) + "\">" + text
                    + "<sup class=\"differs\">≠</sup></td>";
        }
        return "<td>" + text + "</td>";
    }

    /**
     * Why this cell is marked: each other backend whose seeds the permutation test puts beyond seed variation
     * from this row's, e.g. "tf: 1.50e-3 (gap -5.00e-4, p = 0.0286)"; "" when none is (or nothing was compared).
     */
    static String beyondSeedVariation(SummaryRow r, String metric, Set<String> backends) {
        return r.comparisons().stream()
                .filter(c -> c.beyond() && c.metric().equals(metric) && backends.contains(c.against())
                        && !c.against().equals(r.backend()))
                .map(c -> c.against() + ": " + SummaryMetrics.number(metric, c.otherMean()) + " (gap "
                        + (c.gap() > 0 ? "+" : "") + SummaryMetrics.significant(c.gap()) + ", p = "
                        + SummaryMetrics.significant(c.pValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    /** Known metrics in protocol order, then binary_/ternary_ ones in the same order, then any others. */
    static List<String> metricNames(List<SummaryRow> rows) {
        Set<String> present = new LinkedHashSet<>();
        rows.forEach(r -> present.addAll(r.metrics().keySet()));
        List<String> out = new ArrayList<>();
        for (String prefix : List.of("", "binary_", "ternary_")) {
            ORDER.stream().map(m -> prefix + m).filter(present::contains).forEach(out::add);
        }
        present.stream().filter(m -> !out.contains(m)).forEach(out::add);
        return out;
    }

    private static String sortKey(SummaryRow r, List<String> sweep) {
        Function<String, String> v = k -> r.point().has(k) && r.point().values().get(k) instanceof Number n
                ? String.format("%020.6f", n.doubleValue()) : String.valueOf(r.point().values().get(k));
        return sweep.stream().map(v).collect(Collectors.joining("|"));
    }
}
