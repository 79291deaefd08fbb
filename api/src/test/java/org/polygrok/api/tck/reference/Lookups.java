package org.polygrok.api.tck.reference;

import java.util.Arrays;
import org.polygrok.api.DType;

/** gather, oneHot and argMax of {@link ReferenceOps}. */
final class Lookups {
    private Lookups() {
    }

    /** Rows of table (V, d) at ids (...) -> (..., d). */
    static ReferenceTensor gather(ReferenceTensor table, ReferenceTensor ids) {
        long[] st = table.shape();
        if (st.length != 2) {
            throw new IllegalArgumentException("gather needs a table (V, d), got " + Arrays.toString(st));
        }
        int rows = (int) st[0];
        int d = (int) st[1];
        double[] t = table.data();
        double[] idv = ids.data();
        double[] out = new double[idv.length * d];
        for (int i = 0; i < idv.length; i++) {
            int id = checkId(idv[i], rows, "gather");
            System.arraycopy(t, id * d, out, i * d, d);
        }
        return new ReferenceTensor(DType.FLOAT32, out, Layout.inserted(ids.shape(), ids.shape().length, d));
    }

    static ReferenceTensor oneHot(ReferenceTensor ids, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("oneHot needs a positive depth, got " + depth);
        }
        double[] idv = ids.data();
        double[] out = new double[idv.length * depth];
        for (int i = 0; i < idv.length; i++) {
            out[i * depth + checkId(idv[i], depth, "oneHot")] = 1;
        }
        return new ReferenceTensor(DType.FLOAT32, out, Layout.inserted(ids.shape(), ids.shape().length, depth));
    }

    /** Index of the largest value along the last axis, the lowest index on ties; INT32 (...). */
    static ReferenceTensor argMax(ReferenceTensor x) {
        long[] shape = x.shape();
        if (shape.length == 0 || shape[shape.length - 1] == 0) {
            throw new IllegalArgumentException("argMax needs a non-empty last axis, got " + Arrays.toString(shape));
        }
        int n = (int) shape[shape.length - 1];
        double[] v = x.data();
        double[] out = new double[v.length / n];
        for (int row = 0; row < out.length; row++) {
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (v[row * n + k] > v[row * n + best]) {
                    best = k;
                }
            }
            out[row] = best;
        }
        return new ReferenceTensor(DType.INT32, out, Arrays.copyOf(shape, shape.length - 1));
    }

    private static int checkId(double id, int bound, String op) {
        if (id < 0 || id >= bound) {
            throw new IllegalArgumentException(op + " id " + (long) id + " is outside [0, " + bound + ")");
        }
        return (int) id;
    }
}
