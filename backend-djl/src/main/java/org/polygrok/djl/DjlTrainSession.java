package org.polygrok.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.backend.BaseTrainSession;
import org.polygrok.api.backend.FlatLayout;
import org.polygrok.api.backend.SmallBatchThreads;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.RhsLoss;
import org.polygrok.api.train.TrainSpec;

/**
 * A model training eagerly on PyTorch. The weights and each optimizer slot live on the engine as
 * one flat vector apiece (the api's {@link FlatLayout}), owned by the session's NDManager. Each call
 * runs in its own sub-manager, closed at the end so every intermediate is freed: forward and loss
 * under a GradientCollector, backward into the flat weights, then the api's {@link ParameterUpdate}
 * without gradient recording. The updated vectors replace the old ones, so no gradient carries over.
 */
final class DjlTrainSession extends BaseTrainSession {
    private final Engine engine;
    private final int threads;
    private final NDManager session;
    private final DjlFusedAdam fusedAdam;
    private final Map<Parameter, Integer> index = new IdentityHashMap<>();
    private NDArray weights;
    private NDArray[] slots;

    DjlTrainSession(DjlBackend backend, Engine engine, int threads, NDManager parent, LanguageModel model,
            Map<String, HostArray> initialWeights, TrainSpec spec) {
        super(backend, model, initialWeights, spec);
        this.engine = engine;
        this.threads = threads;
        for (int i = 0; i < layout().count(); i++) {
            index.put(layout().parameter(i), i);
        }
        this.session = parent.newSubManager();
        this.fusedAdam = DjlFusedAdam.forSpec(spec);
        start(initialWeights);
    }

    @Override
    protected float trainStep(Batch batch, float[] stepScalars) {
        DjlEngine.useThreads(SmallBatchThreads.threadsForBatch(threads, batch.tokens().shape()[0]));
        try (NDManager scope = session.newSubManager()) {
            Tensor loss;
            try (DjlGradientScope gradients = DjlGradientScope.open(engine)) {
                DjlOps ops = opsFor(scope);
                int first = batch.firstScoredPosition();
                Tensor logits = model().scoredLogits(ops, ops.constant(batch.tokens()), first); // (B, S − first, V)
                loss = RhsLoss.mean(ops, logits, ops.constant(batch.targetsFrom(first)),
                        ops.constant(batch.rhsWeightsFrom(first)));
                gradients.backward(DjlTensor.unwrap(loss));
            }
            try (DjlGradMode noGrad = DjlGradMode.off()) {
                applyUpdate(new DjlOps(scope), stepScalars);
            }
            return loss.toHostArray().item();
        }
    }

    /** Ops whose parameters are views of the flat weights, made in {@code scope}. */
    private DjlOps opsFor(NDManager scope) {
        NDArray[] views = views(weights, scope);
        return new DjlOps(scope, p -> {
            Integer i = index.get(p);
            return i == null ? null : views[i];
        });
    }

    /**
     * Each parameter as a view of {@code flat}, shaped like the parameter; in grad mode the views
     * are recorded, so gradients reach {@code flat}. Intermediates go to {@code scope}.
     */
    private NDArray[] views(NDArray flat, NDManager scope) {
        FlatLayout layout = layout();
        NDList pieces = JniUtils.split((PtNDArray) flat, layout.sizes(), 0); // (N) -> one (size_i) piece per parameter
        NDArray[] out = new NDArray[layout.count()];
        for (int i = 0; i < out.length; i++) {
            NDArray piece = pieces.get(i);
            piece.attach(scope);
            out[i] = JniUtils.reshape((PtNDArray) piece, layout.shape(i)); // (size_i) -> parameter shape
            out[i].attach(scope);
        }
        return out;
    }

