package org.polygrok.plotting.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A trial's {@code metrics.jsonl} as columns: one entry per evaluation, in step order. A value a line did
 * not carry is NaN.
 */
public final class MetricsTable {

    private final double[] steps;
    private final Map<String, double[]> columns;

    public MetricsTable(double[] steps, Map<String, double[]> columns) {
        for (Map.Entry<String, double[]> c : columns.entrySet()) {
            if (c.getValue().length != steps.length) {
                throw new IllegalArgumentException("column '" + c.getKey() + "' has " + c.getValue().length
                        + " values for " + steps.length + " steps");
            }
        }
        this.steps = steps.clone();
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public int size() {
        return steps.length;
    }

    public double[] steps() {
        return steps.clone();
    }

    public Set<String> names() {
        return columns.keySet();
    }

    public boolean has(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            return false;
        }
        for (double v : c) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }

    /** The values of one column; a column no line carried is all NaN. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            double[] nan = new double[steps.length];
            java.util.Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return c.clone();
    }

    /** The value of {@code name} on the last line that carries it, NaN if none. */
    public double last(String name) {
        double[] c = columns.get(name);
        if (c != null) {
            for (int i = c.length - 1; i >= 0; i--) {
                if (!Double.isNaN(c[i])) {
                    return c[i];
                }
            }
        }
        return Double.NaN;
    }
}
