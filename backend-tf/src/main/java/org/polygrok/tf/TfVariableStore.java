package org.polygrok.tf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.backend.FlatLayout;
import org.polygrok.api.nn.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * A model's parameters and optimizer slots as variables of one training graph, each a flat vector
 * in the api's {@link FlatLayout}; loads them from and copies them to the host in one session run
 * each, and cuts a read of the parameters into one piece per parameter.
 */
final class TfVariableStore {
    private final FlatLayout layout;
    private final TfVariable weights;
    private final List<TfVariable> slots = new ArrayList<>();

    TfVariableStore(org.tensorflow.op.Ops tf, FlatLayout layout, List<String> slotNames) {
        org.tensorflow.op.Ops scope = tf.withSubScope("variables");
        this.layout = layout;
        long[] shape = {layout.total()};
        weights = new TfVariable(scope, "parameters", shape);
        for (String slot : slotNames) {
            slots.add(new TfVariable(scope, slot, shape));
        }
    }

    TfVariable weights() {
        return weights;
    }

    List<TfVariable> slots() {
        return slots;
    }

    /** A fresh read of the parameters, cut into one piece per parameter for {@link TfOps#param}. */
    Map<Parameter, Operand<TFloat32>> readPieces(org.tensorflow.op.Ops tf) {
        return pieces(tf, weights.read(tf));
    }

    /** Each parameter as a piece of {@code flat}, shaped like the parameter, keyed by identity for {@link TfOps}. */
    Map<Parameter, Operand<TFloat32>> pieces(org.tensorflow.op.Ops tf, Operand<TFloat32> flat) {
        int count = layout.count();
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            sizes[i] = layout.size(i);
        }
        Map<Parameter, Operand<TFloat32>> out = new IdentityHashMap<>();
        List<Output<TFloat32>> split = tf.splitV(flat, tf.constant(sizes), tf.constant(0), (long) count)
                .output(); // (N) -> one (size_i) piece per parameter
        for (int i = 0; i < count; i++) {
            out.put(layout.parameter(i), tf.reshape(split.get(i), tf.constant(ints(layout.shape(i))))); // (size_i) -> shape_i
        }
        return out;
    }

    /** Loads the flat weights and, if given, the flat slots (in slot order) in one run. */
    void load(Session session, float[] weightValues, List<float[]> slotValues) {
        List<TfVariable> targets = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        targets.add(weights);
        values.add(weightValues);
        if (slotValues != null) {
            targets.addAll(slots);
            values.addAll(slotValues);
        }
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < targets.size(); i++) {
                Tensor t = TfArrays.toTensor(HostArray.of(values.get(i), layout.total()));
                fed.add(t);
                runner.feed(targets.get(i).loadValue(), t).addTarget(targets.get(i).load());
            }
            runner.run().close();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    /** The current weights, flat (N). */
    float[] readWeights(Session session) {
        return fetch(session, List.of(weights)).get(0);
    }

    /** The current slots, flat (N) each, in slot order. */
    List<float[]> readSlots(Session session) {
        return fetch(session, slots);
    }

    private static List<float[]> fetch(Session session, List<TfVariable> variables) {
        List<float[]> out = new ArrayList<>();
        if (variables.isEmpty()) {
            return out;
        }
        Session.Runner runner = session.runner();
        variables.forEach(v -> runner.fetch(v.snapshot()));
        try (Result result = runner.run()) {
            for (int i = 0; i < variables.size(); i++) {
                out.add(TfArrays.toHost(result.get(i)).floats());
            }
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
