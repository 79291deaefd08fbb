package org.polygrok.api.nn;

import org.polygrok.api.HostArray;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * Causal multi-head self-attention (PROTOCOL §3): Q, K, V and output projections
 * {@code W_Q, W_K, W_V, W_O}, Linear(d, d) with bias and torch's default init. Head j owns the
 * columns [j·d/H, (j+1)·d/H) of Q, K and V; scores are QKᵀ/√(d/H), keys after the query position
 * are masked to −∞, and the softmax runs over keys. No padding mask.
 */
public final class CausalSelfAttention extends Module {
    private final int dim;
    private final int heads;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;

    /** The attention's output (B, S, d) and its weights (B, H, S, S), rows summing to 1. */
    public record Result(Tensor output, Tensor weights) {
    }

    public CausalSelfAttention(int dim, int heads) {
        if (dim < 1 || heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException("attention needs a positive width divisible by the number of heads, got d = "
                    + dim + " and " + heads + " heads");
        }
        this.dim = dim;
        this.heads = heads;
        this.query = child("W_Q", new Linear(dim, dim, true));
        this.key = child("W_K", new Linear(dim, dim, true));
        this.value = child("W_V", new Linear(dim, dim, true));
        this.output = child("W_O", new Linear(dim, dim, true));
    }

    /** x (B, S, d) -> output (B, S, d) and weights (B, H, S, S). */
    public Result forward(Ops ops, Tensor x) {
        return forward(ops, x, 0);
    }

    /**
     * The queries at positions first..S−1 only, over every key: x (B, S, d) -> output
     * (B, S − first, d) and weights (B, H, S − first, S), the last rows of {@link #forward(Ops, Tensor)}.
     */
    public Result forward(Ops ops, Tensor x, int first) {
        long batch = x.shape()[0];
        int seq = Math.toIntExact(x.shape()[1]);
        int queries = seq - first;
        int headDim = dim / heads;
        Tensor xq = first == 0 ? x : ops.slice(x, 1, first, seq); // (B, S_q, d) with S_q = S − first
        Tensor q = splitHeads(ops, query.forward(ops, xq), batch, queries, headDim); // (B, H, S_q, d/H)
        Tensor v = splitHeads(ops, value.forward(ops, x), batch, seq, headDim); // (B, H, S, d/H)
        Tensor kT = ops.transpose(ops.reshape(key.forward(ops, x), batch, seq, heads, headDim), // (B, S, d) -> (B, S, H, d/H)
                0, 2, 3, 1); // (B, S, H, d/H) -> (B, H, d/H, S)
        Tensor scores = ops.div(ops.matmul(q, kT), ops.scalar((float) Math.sqrt(headDim))); // (B, H, S_q, S)
        Tensor weights = ops.softmax(ops.add(scores, ops.constant(causalMask(first, seq)))); // (B, H, S_q, S)
        Tensor attended = ops.matmul(weights, v); // (B, H, S_q, d/H)
        Tensor merged = ops.reshape(ops.transpose(attended, 0, 2, 1, 3), // (B, H, S_q, d/H) -> (B, S_q, H, d/H)
                batch, queries, dim); // (B, S_q, H, d/H) -> (B, S_q, d): heads side by side
        return new Result(output.forward(ops, merged), weights);
    }

    private Tensor splitHeads(Ops ops, Tensor t, long batch, int seq, int headDim) {
        Tensor byHead = ops.reshape(t, batch, seq, heads, headDim); // (B, S, d) -> (B, S, H, d/H)
        return ops.transpose(byHead, 0, 2, 1, 3); // (B, S, H, d/H) -> (B, H, S, d/H)
    }

    /**
     * Rows first..S−1 of the (S, S) causal mask, (S − first, S): 0 where the key is at or before the
     * query, −∞ after it.
     */
    static HostArray causalMask(int first, int seq) {
        int rows = seq - first;
        float[] mask = new float[rows * seq];
        for (int row = 0; row < rows; row++) {
            for (int key = first + row + 1; key < seq; key++) {
                mask[row * seq + key] = Float.NEGATIVE_INFINITY;
            }
        }
        return HostArray.of(mask, rows, seq);
    }

    public int heads() {
        return heads;
    }
}
