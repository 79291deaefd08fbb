package org.polygrok.plotting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PROTOCOL §7 for the synthetic fixture: extrema, first steps reaching them, gaps; mean and population std. */
final class SummaryMath {

    private SummaryMath() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> row(Map<String, Object> group, Double alpha, int t,
                                   Map<String, List<Map<String, Object>>> metrics,
                                   Map<String, Map<String, Object>> statuses) {
        double tMax = alpha == null ? Double.POSITIVE_INFINITY : alpha * t;
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String id : (List<String>) group.get("ids")) {
            ("FAILED".equals(statuses.get(id).get("status")) ? failed : done).add(id);
        }
        Map<String, List<Double>> perSeed = new LinkedHashMap<>();
        for (String id : done) {
            List<Map<String, Object>> rows = metrics.get(id).stream()
                    .filter(r -> ((Number) r.get("step")).doubleValue() <= tMax).toList();
            for (String prefix : new String[] {"", "binary_", "ternary_"}) {
                if (!prefix.isEmpty() && !rows.get(0).containsKey("train_" + prefix + "loss")) {
                    continue;
                }
                for (String split : new String[] {"train", "val"}) {
                    double[] l = extremum(rows, split + "_" + prefix + "loss", true);
                    double[] a = extremum(rows, split + "_" + prefix + "accuracy", false);
                    put(perSeed, prefix + "L_" + split, l[0]);
                    put(perSeed, prefix + "A_" + split, a[0]);
                    put(perSeed, prefix + "t_f_L_" + split, l[1]);
                    put(perSeed, prefix + "t_f_A_" + split, a[1]);
                }
                int n = perSeed.get(prefix + "t_f_L_val").size() - 1;
                put(perSeed, prefix + "delta_t_L", perSeed.get(prefix + "t_f_L_val").get(n) - perSeed.get(prefix + "t_f_L_train").get(n));
                put(perSeed, prefix + "delta_t_A", perSeed.get(prefix + "t_f_A_val").get(n) - perSeed.get(prefix + "t_f_A_train").get(n));
            }
            if (((Map<String, Object>) group.get("setting")).containsKey("weight_decay")) {
                put(perSeed, "param_norm", ((Number) rows.get(rows.size() - 1).get("param_norm")).doubleValue());
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        perSeed.forEach((k, v) -> {
            double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double var = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / v.size();
            stats.put(k, Map.of("mean", mean, "std", Math.sqrt(var)));
        });
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("backend", group.get("backend"));
        row.put("model", group.get("model"));
        row.put("setting", group.get("setting"));
        row.put("alpha", alpha);
        row.put("seeds", SyntheticResults.SEEDS.subList(0, done.size()));
        row.put("num_params", group.get("params"));
        row.put("failed", failed);
        row.put("metrics", stats);
        return row;
    }

    /** {extremum, first step reaching it}. */
    private static double[] extremum(List<Map<String, Object>> rows, String column, boolean min) {
        double best = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        double at = Double.NaN;
        for (Map<String, Object> r : rows) {
            double v = ((Number) r.get(column)).doubleValue();
            if (min ? v < best : v > best) {
                best = v;
                at = ((Number) r.get("step")).doubleValue();
            }
        }
        return new double[] {best, at};
    }

    private static void put(Map<String, List<Double>> m, String k, double v) {
        m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
}
