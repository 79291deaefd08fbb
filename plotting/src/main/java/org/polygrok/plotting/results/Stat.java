package org.polygrok.plotting.results;

/** A mean and a population standard deviation over seeds; NaN when the value is unknown. */
public record Stat(double mean, double std) {

    public static final Stat UNKNOWN = new Stat(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(mean);
    }

    /** The standard deviation, 0 when unknown (a single seed). */
    public double stdOrZero() {
        return Double.isNaN(std) ? 0.0 : std;
    }
}
