package org.polygrok.plotting.figures;

import java.util.Collection;
import org.polygrok.plotting.results.ExperimentRecord;

/**
 * How a swept setting is placed on an axis or a colour bar: linearly, or by its logarithm. The study's d
 * and B are log2 (PROTOCOL §9); in a sweep from a spec file ({@code polygrok sweep}) a setting whose values
 * are powers of two spanning at least a factor 4 is log2, and one spanning at least a decade is log10.
 */
enum SettingScale {
    LINEAR, LOG2, LOG10;

    static SettingScale of(ExperimentRecord spec, String key, Collection<Double> values) {
        if (Labels.log2(key)) {
            return LOG2;
        }
        if (!fromSpecFile(spec) || values.stream().distinct().count() < 2 || values.stream().anyMatch(v -> !(v > 0))) {
            return LINEAR;
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (max / min >= 4 && values.stream().allMatch(SettingScale::powerOfTwo)) {
            return LOG2;
        }
        return max / min >= 10 ? LOG10 : LINEAR;
    }

    /** Whether the experiment was run from a spec file (its experiment.json records the spec). */
    static boolean fromSpecFile(ExperimentRecord spec) {
        return spec.spec() != null;
    }

    boolean log() {
        return this != LINEAR;
    }

    /** The axis coordinate of a setting value. */
    double x(double value) {
        return switch (this) {
            case LINEAR -> value;
            case LOG2 -> Math.log(value) / Math.log(2);
            case LOG10 -> Math.log10(value);
        };
    }

    /** The tick label at axis coordinate {@code x}: the value at whole powers, nothing between. */
    String tick(double x) {
        if (Math.abs(x - Math.rint(x)) > 1e-9) {
            return "";
        }
        return this == LOG2 ? Long.toString(Math.round(Math.pow(2, Math.rint(x))))
                : org.polygrok.plotting.draw.NumberLabels.compact(Math.pow(10, Math.rint(x)));
    }

    private static boolean powerOfTwo(double v) {
        double e = Math.log(v) / Math.log(2);
        return Math.abs(e - Math.rint(e)) < 1e-9;
    }
}
