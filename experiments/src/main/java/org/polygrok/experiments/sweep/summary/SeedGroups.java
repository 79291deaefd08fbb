package org.polygrok.experiments.sweep.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryRow;
import org.polygrok.experiments.metrics.TrialSummary;
import org.polygrok.experiments.stats.ReferenceResults;
import org.polygrok.experiments.stats.SeedGroup;
import org.polygrok.experiments.stats.SeedStatistics;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.ModelKind;

/**
 * A sweep's per-seed values for the {@link SeedStatistics}: one {@link SeedGroup} per summary row
 * (backend, model, setting, α) over its DONE trials; and the summary.json rows with each row's
 * {@code per_seed} values and {@code comparisons} added (and, for Q1, the {@code reference}'s published numbers).
 */
public final class SeedGroups {
    private SeedGroups() {
    }

    /** The statistics of {@code plan}'s finished trials; Q1 (sanity) is also compared with the reference. */
    public static SeedStatistics statistics(SweepPlan plan) {
        return SeedStatistics.of(of(plan), plan.request().experiment() == Experiment.SANITY);
    }

    /** A note for the section when the run is not the protocol's Q1 the reference ran, else "". */
    public static String caveat(SweepPlan plan) {
        if (plan.request().experiment() != Experiment.SANITY) {
            return "";
        }
        if (plan.request().scale() != Scale.FULL || !plan.request().changes().isEmpty()) {
            return "The reference ran the full protocol (T = 10001, PROTOCOL §11); this run's scale or --set changes "
                    + "differ from it, so gaps to the reference are expected here.";
        }
        return "The reference's seeds are 0 and 42; a seed also draws the data split (PROTOCOL §1.4).";
    }

    static List<SeedGroup> of(SweepPlan plan) {
        List<Double> alphas = plan.plan().alphas().isEmpty() ? Collections.singletonList(null) : plan.plan().alphas();
        List<SeedGroup> groups = new ArrayList<>();
        for (String backend : plan.request().backends()) {
            for (ModelKind model : plan.models()) {
                for (Map<String, Object> setting : plan.plan().settings()) {
                    List<SweepTrial> done = plan.trials().stream().filter(t -> t.config().backend().equals(backend)
                            && t.config().model().equals(model.label()) && t.setting().equals(setting)
                            && t.isDone()).toList();
                    List<List<org.polygrok.plotting.results.MetricsRecord>> records = done.stream()
                            .map(t -> t.directory().readMetrics()).toList();
                    for (Double alpha : alphas) {
                        double tMax = alpha == null ? Double.POSITIVE_INFINITY : alpha * plan.horizon();
                        Map<String, double[]> values = new LinkedHashMap<>();
                        List<Map<String, Number>> perSeed = records.stream()
                                .map(r -> TrialSummary.of(r, tMax).toMap()).toList();
                        for (String m : SeedStatistics.METRICS) {
                            values.put(m, perSeed.stream().mapToDouble(s -> s.get(m).doubleValue()).toArray());
                        }
                        groups.add(new SeedGroup(backend, model.label(), setting, alpha,
                                done.stream().map(t -> t.config().seed()).toList(), values));
                    }
                }
            }
        }
        return groups;
    }

    /**
     * The rows as summary.json writes them: each with its {@code per_seed} values and {@code comparisons}, and
     * the published {@code reference} numbers of its model where they are compared.
     */
    public static List<SummaryRow> annotate(List<SummaryRow> rows, SeedStatistics stats) {
        List<SummaryRow> out = new ArrayList<>();
        for (SummaryRow r : rows) {
            Map<String, Map<String, MeanStd>> reference = stats.withReference() && r.alpha() == null
                    ? ReferenceResults.published(r.model()) : null;
            out.add(stats.row(r.backend(), r.model(), r.setting(), r.alpha())
                    .map(row -> r.withSeedStatistics(perSeed(row.group()), row.comparisons(), reference)).orElse(r));
        }
        return out;
    }

    /** Each metric's values in seed order; none without a finished seed. */
    private static Map<String, List<Double>> perSeed(SeedGroup g) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        if (g.seeds().isEmpty()) {
            return out;
        }
        g.values().forEach((k, v) -> out.put(k, Arrays.stream(v).boxed().toList()));
        return out;
    }
}
