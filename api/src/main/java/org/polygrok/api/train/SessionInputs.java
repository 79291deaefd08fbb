package org.polygrok.api.train;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.nn.WeightInit;

/** Checks every backend applies to the weights and optimizer state it is given, with one clear sentence on failure. */
public final class SessionInputs {
    private SessionInputs() {
    }

    /** Exactly one FLOAT32 array per model parameter name, of the parameter's shape ({@link WeightInit#validate}). */
    public static void checkWeights(LanguageModel model, Map<String, HostArray> weights) {
        WeightInit.validate(model, weights);
    }

    /** A non-negative step and, per parameter name, one array per slot name of the parameter's shape. */
    public static void checkOptimizerState(LanguageModel model, List<String> slotNames, OptimizerState state) {
        if (state.step() < 0) {
            throw new IllegalArgumentException("optimizer state has a negative step " + state.step());
        }
        Map<String, Parameter> parameters = model.namedParameters();
        if (!state.slots().keySet().equals(parameters.keySet())) {
            throw new IllegalArgumentException("optimizer state covers " + state.slots().keySet()
                    + " but the model's parameters are " + parameters.keySet());
        }
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            List<HostArray> slots = state.slots().get(e.getKey());
            if (slots.size() != slotNames.size()) {
                throw new IllegalArgumentException("optimizer state of '" + e.getKey() + "' has " + slots.size()
                        + " slots, expected " + slotNames);
            }
            for (int i = 0; i < slots.size(); i++) {
                checkArray(slotNames.get(i) + " of '" + e.getKey() + "'", slots.get(i), e.getValue().shape());
            }
        }
    }

    private static void checkArray(String what, HostArray a, long[] shape) {
        if (a.dtype() != DType.FLOAT32 || !Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException(what + " is " + a.dtype() + " " + Arrays.toString(a.shape())
                    + ", expected FLOAT32 " + Arrays.toString(shape));
        }
    }
}
