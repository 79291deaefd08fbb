package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.types.TFloat32;

/**
 * TensorFlow's symbolic gradients ({@link Graph#addGradients}) of a scalar with respect to FLOAT32
 * nodes. TensorFlow refuses a node the scalar does not depend on; such a node gets a constant zero
 * gradient, as it would in PyTorch with zeroed gradients.
 */
final class TfGradients {
    private TfGradients() {
    }

    static List<Operand<TFloat32>> of(Graph graph, org.tensorflow.op.Ops tf, String prefix, Operand<?> y,
            List<? extends Operand<?>> xs) {
        Set<GraphOperation> ancestors = graph.subgraphTo(Set.of(y));
        List<Integer> reachable = new ArrayList<>();
        for (int i = 0; i < xs.size(); i++) {
            if (ancestors.contains((GraphOperation) xs.get(i).op())) {
                reachable.add(i);
            }
        }
        Output<?>[] grads = reachable.isEmpty() ? new Output<?>[0]
                : graph.addGradients(prefix, new Output<?>[] {y.asOutput()},
                        reachable.stream().map(i -> xs.get(i).asOutput()).toArray(Output<?>[]::new), null);
        List<Operand<TFloat32>> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < xs.size(); i++) {
            if (next < reachable.size() && reachable.get(next) == i) {
                out.add(grads[next++].expect(TFloat32.class));
            } else {
                long[] shape = xs.get(i).shape().asArray();
                int[] dims = new int[shape.length];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = Math.toIntExact(shape[d]);
                }
                out.add(tf.zeros(tf.constant(dims), TFloat32.class));
            }
        }
        return out;
    }
}
