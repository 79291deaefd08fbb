package org.polygrok.plotting.report;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polygrok.plotting.draw.NumberLabels;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryRow;

/**
 * Finds summary values that differ between backends by more than the seed-to-seed spread: for the same
 * model, setting, α and metric, |mean_a − mean_b| > max(std_a, std_b).
 */
final class BackendDiffs {

    private final Map<String, Map<String, MeanStd>> byKey = new HashMap<>();

    BackendDiffs(List<SummaryRow> rows) {
        for (SummaryRow r : rows) {
            r.metrics().forEach((metric, stat) -> byKey.computeIfAbsent(key(r, metric), k -> new LinkedHashMap<>())
                    .put(r.backend(), stat));
        }
    }

    /** Why this cell differs from another backend's, or empty when it agrees (or is alone). */
    Optional<String> differs(SummaryRow row, String metric) {
        MeanStd mine = row.metric(metric);
        if (!mine.known()) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder();
        for (Map.Entry<String, MeanStd> other : byKey.getOrDefault(key(row, metric), Map.of()).entrySet()) {
            MeanStd o = other.getValue();
            if (other.getKey().equals(row.backend()) || !o.known()) {
                continue;
            }
            double gap = Math.abs(mine.mean() - o.mean());
            double spread = Math.max(mine.stdOrZero(), o.stdOrZero());
            if (gap > spread) {
                why.append(why.length() == 0 ? "" : "; ").append(other.getKey()).append(": ")
                        .append(NumberLabels.significant(o.mean(), 4)).append(" (gap ").append(NumberLabels.significant(gap, 3))
                        .append(" > seed std ").append(NumberLabels.significant(spread, 3)).append(")");
            }
        }
        return why.length() == 0 ? Optional.empty() : Optional.of(why.toString());
    }

    private static String key(SummaryRow r, String metric) {
        return r.model() + "|" + r.point().key() + "|" + r.alpha() + "|" + metric;
    }
}
