package org.polygrok.api.train;

import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * torch.optim.AdamW (amsgrad off): decoupled, lr-scaled weight decay p ← p·(1 − lr·wd) on every
 * parameter, then the bias-corrected Adam step. Slots exp_avg and exp_avg_sq start at zero.
 */
public final class AdamWRule implements OptimizerRule {
    private final OptimizerSpec spec;

    public AdamWRule(OptimizerSpec spec) {
        this.spec = spec;
    }

    @Override
    public List<String> slotNames() {
        return AdamStep.SLOT_NAMES;
    }

    /** [lr / (1 − β1^t), sqrt(1 − β2^t)]. */
    @Override
    public float[] stepScalars(long step) {
        return AdamStep.stepScalars(spec, step);
    }

    @Override
    public List<Tensor> update(Ops ops, Tensor param, Tensor grad, List<Tensor> slots, List<Tensor> stepScalars) {
        Tensor decayed = spec.weightDecay() == 0 ? param
                : ops.mul(param, AdamStep.scalar(ops, 1 - spec.lr() * spec.weightDecay()));
        return AdamStep.apply(ops, spec, decayed, grad, slots, stepScalars);
    }
}
