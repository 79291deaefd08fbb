package org.polygrok.api.train;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/** torch's L2 weight decay folded into the gradient: g ← g + wd·p (Adam, SGD, momentum). */
final class CoupledDecay {
    private CoupledDecay() {
    }

    static Tensor apply(Ops ops, OptimizerSpec spec, Tensor param, Tensor grad) {
        if (spec.weightDecay() == 0) {
            return grad;
        }
        return ops.add(grad, ops.mul(param, ops.scalar((float) spec.weightDecay())));
    }

    /** {@link #apply} on one element: g + p·wd, or g when wd is 0. */
    static float apply(float weightDecay, float param, float grad) {
        return weightDecay == 0 ? grad : grad + param * weightDecay;
    }
}
