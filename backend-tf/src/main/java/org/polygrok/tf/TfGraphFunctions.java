package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.OpShapes;
import org.polygrok.api.ScalarFunction;
import org.polygrok.api.Tensor;
import org.polygrok.api.TensorFunction;
import org.polygrok.api.ValueAndGradients;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;

/**
 * {@link org.polygrok.api.Backend#run} and {@link org.polygrok.api.Backend#valueAndGradients}:
 * trace the function into a fresh graph with one placeholder per input (of that input's shape),
 * add TensorFlow's own gradients where asked, run it once and copy the results back.
 */
final class TfGraphFunctions {
    private final ConfigProto config;

    TfGraphFunctions(ConfigProto config) {
        this.config = config;
    }

    List<HostArray> run(TensorFunction function, List<HostArray> inputs) {
        try (Graph graph = new Graph()) {
            org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(graph);
            List<Placeholder<?>> placeholders = placeholders(tf, inputs);
            List<Tensor> outputs = function.apply(new TfOps(tf, Map.of()), wrap(placeholders));
            List<Operand<?>> fetches = new ArrayList<>();
            for (Tensor out : outputs) {
                fetches.add(fetchable(tf, placeholders, TfTensor.of(out).operand()));
            }
            return execute(graph, placeholders, inputs, fetches);
        }
    }

    ValueAndGradients valueAndGradients(ScalarFunction function, List<HostArray> inputs) {
        try (Graph graph = new Graph()) {
            org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(graph);
            List<Placeholder<?>> placeholders = placeholders(tf, inputs);
            TfTensor value = TfTensor.of(function.apply(new TfOps(tf, Map.of()), wrap(placeholders)));
            OpShapes.scalarResult(value);
            List<Integer> floatInputs = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                if (inputs.get(i).dtype() == DType.FLOAT32) {
                    floatInputs.add(i);
                }
            }
            List<Operand<?>> fetches = new ArrayList<>();
            Operand<?> y = fetchable(tf, placeholders, value.operand());
            fetches.add(y);
            List<Operand<?>> xs = new ArrayList<>();
            floatInputs.forEach(i -> xs.add(placeholders.get(i)));
            if (!xs.isEmpty()) {
                fetches.addAll(TfGradients.of(graph, tf, "gradients", y, xs));
            }
            List<HostArray> results = execute(graph, placeholders, inputs, fetches);
            List<HostArray> gradients = new ArrayList<>();
            int next = 1;
            for (HostArray input : inputs) {
                gradients.add(input.dtype() == DType.FLOAT32 ? results.get(next++) : null);
            }
            return new ValueAndGradients(results.get(0).item(), gradients);
        }
    }

    /** TensorFlow cannot fetch a fed placeholder: an input returned as is goes through Identity. */
    private static Operand<?> fetchable(org.tensorflow.op.Ops tf, List<Placeholder<?>> placeholders, Operand<?> out) {
        return placeholders.contains(out) ? tf.identity(out) : out;
    }

    private static List<Placeholder<?>> placeholders(org.tensorflow.op.Ops tf, List<HostArray> inputs) {
        List<Placeholder<?>> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            HostArray input = inputs.get(i);
            out.add(tf.withName("input_" + i).placeholder(TfArrays.typeOf(input.dtype()),
                    Placeholder.shape(Shape.of(input.shape()))));
        }
        return out;
    }

    private static List<Tensor> wrap(List<Placeholder<?>> placeholders) {
        List<Tensor> out = new ArrayList<>();
        for (Placeholder<?> p : placeholders) {
            out.add(new TfTensor(p));
        }
        return out;
    }

    private List<HostArray> execute(Graph graph, List<Placeholder<?>> placeholders, List<HostArray> inputs,
            List<Operand<?>> fetches) {
        List<org.tensorflow.Tensor> fed = new ArrayList<>();
        try (Session session = new Session(graph, config)) {
            Session.Runner runner = session.runner();
            for (int i = 0; i < inputs.size(); i++) {
                org.tensorflow.Tensor value = TfArrays.toTensor(inputs.get(i));
                fed.add(value);
                runner.feed(placeholders.get(i), value);
            }
            fetches.forEach(runner::fetch);
            List<HostArray> out = new ArrayList<>();
            if (fetches.isEmpty()) {
                return out;
            }
            try (Result result = runner.run()) {
                for (int i = 0; i < fetches.size(); i++) {
                    out.add(TfArrays.toHost(result.get(i)));
                }
            }
            return out;
        } finally {
            fed.forEach(org.tensorflow.Tensor::close);
        }
    }
}
