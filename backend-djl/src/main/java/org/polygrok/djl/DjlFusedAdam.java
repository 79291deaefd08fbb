package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.polygrok.api.train.GradientClipping;
import org.polygrok.api.train.OptimizerSpec;
import org.polygrok.api.train.TrainSpec;

/**
 * The update after the backward pass for AdamW as libtorch's own in-place Adam kernel
 * (DJL's {@code adamUpdate}, one native call), on the flat weight, gradient and moment vectors. The
 * api's {@link org.polygrok.api.train.ParameterUpdate} written on eager ops makes about fifteen new
 * weight-sized vectors per step, whose allocation and passes cost more than the forward and backward
 * passes at small batches; here the weights and moments are written in place.
 *
 * <p>The same rule, rearranged: global-norm clipping scales the gradient by min(1, c / (‖g‖ + 1e-6))
 * (the norm as sqrt(Σ g²), the factor in float32 as the api computes it); the decay p ← p·(1 − lr·wd)
 * runs first, in place, as the api writes it. The kernel's
 * step p ← p − a·m / (sqrt(v) + e) equals the api's p ← p − (lr / (1 − β1^t))·m / (sqrt(v) / sqrt(1 − β2^t) + eps)
 * with a = lr / (1 − β1^t) · sqrt(1 − β2^t) and e = eps · sqrt(1 − β2^t); results agree to float rounding.
 * Adam with coupled L2 stays on the api's update: the kernel's fused g + wd·p rounds differently enough
 * to leave the reference trainer's tolerance after 20 steps (1.01e-5 against 1e-5).
 */
final class DjlFusedAdam {
    private static final float NO_CLAMP = -1f; // the kernel's element-wise gradient clamp, off
    private final OptimizerSpec optimizer;
    private final float clipNorm;
    private final float decayFactor; // 1 − lr·wd, as the api's AdamW rounds it

    private DjlFusedAdam(TrainSpec spec) {
        this.optimizer = spec.optimizer();
        this.clipNorm = (float) spec.clipNorm();
        this.decayFactor = (float) (1 - optimizer.lr() * optimizer.weightDecay());
    }

    /** The fused update for {@code spec}, or null when its optimizer is not AdamW. */
    static DjlFusedAdam forSpec(TrainSpec spec) {
        return spec.optimizer().kind() == OptimizerSpec.Kind.ADAMW ? new DjlFusedAdam(spec) : null;
    }

    /**
     * Updates {@code weights}, {@code expAvg} and {@code expAvgSq} (all (N)) in place from {@code gradient} (N),
     * without gradient recording.
     *
     * @param stepScalars the api's Adam scalars of this step: [lr / (1 − β1^t), sqrt(1 − β2^t)]
     * @param scope owns the intermediates
     */
    void apply(NDManager scope, NDArray weights, NDArray gradient, NDArray expAvg, NDArray expAvgSq,
            float[] stepScalars) {
        float gradientScale = clipNorm > 0 ? clippingFactor(scope, (PtNDArray) gradient) : 1f;
        if (optimizer.weightDecay() != 0) {
            JniUtils.muli((PtNDArray) weights, inScope(scope, (PtNDArray) scope.create(decayFactor)));
        }
        float biasCorrection2Sqrt = stepScalars[1];
        JniUtils.adamUpdate((PtNDArray) weights, (PtNDArray) gradient, (PtNDArray) expAvg, (PtNDArray) expAvgSq,
                (float) optimizer.lr(), stepScalars[0] * biasCorrection2Sqrt, 0f, // no coupled decay
                gradientScale, NO_CLAMP, (float) optimizer.beta1(), (float) optimizer.beta2(),
                (float) optimizer.eps() * biasCorrection2Sqrt, false);
    }

    /**
     * min(1, clipNorm / (‖g‖ + 1e-6)) ({@link GradientClipping#coefficient}); the norm is
     * libtorch's vector 2-norm, one pass over the gradient without the api's squared copy.
     */
    private float clippingFactor(NDManager scope, PtNDArray gradient) {
        PtNDArray norm = inScope(scope, JniUtils.norm(gradient, 2, new int[] {0}, false)); // (N) -> ()
        return GradientClipping.coefficient(norm.getFloat(), clipNorm);
    }

    private static PtNDArray inScope(NDManager scope, PtNDArray array) {
        array.attach(scope);
        return array;
    }
}
