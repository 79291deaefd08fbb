package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A quantity across seeds, as in summary.json's {@code metrics}: its mean and its population standard
 * deviation (ddof = 0); NaN when unknown (written as null).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeanStd(double mean, double std) {

    public static final MeanStd UNKNOWN = new MeanStd(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(mean);
    }

    /** The standard deviation, 0 when unknown. */
    public double stdOrZero() {
        return Double.isNaN(std) ? 0.0 : std;
    }

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
