package org.polygrok.experiments.bench;

import java.util.Arrays;

/** Percentiles with linear interpolation between order statistics (numpy's default), rounded to 1 µs. */
final class Percentiles {
    private Percentiles() {
    }

    static double of(double[] values, double percent) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double rank = percent / 100.0 * (v.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        double value = v[lo] + (rank - lo) * (v[hi] - v[lo]);
        return Math.round(value * 1000) / 1000.0;
    }
}
