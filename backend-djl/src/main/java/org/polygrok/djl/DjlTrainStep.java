package org.polygrok.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.RhsLoss;
import org.polygrok.api.train.SessionInputs;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * A model training eagerly on PyTorch. Weights and optimizer slots live in the session's
 * NDManager; each step runs in its own sub-manager (closed at the end, freeing every intermediate):
 * forward and loss under a GradientCollector, backward, then the api's {@link ParameterUpdate}
 * without gradient recording. The updated arrays replace the old ones, so no gradient carries over.
 */
final class DjlTrainStep implements TrainSession {
    private final Engine engine;
    private final NDManager session;
    private final LanguageModel model;
    private final List<String> names;
    private final Map<Parameter, Integer> index = new IdentityHashMap<>();
    private final ParameterUpdate update;
    private final NDArray[] values;
    private final NDArray[][] slots;
    private long step;
    private boolean closed;

    DjlTrainStep(Engine engine, NDManager parent, LanguageModel model, Map<String, HostArray> initialWeights,
            TrainSpec spec) {
        SessionInputs.checkWeights(model, initialWeights);
        this.engine = engine;
        this.model = model;
        this.update = new ParameterUpdate(spec);
        this.session = parent.newSubManager();
        Map<String, Parameter> named = model.namedParameters();
        this.names = List.copyOf(named.keySet());
        this.values = new NDArray[names.size()];
        this.slots = new NDArray[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            index.put(named.get(names.get(i)), i);
        }
        loadWeights(initialWeights);
        loadOptimizerState(null);
    }

    @Override
    public float step(Batch batch) {
        checkOpen();
        DjlEngine.useThreadsHere();
        try (NDManager scope = session.newSubManager()) {
            DjlOps ops = new DjlOps(scope, this::valueOf);
            Tensor loss;
            try (GradientScope gradients = GradientScope.open(engine)) {
                ModelOutput out = model.forward(ops, ops.constant(batch.tokens()));
                loss = RhsLoss.mean(ops, out.logits(), ops.constant(batch.targets()), ops.constant(batch.rhsWeights()));
                gradients.backward(DjlTensor.unwrap(loss));
            }
            try (GradMode noGrad = GradMode.off()) {
                applyUpdate(ops);
            }
            return loss.toHostArray().item();
        }
    }

    /** Clipping and the optimizer rule on the gradients just computed; swaps in the new arrays. */
    private void applyUpdate(DjlOps ops) {
        int n = values.length;
        List<Tensor> params = new ArrayList<>(n);
        List<Tensor> grads = new ArrayList<>(n);
        List<List<Tensor>> slotTensors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            params.add(new DjlTensor(values[i]));
            grads.add(ops.adopt(values[i].getGradient()));
            List<Tensor> s = new ArrayList<>(slots[i].length);
            for (NDArray slot : slots[i]) {
                s.add(new DjlTensor(slot));
            }
            slotTensors.add(s);
        }
        float[] scalars = update.stepScalars(step + 1);
        List<Tensor> scalarTensors = new ArrayList<>(scalars.length);
        for (float v : scalars) {
            scalarTensors.add(ops.scalar(v));
        }
        ParameterUpdate.Result result = update.apply(ops, params, grads, slotTensors, scalarTensors);
        for (int i = 0; i < n; i++) {
            values[i] = replace(values[i], DjlTensor.unwrap(result.parameters().get(i)));
            values[i].setRequiresGradient(true);
            for (int k = 0; k < slots[i].length; k++) {
                slots[i][k] = replace(slots[i][k], DjlTensor.unwrap(result.slots().get(i).get(k)));
            }
        }
        step++;
    }

    /** Moves {@code fresh} from the step scope into the session and frees {@code old}. */
    private NDArray replace(NDArray old, NDArray fresh) {
        if (fresh == old) {
            return old;
        }
        fresh.attach(session);
        old.close();
        return fresh;
    }

    @Override
    public long stepsTaken() {
        return step;
    }

    @Override
    public Evaluation evaluate(Batch batch) {
        checkOpen();
        DjlEngine.useThreadsHere();
        try (NDManager scope = session.newSubManager(); GradMode noGrad = GradMode.off()) {
            DjlOps ops = new DjlOps(scope, this::valueOf);
            ModelOutput out = model.forward(ops, ops.constant(batch.tokens()));
            Tensor targets = ops.constant(batch.targets());
            Tensor weights = ops.constant(batch.rhsWeights());
            Tensor loss = RhsLoss.perSample(ops, out.logits(), targets, weights);
            Tensor correct = RhsLoss.correct(ops, out.logits(), targets, weights);
            return new Evaluation(loss.toFloatArray(), correct.toFloatArray());
        }
    }

    @Override
    public Map<String, HostArray> forwardWithInternals(HostArray tokens) {
        checkOpen();
        DjlEngine.useThreadsHere();
        try (NDManager scope = session.newSubManager(); GradMode noGrad = GradMode.off()) {
            DjlOps ops = new DjlOps(scope, this::valueOf);
            ModelOutput out = model.forward(ops, ops.constant(tokens));
            Map<String, HostArray> result = new LinkedHashMap<>();
            result.put("logits", out.logits().toHostArray());
            out.internals().forEach((name, t) -> result.put(name, t.toHostArray()));
            return result;
        }
    }

    @Override
    public Map<String, HostArray> weights() {
        checkOpen();
        Map<String, HostArray> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), DjlArrays.toHost(values[i]));
        }
        return out;
    }

    @Override
    public OptimizerState optimizerState() {
        checkOpen();
        Map<String, List<HostArray>> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            List<HostArray> s = new ArrayList<>(slots[i].length);
            for (NDArray slot : slots[i]) {
                s.add(DjlArrays.toHost(slot));
            }
            out.put(names.get(i), List.copyOf(s));
        }
        return new OptimizerState(step, out);
    }

    @Override
    public void restore(Map<String, HostArray> weights, OptimizerState state) {
        checkOpen();
        SessionInputs.checkWeights(model, weights);
        if (state != null) {
            SessionInputs.checkOptimizerState(model, update.slotNames(), state);
        }
        loadWeights(weights);
        if (state != null) {
            loadOptimizerState(state);
        }
    }

    /** Uploads weights, freeing the old arrays. */
    private void loadWeights(Map<String, HostArray> weights) {
        for (int i = 0; i < names.size(); i++) {
            NDArray value = DjlArrays.upload(session, weights.get(names.get(i)));
            value.setRequiresGradient(true);
            if (values[i] != null) {
                values[i].close();
            }
            values[i] = value;
        }
    }

    /** Uploads the optimizer state (zero slots at step 0 when {@code state} is null), freeing the old slots. */
    private void loadOptimizerState(OptimizerState state) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            List<HostArray> hostSlots = state != null ? state.slots().get(name)
                    : update.initialSlots(values[i].getShape().getShape());
            NDArray[] fresh = new NDArray[hostSlots.size()];
            for (int k = 0; k < fresh.length; k++) {
                fresh[k] = DjlArrays.upload(session, hostSlots.get(k));
            }
            if (slots[i] != null) {
                for (NDArray old : slots[i]) {
                    old.close();
                }
            }
            slots[i] = fresh;
        }
        step = state != null ? state.step() : 0;
    }

    private NDArray valueOf(Parameter p) {
        Integer i = index.get(p);
        return i == null ? null : values[i];
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this training session is closed");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
        }
    }
}
