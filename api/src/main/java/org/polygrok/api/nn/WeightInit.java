package org.polygrok.api.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.random.Mt19937;

/**
 * A model's initial weights, drawn in plain Java so that one seed gives the same weights on every
 * backend; and the check that a set of imported weights fits a model.
 */
public final class WeightInit {
    private WeightInit() {
    }

    /**
     * Every parameter's initial value under its dotted name, in {@link Module#namedParameters()}
     * order, all drawn in that order from one {@code new Mt19937(seed)}.
     */
    public static LinkedHashMap<String, HostArray> initialWeights(Module model, long seed) {
        Mt19937 random = new Mt19937(seed);
        LinkedHashMap<String, HostArray> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            Parameter p = e.getValue();
            long[] shape = p.shape();
            float[] values = new float[Math.toIntExact(p.size())];
            p.initializer().fill(values, shape, random);
            weights.put(e.getKey(), HostArray.of(values, shape));
        }
        return weights;
    }

    /**
     * Checks that {@code weights} holds exactly the model's parameters, FLOAT32, with the right
     * shapes.
     *
     * @throws IllegalArgumentException naming every missing, unexpected, mis-shaped or non-float tensor
     */
    public static void validate(Module model, Map<String, HostArray> weights) {
        Map<String, Parameter> expected = model.namedParameters();
        List<String> missing = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : expected.entrySet()) {
            HostArray value = weights.get(e.getKey());
            long[] shape = e.getValue().shape();
            if (value == null) {
                missing.add(e.getKey());
            } else if (value.dtype() != DType.FLOAT32) {
                problems.add(e.getKey() + " is " + value.dtype() + ", not FLOAT32");
            } else if (!Arrays.equals(value.shape(), shape)) {
                problems.add(e.getKey() + " has shape " + Arrays.toString(value.shape())
                        + " instead of " + Arrays.toString(shape));
            }
        }
        List<String> extra = weights.keySet().stream().filter(k -> !expected.containsKey(k)).sorted().toList();
        if (missing.isEmpty() && extra.isEmpty() && problems.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing " + missing);
        }
        if (!extra.isEmpty()) {
            parts.add("unexpected " + extra);
        }
        parts.addAll(problems);
        throw new IllegalArgumentException("the weights do not fit the model: " + String.join("; ", parts) + ".");
    }
}
