package org.polygrok.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** PyTorch (CPU) through DJL, eager: ops run as they are called, autograd by GradientCollector. */
public final class DjlBackend implements Backend {
    private final Engine engine;
    private final NDManager root;
    private final int threads;
    private final OpenSessions sessions = new OpenSessions();

    DjlBackend(BackendOptions options) {
        this.threads = DjlEngine.threadsFor(options.threads());
        this.engine = DjlEngine.load(threads);
        this.root = engine.newBaseManager(Device.cpu());
    }

    @Override
    public String name() {
        return DjlBackendProvider.NAME;
    }

    @Override
    public String engineDescription() {
        return "PyTorch " + engine.getVersion() + " via DJL " + Engine.getDjlVersion();
    }

    @Override
    public Set<Capability> capabilities() {
        return Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
    }

    /** Intra-op threads PyTorch uses for this backend's work. */
    public int threads() {
        return threads;
    }

    @Override
    public List<HostArray> run(TensorFunction function, List<HostArray> inputs) {
        DjlEngine.useThreads(threads);
        try (NDManager scope = root.newSubManager(); DjlGradMode noGrad = DjlGradMode.off()) {
            DjlOps ops = new DjlOps(scope);
            List<Tensor> results = function.apply(ops, upload(ops, inputs));
            List<HostArray> out = new ArrayList<>(results.size());
            for (Tensor t : results) {
                out.add(t.toHostArray());
            }
            return out;
        }
    }

    @Override
    public ValueAndGradients valueAndGradients(ScalarFunction function, List<HostArray> inputs) {
        DjlEngine.useThreads(threads);
        try (NDManager scope = root.newSubManager()) {
            DjlOps ops = new DjlOps(scope);
            List<Tensor> tensors = upload(ops, inputs);
            for (Tensor t : tensors) {
                if (t.dtype() == DType.FLOAT32) {
                    DjlTensor.unwrap(t).setRequiresGradient(true);
                }
            }
            float value;
            try (DjlGradientScope gradients = DjlGradientScope.open(engine)) {
                Tensor result = function.apply(ops, tensors);
                OpShapes.scalarResult(result);
                gradients.backward(DjlTensor.unwrap(result));
                value = result.toHostArray().item();
            }
            List<HostArray> grads = new ArrayList<>(tensors.size());
            for (Tensor t : tensors) {
                grads.add(t.dtype() == DType.FLOAT32 ? gradientOf(DjlTensor.unwrap(t), scope) : null);
            }
            return new ValueAndGradients(value, grads);
        }
    }

    /** The gradient of an array that required one (DJL gives zeros when the result did not depend on it). */
    static HostArray gradientOf(NDArray array, NDManager scope) {
        NDArray grad = array.getGradient();
        grad.attach(scope);
        return DjlArrays.toHost(grad);
    }

    @Override
    public TrainSession newTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec) {
        return sessions.add(new DjlTrainSession(this, engine, threads, root, model, initialWeights, spec));
    }

    @Override
    public void close() {
        sessions.closeAll();
        root.close();
    }

    private static List<Tensor> upload(DjlOps ops, List<HostArray> inputs) {
        List<Tensor> out = new ArrayList<>(inputs.size());
        for (HostArray h : inputs) {
            out.add(ops.constant(h));
        }
        return out;
    }
}
