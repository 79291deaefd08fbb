package org.polygrok.experiments.sweep.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/**
 * The same sweep on several backends, side by side: without a sweep, the quantities as rows and one
 * column per model and backend; with a sweep, per model, the settings as rows and L_val, A_val and
 * t_f(A_val) of each backend as columns.
 */
final class BackendComparison {
    private static final List<String> SWEEP_KEYS = List.of("L_val", "A_val", "t_f_A_val");

    private BackendComparison() {
    }

    static String render(SweepPlan plan, List<SummaryRow> rows, List<String> keys) {
        List<String> backends = plan.request().backends();
        List<String> models = plan.models().stream().map(m -> m.label()).toList();
        if (plan.request().experiment().sweep().isEmpty()) {
            List<SummaryRow> columns = new ArrayList<>();
            for (String model : models) {
                for (String backend : backends) {
                    rows.stream().filter(r -> r.model().equals(model) && r.backend().equals(backend))
                            .findFirst().ifPresent(columns::add);
                }
            }
            return SummaryMarkdown.modelsAsColumns(columns, keys,
                    r -> SummaryMetrics.model(r.model()) + " " + r.backend());
        }
        StringBuilder md = new StringBuilder();
        List<String> sweep = plan.request().experiment().sweep();
        for (String model : models) {
            md.append("### ").append(SummaryMetrics.model(model)).append("\n\n");
            List<List<String>> table = new ArrayList<>();
            List<String> head = new ArrayList<>(sweep);
            boolean alphas = rows.stream().anyMatch(r -> r.alpha() != null);
            if (alphas) {
                head.add("α");
            }
            for (String k : SWEEP_KEYS) {
                backends.forEach(b -> head.add(SummaryMetrics.label(k) + " " + b));
            }
            table.add(head);
            List<SummaryRow> first = rows.stream().filter(r -> r.model().equals(model)
                    && r.backend().equals(backends.get(0))).toList();
            for (SummaryRow point : first) {
                List<String> line = new ArrayList<>();
                sweep.forEach(k -> line.add(SummaryMetrics.plain(point.setting().get(k))));
                if (alphas) {
                    line.add(SummaryMetrics.plain(point.alpha()));
                }
                for (String k : SWEEP_KEYS) {
                    for (String b : backends) {
                        MeanStd v = rows.stream().filter(r -> r.model().equals(model) && r.backend().equals(b)
                                && r.setting().equals(point.setting()) && Objects.equals(r.alpha(), point.alpha()))
                                .findFirst().map(r -> r.metric(k)).orElse(null);
                        line.add(SummaryMetrics.cell(k, v));
                    }
                }
                table.add(line);
            }
            md.append(SummaryMarkdown.table(table)).append('\n');
        }
        return md.toString();
    }
}
