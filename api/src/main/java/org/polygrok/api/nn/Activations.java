package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/** Parameter-free activation functions built from {@link Ops}. */
public final class Activations {
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));

    private Activations() {
    }

    /** The exact (erf) GELU, as torch's nn.GELU(): 0.5·x·(1 + erf(x/√2)). */
    public static Tensor gelu(Ops ops, Tensor x) {
        Tensor cdf = ops.add(ops.scalar(1f), ops.erf(ops.mul(x, ops.scalar(INV_SQRT2))));
        return ops.mul(ops.mul(ops.scalar(0.5f), x), cdf);
    }
}
