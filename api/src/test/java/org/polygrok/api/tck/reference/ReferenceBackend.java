package org.polygrok.api.tck.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polygrok.api.Backend;
import org.polygrok.api.Capability;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.ScalarFunction;
import org.polygrok.api.Tensor;
import org.polygrok.api.TensorFunction;
import org.polygrok.api.ValueAndGradients;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.TrainSession;
import org.polygrok.api.train.TrainSpec;

/**
 * A {@link Backend} on {@link ReferenceOps}: double precision, finite-difference gradients, and
 * training sessions that run the api's own {@link org.polygrok.api.train.RhsLoss} and
 * {@link org.polygrok.api.train.ParameterUpdate}. It lets the kit prove those api rules against the
 * independent {@link ReferenceTrainer} without an engine. Only for tiny models.
 */
public final class ReferenceBackend implements Backend {
    static final double FINITE_DIFFERENCE_STEP = 1e-5;

    private final Set<Capability> capabilities;

    ReferenceBackend(Set<Capability> capabilities) {
        this.capabilities = Set.copyOf(capabilities);
    }

    @Override
    public String name() {
        return ReferenceBackendProvider.NAME;
    }

    @Override
    public String engineDescription() {
        return new ReferenceBackendProvider().engineDescription();
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public List<HostArray> run(TensorFunction function, List<HostArray> inputs) {
        return new ReferenceOps().run(function, inputs);
    }

    @Override
    public ValueAndGradients valueAndGradients(ScalarFunction function, List<HostArray> inputs) {
        List<ReferenceTensor> in = inputs.stream().map(ReferenceTensor::of).toList();
        ReferenceOps ops = new ReferenceOps();
        java.util.function.ToDoubleFunction<List<ReferenceTensor>> f =
                xs -> ReferenceOps.ref(function.apply(ops, new ArrayList<Tensor>(xs))).item();
        List<HostArray> gradients = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).dtype() != DType.FLOAT32) {
                gradients.add(null);
                continue;
            }
            double[] g = FiniteDifferences.gradient(f, in, i, FINITE_DIFFERENCE_STEP);
            gradients.add(new ReferenceTensor(DType.FLOAT32, g, in.get(i).shape()).toHostArray());
        }
        return new ValueAndGradients((float) f.applyAsDouble(in), gradients);
    }

    @Override
    public TrainSession newTrainSession(LanguageModel model, Map<String, HostArray> initialWeights, TrainSpec spec) {
        return new ReferenceTrainSession(this, model, initialWeights, spec);
    }

    @Override
    public void close() {
        // nothing to free
    }
}
