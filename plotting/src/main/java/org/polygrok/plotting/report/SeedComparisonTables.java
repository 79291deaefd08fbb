package org.polygrok.plotting.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryTree;

/**
 * The report's "against seed variation" tables, from the {@code per_seed}, {@code comparisons} and
 * {@code reference} entries of summary.json's rows: per model, setting and α, each backend's (and the
 * reference's) mean ± std, then every difference with its p-value, marked within or beyond seed variation
 * (an exact permutation test, docs/RESULTS.md), and the seeds per side that gap would need.
 */
public final class SeedComparisonTables {
    private static final List<String> METRICS = List.of("L_train", "L_val", "A_train", "A_val", "t_f_L_train",
            "t_f_L_val", "t_f_A_train", "t_f_A_val", "delta_t_L", "delta_t_A");

    private SeedComparisonTables() {
    }

    /** The tables of the experiment in {@code dir}, or "" when its summary.json compares nothing. */
    public static String html(Path dir) {
        JsonNode rows = SummaryTree.read(dir).orElse(null);
        if (rows == null || !rows.isArray()) {
            return "";
        }
        Map<String, List<JsonNode>> cells = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            if (r.path("comparisons").size() > 0 || r.has("per_seed")) {
                cells.computeIfAbsent(r.path("model").asText() + "|" + r.path("setting") + "|" + r.path("alpha"),
                        k -> new ArrayList<>()).add(r);
            }
        }
        StringBuilder b = new StringBuilder();
        cells.values().stream().filter(c -> c.stream().anyMatch(r -> r.path("comparisons").size() > 0))
                .forEach(c -> cell(b, c));
        if (b.length() == 0) {
            return "";
        }
        return "<h3>Backends" + (b.indexOf("reference") >= 0 ? " and the reference" : "")
                + " against seed variation</h3>\n<p class=\"note\">Exact two-sided permutation test of the difference "
                + "of means over seeds: <b>beyond</b> seed variation when p ≤ 0.05, else within; undecided† where "
                + "these seed counts cannot reach p ≤ 0.05 (fewer than 4 per side, or 5 against the reference's 2). "
                + "\"n seeds\": seeds per side that would tell this gap apart (α 0.05, power 0.8).</p>\n" + b;
    }

    private static void cell(StringBuilder b, List<JsonNode> rows) {
        JsonNode first = rows.get(0);
        StringBuilder title = new StringBuilder(first.path("model").asText().toUpperCase(Locale.ROOT));
        first.path("setting").fields().forEachRemaining(f -> title.append(", ").append(f.getKey()).append(" = ")
                .append(f.getValue().asText()));
        if (!first.path("alpha").isNull() && !first.path("alpha").isMissingNode()) {
            title.append(", α = ").append(first.path("alpha").asText());
        }
        Set<String> backends = new LinkedHashSet<>();
        rows.forEach(r -> backends.add(r.path("backend").asText()));
        Set<String> refs = new LinkedHashSet<>();
        first.path("reference").fieldNames().forEachRemaining(refs::add);
        b.append("<h4>").append(Html.esc(title)).append("</h4>\n<div class=\"side-by-side\">\n<div class=\"scroll\">")
                .append("<table>\n<caption>mean ± std over seeds</caption>\n<tr><th class=\"key\">metric</th>");
        rows.forEach(r -> b.append("<th>").append(Html.esc(r.path("backend").asText() + " ("
                + r.path("seeds").size() + " seeds)")).append("</th>"));
        refs.forEach(ref -> b.append("<th>").append(Html.esc(ref)).append("</th>"));
        b.append("</tr>\n");
        for (String m : METRICS) {
            b.append("<tr><th class=\"key\">").append(Html.esc(m)).append("</th>");
            rows.forEach(r -> b.append("<td>").append(Html.esc(meanStd(r.path("per_seed").path(m)))).append("</td>"));
            refs.forEach(ref -> {
                JsonNode v = first.path("reference").path(ref).path(m);
                String text = v.isMissingNode() ? "–" : number(v.path("mean").asDouble())
                        + (v.path("std").isNumber() && v.path("std").asDouble() != 0
                                ? " ± " + number(v.path("std").asDouble()) : "");
                b.append("<td>").append(Html.esc(text)).append("</td>");
            });
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
        differences(b, rows, new ArrayList<>(backends), new ArrayList<>(refs));
        b.append("</div>\n");
    }

    private static void differences(StringBuilder b, List<JsonNode> rows, List<String> backends, List<String> refs) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < backends.size(); i++) {
            for (int j = i + 1; j < backends.size(); j++) {
                pairs.add(new String[] {backends.get(j), backends.get(i)});
            }
        }
        backends.forEach(x -> refs.forEach(ref -> pairs.add(new String[] {x, ref})));
        b.append("<div class=\"scroll\"><table>\n<caption>differences</caption>\n<tr><th class=\"key\">metric</th>");
        pairs.forEach(p -> b.append("<th>").append(Html.esc(p[0] + " − " + p[1])).append("</th>"));
        b.append("</tr>\n");
        for (String m : METRICS) {
            b.append("<tr><th class=\"key\">").append(Html.esc(m)).append("</th>");
            for (String[] p : pairs) {
                JsonNode c = comparison(rows, p[0], p[1], m);
                if (c == null) {
                    b.append("<td>–</td>");
                    continue;
                }
                String verdict = c.path("verdict").asText();
                boolean beyond = verdict.equals("beyond");
                String needed = !c.path("seeds_needed").isNumber() ? "no gap"
                        : c.path("seeds_needed").asInt() == Integer.MAX_VALUE ? "no seed count"
                        : c.path("seeds_needed").asInt() + " seeds";
                double gap = c.path("gap").asDouble();
                b.append(beyond ? "<td class=\"differs\">" : "<td>").append(gap > 0 ? "+" : "")
                        .append(Html.esc(number(gap))).append(", p = ").append(Html.esc(number(c.path("p_value")
                        .asDouble()))).append(": ").append(beyond ? "<b>beyond</b>" : verdict.equals("undecided") ? "undecided†" : "within")
                        .append(" (").append(needed).append(")</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static JsonNode comparison(List<JsonNode> rows, String backend, String against, String metric) {
        for (JsonNode r : rows) {
            if (r.path("backend").asText().equals(backend)) {
                for (JsonNode c : r.path("comparisons")) {
                    if (c.path("against").asText().equals(against) && c.path("metric").asText().equals(metric)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    private static String meanStd(JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            return "–";
        }
        double mean = 0;
        for (JsonNode v : values) {
            mean += v.asDouble();
        }
        mean /= values.size();
        double var = 0;
        for (JsonNode v : values) {
            var += (v.asDouble() - mean) * (v.asDouble() - mean);
        }
        double std = Math.sqrt(var / values.size());
        return std == 0 ? number(mean) : number(mean) + " ± " + number(std);
    }

    /** Three significant digits, as every statistic (one format: {@link SummaryMetrics#significant}). */
    static String number(double x) {
        return SummaryMetrics.significant(x);
    }
}
