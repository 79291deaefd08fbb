package org.polygrok.plotting.draw;

import java.util.ArrayList;
import java.util.List;

/**
 * Points (x, mean) with a spread std at each point: a curve averaged over seeds, or a metric against a
 * setting. NaN means are dropped on construction.
 */
public record Curve(double[] x, double[] mean, double[] std) {

    public Curve {
        if (x.length != mean.length || x.length != std.length) {
            throw new IllegalArgumentException("a curve needs as many x, mean and std values");
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(mean[i]) && !Double.isNaN(x[i])) {
                keep.add(i);
            }
        }
        x = pick(x, keep);
        mean = pick(mean, keep);
        std = pick(std, keep);
        for (int i = 0; i < std.length; i++) {
            std[i] = Double.isNaN(std[i]) ? 0 : std[i];
        }
    }

    public int size() {
        return x.length;
    }

    public boolean isEmpty() {
        return x.length == 0;
    }

    public boolean hasSpread() {
        for (double s : std) {
            if (s > 0) {
                return true;
            }
        }
        return false;
    }

    public double upper(int i) {
        return mean[i] + std[i];
    }

    public double lower(int i) {
        return mean[i] - std[i];
    }

    /** For a log y axis: the points with a positive mean. */
    public Curve positiveOnly() {
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (mean[i] > 0) {
                keep.add(i);
            }
        }
        return new Curve(pick(x, keep), pick(mean, keep), pick(std, keep));
    }

    private static double[] pick(double[] a, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[idx.get(i)];
        }
        return out;
    }
}
