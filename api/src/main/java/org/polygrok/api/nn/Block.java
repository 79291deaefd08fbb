package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * A post-LayerNorm GPT block (PROTOCOL §3): a = LN₁(x + MHA(x)); out = LN₂(a + FFN(a)). Children
 * {@code self_attn}, {@code self_attn_norm}, {@code ffn}, {@code ffn_norm}, as in the reference.
 */
public final class Block extends Module {
    private final CausalSelfAttention attention;
    private final LayerNorm attentionNorm;
    private final FeedForward feedForward;
    private final LayerNorm feedForwardNorm;

    public Block(int dim, int heads, int multiplier) {
        this.attention = child("self_attn", new CausalSelfAttention(dim, heads));
        this.attentionNorm = child("self_attn_norm", new LayerNorm(dim));
        this.feedForward = child("ffn", new FeedForward(dim, multiplier));
        this.feedForwardNorm = child("ffn_norm", new LayerNorm(dim));
    }

    /** x (B, S, d) -> the block's output (B, S, d) and its attention weights (B, H, S, S). */
    public CausalSelfAttention.Result forward(Ops ops, Tensor x) {
        return forward(ops, x, 0);
    }

    /**
     * The outputs at positions first..S−1 only (each position's MLP and norms see its own row, and
     * its attention every earlier row): x (B, S, d) -> (B, S − first, d) and weights (B, H, S − first, S).
     */
    public CausalSelfAttention.Result forward(Ops ops, Tensor x, int first) {
        CausalSelfAttention.Result attended = attention.forward(ops, x, first);
        Tensor residual = first == 0 ? x : ops.slice(x, 1, first, x.shape()[1]); // (B, S − first, d)
        Tensor a = attentionNorm.forward(ops, ops.add(residual, attended.output())); // (B, S − first, d)
        Tensor out = feedForwardNorm.forward(ops, ops.add(a, feedForward.forward(ops, a))); // (B, S − first, d)
        return new CausalSelfAttention.Result(out, attended.weights());
    }
}
