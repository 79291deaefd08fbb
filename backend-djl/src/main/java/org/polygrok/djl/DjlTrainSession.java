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
 * A model training eagerly on PyTorch. The weights and each optimizer slot live on the engine as
 * one flat vector apiece ({@link FlatParameters}), owned by the session's NDManager. Each call runs
 * in its own sub-manager, closed at the end so every intermediate is freed: forward and loss under
 * a GradientCollector, backward into the flat weights, then the api's {@link ParameterUpdate}
 * without gradient recording. The updated vectors replace the old ones, so no gradient carries over.
 */
final class DjlTrainSession implements TrainSession {
    private final Engine engine;
    private final int threads;
    private final NDManager session;
    private final LanguageModel model;
    private final FlatParameters layout;
    private final Map<Parameter, Integer> index = new IdentityHashMap<>();
    private final ParameterUpdate update;
    private NDArray weights;
    private NDArray[] slots;
    private long step;
    private boolean closed;

    DjlTrainSession(Engine engine, int threads, NDManager parent, LanguageModel model, Map<String, HostArray> initialWeights,
            TrainSpec spec) {
        SessionInputs.checkWeights(model, initialWeights);
        this.engine = engine;
        this.threads = threads;
        this.model = model;
        this.update = new ParameterUpdate(spec);
        Map<String, Parameter> named = model.namedParameters();
        List<String> names = new ArrayList<>(named.keySet());
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Parameter p = named.get(names.get(i));
            index.put(p, i);
            shapes.add(p.shape());
        }
        this.layout = new FlatParameters(names, shapes);
        this.session = parent.newSubManager();
        loadWeights(initialWeights);
        loadOptimizerState(null);
    }

    @Override
    public float step(Batch batch) {
        checkOpen();
        DjlEngine.useThreads(threads);
        try (NDManager scope = session.newSubManager()) {
            Tensor loss;
            try (GradientScope gradients = GradientScope.open(engine)) {
                DjlOps ops = opsFor(scope);
                int first = batch.firstScoredPosition();
                Tensor logits = model.scoredLogits(ops, ops.constant(batch.tokens()), first); // (B, S − first, V)
                loss = RhsLoss.mean(ops, logits, ops.constant(batch.targetsFrom(first)),
                        ops.constant(batch.rhsWeightsFrom(first)));
                gradients.backward(DjlTensor.unwrap(loss));
            }
            try (GradMode noGrad = GradMode.off()) {
                applyUpdate(new DjlOps(scope));
            }
            return loss.toHostArray().item();
        }
    }

    /** Ops whose parameters are views of the flat weights, made in {@code scope}. */
    private DjlOps opsFor(NDManager scope) {
        NDArray[] views = layout.views(weights, scope);
        return new DjlOps(scope, p -> {
            Integer i = index.get(p);
            return i == null ? null : views[i];
        });
    }

    /** Clipping and the optimizer rule on the gradient just computed; swaps in the new vectors. */
    private void applyUpdate(DjlOps ops) {
        Tensor gradient = ops.adopt(weights.getGradient());
        List<Tensor> slotTensors = new ArrayList<>(slots.length);
        for (NDArray slot : slots) {
            slotTensors.add(new DjlTensor(slot));
        }
        float[] scalars = update.stepScalars(step + 1);
        List<Tensor> scalarTensors = new ArrayList<>(scalars.length);
        for (float v : scalars) {
            scalarTensors.add(ops.scalar(v));
        }
        ParameterUpdate.Result result = update.apply(ops, List.of(new DjlTensor(weights)), List.of(gradient),
                List.of(slotTensors), scalarTensors);
        weights = replace(weights, DjlTensor.unwrap(result.parameters().get(0)));
        weights.setRequiresGradient(true);
        for (int k = 0; k < slots.length; k++) {
            slots[k] = replace(slots[k], DjlTensor.unwrap(result.slots().get(0).get(k)));
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
        DjlEngine.useThreads(threads);
        try (NDManager scope = session.newSubManager(); GradMode noGrad = GradMode.off()) {
            DjlOps ops = opsFor(scope);
            int first = batch.firstScoredPosition();
            Tensor logits = model.scoredLogits(ops, ops.constant(batch.tokens()), first); // (B, S − first, V)
            Tensor targets = ops.constant(batch.targetsFrom(first));
            Tensor rhsWeights = ops.constant(batch.rhsWeightsFrom(first));
            Tensor loss = RhsLoss.perSample(ops, logits, targets, rhsWeights);
            Tensor correct = RhsLoss.correct(ops, logits, targets, rhsWeights);
            return new Evaluation(loss.toFloatArray(), correct.toFloatArray());
        }
    }

    @Override
    public Map<String, HostArray> forwardWithInternals(HostArray tokens) {
        checkOpen();
        DjlEngine.useThreads(threads);
        try (NDManager scope = session.newSubManager(); GradMode noGrad = GradMode.off()) {
            DjlOps ops = opsFor(scope);
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
        return layout.download(weights);
    }

    @Override
    public OptimizerState optimizerState() {
        checkOpen();
        List<Map<String, HostArray>> bySlot = new ArrayList<>(slots.length);
        for (NDArray slot : slots) {
            bySlot.add(layout.download(slot));
        }
        Map<String, List<HostArray>> out = new LinkedHashMap<>();
        for (String name : layout.names()) {
            List<HostArray> perSlot = new ArrayList<>(slots.length);
            for (Map<String, HostArray> slot : bySlot) {
                perSlot.add(slot.get(name));
            }
            out.put(name, List.copyOf(perSlot));
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

    private void loadWeights(Map<String, HostArray> byName) {
        NDArray fresh = layout.upload(session, byName);
        fresh.setRequiresGradient(true);
        if (weights != null) {
            weights.close();
        }
        weights = fresh;
    }

    /** The optimizer state, or zero slots at step 0 when {@code state} is null. */
    private void loadOptimizerState(OptimizerState state) {
        int count = update.slotNames().size();
        NDArray[] fresh = new NDArray[count];
        for (int k = 0; k < count; k++) {
            fresh[k] = state != null ? layout.upload(session, FlatParameters.column(state.slots(), k))
                    : session.zeros(weights.getShape());
        }
        if (slots != null) {
            for (NDArray old : slots) {
                old.close();
            }
        }
        slots = fresh;
        step = state != null ? state.step() : 0;
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
