package org.polygrok.nd4j;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Capability;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.ScalarFunction;
import org.polygrok.api.OpShapes;
import org.polygrok.api.Tensor;
import org.polygrok.api.TensorFunction;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.backend.OpenSessions;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/** ND4J/SameDiff: every computation is traced into a SameDiff graph and differentiated by SameDiff. */
public final class Nd4jBackend implements Backend {
    private final BackendOptions options;
    private final OpenSessions sessions = new OpenSessions();
    private boolean closed;

    Nd4jBackend(BackendOptions options) {
        this.options = options;
        Nd4jEngine.start(options);
    }

    @Override
    public String name() {
        return Nd4jBackendProvider.NAME;
    }

    @Override
    public String engineDescription() {
        return "ND4J/SameDiff " + Nd4jEngine.VERSION + (Nd4jEngine.oneDnn() ? " (CPU, oneDNN + OpenBLAS), " : " (CPU, OpenBLAS), ") + Nd4jEngine.configuredThreads() + " threads";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.MODEL_INTERNALS, Capability.OPTIMIZER_STATE, Capability.THREAD_CONTROL);
    }

    @Override
    public List<HostArray> run(TensorFunction function, List<HostArray> inputs) {
        checkOpen();
        SameDiff sd = SameDiff.create();
        Map<String, INDArray> feed = new HashMap<>();
        List<Tensor> tensors = placeholders(sd, inputs, feed);
        List<Tensor> results = function.apply(new Nd4jOps(sd, Map.of()), tensors);
        List<String> names = new ArrayList<>();
        for (Tensor r : results) {
            names.add(sd.identity(own(r, sd)).name());
        }
        try (GraphPlan plan = new GraphPlan(sd, feed, names)) {
            List<HostArray> values = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                values.add(hostValue(plan.output(names.get(i)), results.get(i)));
            }
            return values;
        }
    }

    @Override
    public ValueAndGradients valueAndGradients(ScalarFunction function, List<HostArray> inputs) {
        checkOpen();
        SameDiff sd = SameDiff.create();
        Map<String, INDArray> feed = new HashMap<>();
        List<Tensor> tensors = new ArrayList<>();
        List<String> differentiable = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            HostArray in = inputs.get(i);
            if (in.dtype() == DType.FLOAT32) {
                SDVariable var = sd.var("input_" + i, Nd4jArrays.toNd4j(in));
                differentiable.add(var.name());
                tensors.add(new Nd4jTensor(var, in.shape(), in.dtype()));
            } else {
                tensors.add(placeholder(sd, "input_" + i, in, feed));
            }
        }
        Tensor value = function.apply(new Nd4jOps(sd, Map.of()), tensors);
        OpShapes.scalarResult(value);
        SDVariable loss = sd.reshape(own(value, sd), new long[0]); // (1...) -> ()
        differentiable.retainAll(GraphOrder.ancestors(sd, loss.name())); // SameDiff refuses unused variables
        Map<String, String> gradientOf = new HashMap<>();
        SameDiff graph = sd;
        if (!differentiable.isEmpty()) {
            loss.markAsLoss();
            graph = Gradients.gradientGraph(sd);
            for (String name : differentiable) {
                SDVariable grad = sd.getVariable(name).getGradient();
                if (grad != null) {
                    gradientOf.put(name, grad.name());
                }
            }
        }
        List<String> outputs = new ArrayList<>(List.of(loss.name()));
        outputs.addAll(gradientOf.values());
        try (GraphPlan plan = new GraphPlan(graph, feed, outputs)) {
            List<HostArray> grads = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                HostArray in = inputs.get(i);
                String g = gradientOf.get("input_" + i);
                grads.add(in.dtype() != DType.FLOAT32 ? null
                        : g == null ? HostArray.zeros(in.shape()) // the value does not depend on this input
                        : withoutNegativeZeros(Nd4jArrays.toHost(plan.output(g))));
            }
            return new ValueAndGradients(plan.output(loss.name()).getFloat(0), grads);
        }
    }

    @Override
    public TrainSession newTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec) {
        checkOpen();
        return sessions.add(new Nd4jTrainSession(this, model, initialWeights, spec));
    }

    BackendOptions options() {
        return options;
    }

    @Override
    public void close() {
        closed = true;
        sessions.closeAll();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the nd4j backend is closed");
        }
    }

    private static List<Tensor> placeholders(SameDiff sd, List<HostArray> inputs, Map<String, INDArray> feed) {
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            tensors.add(placeholder(sd, "input_" + i, inputs.get(i), feed));
        }
        return tensors;
    }

    private static Tensor placeholder(SameDiff sd, String name, HostArray value, Map<String, INDArray> feed) {
        SDVariable ph = sd.placeHolder(name, Nd4jArrays.dataType(value.dtype()), value.shape());
        feed.put(name, Nd4jArrays.toNd4j(value));
        return new Nd4jTensor(ph, value.shape(), value.dtype());
    }

    private static SDVariable own(Tensor t, SameDiff sd) {
        if (t instanceof Nd4jTensor n && n.variable().getSameDiff() == sd) {
            return n.variable();
        }
        throw new IllegalArgumentException("the function returned a tensor that is not from its own ops: " + t);
    }

    /** The result as polygrok sees it: the traced shape and dtype (SameDiff may give INT64 or [1] for []). */
    private static HostArray hostValue(INDArray array, Tensor traced) {
        HostArray raw = Nd4jArrays.toHost(array);
        long[] shape = traced.shape();
        if (traced.dtype() == DType.INT32) {
            return HostArray.ofInts(raw.dtype() == DType.INT32 ? raw.ints() : toInts(raw.floats()), shape);
        }
        return HostArray.of(raw.toFloatArray(), shape);
    }

    /** Masked gradients come out as g·0, which is −0.0 for negative g; report them as 0.0. */
    private static HostArray withoutNegativeZeros(HostArray gradient) {
        float[] v = gradient.floats();
        for (int i = 0; i < v.length; i++) {
            v[i] += 0.0f; // −0.0 + 0.0 = +0.0; every other value is unchanged
        }
        return gradient;
    }

    private static int[] toInts(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }
}
