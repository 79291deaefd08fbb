package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.api.Capability;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.UnsupportedCapabilityException;
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
 * The training session of {@link ReferenceBackend}: the api's {@link RhsLoss} and
 * {@link ParameterUpdate} on {@link ReferenceOps} in double precision, with finite-difference gradients.
 */
final class ReferenceTrainSession implements TrainSession {
    private final ReferenceBackend backend;
    private final LanguageModel model;
    private final ParameterUpdate update;
    private final Map<Parameter, ReferenceTensor> weights = new IdentityHashMap<>();
    private final Map<Parameter, List<ReferenceTensor>> slots = new IdentityHashMap<>();
    private long step;

    ReferenceTrainSession(ReferenceBackend backend, LanguageModel model, Map<String, HostArray> initialWeights,
            TrainSpec spec) {
        this.backend = backend;
        this.model = model;
        this.update = new ParameterUpdate(spec);
        SessionInputs.checkWeights(model, initialWeights);
        setWeights(initialWeights);
        model.namedParameters().forEach((name, p) -> slots.put(p,
                update.initialSlots(p.shape()).stream().map(ReferenceTensor::of).toList()));
    }

    @Override
    public float step(Batch batch) {
        List<Parameter> parameters = model.parameters();
        List<Tensor> values = new ArrayList<>();
        List<Tensor> gradients = new ArrayList<>();
        List<List<Tensor>> slotValues = new ArrayList<>();
        for (Parameter p : parameters) {
            values.add(weights.get(p));
            gradients.add(gradient(p, batch));
            slotValues.add(new ArrayList<>(slots.get(p)));
        }
        double loss = loss(weights, batch);
        step++;
        ReferenceOps ops = new ReferenceOps();
        List<Tensor> scalars = new ArrayList<>();
        for (float s : update.stepScalars(step)) {
            scalars.add(ops.scalar(s));
        }
        ParameterUpdate.Result result = update.apply(ops, values, gradients, slotValues, scalars);
        for (int i = 0; i < parameters.size(); i++) {
            weights.put(parameters.get(i), ReferenceOps.ref(result.parameters().get(i)));
            slots.put(parameters.get(i), result.slots().get(i).stream().map(ReferenceOps::ref).toList());
        }
        return (float) loss;
    }

    @Override
    public long stepsTaken() {
        return step;
    }

    @Override
    public Evaluation evaluate(Batch batch) {
        ReferenceOps ops = ReferenceOps.withDoubleWeights(weights);
        Tensor logits = model.forward(ops, ops.constant(batch.tokens())).logits();
        Tensor targets = ops.constant(batch.targets());
        Tensor rhs = ops.constant(batch.rhsWeights());
        return new Evaluation(RhsLoss.perSample(ops, logits, targets, rhs).toFloatArray(),
                RhsLoss.correct(ops, logits, targets, rhs).toFloatArray());
    }

    @Override
    public Map<String, HostArray> forwardWithInternals(HostArray tokens) {
        if (!backend.capabilities().contains(Capability.MODEL_INTERNALS)) {
            throw new UnsupportedCapabilityException(backend.name(), Capability.MODEL_INTERNALS);
        }
        ReferenceOps ops = ReferenceOps.withDoubleWeights(weights);
        ModelOutput out = model.forward(ops, ops.constant(tokens));
        Map<String, HostArray> result = new LinkedHashMap<>();
        result.put("logits", out.logits().toHostArray());
        out.internals().forEach((name, t) -> result.put(name, t.toHostArray()));
        return result;
    }

    @Override
    public Map<String, HostArray> weights() {
        Map<String, HostArray> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> out.put(name, weights.get(p).toHostArray()));
        return out;
    }

    @Override
    public OptimizerState optimizerState() {
        if (!backend.capabilities().contains(Capability.OPTIMIZER_STATE)) {
            throw new UnsupportedCapabilityException(backend.name(), Capability.OPTIMIZER_STATE);
        }
        Map<String, List<HostArray>> out = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) ->
                out.put(name, slots.get(p).stream().map(ReferenceTensor::toHostArray).toList()));
        return new OptimizerState(step, out);
    }

    @Override
    public void restore(Map<String, HostArray> newWeights, OptimizerState state) {
        SessionInputs.checkWeights(model, newWeights);
        if (state != null) {
            if (!backend.capabilities().contains(Capability.OPTIMIZER_STATE)) {
                throw new UnsupportedCapabilityException(backend.name(), Capability.OPTIMIZER_STATE);
            }
            SessionInputs.checkOptimizerState(model, update.slotNames(), state);
        }
        setWeights(newWeights);
        if (state != null) {
            model.namedParameters().forEach((name, p) ->
                    slots.put(p, state.slots().get(name).stream().map(ReferenceTensor::of).toList()));
            step = state.step();
        }
    }

    @Override
    public void close() {
        // plain Java memory: nothing to free
    }

    private void setWeights(Map<String, HostArray> values) {
        model.namedParameters().forEach((name, p) -> weights.put(p, ReferenceTensor.of(values.get(name))));
    }

    private double loss(Map<Parameter, ReferenceTensor> values, Batch batch) {
        ReferenceOps ops = ReferenceOps.withDoubleWeights(values);
        Tensor logits = model.forward(ops, ops.constant(batch.tokens())).logits();
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
