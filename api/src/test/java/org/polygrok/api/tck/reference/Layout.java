package org.polygrok.api.tck.reference;

import java.util.Arrays;
import org.polygrok.api.Shapes;

/** Row-major index arithmetic for {@link ReferenceOps}: strides, broadcasting, axis splits. */
final class Layout {
    private Layout() {
    }

    static long[] strides(long[] shape) {
        long[] s = new long[shape.length];
        long stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = stride;
            stride *= shape[i];
        }
        return s;
    }

    /**
     * For each element of {@code outShape}, the flat index of the element of {@code inShape} that
     * numpy broadcasting reads (broadcast dimensions have stride 0).
     */
    static int[] broadcastIndex(long[] inShape, long[] outShape) {
        int rank = outShape.length;
        long[] inStrides = strides(inShape);
        long[] strides = new long[rank];
        for (int i = 0; i < inShape.length; i++) {
            int o = i + rank - inShape.length;
            strides[o] = inShape[i] == 1 && outShape[o] != 1 ? 0 : inStrides[i];
        }
        return gatherIndex(outShape, strides);
    }

    /** The flat input index of every output element, walking {@code outShape} with input strides. */
    static int[] gatherIndex(long[] outShape, long[] strides) {
        int n = Math.toIntExact(Shapes.size(outShape));
        int[] index = new int[n];
        int rank = outShape.length;
        long[] counter = new long[rank];
        long offset = 0;
        for (int k = 0; k < n; k++) {
            index[k] = (int) offset;
            for (int d = rank - 1; d >= 0; d--) {
                counter[d]++;
                offset += strides[d];
                if (counter[d] < outShape[d]) {
                    break;
                }
                offset -= strides[d] * counter[d];
                counter[d] = 0;
            }
        }
        return index;
    }

    /** Product of the dimensions before {@code axis}. */
    static int outer(long[] shape, int axis) {
        return Math.toIntExact(Shapes.size(Arrays.copyOfRange(shape, 0, axis)));
    }

    /** Product of the dimensions after {@code axis}. */
    static int inner(long[] shape, int axis) {
        return Math.toIntExact(Shapes.size(Arrays.copyOfRange(shape, axis + 1, shape.length)));
    }

    /** The shape without {@code axis}, or with it set to 1 when {@code keep}. */
    static long[] reduced(long[] shape, int axis, boolean keep) {
        if (keep) {
            long[] out = shape.clone();
            out[axis] = 1;
            return out;
        }
        long[] out = new long[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** The shape with {@code dim} inserted at {@code axis}. */
    static long[] inserted(long[] shape, int axis, long dim) {
        long[] out = new long[shape.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) {
            out[i] = i == axis ? dim : shape[j++];
        }
        return out;
    }
}
