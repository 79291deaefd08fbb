package org.polygrok.experiments.sweep.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.polygrok.experiments.stats.SeedStatistics;
import org.polygrok.experiments.stats.SeedStatisticsMarkdown;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.plotting.results.AtomicFiles;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/** Writes an experiment's {@code summary.json}, {@code summary.csv} and {@code summary.md}, each atomically. */
public final class SummaryFiles {
    public static final String JSON = SummaryRow.FILE;
    public static final String CSV = "summary.csv";
    public static final String MARKDOWN = "summary.md";

    private SummaryFiles() {
    }

    /** Builds the rows from the trial folders, writes the three files and returns the markdown. */
    public static String write(SweepPlan plan) {
        Path dir = plan.dir();
        SeedStatistics statistics = SeedGroups.statistics(plan);
        List<SummaryRow> rows = SeedGroups.annotate(SweepSummary.rows(plan), statistics);
        SummaryRow.writeAll(dir, rows);
        String md = SummaryMarkdown.render(plan, rows)
                + SeedStatisticsMarkdown.render(statistics, SeedGroups.caveat(plan));
        try {
            AtomicFiles.write(dir.resolve(CSV), csv(plan, rows).getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(dir.resolve(MARKDOWN), md.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary in " + dir + ": " + e.getMessage(), e);
        }
        return md;
    }

    /** One line per row: backend, model, the swept keys, alpha, seeds, num_params, failed, then mean and std of each quantity. */
    static String csv(SweepPlan plan, List<SummaryRow> rows) {
        List<String> sweep = plan.request().experiment().sweep();
        List<String> keys = SummaryMarkdown.keys(rows);
        List<String> head = new ArrayList<>(List.of("backend", "model"));
        head.addAll(sweep);
        head.addAll(List.of("alpha", "seeds", "num_params", "failed"));
        keys.forEach(k -> head.addAll(List.of(k + "_mean", k + "_std")));
        StringBuilder sb = new StringBuilder(String.join(",", head)).append('\n');
        for (SummaryRow r : rows) {
            List<String> line = new ArrayList<>(List.of(r.backend(), r.model()));
            sweep.forEach(k -> line.add(SummaryMetrics.plain(r.setting().get(k))));
            line.add(r.alpha() == null ? "" : SummaryMetrics.plain(r.alpha()));
            line.add(r.seeds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            line.add(r.numParams() == null ? "" : r.numParams().toString());
            line.add(quote(String.join(" | ", r.failed())));
            for (String k : keys) {
                MeanStd v = r.metric(k);
                line.add(!v.known() ? "" : number(v.mean()));
                line.add(!v.known() ? "" : number(v.std()));
            }
            sb.append(String.join(",", line)).append('\n');
        }
        return sb.toString();
    }

    private static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%.0f", x) : Double.toString(x);
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
