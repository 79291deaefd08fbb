package org.polygrok.plotting.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of an experiment's {@code summary.json}: the PROTOCOL §7 metrics of one (backend, model,
 * setting[, alpha]) as mean ± std over seeds. {@code alpha} is NaN except in the compute experiment;
 * {@code numParams} is 0 when unknown.
 */
public record SummaryRow(String backend, String model, Setting setting, double alpha, List<Long> seeds,
                         long numParams, List<String> failed, Map<String, Stat> metrics) {

    public SummaryRow {
        seeds = List.copyOf(seeds);
        failed = List.copyOf(failed);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public boolean hasAlpha() {
        return !Double.isNaN(alpha);
    }

    /** The metric, {@link Stat#UNKNOWN} when the row does not carry it. */
    public Stat metric(String name) {
        return metrics.getOrDefault(name, Stat.UNKNOWN);
    }
}
