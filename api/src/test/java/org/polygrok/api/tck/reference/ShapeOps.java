package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.polygrok.api.Shapes;

/** transpose, concat, stack and slice of {@link ReferenceOps}; the dtype is kept. */
final class ShapeOps {
    private ShapeOps() {
    }

    /** Output axis i is input axis {@code axes[i]}. */
    static ReferenceTensor transpose(ReferenceTensor x, int... axes) {
        long[] shape = x.shape();
        int rank = shape.length;
        if (axes.length != rank) {
            throw new IllegalArgumentException("transpose needs " + rank + " axes, got " + Arrays.toString(axes));
        }
        boolean[] seen = new boolean[rank];
        long[] inStrides = Layout.strides(shape);
        long[] outShape = new long[rank];
        long[] strides = new long[rank];
        for (int i = 0; i < rank; i++) {
            int a = Shapes.axis(axes[i], rank);
            if (seen[a]) {
                throw new IllegalArgumentException("transpose axes " + Arrays.toString(axes) + " repeat axis " + a);
            }
            seen[a] = true;
            outShape[i] = shape[a];
            strides[i] = inStrides[a];
        }
        return pick(x, outShape, Layout.gatherIndex(outShape, strides));
    }

    static ReferenceTensor concat(List<ReferenceTensor> xs, int axis) {
        long[] first = xs.get(0).shape();
        int a = Shapes.axis(axis, first.length);
        long total = 0;
        for (ReferenceTensor t : xs) {
            long[] s = t.shape();
            long[] expected = first.clone();
            expected[a] = s.length == first.length ? s[a] : -1;
            if (!Arrays.equals(s, expected) || t.dtype() != xs.get(0).dtype()) {
                throw new IllegalArgumentException("concat along axis " + axis + " needs one dtype and equal other "
                        + "dimensions, got " + Arrays.toString(first) + " and " + Arrays.toString(s));
            }
            total += s[a];
        }
        long[] outShape = first.clone();
        outShape[a] = total;
        int outer = Layout.outer(first, a);
        int inner = Layout.inner(first, a);
        double[] out = new double[Math.toIntExact(Shapes.size(outShape))];
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            for (ReferenceTensor t : xs) {
                int chunk = (int) t.shape()[a] * inner;
                System.arraycopy(t.data(), o * chunk, out, pos, chunk);
                pos += chunk;
            }
        }
        return new ReferenceTensor(xs.get(0).dtype(), out, outShape);
    }

    /** Equal-shaped tensors along a new axis in [−(rank+1), rank]. */
    static ReferenceTensor stack(List<ReferenceTensor> xs, int axis) {
        long[] shape = xs.get(0).shape();
        int a = Shapes.axis(axis, shape.length + 1);
        List<ReferenceTensor> expanded = new ArrayList<>();
        for (ReferenceTensor t : xs) {
            if (!Arrays.equals(t.shape(), shape)) {
                throw new IllegalArgumentException("stack needs equal shapes, got " + Arrays.toString(shape) + " and "
                        + Arrays.toString(t.shape()));
            }
            expanded.add(new ReferenceTensor(t.dtype(), t.data(), Layout.inserted(shape, a, 1)));
        }
        return concat(expanded, a);
    }

    /** Elements [start, end) along one axis, 0 ≤ start ≤ end ≤ dimension. */
    static ReferenceTensor slice(ReferenceTensor x, int axis, long start, long end) {
        long[] shape = x.shape();
        int a = Shapes.axis(axis, shape.length);
        if (start < 0 || end < start || end > shape[a]) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is outside axis " + axis
                    + " of length " + shape[a]);
        }
        long[] outShape = shape.clone();
        outShape[a] = end - start;
        long[] strides = Layout.strides(shape);
        int[] index = Layout.gatherIndex(outShape, strides);
        int offset = (int) (start * strides[a]);
        for (int i = 0; i < index.length; i++) {
            index[i] += offset;
        }
        return pick(x, outShape, index);
    }

    private static ReferenceTensor pick(ReferenceTensor x, long[] outShape, int[] index) {
        double[] v = x.data();
        double[] out = new double[index.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[index[i]];
        }
        return new ReferenceTensor(x.dtype(), out, outShape);
    }
}
