package org.polygrok.nd4j;

import java.util.Arrays;
import java.util.List;
import org.polygrok.api.DType;
import org.polygrok.api.Shapes;

/**
 * The result shape of each op, computed when it is traced, with one clear sentence for arguments
 * that do not fit; SameDiff itself would only fail later, when the graph runs.
 */
final class TracedShapes {
    private TracedShapes() {
    }

    static long[] broadcast(String op, DType ta, long[] a, DType tb, long[] b) {
        if (ta != tb) {
            throw new IllegalArgumentException(op + " needs operands of one dtype, got " + ta + " and " + tb);
        }
        try {
            return Shapes.broadcast(a, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    /** (..., m, k) x (..., k, n) -> (..., m, n). */
    static long[] matmul(long[] a, long[] b) {
        int r = a.length;
        if (r < 2 || b.length != r || a[r - 1] != b[r - 2]
                || !Arrays.equals(Arrays.copyOf(a, r - 2), Arrays.copyOf(b, r - 2))) {
            throw new IllegalArgumentException("matmul needs (..., m, k) x (..., k, n) with equal leading dims, got "
                    + Arrays.toString(a) + " x " + Arrays.toString(b));
        }
        long[] out = a.clone();
        out[r - 1] = b[r - 1];
        return out;
    }

    /** x (..., in), weight (out, in), bias (out) or null -> (..., out). */
    static long[] linear(long[] x, long[] weight, long[] bias) {
        if (x.length < 1 || weight.length != 2 || x[x.length - 1] != weight[1]) {
            throw new IllegalArgumentException("linear needs x (..., in) and weight (out, in), got "
                    + Arrays.toString(x) + " and " + Arrays.toString(weight));
        }
        if (bias != null && !Arrays.equals(bias, new long[] {weight[0]})) {
            throw new IllegalArgumentException("linear bias must have shape (" + weight[0] + "), got "
                    + Arrays.toString(bias));
        }
        long[] out = x.clone();
        out[out.length - 1] = weight[0];
        return out;
    }

    /** The permutation with negative axes resolved; every axis exactly once. */
    static int[] permutation(long[] in, int... axes) {
        if (axes.length != in.length) {
            throw new IllegalArgumentException("transpose of a rank-" + in.length + " tensor needs " + in.length
                    + " axes, got " + Arrays.toString(axes));
        }
        int[] perm = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int i = 0; i < axes.length; i++) {
            perm[i] = Shapes.axis(axes[i], in.length);
            if (seen[perm[i]]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " repeat an axis");
            }
            seen[perm[i]] = true;
        }
        return perm;
    }

    static long[] permuted(long[] in, int[] perm) {
        long[] out = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = in[perm[i]];
        }
        return out;
    }

    /** Equal shapes but along {@code axis}, whose lengths add up. */
    static long[] concat(List<long[]> shapes, int axis) {
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        long[] first = shapes.get(0);
        long[] out = first.clone();
        out[axis] = 0;
        for (long[] s : shapes) {
            boolean fits = s.length == first.length;
            for (int i = 0; fits && i < s.length; i++) {
                fits = i == axis || s[i] == first[i];
            }
            if (!fits) {
                throw new IllegalArgumentException("concat along axis " + axis + " needs equal other dims, got "
                        + Arrays.toString(first) + " and " + Arrays.toString(s));
            }
            out[axis] += s[axis];
        }
        return out;
    }

    /** Equal shapes, stacked along a new axis {@code axis} of the result. */
    static long[] stack(List<long[]> shapes, int axis) {
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("stack needs at least one tensor");
        }
        long[] first = shapes.get(0);
        for (long[] s : shapes) {
            if (!Arrays.equals(s, first)) {
                throw new IllegalArgumentException("stack needs equal shapes, got " + Arrays.toString(first)
                        + " and " + Arrays.toString(s));
            }
        }
        long[] out = new long[first.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == axis ? shapes.size() : first[j++];
        }
        return out;
    }

    static long[] slice(long[] in, int axis, long start, long end) {
        if (start < 0 || end > in[axis] || start > end) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is outside axis " + axis
                    + " of length " + in[axis]);
        }
        long[] out = in.clone();
        out[axis] = end - start;
        return out;
    }

    static long[] reduced(long[] in, int axis, boolean keepDims) {
        if (keepDims) {
            long[] out = in.clone();
            out[axis] = 1;
            return out;
        }
        long[] out = new long[in.length - 1];
        for (int i = 0, j = 0; i < in.length; i++) {
            if (i != axis) {
                out[j++] = in[i];
            }
        }
        return out;
    }

    /** {@code shape} with one more trailing dimension. */
    static long[] appended(long[] shape, long last) {
        long[] out = Arrays.copyOf(shape, shape.length + 1);
        out[shape.length] = last;
        return out;
    }

    static void requireRank(long[] shape, int min, String op) {
        if (shape.length < min) {
            throw new IllegalArgumentException(op + " needs a tensor of rank >= " + min + ", got a scalar");
        }
    }
}
