package org.polygrok.plotting.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/**
 * The report's "against seed variation" tables, from the {@code per_seed}, {@code comparisons} and
 * {@code reference} of summary.json's rows ({@link SummaryRow}): per model, setting and α, each backend's (and
 * the reference's) mean ± std, then every difference with its p-value, marked within or beyond seed variation
 * (an exact permutation test, docs/RESULTS.md), and the seeds per side that gap would need.
 */
final class SeedComparisonTables {

    private SeedComparisonTables() {
    }

    /** The tables of an experiment's summary rows, or "" when they compare nothing. */
    static String html(List<SummaryRow> rows) {
        Map<String, List<SummaryRow>> cells = new LinkedHashMap<>();
        for (SummaryRow r : rows) {
            if (!r.comparisons().isEmpty() || !r.perSeed().isEmpty()) {
                cells.computeIfAbsent(r.model() + "|" + r.point().key() + "|" + r.alpha(), k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder b = new StringBuilder();
        cells.values().stream().filter(c -> c.stream().anyMatch(r -> !r.comparisons().isEmpty()))
                .forEach(c -> cell(b, c));
        if (b.length() == 0) {
            return "";
        }
        return "<h3>Backends" + (rows.stream().anyMatch(r -> !r.reference().isEmpty()) ? " and the reference" : "")
                + " against seed variation</h3>\n<p class=\"note\">Exact two-sided permutation test of the difference "
                + "of means over seeds: <b>beyond</b> seed variation when p ≤ 0.05, else within; undecided† where "
                + "these seed counts cannot reach p ≤ 0.05 (fewer than 4 per side, or 5 against the reference's 2). "
                + "\"n seeds\": seeds per side that would tell this gap apart (α 0.05, power 0.8).</p>\n" + b;
    }

    private static void cell(StringBuilder b, List<SummaryRow> rows) {
        SummaryRow first = rows.get(0);
        StringBuilder title = new StringBuilder(SummaryMetrics.model(first.model()));
        first.setting().forEach((k, v) -> title.append(", ").append(k).append(" = ").append(SummaryMetrics.plain(v)));
        if (first.hasAlpha()) {
            title.append(", α = ").append(SummaryMetrics.plain(first.alpha()));
        }
        List<String> refs = new ArrayList<>(first.reference().keySet());
        b.append("<h4>").append(Html.esc(title)).append("</h4>\n<div class=\"side-by-side\">\n<div class=\"scroll\">")
                .append("<table>\n<caption>mean ± std over seeds</caption>\n<tr><th class=\"key\">metric</th>");
        rows.forEach(r -> b.append("<th>").append(Html.esc(r.backend() + " (" + r.seeds().size() + " seeds)"))
                .append("</th>"));
        refs.forEach(ref -> b.append("<th>").append(Html.esc(ref)).append("</th>"));
        b.append("</tr>\n");
        for (String m : SummaryMetrics.METRICS) {
            b.append("<tr><th class=\"key\">").append(Html.esc(m)).append("</th>");
            rows.forEach(r -> b.append("<td>").append(Html.esc(SummaryMetrics.significant(overSeeds(r.perSeed().get(m)))))
                    .append("</td>"));
            refs.forEach(ref -> b.append("<td>").append(Html.esc(SummaryMetrics.significant(first.reference().get(ref)
                    .get(m)))).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
        differences(b, rows, refs);
        b.append("</div>\n");
    }

    /** Each later backend against each earlier one, then each backend against each reference. */
    private static void differences(StringBuilder b, List<SummaryRow> rows, List<String> refs) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                pairs.add(new String[] {rows.get(j).backend(), rows.get(i).backend()});
            }
        }
        rows.forEach(r -> refs.forEach(ref -> pairs.add(new String[] {r.backend(), ref})));
        b.append("<div class=\"scroll\"><table>\n<caption>differences</caption>\n<tr><th class=\"key\">metric</th>");
        pairs.forEach(p -> b.append("<th>").append(Html.esc(p[0] + " − " + p[1])).append("</th>"));
        b.append("</tr>\n");
        for (String m : SummaryMetrics.METRICS) {
            b.append("<tr><th class=\"key\">").append(Html.esc(m)).append("</th>");
            for (String[] p : pairs) {
                Optional<SeedComparison> c = rows.stream().filter(r -> r.backend().equals(p[0])).findFirst()
                        .flatMap(r -> r.comparison(m, p[1]));
                b.append(c.map(SeedComparisonTables::difference).orElse("<td>–</td>"));
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    /** "+0.4, p = 0.0286: <b>beyond</b> (4 seeds)", highlighted when beyond (its words hold no markup). */
    private static String difference(SeedComparison c) {
        return (c.beyond() ? "<td class=\"differs\">" : "<td>") + c.describe(c.beyond() ? "<b>beyond</b>"
                : c.verdict().shown()) + "</td>";
    }

    private static MeanStd overSeeds(List<Double> values) {
        return values == null || values.isEmpty() ? null
                : MeanStd.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
