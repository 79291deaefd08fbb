package org.polygrok.api.train;

import java.util.List;
import java.util.Optional;
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

    @Override
    public Optional<ElementwiseUpdate> elementwise() {
        AdamStep.Constants c = new AdamStep.Constants(spec);
        float coupled = decoupledDecay ? 0f : (float) spec.weightDecay();
        float decay = decoupledDecay && spec.weightDecay() != 0 ? (float) (1 - spec.lr() * spec.weightDecay()) : 1f;
        return Optional.of((param, grad, gradScale, slots, stepScalars, n) -> {
            float stepSize = stepScalars[0];
            float biasCorrection2Sqrt = stepScalars[1];
            float[] expAvg = slots[0];
            float[] expAvgSq = slots[1];
            for (int i = 0; i < n; i++) {
                float p = param[i];
                float g = CoupledDecay.apply(coupled, p, grad[i] * gradScale);
                float m = expAvg[i] * c.beta1() + g * c.oneMinusBeta1();
                float v = expAvgSq[i] * c.beta2() + g * g * c.oneMinusBeta2();
                float denominator = (float) Math.sqrt(v) / biasCorrection2Sqrt + c.eps(); // the float root
                expAvg[i] = m;
                expAvgSq[i] = v;
                param[i] = p * decay - stepSize * (m / denominator); // p·1 is p: no decay is exact
            }
        });
    }
}
