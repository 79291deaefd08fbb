package org.polygrok.api.tck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.Backend;
import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;
import org.polygrok.api.TensorFunction;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.ParameterBinding;
import org.polygrok.api.nn.WeightInit;

/**
 * Runs a model through a backend's generic entry points ({@link Backend#run},
 * {@link Backend#valueAndGradients}) with its weights fed as inputs after the tokens and bound to
 * the model's parameters by a {@link ParameterBinding}.
 */
public final class ModelRunner {
    public static final String LOGITS = "logits";

    /** Anything that runs a {@link TensorFunction} on host inputs: a backend, or the plain-Java reference. */
    @FunctionalInterface
    public interface Runner {
        List<HostArray> run(TensorFunction function, List<HostArray> inputs);
    }

    private ModelRunner() {
    }

    /** "logits" (B, S, V) followed by the model's internals, as host arrays. */
    public static Map<String, HostArray> forward(Runner runner, LanguageModel model, Map<String, HostArray> weights,
            HostArray tokens) {
        List<String> names = new ArrayList<>();
        TensorFunction function = (ops, inputs) -> {
            ModelOutput out = model.forward(bind(ops, model, inputs), inputs.get(0));
            names.clear();
            names.add(LOGITS);
            names.addAll(out.internals().keySet());
            List<Tensor> results = new ArrayList<>(List.of(out.logits()));
            results.addAll(out.internals().values());
            return results;
        };
        List<HostArray> values = runner.run(function, inputs(model, weights, tokens));
        Map<String, HostArray> named = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            named.put(names.get(i), values.get(i));
        }
        return named;
    }

    /** {@link LanguageModel#scoredLogits}: the logits from position {@code first} on, (B, S − first, V). */
    public static HostArray scoredLogits(Runner runner, LanguageModel model, Map<String, HostArray> weights,
            HostArray tokens, int first) {
        TensorFunction function = (ops, inputs) -> List.of(model.scoredLogits(bind(ops, model, inputs), inputs.get(0), first));
        return runner.run(function, inputs(model, weights, tokens)).get(0);
    }

    /**
     * The value of Σ logSoftmax(logits) ⊙ {@code probe} and its gradient with respect to every
     * parameter, by the backend's own autodiff, under the parameter names.
     */
    public static Map<String, HostArray> gradients(Backend backend, LanguageModel model, Map<String, HostArray> weights,
            HostArray tokens, HostArray probe) {
        List<HostArray> inputs = inputs(model, weights, tokens);
        inputs.add(probe);
        ValueAndGradients result = backend.valueAndGradients(
                (ops, in) -> probeLoss(bind(ops, model, in.subList(0, in.size() - 1)), model, in.get(0), in.get(in.size() - 1)),
                inputs);
        Map<String, HostArray> named = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(model.namedParameters().keySet());
        for (int i = 0; i < names.size(); i++) {
            named.put(names.get(i), result.gradients().get(i + 1));
        }
        return named;
    }

    /** Σ logSoftmax(logits) ⊙ probe, a scalar that reaches every parameter. */
    public static Tensor probeLoss(Ops ops, LanguageModel model, Tensor tokens, Tensor probe) {
        Tensor logProbabilities = ops.logSoftmax(model.forward(ops, tokens).logits()); // (B, S, V)
        return ops.sumAll(ops.mul(logProbabilities, probe));
    }

    private static ParameterBinding bind(Ops ops, LanguageModel model, List<Tensor> inputs) {
        return ParameterBinding.of(ops, model.parameters(), inputs.subList(1, inputs.size()));
    }

    private static List<HostArray> inputs(LanguageModel model, Map<String, HostArray> weights, HostArray tokens) {
        WeightInit.validate(model, weights);
        List<HostArray> inputs = new ArrayList<>(List.of(tokens));
        model.namedParameters().keySet().forEach(name -> inputs.add(weights.get(name)));
        return inputs;
    }
}
