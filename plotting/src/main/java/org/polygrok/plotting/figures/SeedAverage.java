package org.polygrok.plotting.figures;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.polygrok.plotting.draw.Curve;
import org.polygrok.plotting.results.MetricsTable;
import org.polygrok.plotting.results.Trial;

/** Mean and population std of one logged metric over seeds, at every evaluated step, x = step + 1. */
public final class SeedAverage {

    private SeedAverage() {
    }

    /** The curve of {@code column} averaged over the trials that logged it at each step. */
    public static Curve of(List<Trial> trials, String column) {
        TreeSet<Double> steps = new TreeSet<>();
        List<Map<Double, Double>> byTrial = trials.stream().map(t -> values(t.metrics(), column)).toList();
        byTrial.forEach(m -> steps.addAll(m.keySet()));
        double[] x = new double[steps.size()];
        double[] mean = new double[steps.size()];
        double[] std = new double[steps.size()];
        int i = 0;
        for (double step : steps) {
            double[] v = byTrial.stream().map(m -> m.get(step)).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).toArray();
            x[i] = step + 1; // so that step 0 fits a log axis (PROTOCOL §9)
            mean[i] = Arrays.stream(v).average().orElse(Double.NaN);
            final double m = mean[i];
            std[i] = Math.sqrt(Arrays.stream(v).map(e -> (e - m) * (e - m)).sum() / v.length);
            i++;
        }
        return new Curve(x, mean, std);
    }

    /** Whether any trial logged {@code column}. */
    public static boolean logged(List<Trial> trials, String column) {
        return trials.stream().anyMatch(t -> t.metrics().has(column));
    }

    private static Map<Double, Double> values(MetricsTable table, String column) {
        if (!table.has(column)) {
            return new HashMap<>();
        }
        double[] s = table.steps();
        double[] v = table.column(column);
        Map<Double, Double> out = new TreeMap<>();
        for (int i = 0; i < s.length; i++) {
            if (!Double.isNaN(v[i])) {
                out.put(s[i], v[i]); // a step logged twice keeps its last value
            }
        }
        return out;
    }
}
