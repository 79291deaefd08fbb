package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;

/**
 * The layout of a model's parameters in one flat FLOAT32 vector: name, shape and offset of each,
 * in {@code namedParameters()} order. A step differentiates one flat array and reads each
 * parameter as a view of it, so the whole gradient arrives as one vector and the optimizer update
 * runs as a few large operations instead of a few per parameter (valid for element-wise optimizer
 * rules, which every {@link org.polygrok.api.train.OptimizerSpec.Kind} is; the global-norm clipping
 * is over all parameters anyway).
 */
final class FlatParameters {
    private final List<String> names;
    private final List<long[]> shapes;
    private final long[] sizes;
    private final long total;

    FlatParameters(List<String> names, List<long[]> shapes) {
        this.names = List.copyOf(names);
        this.shapes = List.copyOf(shapes);
        this.sizes = new long[names.size()];
        long sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            long n = 1;
            for (long d : shapes.get(i)) {
                n *= d;
            }
            sizes[i] = n;
            sum += n;
        }
        this.total = sum;
    }

    int count() {
        return names.size();
    }

    /**
     * Each parameter as a view of {@code flat}, shaped like the parameter; in grad mode the views
     * are recorded, so gradients reach {@code flat}. Intermediates go to {@code scope}.
     */
    NDArray[] views(NDArray flat, NDManager scope) {
        NDList pieces = JniUtils.split((PtNDArray) flat, sizes, 0); // (N) -> one (size_i) piece per parameter
        NDArray[] out = new NDArray[sizes.length];
        for (int i = 0; i < out.length; i++) {
            NDArray piece = pieces.get(i);
            piece.attach(scope);
            out[i] = JniUtils.reshape((PtNDArray) piece, shapes.get(i)); // (size_i) -> parameter shape
            out[i].attach(scope);
        }
        return out;
    }

    /** One host map (name -> array of the parameter's shape) as a flat vector in {@code manager}. */
    NDArray upload(NDManager manager, Map<String, HostArray> byName) {
        float[] flat = new float[Math.toIntExact(total)];
        int offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            float[] values = byName.get(names.get(i)).floats();
            System.arraycopy(values, 0, flat, offset, values.length);
            offset += values.length;
        }
        return manager.create(flat);
    }

    /** A flat vector back to a host map in parameter order. */
    Map<String, HostArray> download(NDArray flat) {
        float[] values = DjlArrays.toHost(flat).floats();
        Map<String, HostArray> out = new LinkedHashMap<>();
        int offset = 0;
        for (int i = 0; i < sizes.length; i++) {
            int n = Math.toIntExact(sizes[i]);
            float[] part = new float[n];
            System.arraycopy(values, offset, part, 0, n);
            out.put(names.get(i), HostArray.of(part, shapes.get(i)));
            offset += n;
        }
        return out;
    }

    /** Per name, the i-th entry of each list, for slots stored per parameter. */
    static Map<String, HostArray> column(Map<String, List<HostArray>> byName, int i) {
        Map<String, HostArray> out = new LinkedHashMap<>();
        byName.forEach((name, list) -> out.put(name, list.get(i)));
        return out;
    }

    List<String> names() {
        return names;
    }
}
