package org.polygrok.api.train;

/**
 * Everything a backend needs besides the model to compile a training step: the optimizer, the
 * global gradient-norm clip (≤ 0 disables it) and the loss's masking rule.
 */
public record TrainSpec(OptimizerSpec optimizer, double clipNorm) {
    public static TrainSpec defaults() {
        return new TrainSpec(OptimizerSpec.defaults(), 1.0);
    }
}
