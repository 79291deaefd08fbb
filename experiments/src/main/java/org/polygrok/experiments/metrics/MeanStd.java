package org.polygrok.experiments.metrics;

/** A quantity across seeds: its mean and its population standard deviation (ddof = 0). */
public record MeanStd(double mean, double std) {

    public static MeanStd of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to aggregate");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        return new MeanStd(mean, Math.sqrt(var / values.length));
    }
}
