package org.polygrok.experiments.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.plotting.results.MetricsRecord;

/**
 * A trial's PROTOCOL §7 metrics ({@code summary.json}): extrema and t_f over all evaluations — or
 * only those at steps ≤ T_max (Q6) — plus the per-order extrema when orders mix, the last ‖θ‖₂ and
 * the last step taken into account.
 */
public record TrialSummary(Extrema overall, Extrema binary, Extrema ternary, double finalParamNorm, long steps) {

    /** Over every record. */
    public static TrialSummary of(List<MetricsRecord> records) {
        return of(records, Double.POSITIVE_INFINITY);
    }

    /** Over the records with step ≤ {@code tMax} (e.g. α·T = 2000.1 keeps steps ≤ 2000). */
    public static TrialSummary of(List<MetricsRecord> records, double tMax) {
        List<MetricsRecord> kept = records.stream().filter(r -> r.step() <= tMax).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no evaluation at a step <= " + tMax);
        }
        Extrema overall = Extrema.of(kept, MetricsRecord::trainLoss, MetricsRecord::valLoss,
                MetricsRecord::trainAccuracy, MetricsRecord::valAccuracy);
        if (overall == null) {
            throw new IllegalArgumentException("every logged loss is NaN");
        }
        Extrema binary = Extrema.of(kept, MetricsRecord::trainBinaryLoss, MetricsRecord::valBinaryLoss,
                MetricsRecord::trainBinaryAccuracy, MetricsRecord::valBinaryAccuracy);
        Extrema ternary = Extrema.of(kept, MetricsRecord::trainTernaryLoss, MetricsRecord::valTernaryLoss,
                MetricsRecord::trainTernaryAccuracy, MetricsRecord::valTernaryAccuracy);
        MetricsRecord last = kept.get(kept.size() - 1);
        return new TrialSummary(overall, binary, ternary, last.paramNorm(), last.step());
    }

    /** The keys of docs/RESULTS.md, with {@code binary_*} and {@code ternary_*} when orders mix. */
    public Map<String, Number> toMap() {
        Map<String, Number> m = new LinkedHashMap<>(overall.toMap(""));
        if (binary != null) {
            m.putAll(binary.toMap("binary_"));
        }
        if (ternary != null) {
            m.putAll(ternary.toMap("ternary_"));
        }
        m.put("final_param_norm", finalParamNorm);
        m.put("steps", steps);
        return m;
    }
}
