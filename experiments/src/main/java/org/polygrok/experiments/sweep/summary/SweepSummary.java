package org.polygrok.experiments.sweep.summary;

import static org.polygrok.plotting.results.SummaryMetrics.METRICS;
import static org.polygrok.plotting.results.SummaryMetrics.ORDER_PREFIXES;
import static org.polygrok.plotting.results.SummaryMetrics.PARAM_NORM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.metrics.SeedAggregate;
import org.polygrok.experiments.metrics.TrialSummary;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.SummaryRow;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Builds an experiment's summary rows from its trial folders: one row per backend, model and setting
 * (per α too for Q6, over the evaluations at steps ≤ α·T), with the PROTOCOL §7 quantities as mean ±
 * population std over the seeds whose trials are DONE, and the others listed as failed.
 */
public final class SweepSummary {
    private SweepSummary() {
    }

    public static List<SummaryRow> rows(SweepPlan plan) {
        List<SummaryRow> rows = new ArrayList<>();
        List<Double> alphas = plan.plan().alphas().isEmpty() ? java.util.Collections.singletonList(null)
                : plan.plan().alphas();
        for (String backend : plan.request().backends()) {
            for (ModelKind model : plan.models()) {
                for (Map<String, Object> setting : plan.plan().settings()) {
                    List<SweepTrial> group = plan.trials().stream().filter(t -> t.config().backend().equals(backend)
                            && t.config().model().equals(model.label()) && t.setting().equals(setting))
                            .toList();
                    for (Double alpha : alphas) {
                        rows.add(row(plan, backend, model, setting, alpha, group));
                    }
                }
            }
        }
        return rows;
    }

    private static SummaryRow row(SweepPlan plan, String backend, ModelKind model, Map<String, Object> setting,
            Double alpha, List<SweepTrial> group) {
        List<Long> seeds = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<TrialSummary> summaries = new ArrayList<>();
        Long numParams = null;
        double tMax = alpha == null ? Double.POSITIVE_INFINITY : alpha * plan.horizon();
        for (SweepTrial t : group) {
            TrialStatus s = t.status().orElse(null);
            if (s == null || !s.isDone()) {
                String why = s != null && s.isFailed() ? "FAILED at step " + s.step() + ": " + s.reason()
                        : s == null ? "not started" : "not finished (resume the sweep)";
                failed.add("seed " + t.config().seed() + " (" + t.id() + "): " + why);
                continue;
            }
            List<MetricsRecord> records = t.directory().readMetrics();
            summaries.add(TrialSummary.of(records, tMax));
            seeds.add(t.config().seed());
            numParams = records.get(0).numParams();
        }
        Map<String, MeanStd> metrics = summaries.isEmpty() ? Map.of() : select(plan.request().experiment(),
                SeedAggregate.of(summaries));
        return new SummaryRow(backend, model.label(), setting, alpha, seeds, numParams, failed, metrics);
    }

    /** The RESULTS.md keys of this experiment, in order: the ten, then per order (Q4) or the norm (Q7). */
    private static Map<String, MeanStd> select(Experiment experiment, Map<String, MeanStd> all) {
        Map<String, MeanStd> out = new LinkedHashMap<>();
        for (String k : METRICS) {
            out.put(k, all.get(k));
        }
        if (experiment == Experiment.ORDERS) {
            for (String prefix : ORDER_PREFIXES) {
                for (String k : METRICS) {
                    if (all.containsKey(prefix + k)) {
                        out.put(prefix + k, all.get(prefix + k));
                    }
                }
            }
        }
        if (experiment == Experiment.REGULARIZATION) {
            out.put(PARAM_NORM, all.get("final_param_norm"));
        }
        return out;
    }
}
