package org.polygrok.api.train;

import java.util.List;
import java.util.Optional;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * torch.optim.SGD with momentum μ (dampening 0, no Nesterov): g ← g + wd·p; buf ← g at the first
 * step, μ·buf + g after; p ← p − lr·buf. Slot momentum_buffer starts at zero.
 */
public final class MomentumRule implements OptimizerRule {
    private final OptimizerSpec spec;

    public MomentumRule(OptimizerSpec spec) {
        if (spec.momentum() < 0 || spec.momentum() >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + spec.momentum());
        }
        this.spec = spec;
    }

    @Override
    public List<String> slotNames() {
        return List.of("momentum_buffer");
    }

    /** [0 at the first step (torch starts the buffer as a copy of the gradient), μ after]. */
    @Override
    public float[] stepScalars(long step) {
        if (step < 1) {
            throw new IllegalArgumentException("optimizer steps count from 1, got " + step);
        }
        return new float[] {step == 1 ? 0f : (float) spec.momentum()};
    }

    @Override
    public List<Tensor> update(Ops ops, Tensor param, Tensor grad, List<Tensor> slots, List<Tensor> stepScalars) {
        if (slots.size() != 1 || stepScalars.size() != 1) {
            throw new IllegalArgumentException("momentum needs 1 slot (momentum_buffer) and 1 step scalar, got "
                    + slots.size() + " and " + stepScalars.size());
        }
        Tensor decayedGrad = CoupledDecay.apply(ops, spec, param, grad);
        Tensor buffer = ops.add(ops.mul(slots.get(0), stepScalars.get(0)), decayedGrad);
        return List.of(ops.sub(param, ops.mul(buffer, ops.scalar((float) spec.lr()))), buffer);
    }

    @Override
    public Optional<ElementwiseUpdate> elementwise() {
        float lr = (float) spec.lr();
        float wd = (float) spec.weightDecay();
        return Optional.of((param, grad, gradScale, slots, stepScalars, n) -> {
            float momentum = stepScalars[0];
            float[] buffer = slots[0];
            for (int i = 0; i < n; i++) {
                float p = param[i];
                float b = buffer[i] * momentum + CoupledDecay.apply(wd, p, grad[i] * gradScale);
                buffer[i] = b;
                param[i] = p - b * lr;
            }
        });
    }
}
