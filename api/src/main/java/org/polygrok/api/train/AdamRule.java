package org.polygrok.api.train;

import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * torch.optim.Adam (amsgrad off) with coupled L2 weight decay: g ← g + wd·p, then the
 * bias-corrected Adam step. Slots exp_avg and exp_avg_sq start at zero.
 */
public final class AdamRule implements OptimizerRule {
    private final OptimizerSpec spec;

    public AdamRule(OptimizerSpec spec) {
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
        Tensor decayedGrad = CoupledDecay.apply(ops, spec, param, grad);
        return AdamStep.apply(ops, spec, param, decayedGrad, slots, stepScalars);
    }
}
