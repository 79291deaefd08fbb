package org.polygrok.experiments.sweep.summary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.metrics.MeanStd;

/**
 * One row of an experiment's {@code summary.json} (docs/RESULTS.md): a backend, model and setting
 * (and, for Q6, a budget fraction α), the seeds aggregated, the model's non-embedding parameter count,
 * the trials that failed and why, and each PROTOCOL §7 quantity as mean ± population std over seeds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"backend", "model", "setting", "alpha", "seeds", "num_params", "failed", "metrics"})
public record SummaryRow(String backend, String model, Map<String, Object> setting, Double alpha, List<Long> seeds,
        Long numParams, List<String> failed, Map<String, MeanStd> metrics) {

    public MeanStd metric(String key) {
        return metrics.get(key);
    }

    public boolean hasMetrics() {
        return !metrics.isEmpty();
    }
}
