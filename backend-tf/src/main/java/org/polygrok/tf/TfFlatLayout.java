package org.polygrok.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.nn.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;

/**
 * A model's parameters laid end to end in one flat FLOAT32 vector, in {@code namedParameters()}
 * order. The training graph keeps parameters and optimizer slots as one variable each and reads
 * every parameter as a piece of it, so TensorFlow returns the whole gradient as one vector and the
 * clipping and optimizer update run as a few large operations instead of a few per parameter
 * (valid for element-wise optimizer rules, which every {@code OptimizerSpec.Kind} is).
 */
final class TfFlatLayout {
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<long[]> shapes = new ArrayList<>();
    private final int[] sizes;
    private final int total;

    TfFlatLayout(Map<String, Parameter> namedParameters) {
        if (namedParameters.isEmpty()) {
            throw new IllegalArgumentException("the model has no parameters to train");
        }
        sizes = new int[namedParameters.size()];
        long sum = 0;
        int i = 0;
        for (Map.Entry<String, Parameter> e : namedParameters.entrySet()) {
            names.add(e.getKey());
            parameters.add(e.getValue());
            shapes.add(e.getValue().shape());
            sizes[i++] = Math.toIntExact(e.getValue().size());
            sum += e.getValue().size();
        }
        total = Math.toIntExact(sum);
    }

    int total() {
        return total;
    }

    List<String> names() {
        return names;
    }

    /** Each parameter as a piece of {@code flat}, shaped like the parameter, keyed by identity for {@link TfOps}. */
    Map<Parameter, Operand<TFloat32>> pieces(org.tensorflow.op.Ops tf, Operand<TFloat32> flat) {
        Map<Parameter, Operand<TFloat32>> out = new java.util.IdentityHashMap<>();
        List<Output<TFloat32>> split = tf.splitV(flat, tf.constant(sizes), tf.constant(0), (long) sizes.length)
                .output(); // (N) -> one (size_i) piece per parameter
        for (int i = 0; i < sizes.length; i++) {
            out.put(parameters.get(i), tf.reshape(split.get(i), tf.constant(ints(shapes.get(i))))); // (size_i) -> shape_i
        }
        return out;
    }

    /** Named arrays (already checked against the model) end to end: (N). */
    HostArray join(Map<String, HostArray> byName) {
        float[] flat = new float[total];
        int offset = 0;
        for (int i = 0; i < names.size(); i++) {
            System.arraycopy(byName.get(names.get(i)).floats(), 0, flat, offset, sizes[i]);
            offset += sizes[i];
        }
        return HostArray.of(flat, total);
    }

    /** A flat (N) array cut back into named arrays of the parameters' shapes. */
    Map<String, HostArray> split(HostArray flat) {
        float[] values = flat.floats();
        Map<String, HostArray> out = new LinkedHashMap<>();
        int offset = 0;
        for (int i = 0; i < names.size(); i++) {
            float[] piece = new float[sizes[i]];
            System.arraycopy(values, offset, piece, 0, sizes[i]);
            out.put(names.get(i), HostArray.of(piece, shapes.get(i)));
            offset += sizes[i];
        }
        return out;
    }

    private static int[] ints(long[] shape) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = Math.toIntExact(shape[i]);
        }
        return out;
    }
}
