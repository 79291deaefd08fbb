package org.polygrok.api.tck.reference;

import java.util.Arrays;
import org.polygrok.api.DType;

/** matmul and linear of {@link ReferenceOps}, in double precision. */
final class Contractions {
    private Contractions() {
    }

    /** (..., m, k) x (..., k, n) -> (..., m, n), leading dimensions equal. */
    static ReferenceTensor matmul(ReferenceTensor a, ReferenceTensor b) {
        long[] sa = a.shape();
        long[] sb = b.shape();
        int r = sa.length;
        if (r < 2 || sb.length != r || !Arrays.equals(Arrays.copyOf(sa, r - 2), Arrays.copyOf(sb, r - 2))
                || sa[r - 1] != sb[r - 2]) {
            throw new IllegalArgumentException("matmul needs (..., m, k) x (..., k, n) with equal leading dimensions, got "
                    + Arrays.toString(sa) + " x " + Arrays.toString(sb));
        }
        int m = (int) sa[r - 2];
        int k = (int) sa[r - 1];
        int n = (int) sb[r - 1];
        int batch = Layout.outer(sa, r - 2);
        double[] av = a.data();
        double[] bv = b.data();
        double[] out = new double[batch * m * n];
        for (int t = 0; t < batch; t++) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        s += av[(t * m + i) * k + q] * bv[(t * k + q) * n + j];
                    }
                    out[(t * m + i) * n + j] = s;
                }
            }
        }
        long[] shape = sa.clone();
        shape[r - 1] = n;
        return new ReferenceTensor(DType.FLOAT32, out, shape);
    }

    /** x (..., in), weight (out, in), bias (out) or null -> x · weightᵀ + bias, shape (..., out). */
    static ReferenceTensor linear(ReferenceTensor x, ReferenceTensor weight, ReferenceTensor bias) {
        long[] sx = x.shape();
        long[] sw = weight.shape();
        if (sx.length < 1 || sw.length != 2 || sw[1] != sx[sx.length - 1]
                || bias != null && (bias.shape().length != 1 || bias.shape()[0] != sw[0])) {
            throw new IllegalArgumentException("linear needs x (..., in), weight (out, in) and bias (out), got "
                    + Arrays.toString(sx) + ", " + Arrays.toString(sw) + " and "
                    + (bias == null ? "no bias" : Arrays.toString(bias.shape())));
        }
        int in = (int) sw[1];
        int outDim = (int) sw[0];
        int rows = x.size() / Math.max(in, 1);
        double[] xv = x.data();
        double[] wv = weight.data();
        double[] bv = bias == null ? null : bias.data();
        double[] out = new double[rows * outDim];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < outDim; o++) {
                double s = bv == null ? 0 : bv[o];
                for (int i = 0; i < in; i++) {
                    s += xv[r * in + i] * wv[o * in + i];
                }
                out[r * outDim + o] = s;
            }
        }
        long[] shape = sx.clone();
        shape[sx.length - 1] = outDim;
        return new ReferenceTensor(DType.FLOAT32, out, shape);
    }
}
