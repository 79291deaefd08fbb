package org.polygrok.api.train;

import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * torch.optim.Adam and torch.optim.AdamW (amsgrad off); they differ only in where weight decay acts.
 * <ul>
 *   <li>Adam: coupled L2, g ← g + wd·p, then the Adam step;</li>
 *   <li>AdamW: decoupled, lr-scaled decay p ← p·(1 − lr·wd) on every parameter, then the Adam step.</li>
 * </ul>
 * The Adam step is bias-corrected; slots exp_avg and exp_avg_sq start at zero.
 */
public final class AdamRule implements OptimizerRule {
    private final OptimizerSpec spec;
    private final boolean decoupledDecay;

    private AdamRule(OptimizerSpec spec, boolean decoupledDecay) {
        this.spec = spec;
        this.decoupledDecay = decoupledDecay;
    }

    /** torch.optim.Adam: weight decay added to the gradient. */
    public static AdamRule adam(OptimizerSpec spec) {
        return new AdamRule(spec, false);
    }

    /** torch.optim.AdamW: weight decay applied to the parameter, scaled by lr. */
    public static AdamRule adamW(OptimizerSpec spec) {
        return new AdamRule(spec, true);
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
        if (!decoupledDecay) {
            return AdamStep.apply(ops, spec, param, CoupledDecay.apply(ops, spec, param, grad), slots, stepScalars);
        }
        Tensor decayed = spec.weightDecay() == 0 ? param
                : ops.mul(param, AdamStep.scalar(ops, 1 - spec.lr() * spec.weightDecay()));
        return AdamStep.apply(ops, spec, decayed, grad, slots, stepScalars);
    }
}
