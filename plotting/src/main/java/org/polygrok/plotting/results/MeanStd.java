package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A quantity across seeds, as in summary.json's {@code metrics} and {@code reference}: its mean and its
 * population standard deviation (ddof = 0); NaN when unknown, written and read as null (e.g. a published
 * mean without a std).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MeanStd(double mean, double std) {

    public static final MeanStd UNKNOWN = new MeanStd(Double.NaN, Double.NaN);

    /** From summary.json: a null (or missing) mean or std is NaN. */
    @JsonCreator
    static MeanStd read(@JsonProperty("mean") Double mean, @JsonProperty("std") Double std) {
        return new MeanStd(mean == null ? Double.NaN : mean, std == null ? Double.NaN : std);
    }

    /** As summary.json holds it: {"mean": …, "std": …}, NaN written as null. */
    @JsonValue
    Map<String, Double> json() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mean", Double.isNaN(mean) ? null : mean);
        m.put("std", Double.isNaN(std) ? null : std);
        return m;
    }

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
