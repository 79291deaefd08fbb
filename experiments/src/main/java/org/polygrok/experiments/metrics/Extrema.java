package org.polygrok.experiments.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.polygrok.plotting.results.MetricsRecord;

/**
 * PROTOCOL §7 for one series of evaluations: the minimum losses and maximum accuracies over the
 * evaluated steps, and t_f, the first step at which each is reached.
 */
public record Extrema(double lTrain, double lVal, double aTrain, double aVal, long tfLTrain, long tfLVal,
        long tfATrain, long tfAVal) {

    /** Δt(L) = t_f(L_val) − t_f(L_train). */
    public long deltaTL() {
        return tfLVal - tfLTrain;
    }

    /** Δt(A) = t_f(A_val) − t_f(A_train). */
    public long deltaTA() {
        return tfAVal - tfATrain;
    }

    /**
     * From records in step order, reading each quantity through a column getter (null values are skipped).
     *
     * @return null when no record has all four quantities
     */
    static Extrema of(List<MetricsRecord> records, Function<MetricsRecord, Double> trainLoss,
            Function<MetricsRecord, Double> valLoss, Function<MetricsRecord, Double> trainAcc,
            Function<MetricsRecord, Double> valAcc) {
        long[] lt = extremum(records, trainLoss, true);
        long[] lv = extremum(records, valLoss, true);
        long[] at = extremum(records, trainAcc, false);
        long[] av = extremum(records, valAcc, false);
        if (lt == null || lv == null || at == null || av == null) {
            return null;
        }
        return new Extrema(trainLoss.apply(records.get((int) lt[0])), valLoss.apply(records.get((int) lv[0])),
                trainAcc.apply(records.get((int) at[0])), valAcc.apply(records.get((int) av[0])),
                lt[1], lv[1], at[1], av[1]);
    }

    /** {index, step} of the first record holding the minimum (or maximum); NaN never wins. */
    private static long[] extremum(List<MetricsRecord> records, Function<MetricsRecord, Double> column,
            boolean minimum) {
        int best = -1;
        double bestValue = 0;
        for (int i = 0; i < records.size(); i++) {
            Double v = column.apply(records.get(i));
            if (v == null || v.isNaN()) {
                continue;
            }
            if (best < 0 || (minimum ? v < bestValue : v > bestValue)) {
                best = i;
                bestValue = v;
            }
        }
        return best < 0 ? null : new long[] {best, records.get(best).step()};
    }

    /** The RESULTS.md keys, each prefixed (e.g. "binary_"). */
    Map<String, Number> toMap(String prefix) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put(prefix + "L_train", lTrain);
        m.put(prefix + "L_val", lVal);
        m.put(prefix + "A_train", aTrain);
        m.put(prefix + "A_val", aVal);
        m.put(prefix + "t_f_L_train", tfLTrain);
        m.put(prefix + "t_f_L_val", tfLVal);
        m.put(prefix + "t_f_A_train", tfATrain);
        m.put(prefix + "t_f_A_val", tfAVal);
        m.put(prefix + "delta_t_L", deltaTL());
        m.put(prefix + "delta_t_A", deltaTA());
        return m;
    }
}
