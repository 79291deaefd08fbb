package org.polygrok.tf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.nn.Parameter;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * A model's parameters and optimizer slots as variables of one training graph, each a flat vector
 * in the {@link TfFlatLayout}; loads them from and copies them to the host, by parameter name, in
 * one session run each.
 */
final class TfVariableStore {
    private final TfFlatLayout layout;
    private final TfVariable weights;
    private final List<TfVariable> slots = new ArrayList<>();

    TfVariableStore(org.tensorflow.op.Ops tf, Map<String, Parameter> namedParameters, List<String> slotNames) {
        org.tensorflow.op.Ops scope = tf.withSubScope("variables");
        layout = new TfFlatLayout(namedParameters);
        long[] shape = {layout.total()};
        weights = new TfVariable(scope, "parameters", shape);
        for (String slot : slotNames) {
            slots.add(new TfVariable(scope, slot, shape));
        }
    }

    TfFlatLayout layout() {
        return layout;
    }

    TfVariable weights() {
        return weights;
    }

    List<TfVariable> slots() {
        return slots;
    }

    /** A fresh read of the parameters, cut into one piece per parameter for {@link TfOps#param}. */
    Map<Parameter, Operand<TFloat32>> readPieces(org.tensorflow.op.Ops tf) {
        return layout.pieces(tf, weights.read(tf));
    }

    /**
     * Loads weights (by name) and, if given, slots (by parameter name, in slot order) in one run.
     * Names and shapes must already have been checked.
     */
    void load(Session session, Map<String, HostArray> weightValues, Map<String, List<HostArray>> slotValues) {
        List<TfVariable> targets = new ArrayList<>();
        List<HostArray> values = new ArrayList<>();
        targets.add(weights);
        values.add(layout.join(weightValues));
        if (slotValues != null) {
            for (int s = 0; s < slots.size(); s++) {
                Map<String, HostArray> slot = new LinkedHashMap<>();
                for (String name : layout.names()) {
                    slot.put(name, slotValues.get(name).get(s));
                }
                targets.add(slots.get(s));
                values.add(layout.join(slot));
            }
        }
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < targets.size(); i++) {
                Tensor t = TfArrays.toTensor(values.get(i));
                fed.add(t);
                runner.feed(targets.get(i).loadValue(), t).addTarget(targets.get(i).load());
            }
            runner.run().close();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    /** The current weights under their names. */
    Map<String, HostArray> readWeights(Session session) {
        return layout.split(fetch(session, List.of(weights)).get(0));
    }

    /** The current slots under their parameter's name, in slot order. */
    Map<String, List<HostArray>> readSlots(Session session) {
        List<HostArray> flat = fetch(session, slots);
        Map<String, List<HostArray>> out = new LinkedHashMap<>();
        layout.names().forEach(name -> out.put(name, new ArrayList<>()));
        for (HostArray slot : flat) {
            layout.split(slot).forEach((name, value) -> out.get(name).add(value));
        }
        out.replaceAll((name, list) -> List.copyOf(list));
        return out;
    }

    private static List<HostArray> fetch(Session session, List<TfVariable> variables) {
        List<HostArray> out = new ArrayList<>();
        if (variables.isEmpty()) {
            return out;
        }
        Session.Runner runner = session.runner();
        variables.forEach(v -> runner.fetch(v.snapshot()));
        try (Result result = runner.run()) {
            for (int i = 0; i < variables.size(); i++) {
                out.add(TfArrays.toHost(result.get(i)));
            }
        }
        return out;
    }
}
