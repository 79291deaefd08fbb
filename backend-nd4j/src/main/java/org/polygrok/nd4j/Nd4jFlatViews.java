package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.polygrok.api.backend.FlatLayout;
import org.polygrok.api.nn.Parameter;

/**
 * The api's {@link FlatLayout} on ND4J arrays: flat FLOAT vectors of the layout's length and each
 * parameter's part of one as a view of the parameter's shape. Weights, gradients and optimizer
 * slots all use it, so the optimizer update runs as a handful of whole-vector operations.
 */
final class Nd4jFlatViews {
    private final FlatLayout layout;

    Nd4jFlatViews(FlatLayout layout) {
        this.layout = layout;
    }

    int count() {
        return layout.count();
    }

    Parameter parameter(int i) {
        return layout.parameter(i);
    }

    /** Total number of scalars. */
    long size() {
        return layout.total();
    }

    /** A new zero-filled flat vector. */
    INDArray zeros() {
        return Nd4j.zeros(DataType.FLOAT, size());
    }

    /** Parameter i's part of {@code flat}, as a view of the parameter's shape (writes go to {@code flat}). */
    INDArray view(INDArray flat, int i) {
        long start = layout.offset(i);
        INDArray part = flat.get(NDArrayIndex.interval(start, start + layout.size(i))); // (N) -> (n_i)
        return part.reshape('c', layout.shape(i));                                       // (n_i) -> parameter shape
    }

    List<INDArray> views(INDArray flat) {
        List<INDArray> out = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            out.add(view(flat, i));
        }
        return out;
    }

    /** Copies host values (N) into the flat vector {@code flat}. */
    static void load(INDArray flat, float[] values) {
        try (INDArray source = Nd4j.create(values, new long[] {values.length}, 'c')) {
            flat.assign(source);
        }
    }
}
