package org.polygrok.experiments.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.MetricsRecord;

/**
 * PROTOCOL §7 across seeds: each summary quantity's mean and population std. For Δt the mean is the
 * difference of the t_f means and the std is the population std of the per-seed differences — which
 * is what aggregating each seed's own Δt gives, since the mean is linear.
 */
public final class SeedAggregate {
    private SeedAggregate() {
    }

    /** Every key the summaries share (except "steps"), in the first summary's order. */
    public static Map<String, MeanStd> of(List<TrialSummary> perSeed) {
        if (perSeed.isEmpty()) {
            throw new IllegalArgumentException("no trial to aggregate");
        }
        List<Map<String, Number>> maps = perSeed.stream().map(TrialSummary::toMap).toList();
        Map<String, MeanStd> out = new LinkedHashMap<>();
        for (String key : maps.get(0).keySet()) {
            if (key.equals("steps") || !maps.stream().allMatch(m -> m.containsKey(key))) {
                continue;
            }
            out.put(key, MeanStd.of(maps.stream().mapToDouble(m -> m.get(key).doubleValue()).toArray()));
        }
        return out;
    }

    /** The same over evaluations at steps ≤ {@code tMax} only (Q6's α·T). */
    public static Map<String, MeanStd> ofRestricted(List<List<MetricsRecord>> perSeedRecords, double tMax) {
        return of(perSeedRecords.stream().map(r -> TrialSummary.of(r, tMax)).toList());
    }
}
