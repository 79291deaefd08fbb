package org.polygrok.experiments.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryMetrics;

/**
 * The {@code summary.md} section of a {@link SeedStatistics}: per model, setting and α, each backend's
 * (and the reference's) mean ± std, then every difference with its p-value, marked within or beyond
 * seed variation, and the seeds per group that gap would need.
 */
public final class SeedStatisticsMarkdown {
    /** How the comparison is made, for the section's head (and docs/RESULTS.md). */
    public static final String METHOD = "Each difference is the gap of the means over seeds, tested by an exact "
            + "two-sided permutation test of the difference of means (every split of the pooled seeds into groups of "
            + "the same sizes; random splits beyond 200 000): *beyond* seed variation when p ≤ 0.05, else *within*. "
            + "The test assumes nothing but exchangeable seeds, so it holds for a handful of them — and it cannot "
            + "reach p ≤ 0.05 with fewer than 4 seeds per side (2 against 2 gives p ≥ 1/3), nor with fewer than 5 "
            + "against the reference's 2: such cells read *undecided†*. \"n seeds\" is how many seeds per side "
            + "(against the reference: of this backend, the reference's 2 fixed) would tell this gap apart (normal "
            + "approximation, α = 0.05, power 0.8, pooled per-seed variance; never fewer than the exact test needs).";

    private SeedStatisticsMarkdown() {
    }

    /** The section, or "" when nothing was compared; {@code caveat} (may be empty) follows the method. */
    public static String render(SeedStatistics stats, String caveat) {
        if (stats.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Backends").append(stats.withReference() ? " and the reference" : "")
                .append(" against seed variation\n\n").append(METHOD).append('\n');
        if (!caveat.isEmpty()) {
            md.append('\n').append(caveat).append('\n');
        }
        Map<String, List<SeedStatistics.Row>> cells = new LinkedHashMap<>();
        for (SeedStatistics.Row r : stats.rows()) {
            SeedGroup g = r.group();
            cells.computeIfAbsent(g.model() + "|" + g.setting() + "|" + g.alpha(), k -> new ArrayList<>()).add(r);
        }
        cells.values().forEach(rows -> cell(md, rows));
        return md.toString();
    }

    private static void cell(StringBuilder md, List<SeedStatistics.Row> rows) {
        if (rows.stream().allMatch(r -> r.comparisons().isEmpty())) {
            return;
        }
        SeedGroup first = rows.get(0).group();
        md.append("\n### ").append(SummaryMetrics.model(first.model()));
        first.setting().forEach((k, v) -> md.append(", ").append(k).append(" = ").append(SummaryMetrics.plain(v)));
        if (first.alpha() != null) {
            md.append(", α = ").append(SummaryMetrics.plain(first.alpha()));
        }
        md.append("\n\n");
        List<String> refs = rows.stream().flatMap(r -> r.comparisons().stream()).map(SeedComparison::against)
                .filter(a -> rows.stream().noneMatch(r -> r.group().backend().equals(a))).distinct().toList();
        List<List<String>> values = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(""));
        rows.forEach(r -> head.add(r.group().backend() + " (" + r.group().seeds().size() + " seeds)"));
        head.addAll(refs);
        values.add(head);
        List<List<String>> diffs = new ArrayList<>();
        List<String> diffHead = new ArrayList<>(List.of(""));
        List<String[]> pairs = pairs(rows, refs);
        pairs.forEach(p -> diffHead.add(p[0] + " − " + p[1]));
        diffs.add(diffHead);
        for (String m : SeedStatistics.METRICS) {
            List<String> line = new ArrayList<>(List.of(m));
            rows.forEach(r -> line.add(meanStd(r.group().values().get(m))));
            refs.forEach(ref -> line.add(ReferenceResults.find(first.model(), ref)
                    .map(s -> SummaryMetrics.significant(s.published().get(m))).orElse("–")));
            values.add(line);
            List<String> diffLine = new ArrayList<>(List.of(m));
            for (String[] p : pairs) {
                diffLine.add(rows.stream().filter(r -> r.group().backend().equals(p[0])).flatMap(r -> r.comparisons()
                        .stream()).filter(c -> c.metric().equals(m) && c.against().equals(p[1])).findFirst()
                        .map(SeedStatisticsMarkdown::difference).orElse("–"));
            }
            diffs.add(diffLine);
        }
        md.append(table(values)).append('\n').append(table(diffs));
    }

    /** Each later backend against each earlier one, then each backend against each reference. */
    private static List<String[]> pairs(List<SeedStatistics.Row> rows, List<String> refs) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                pairs.add(new String[] {rows.get(j).group().backend(), rows.get(i).group().backend()});
            }
        }
        rows.forEach(r -> refs.forEach(ref -> pairs.add(new String[] {r.group().backend(), ref})));
        return pairs;
    }

    /** "+2.1e-5, p = 0.34: within (12 seeds)"; beyond in bold; "undecided†" when no p ≤ 0.05 is possible. */
    public static String difference(SeedComparison c) {
        return c.describe(c.beyond() ? "**beyond**" : c.verdict().shown());
    }

    /** Mean ± std of per-seed values, three significant digits (one format: {@link SummaryMetrics#significant}). */
    static String meanStd(double[] v) {
        return v == null || v.length == 0 ? "–" : SummaryMetrics.significant(MeanStd.of(v));
    }

    private static String table(List<List<String>> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append("| ").append(lines.get(i).stream().map(s -> Objects.toString(s, "–"))
                    .collect(Collectors.joining(" | "))).append(" |\n");
            if (i == 0) {
                sb.append("|").append("---|".repeat(lines.get(0).size())).append('\n');
            }
        }
        return sb.toString();
    }
}
