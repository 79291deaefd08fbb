package org.polygrok.experiments.sweep.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/**
 * An experiment's {@code summary.md}, in the seed report's layout: without a sweep (sanity, orders)
 * the quantities are rows and the models columns (Table 1); with a sweep, one table per backend and
 * model (and per α for Q6) with the settings as rows. Best entries are bold. Then Q3's answer (d), a
 * side-by-side table when several backends ran, and the failed trials.
 */
final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    static String render(SweepPlan plan, List<SummaryRow> rows) {
        ExperimentRecord r = plan.record();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(r.experiment()).append(" (").append(r.question()).append("), ").append(r.scale())
                .append(" scale\n\n").append(r.notes()).append("\n\n");
        md.append("Mean ± population std over seeds ").append(join(plan.seeds()))
                .append(" (PROTOCOL §7): L = minimum loss and A = maximum accuracy over the evaluated steps, t_f = the "
                        + "first step reaching it, Δt = t_f(val) − t_f(train). Best entries in bold.\n");
        List<String> keys = keys(rows);
        for (String backend : r.backends()) {
            md.append("\n## Backend ").append(backend).append("\n");
            List<SummaryRow> mine = rows.stream().filter(x -> x.backend().equals(backend)).toList();
            if (plan.request().experiment().sweep().isEmpty()) {
                md.append('\n').append(modelsAsColumns(mine, keys, x -> SummaryMetrics.model(x.model())));
            } else {
                sweepTables(md, plan, mine, keys);
            }
        }
        if (plan.request().experiment() == Experiment.DATA_SCALING) {
            md.append("\n## Question (d)\n\n");
            ScalingAnswers.of(rows).forEach(line -> md.append("- ").append(line).append('\n'));
        }
        if (r.backends().size() > 1) {
            md.append("\n## Backends side by side\n\n").append(BackendComparison.render(plan, rows, keys));
        }
        List<String> failed = rows.stream().filter(x -> x.alpha() == null || x.alpha() == 1.0)
                .flatMap(x -> x.failed().stream().map(f -> x.backend() + " " + x.model() + " "
                        + (x.setting().isEmpty() ? "" : setting(x.setting()) + " ") + f))
                .toList();
        if (!failed.isEmpty()) {
            md.append("\n## Failed or unfinished trials\n\n");
            failed.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    /** Every metric key present in the rows, in the order of the first complete row. */
    static List<String> keys(List<SummaryRow> rows) {
        List<String> keys = new ArrayList<>(SummaryMetrics.METRICS);
        rows.stream().filter(SummaryRow::hasMetrics).findFirst()
                .ifPresent(x -> x.metrics().keySet().stream().filter(k -> !keys.contains(k)).forEach(keys::add));
        return keys;
    }

    /** Table 1: one row per quantity, one column per row of {@code columns}. */
    static String modelsAsColumns(List<SummaryRow> columns, List<String> keys,
            java.util.function.Function<SummaryRow, String> header) {
        List<List<String>> table = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(""));
        columns.forEach(c -> head.add(header.apply(c)));
        table.add(head);
        for (String key : keys) {
            List<String> line = new ArrayList<>(List.of(SummaryMetrics.label(key)));
            List<MeanStd> values = columns.stream().map(c -> c.metric(key)).toList();
            for (MeanStd v : values) {
                line.add(bold(SummaryMetrics.cell(key, v), SummaryMetrics.isBest(key, v, values)));
            }
            table.add(line);
        }
        return table(table);
    }

    private static void sweepTables(StringBuilder md, SweepPlan plan, List<SummaryRow> rows, List<String> keys) {
        List<String> sweep = plan.request().experiment().sweep();
        boolean showParams = plan.request().experiment() == Experiment.MODEL_SIZE;
        for (String model : plan.models().stream().map(m -> m.label()).toList()) {
            List<Double> alphas = rows.stream().map(SummaryRow::alpha).distinct().toList();
            for (Double alpha : alphas) {
                List<SummaryRow> block = rows.stream().filter(x -> x.model().equals(model)
                        && Objects.equals(x.alpha(), alpha)).toList();
                md.append("\n### ").append(SummaryMetrics.model(model));
                if (alpha != null) {
                    md.append(", α = ").append(SummaryMetrics.plain(alpha)).append(" (steps ≤ ")
                            .append((long) Math.floor(alpha * plan.horizon())).append(')');
                }
                md.append("\n\n");
                List<List<String>> table = new ArrayList<>();
                List<String> head = new ArrayList<>(sweep);
                if (showParams) {
                    head.add("P");
                }
                keys.forEach(k -> head.add(SummaryMetrics.label(k)));
                table.add(head);
                for (SummaryRow x : block) {
                    List<String> line = new ArrayList<>();
                    sweep.forEach(k -> line.add(SummaryMetrics.plain(x.setting().get(k))));
                    if (showParams) {
                        line.add(x.numParams() == null ? "–" : String.format("%,d", x.numParams()));
                    }
                    for (String k : keys) {
                        List<MeanStd> column = block.stream().map(b -> b.metric(k)).toList();
                        line.add(bold(SummaryMetrics.cell(k, x.metric(k)), SummaryMetrics.isBest(k, x.metric(k), column)));
                    }
                    table.add(line);
                }
                md.append(table(table));
            }
        }
    }

    private static String bold(String s, boolean on) {
        return on ? "**" + s + "**" : s;
    }

    /** A markdown table; the first line is the header. */
    static String table(List<List<String>> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append("| ").append(String.join(" | ", lines.get(i))).append(" |\n");
            if (i == 0) {
                sb.append("|").append("---|".repeat(lines.get(0).size())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String join(List<Long> seeds) {
        return seeds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** "r_train = 0.3", "layers = 2, dim = 64"; empty for no setting. */
    static String setting(Map<String, Object> setting) {
        return setting.entrySet().stream().map(e -> e.getKey() + " = " + SummaryMetrics.plain(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String settingOrNone(Map<String, Object> setting) {
        return setting.isEmpty() ? "default" : setting(setting);
    }
}
