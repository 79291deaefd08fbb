package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * Layer normalisation over the last axis (PROTOCOL §3): (x − mean) / √(biased variance + 1e-5) · w + b,
 * w initialised to 1 and b to 0. Parameters {@code weight} and {@code bias}.
 */
public final class LayerNorm extends Module {
    public static final float EPS = 1e-5f;

    private final Parameter weight;
    private final Parameter bias;

    public LayerNorm(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("a LayerNorm needs a positive width, got " + dim);
        }
        this.weight = parameter("weight", new long[] {dim}, Init.ones());
        this.bias = parameter("bias", new long[] {dim}, Init.zeros());
    }

    /** (..., d) -> (..., d). */
    public Tensor forward(Ops ops, Tensor x) {
        return ops.layerNorm(x, ops.param(weight), ops.param(bias), EPS);
    }
}
