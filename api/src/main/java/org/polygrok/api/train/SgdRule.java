package org.polygrok.api.train;

import java.util.List;
import java.util.Optional;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/** torch.optim.SGD without momentum: g ← g + wd·p; p ← p − lr·g. No slots, no step scalars. */
public final class SgdRule implements OptimizerRule {
    private final OptimizerSpec spec;

    public SgdRule(OptimizerSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<String> slotNames() {
        return List.of();
    }

    @Override
    public float[] stepScalars(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("optimizer steps count from 1, got " + step);
        }
        return new float[0];
    }

    @Override
    public List<Tensor> update(Ops ops, Tensor param, Tensor grad, List<Tensor> slots, List<Tensor> stepScalars) {
        if (!slots.isEmpty() || !stepScalars.isEmpty()) {
            throw new IllegalArgumentException("SGD has no slots and no step scalars");
        }
        Tensor decayedGrad = CoupledDecay.apply(ops, spec, param, grad);
        return List.of(ops.sub(param, ops.mul(decayedGrad, ops.scalar((float) spec.lr()))));
    }

    @Override
    public Optional<ElementwiseUpdate> elementwise() {
        float lr = (float) spec.lr();
        float wd = (float) spec.weightDecay();
        return Optional.of((param, grad, gradScale, slots, stepScalars, n) -> {
            for (int i = 0; i < n; i++) {
                float p = param[i];
                param[i] = p - CoupledDecay.apply(wd, p, grad[i] * gradScale) * lr;
            }
        });
    }
}
