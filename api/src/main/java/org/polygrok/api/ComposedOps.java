package org.polygrok.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compound operations of {@link Ops} built from its primitives: what a backend runs when its
 * engine has no fused kernel with the same math. Each is the formula PROTOCOL.md gives.
 */
public final class ComposedOps {
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));

    private ComposedOps() {
    }

    /** The rows of {@code table} (V, d) for {@code ids} (...), a zero row where the id is {@code paddingId}: (..., d). */
    public static Tensor embedding(Ops ops, Tensor table, Tensor ids, int paddingId) {
        long[] out = OpShapes.embedding(table, ids, paddingId);
        Tensor rows = ops.gather(table, ids); // (..., d)
        Tensor isPad = ops.equal(ids, ops.constant(HostArray.ofInts(new int[] {paddingId}))); // (...)
        Tensor keep = ops.sub(ops.scalar(1f), isPad); // (...): 1 on real tokens, 0 on PAD
        long[] keepShape = Arrays.copyOf(out, out.length);
        keepShape[out.length - 1] = 1;
        return ops.mul(rows, ops.reshape(keep, keepShape)); // (...) -> (..., 1), broadcast over d
    }

    /** The exact (erf) GELU, as torch's nn.GELU(): 0.5·x·(1 + erf(x/√2)). */
    public static Tensor gelu(Ops ops, Tensor x) {
        Tensor cdf = ops.add(ops.scalar(1f), ops.erf(ops.mul(x, ops.scalar(INV_SQRT2))));
        return ops.mul(ops.mul(ops.scalar(0.5f), x), cdf);
    }

    /** (x − mean) / √(biased variance + eps) · weight + bias over the last axis: (..., d) -> (..., d). */
    public static Tensor layerNorm(Ops ops, Tensor x, Tensor weight, Tensor bias, float eps) {
        OpShapes.layerNorm(x, weight, bias);
        Tensor centred = ops.sub(x, ops.mean(x, -1, true)); // (..., d)
        Tensor variance = ops.mean(ops.mul(centred, centred), -1, true); // (..., 1)
        Tensor normalised = ops.div(centred, ops.sqrt(ops.add(variance, ops.scalar(eps))));
        return ops.add(ops.mul(normalised, weight), bias);
    }

    /**
     * One LSTM layer unrolled over time from zero states: x (B, S, d_in) -> h_1..h_S (B, S, d_h).
     * c_t = f⊙c_{t−1} + i⊙c̃; h_t = o⊙tanh(c_t).
     */
    public static Tensor lstmLayer(Ops ops, Tensor x, LstmGates gates) {
        OpShapes.lstmLayer(x, gates);
        long batch = x.shape()[0];
        long steps = x.shape()[1];
        long inputSize = x.shape()[2];
        Tensor h = ops.constant(HostArray.zeros(batch, gates.hiddenSize())); // (B, d_h)
        Tensor c = h;
        List<Tensor> outputs = new ArrayList<>();
        for (long t = 0; t < steps; t++) {
            Tensor xt = ops.reshape(ops.slice(x, 1, t, t + 1), batch, inputSize); // (B, 1, d_in) -> (B, d_in)
            Tensor z = ops.concat(List.of(xt, h), -1); // (B, d_in + d_h)
            Tensor i = ops.sigmoid(dense(ops, z, gates.input())); // (B, d_h)
            Tensor f = ops.sigmoid(dense(ops, z, gates.forget()));
            Tensor o = ops.sigmoid(dense(ops, z, gates.output()));
            Tensor candidate = ops.tanh(dense(ops, z, gates.candidate()));
            c = ops.add(ops.mul(f, c), ops.mul(i, candidate));
            h = ops.mul(o, ops.tanh(c));
            outputs.add(h);
        }
        return ops.stack(outputs, 1); // S x (B, d_h) -> (B, S, d_h)
    }

    private static Tensor dense(Ops ops, Tensor z, LstmGates.Gate gate) {
        return ops.linear(z, gate.weight(), gate.bias());
    }
}
