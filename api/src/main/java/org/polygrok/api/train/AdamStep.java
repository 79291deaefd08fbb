package org.polygrok.api.train;

import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/** The moment update and bias-corrected step shared by {@link AdamWRule} and {@link AdamRule}, as torch's {@code _single_tensor_adam}. */
final class AdamStep {
    static final List<String> SLOT_NAMES = List.of("exp_avg", "exp_avg_sq");

    private AdamStep() {
    }

    /** [lr / (1 − β1^t), sqrt(1 − β2^t)], computed in double as torch does in Python. */
    static float[] stepScalars(OptimizerSpec spec, long step) {
        if (step < 1) {
            throw new IllegalArgumentException("optimizer steps count from 1, got " + step);
        }
        double biasCorrection1 = 1 - Math.pow(spec.beta1(), step);
        double biasCorrection2 = 1 - Math.pow(spec.beta2(), step);
        return new float[] {(float) (spec.lr() / biasCorrection1), (float) Math.sqrt(biasCorrection2)};
    }

    /**
     * m ← β1 m + (1 − β1) g; v ← β2 v + (1 − β2) g²; p ← p − stepSize · m / (sqrt(v) / sqrt(1 − β2^t) + eps).
     *
     * @return new parameter, new m, new v
     */
    static List<Tensor> apply(Ops ops, OptimizerSpec spec, Tensor param, Tensor grad, List<Tensor> slots,
            List<Tensor> stepScalars) {
        if (slots.size() != 2 || stepScalars.size() != 2) {
            throw new IllegalArgumentException("Adam needs 2 slots (exp_avg, exp_avg_sq) and 2 step scalars, got "
                    + slots.size() + " and " + stepScalars.size());
        }
        Tensor stepSize = stepScalars.get(0);
        Tensor biasCorrection2Sqrt = stepScalars.get(1);
        Tensor expAvg = ops.add(ops.mul(slots.get(0), scalar(ops, spec.beta1())),
                ops.mul(grad, scalar(ops, 1 - spec.beta1())));
        Tensor expAvgSq = ops.add(ops.mul(slots.get(1), scalar(ops, spec.beta2())),
                ops.mul(ops.mul(grad, grad), scalar(ops, 1 - spec.beta2())));
        Tensor denominator = ops.add(ops.div(ops.sqrt(expAvgSq), biasCorrection2Sqrt), scalar(ops, spec.eps()));
        Tensor newParam = ops.sub(param, ops.mul(stepSize, ops.div(expAvg, denominator)));
        return List.of(newParam, expAvg, expAvgSq);
    }

    /** The float constants {@link #apply} feeds as {@link #scalar}s, for the element loop of {@link AdamRule#elementwise()}. */
    record Constants(float beta1, float oneMinusBeta1, float beta2, float oneMinusBeta2, float eps) {
        Constants(OptimizerSpec spec) {
            this((float) spec.beta1(), (float) (1 - spec.beta1()), (float) spec.beta2(), (float) (1 - spec.beta2()),
                    (float) spec.eps());
        }
    }

    static Tensor scalar(Ops ops, double value) {
        return ops.scalar((float) value);
    }
}
