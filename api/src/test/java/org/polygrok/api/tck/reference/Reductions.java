package org.polygrok.api.tck.reference;

import org.polygrok.api.DType;
import org.polygrok.api.Shapes;

/** Reductions along one axis and the (log-)softmax of {@link ReferenceOps}. */
final class Reductions {
    enum Kind { SUM, MEAN, MAX }

    private Reductions() {
    }

    static ReferenceTensor reduce(ReferenceTensor x, int axis, boolean keepDims, Kind kind) {
        long[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length);
        int outer = Layout.outer(shape, a);
        int n = (int) shape[a];
        int inner = Layout.inner(shape, a);
        if (kind == Kind.MAX && n == 0) {
            throw new IllegalArgumentException("max over an empty axis");
        }
        double[] v = x.data();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double acc = kind == Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
                for (int k = 0; k < n; k++) {
                    double e = v[(o * n + k) * inner + i];
                    acc = kind == Kind.MAX ? Math.max(acc, e) : acc + e;
                }
                out[o * inner + i] = kind == Kind.MEAN ? acc / n : acc;
            }
        }
        return new ReferenceTensor(DType.FLOAT32, out, Layout.reduced(shape, a, keepDims));
    }

    /** Softmax (or log-softmax) over the last axis, shifted by the row maximum for stability. */
    static ReferenceTensor softmax(ReferenceTensor x, boolean log) {
        long[] shape = x.shape();
        if (shape.length == 0) {
            throw new IllegalArgumentException("softmax needs at least one axis");
        }
        int n = (int) shape[shape.length - 1];
        double[] v = x.data();
        double[] out = new double[v.length];
        for (int row = 0; n > 0 && row < v.length / n; row++) {
            int base = row * n;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, v[base + k]);
            }
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += Math.exp(v[base + k] - max);
            }
            double logSum = Math.log(sum);
            for (int k = 0; k < n; k++) {
                double shifted = v[base + k] - max;
                out[base + k] = log ? shifted - logSum : Math.exp(shifted) / sum;
            }
        }
        return new ReferenceTensor(DType.FLOAT32, out, shape);
    }
}
