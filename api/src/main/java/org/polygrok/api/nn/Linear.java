package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * A dense layer as torch's nn.Linear: weight (out, in), optional bias (out); y = x·Wᵀ + b.
 * Parameters {@code weight} and {@code bias}.
 */
public final class Linear extends Module {
    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** torch's default initialisation: weight and bias U(±1/√in). */
    public Linear(int inFeatures, int outFeatures, boolean withBias) {
        this(inFeatures, outFeatures, withBias, Init.linearWeight(), Init.linearBias(inFeatures));
    }

    public Linear(int inFeatures, int outFeatures, boolean withBias, Initializer weightInit, Initializer biasInit) {
        if (inFeatures < 1 || outFeatures < 1) {
            throw new IllegalArgumentException("a Linear layer needs positive sizes, got " + inFeatures
                    + " -> " + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = parameter("weight", new long[] {outFeatures, inFeatures}, weightInit);
        this.bias = withBias ? parameter("bias", new long[] {outFeatures}, biasInit) : null;
    }

    /** (..., in) -> (..., out). */
    public Tensor forward(Ops ops, Tensor x) {
        return ops.linear(x, ops.param(weight), bias == null ? null : ops.param(bias));
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    public Parameter weight() {
        return weight;
    }

    /** The bias, or null for a layer without one. */
    public Parameter bias() {
        return bias;
    }
}
