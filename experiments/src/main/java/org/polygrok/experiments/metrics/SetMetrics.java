package org.polygrok.experiments.metrics;

import org.polygrok.plotting.results.MetricsRecord;

/**
 * Loss and accuracy of one evaluated set, as exact means over its samples, and — when the set mixes
 * orders — the same over its binary and ternary samples (null otherwise, or when a group is empty).
 */
public record SetMetrics(double loss, double accuracy, Double binaryLoss, Double binaryAccuracy, Double ternaryLoss,
        Double ternaryAccuracy) {

    /** One line of metrics.jsonl from the evaluation of both sets. */
    public static MetricsRecord record(long step, long epoch, SetMetrics train, SetMetrics val, double paramNorm,
            long numParams, double elapsedS) {
        return new MetricsRecord(step, epoch, train.loss(), train.accuracy(), val.loss(), val.accuracy(), paramNorm,
                numParams, elapsedS, train.binaryLoss(), train.binaryAccuracy(), train.ternaryLoss(),
                train.ternaryAccuracy(), val.binaryLoss(), val.binaryAccuracy(), val.ternaryLoss(),
                val.ternaryAccuracy());
    }

    /**
     * From per-sample values.
     *
     * @param orders each sample's operation order (2 or 3), or null to skip the per-order means
     */
    public static SetMetrics of(float[] loss, float[] correct, int[] orders) {
        if (loss.length == 0 || loss.length != correct.length) {
            throw new IllegalArgumentException("need one loss and one correctness value per sample, got "
                    + loss.length + " and " + correct.length);
        }
        double[] all = means(loss, correct, orders, 0);
        if (orders == null) {
            return new SetMetrics(all[0], all[1], null, null, null, null);
        }
        double[] bin = means(loss, correct, orders, 2);
        double[] ter = means(loss, correct, orders, 3);
        return new SetMetrics(all[0], all[1], box(bin, 0), box(bin, 1), box(ter, 0), box(ter, 1));
    }

    /** Mean loss and accuracy over the samples of {@code order} (0 = all); null when there are none. */
    private static double[] means(float[] loss, float[] correct, int[] orders, int order) {
        double l = 0;
        double a = 0;
        int n = 0;
        for (int i = 0; i < loss.length; i++) {
            if (order == 0 || orders[i] == order) {
                l += loss[i];
                a += correct[i];
                n++;
            }
        }
        return n == 0 ? null : new double[] {l / n, a / n};
    }

    private static Double box(double[] values, int i) {
        return values == null ? null : values[i];
    }

    public boolean isFinite() {
        return Double.isFinite(loss);
    }
}
