package org.polygrok.tf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
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
 * A model's parameters and their optimizer slots as variables of one training graph, in the
 * model's {@code namedParameters()} order; loads them from and copies them to the host in one
 * session run each.
 */
final class TfVariableStore {
    private final List<String> names = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<TfVariable> weights = new ArrayList<>();
    private final List<List<TfVariable>> slots = new ArrayList<>();

    TfVariableStore(org.tensorflow.op.Ops tf, Map<String, Parameter> namedParameters, List<String> slotNames) {
        org.tensorflow.op.Ops scope = tf.withSubScope("variables");
        for (Map.Entry<String, Parameter> e : namedParameters.entrySet()) {
            long[] shape = e.getValue().shape();
            names.add(e.getKey());
            parameters.add(e.getValue());
            weights.add(new TfVariable(scope, e.getKey(), shape));
            List<TfVariable> own = new ArrayList<>();
            for (String slot : slotNames) {
                own.add(new TfVariable(scope, e.getKey() + "/" + slot, shape));
            }
            slots.add(own);
        }
    }

    int size() {
        return names.size();
    }

    List<String> names() {
        return names;
    }

    TfVariable weight(int i) {
        return weights.get(i);
    }

    List<TfVariable> slots(int i) {
        return slots.get(i);
    }

    /** A fresh read of every parameter, keyed by identity for {@link TfOps#param}. */
    Map<Parameter, Operand<TFloat32>> readWeights(org.tensorflow.op.Ops tf, List<Operand<TFloat32>> inOrder) {
        Map<Parameter, Operand<TFloat32>> out = new IdentityHashMap<>();
        for (int i = 0; i < weights.size(); i++) {
            Operand<TFloat32> read = weights.get(i).read(tf);
            inOrder.add(read);
            out.put(parameters.get(i), read);
        }
        return out;
    }

    /**
     * Loads weights (by name) and, if given, slots (by name, in slot order) in one run. Names
     * and shapes must already have been checked.
     */
    void load(Session session, Map<String, HostArray> weightValues, Map<String, List<HostArray>> slotValues) {
        List<TfVariable> targets = new ArrayList<>();
        List<HostArray> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            targets.add(weights.get(i));
            values.add(weightValues.get(names.get(i)));
            if (slotValues != null) {
                List<HostArray> own = slotValues.get(names.get(i));
                for (int s = 0; s < own.size(); s++) {
                    targets.add(slots.get(i).get(s));
                    values.add(own.get(s));
                }
            }
        }
        List<Tensor> fed = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (int i = 0; i < targets.size(); i++) {
                Tensor t = TfHost.toTensor(values.get(i));
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
        List<HostArray> values = fetch(session, weights);
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), values.get(i));
        }
        return out;
    }

    /** The current slots under their parameter's name, in slot order. */
    Map<String, List<HostArray>> readSlots(Session session) {
        List<TfVariable> all = new ArrayList<>();
        slots.forEach(all::addAll);
        List<HostArray> values = fetch(session, all);
        Map<String, List<HostArray>> out = new LinkedHashMap<>();
        int next = 0;
        for (int i = 0; i < names.size(); i++) {
            int n = slots.get(i).size();
            out.put(names.get(i), List.copyOf(values.subList(next, next + n)));
            next += n;
        }
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
                out.add(TfHost.toHost(result.get(i)));
            }
        }
        return out;
    }
}
