package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * The GPT block's MLP: Linear(d, m·d, no bias) → exact GELU → Linear(m·d, d, no bias). The two
 * layers are named "0" and "2", as in the reference's nn.Sequential (the GELU is entry 1).
 */
public final class FeedForward extends Module {
    private final Linear expand;
    private final Linear contract;

    public FeedForward(int dim, int multiplier) {
        if (dim < 1 || multiplier < 1) {
            throw new IllegalArgumentException("a feed-forward layer needs a positive width and multiplier, got "
                    + dim + " and " + multiplier);
        }
        this.expand = child("0", new Linear(dim, multiplier * dim, false));
        this.contract = child("2", new Linear(multiplier * dim, dim, false));
    }

    /** (B, S, d) -> (B, S, d). */
    public Tensor forward(Ops ops, Tensor x) {
        return contract.forward(ops, ops.gelu(expand.forward(ops, x)));
    }
}