    /**
     * Clipping and the optimizer rule on the gradient just computed: AdamW in place
     * ({@link DjlFusedAdam}), then the weights become a new leaf without a gradient; any other rule
     * through the api's {@link ParameterUpdate}, whose new vectors replace the old ones.
     */
    private void applyUpdate(DjlOps ops, float[] stepScalars) {
        if (fusedAdam != null) {
            NDArray gradient = weights.getGradient();
            gradient.attach(ops.scope());
            fusedAdam.apply(ops.scope(), weights, gradient, slots[0], slots[1], stepScalars);
            NDArray leaf = weights.stopGradient(); // same storage, no gradient: the next backward writes a fresh one
            leaf.attach(session);
            leaf.setRequiresGradient(true);
            weights.close();
            weights = leaf;
            return;
        }
        Tensor gradient = ops.adopt(weights.getGradient());
        List<Tensor> slotTensors = new ArrayList<>(slots.length);
        for (NDArray slot : slots) {
            slotTensors.add(new DjlTensor(slot));
        }
        List<Tensor> scalarTensors = new ArrayList<>(stepScalars.length);
        for (float v : stepScalars) {
            scalarTensors.add(ops.scalar(v));
        }
        ParameterUpdate.Result result = update().apply(ops, List.of(new DjlTensor(weights)), List.of(gradient),
                List.of(slotTensors), scalarTensors);
        weights = replace(weights, DjlTensor.unwrap(result.parameters().get(0)));
        weights.setRequiresGradient(true);
        for (int k = 0; k < slots.length; k++) {
            slots[k] = replace(slots[k], DjlTensor.unwrap(result.slots().get(0).get(k)));
        }
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
    protected Evaluation evaluateBatch(Batch batch) {
        DjlEngine.useThreads(threads);
        try (NDManager scope = session.newSubManager(); DjlGradMode noGrad = DjlGradMode.off()) {
            DjlOps ops = opsFor(scope);
            int first = batch.firstScoredPosition();
            Tensor logits = model().scoredLogits(ops, ops.constant(batch.tokens()), first); // (B, S − first, V)
            Tensor targets = ops.constant(batch.targetsFrom(first));
            Tensor rhsWeights = ops.constant(batch.rhsWeightsFrom(first));
            Tensor loss = RhsLoss.perSample(ops, logits, targets, rhsWeights);
            Tensor correct = RhsLoss.correct(ops, logits, targets, rhsWeights);
            return new Evaluation(loss.toFloatArray(), correct.toFloatArray());
        }
    }

    @Override
    protected Map<String, HostArray> forward(HostArray tokens) {
        DjlEngine.useThreads(threads);
        try (NDManager scope = session.newSubManager(); DjlGradMode noGrad = DjlGradMode.off()) {
            DjlOps ops = opsFor(scope);
            ModelOutput out = model().forward(ops, ops.constant(tokens));
            Map<String, HostArray> result = new LinkedHashMap<>();
            out.named().forEach((name, t) -> result.put(name, t.toHostArray()));
            return result;
        }
    }

    @Override
    protected float[] downloadWeights() {
        return DjlArrays.toHost(weights).floats();
    }

    @Override
    protected List<float[]> downloadSlots() {
        List<float[]> out = new ArrayList<>(slots.length);
        for (NDArray slot : slots) {
            out.add(DjlArrays.toHost(slot).floats());
        }
        return out;
    }

    @Override
    protected void upload(float[] flatWeights, List<float[]> flatSlots) {
        NDArray fresh = ownedCopy(flatWeights);
        fresh.setRequiresGradient(true);
        if (weights != null) {
            weights.close();
        }
        weights = fresh;
        if (flatSlots != null) {
            if (slots != null) {
                for (NDArray old : slots) {
                    old.close();
                }
            }
            slots = new NDArray[flatSlots.size()];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = ownedCopy(flatSlots.get(k));
            }
        }
    }

    /**
     * A vector in memory that libtorch owns. DJL's {@code create} wraps a Java buffer that lives only
     * as long as its NDArray; the in-place update hands the weights' memory on to a new leaf each step.
     */
    private NDArray ownedCopy(float[] values) {
        try (NDArray wrapped = session.create(values)) {
            NDArray copy = wrapped.duplicate();
            copy.attach(session);
            return copy;
        }
    }

    @Override
    protected void release() {
        session.close();
    }
}
