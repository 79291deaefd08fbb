package org.polygrok.nd4j;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;

/**
 * Released intermediate arrays of a {@link GraphPlan}, reusable by later ops of the same run for outputs
 * of equal shape; and the memory-overlap test the plan uses before writing into a caller's array.
 */
final class FreeList {
    private final Map<String, ArrayDeque<INDArray>> byShape = new HashMap<>();

    void put(INDArray a) {
        if (a != null && !a.isView() && !a.isEmpty()) {
            byShape.computeIfAbsent(key(a.dataType(), a.ordering(), a.shape()), k -> new ArrayDeque<>()).push(a);
        }
    }

    INDArray take(LongShapeDescriptor d) {
        if (d.isEmpty()) {
            return null;
        }
        ArrayDeque<INDArray> list = byShape.get(key(d.dataType(), d.getOrder(), d.getShape()));
        return list == null ? null : list.poll();
    }

    private static String key(DataType type, char order, long[] shape) {
        return type + "/" + order + Arrays.toString(shape);
    }

    /** Whether two arrays may touch the same memory. */
    static boolean overlap(INDArray a, INDArray b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        long[] x = span(a);
        long[] y = span(b);
        return x[0] < y[1] && y[0] < x[1];
    }

    /** The bytes [from, to) an array may touch (views of one buffer report its base address). */
    private static long[] span(INDArray a) {
        long elements = 1;
        for (int i = 0; i < a.rank(); i++) {
            elements += (a.size(i) - 1) * Math.abs(a.stride(i));
        }
        long width = a.dataType().width();
        long from = a.data().address() + a.offset() * width;
        return new long[] {from, from + elements * width};
    }
}
