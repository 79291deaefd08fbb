package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.polygrok.api.HostArray;
import org.polygrok.api.nn.Parameter;

/**
 * A model's parameters laid end to end in one flat FLOAT vector, in {@code namedParameters()}
 * order. Weights, gradients and optimizer slots all use this layout, so the optimizer update runs
 * as a handful of whole-vector operations instead of a handful per parameter.
 */
final class FlatLayout {
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<long[]> offsets = new ArrayList<>();
    private final long size;

    FlatLayout(Map<String, Parameter> named) {
        long offset = 0;
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            names.add(e.getKey());
            parameters.add(e.getValue());
            long n = e.getValue().size();
            offsets.add(new long[] {offset, offset + n});
            offset += n;
        }
        if (offset == 0) {
            throw new IllegalArgumentException("the model has no parameters to train");
        }
        this.size = offset;
    }

    int count() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    Parameter parameter(int i) {
        return parameters.get(i);
    }

    /** Total number of scalars. */
    long size() {
        return size;
    }

    /** A new zero-filled flat vector. */
    INDArray zeros() {
        return Nd4j.zeros(DataType.FLOAT, size);
    }

    /** Parameter i's part of {@code flat}, as a view of the parameter's shape (writes go to {@code flat}). */
    INDArray view(INDArray flat, int i) {
        long[] range = offsets.get(i);
        INDArray part = flat.get(NDArrayIndex.interval(range[0], range[1]));  // (N) -> (n_i)
        return part.reshape('c', parameters.get(i).shape());                 // (n_i) -> parameter shape
    }

    List<INDArray> views(INDArray flat) {
        List<INDArray> out = new ArrayList<>(count());
        for (int i = 0; i < count(); i++) {
            out.add(view(flat, i));
        }
        return out;
    }

    /** Copies one value per parameter name into {@code flat}. */
    void load(INDArray flat, Map<String, HostArray> values) {
        for (int i = 0; i < count(); i++) {
            Nd4jArrays.copyInto(values.get(names.get(i)), view(flat, i));
        }
    }

    /** Copies every parameter's part of {@code flat} to Java memory, by name in layout order. */
    Map<String, HostArray> export(INDArray flat) {
        float[] all = flat.toFloatVector();
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (int i = 0; i < count(); i++) {
            long[] range = offsets.get(i);
            float[] part = Arrays.copyOfRange(all, (int) range[0], (int) range[1]);
            out.put(names.get(i), HostArray.of(part, parameters.get(i).shape()));
        }
        return out;
    }
}
