package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.backend.BaseTrainSession;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.model.ModelOutput;
import org.polygrok.api.nn.Parameter;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.ParameterUpdate;
import org.polygrok.api.train.RhsLoss;
import org.polygrok.api.train.TrainSpec;

/**
 * The training session of {@link ReferenceBackend}: the api's {@link RhsLoss} and
 * {@link ParameterUpdate} on {@link ReferenceOps} in double precision, with finite-difference
 * gradients, inside the api's {@link BaseTrainSession} like every engine's session.
 */
final class ReferenceTrainSession extends BaseTrainSession {
    private final Map<Parameter, ReferenceTensor> weights = new IdentityHashMap<>();
    private final Map<Parameter, List<ReferenceTensor>> slots = new IdentityHashMap<>();

    ReferenceTrainSession(ReferenceBackend backend, LanguageModel model, Map<String, HostArray> initialWeights,
            TrainSpec spec) {
        super(backend, model, initialWeights, spec);
        start(initialWeights);
    }

    @Override
    protected float trainStep(Batch batch, float[] stepScalars) {
        List<Parameter> parameters = model().parameters();
        List<Tensor> values = new ArrayList<>();
        List<Tensor> gradients = new ArrayList<>();
        List<List<Tensor>> slotValues = new ArrayList<>();
        for (Parameter p : parameters) {
            values.add(weights.get(p));
            gradients.add(gradient(p, batch));
            slotValues.add(new ArrayList<>(slots.get(p)));
        }
        double loss = loss(weights, batch);
        ReferenceOps ops = new ReferenceOps();
        List<Tensor> scalars = new ArrayList<>();
        for (float s : stepScalars) {
            scalars.add(ops.scalar(s));
        }
        ParameterUpdate.Result result = update().apply(ops, values, gradients, slotValues, scalars);
        for (int i = 0; i < parameters.size(); i++) {
            weights.put(parameters.get(i), ReferenceOps.ref(result.parameters().get(i)));
            slots.put(parameters.get(i), result.slots().get(i).stream().map(ReferenceOps::ref).toList());
        }
        return (float) loss;
    }

    @Override
    protected Evaluation evaluateBatch(Batch batch) {
        ReferenceOps ops = ReferenceOps.withDoubleWeights(weights);
        Tensor logits = model().forward(ops, ops.constant(batch.tokens())).logits();
        Tensor targets = ops.constant(batch.targets());
        Tensor rhs = ops.constant(batch.rhsWeights());
        return new Evaluation(RhsLoss.perSample(ops, logits, targets, rhs).toFloatArray(),
                RhsLoss.correct(ops, logits, targets, rhs).toFloatArray());
    }

    @Override
    protected Map<String, HostArray> forward(HostArray tokens) {
        ReferenceOps ops = ReferenceOps.withDoubleWeights(weights);
        ModelOutput out = model().forward(ops, ops.constant(tokens));
        Map<String, HostArray> result = new LinkedHashMap<>();
        out.named().forEach((name, t) -> result.put(name, t.toHostArray()));
        return result;
    }

    @Override
    protected void upload(float[] flatWeights, List<float[]> flatSlots) {
        layout().split(flatWeights).forEach((name, value) ->
                weights.put(model().namedParameters().get(name), ReferenceTensor.of(value)));
        if (flatSlots != null) {
            List<Map<String, HostArray>> bySlot = flatSlots.stream().map(layout()::split).toList();
            model().namedParameters().forEach((name, p) ->
                    slots.put(p, bySlot.stream().map(slot -> ReferenceTensor.of(slot.get(name))).toList()));
        }
    }

    @Override
    protected float[] downloadWeights() {
        return layout().join(hostValues(weights));
    }

    @Override
    protected List<float[]> downloadSlots() {
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < update().slotNames().size(); k++) {
            int slot = k;
            Map<Parameter, ReferenceTensor> column = new IdentityHashMap<>();
            slots.forEach((p, list) -> column.put(p, list.get(slot)));
            out.add(layout().join(hostValues(column)));
        }
        return out;
    }

    @Override
    protected void release() {
        // plain Java memory: nothing to free
    }

    private Map<String, HostArray> hostValues(Map<Parameter, ReferenceTensor> values) {
        Map<String, HostArray> out = new LinkedHashMap<>();
        model().namedParameters().forEach((name, p) -> out.put(name, values.get(p).toHostArray()));
        return out;
    }

    private double loss(Map<Parameter, ReferenceTensor> values, Batch batch) {
        ReferenceOps ops = ReferenceOps.withDoubleWeights(values);
        Tensor logits = model().forward(ops, ops.constant(batch.tokens())).logits();
        return ReferenceOps.ref(RhsLoss.mean(ops, logits, ops.constant(batch.targets()),
                ops.constant(batch.rhsWeights()))).item();
    }

    private Tensor gradient(Parameter p, Batch batch) {
        Map<Parameter, ReferenceTensor> probe = new IdentityHashMap<>(weights);
        double[] g = FiniteDifferences.gradient(xs -> {
            probe.put(p, xs.get(0));
            return loss(probe, batch);
        }, List.of(weights.get(p)), 0, ReferenceBackend.FINITE_DIFFERENCE_STEP);
        return new ReferenceTensor(DType.FLOAT32, g, p.shape());
    }
}
