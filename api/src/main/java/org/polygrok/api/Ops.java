package org.polygrok.api;

import java.util.List;
import org.polygrok.api.nn.Parameter;

/**
 * The operations the LSTM, the GPT, the loss and the optimizers need, and no more (the model is
 * Keras 3's {@code keras.ops}, not an engine's full array API). Every backend implements them on
 * its own engine: eagerly (DJL) or by tracing into a graph (TensorFlow, SameDiff).
 *
 * <p>Conventions, checked by the conformance kit:
 * <ul>
 *   <li>Element-wise binary ops broadcast as numpy does.</li>
 *   <li>Axes may be negative (counted from the end).</li>
 *   <li>Every FLOAT32 op is differentiable through the engine's own autodiff, except
 *       {@link #argMax}, {@link #equal} and {@link #oneHot}, whose results are constants.</li>
 * </ul>
 */
public interface Ops {

    // ---------------------------------------------------------------- values

    /** A constant (not differentiated). */
    Tensor constant(HostArray value);

    default Tensor scalar(float value) {
        return constant(HostArray.scalar(value));
    }

    /** The current value of a trainable parameter, as the engine differentiates it. */
    Tensor param(Parameter parameter);

    // ---------------------------------------------------------------- element-wise

    Tensor add(Tensor a, Tensor b);

    Tensor sub(Tensor a, Tensor b);

    Tensor mul(Tensor a, Tensor b);

    Tensor div(Tensor a, Tensor b);

    /** Element-wise minimum; where equal, the gradient goes to {@code a}. */
    Tensor minimum(Tensor a, Tensor b);

    Tensor neg(Tensor x);

    Tensor exp(Tensor x);

    Tensor log(Tensor x);

    Tensor sqrt(Tensor x);

    Tensor tanh(Tensor x);

    Tensor sigmoid(Tensor x);

    /** The Gauss error function (exact GELU is built from it). */
    Tensor erf(Tensor x);

    // ---------------------------------------------------------------- linear algebra

    /** Batched matrix product: (..., m, k) x (..., k, n) -> (..., m, n); equal leading dims. */
    Tensor matmul(Tensor a, Tensor b);

    /**
     * A dense layer as torch's {@code F.linear}: x (..., in), weight (out, in), bias (out) or
     * null -> x · weightᵀ + bias, shape (..., out).
     */
    Tensor linear(Tensor x, Tensor weight, Tensor bias);

    // ---------------------------------------------------------------- shape

    /** Row-major reshape; at most one dimension may be -1. */
    Tensor reshape(Tensor x, long... shape);

    /** Permutes axes: output axis i is input axis {@code axes[i]}. */
    Tensor transpose(Tensor x, int... axes);

    Tensor concat(List<Tensor> xs, int axis);

    /** Stacks equal-shaped tensors along a new axis. */
    Tensor stack(List<Tensor> xs, int axis);

    /** Elements [start, end) along one axis (the axis is kept). */
    Tensor slice(Tensor x, int axis, long start, long end);

    // ---------------------------------------------------------------- reductions

    Tensor sum(Tensor x, int axis, boolean keepDims);

    Tensor mean(Tensor x, int axis, boolean keepDims);

    Tensor max(Tensor x, int axis, boolean keepDims);

    /** Sum over every element: a scalar (shape []). */
    Tensor sumAll(Tensor x);

    // ---------------------------------------------------------------- neural-network ops

    /** Softmax over the last axis. */
    Tensor softmax(Tensor x);

    /** Log-softmax over the last axis. */
    Tensor logSoftmax(Tensor x);

    /** Embedding lookup: rows of {@code table} (V, d) at INT32 {@code ids} (...) -> (..., d). */
    Tensor gather(Tensor table, Tensor ids);

    /** INT32 ids (...) -> FLOAT32 (..., depth) with 1 at each id. A constant. */
    Tensor oneHot(Tensor ids, int depth);

    /** Index of the largest value along the last axis, lowest index on ties; INT32. A constant. */
    Tensor argMax(Tensor x);

    /** 1.0 where a == b, else 0.0, FLOAT32 (inputs of the same dtype, broadcast). A constant. */
    Tensor equal(Tensor a, Tensor b);

    // ---------------------------------------------------------------- compound layers
    //
    // Composed from the ops above by default (ComposedOps); a backend overrides one with its engine's
    // fused kernel only where the math is the same, and the conformance kit holds the two together.

    /**
     * An embedding lookup as torch's nn.Embedding with padding_idx: the rows of {@code table} (V, d)
     * for INT32 {@code ids} (...), a zero row (and no gradient) where the id is {@code paddingId}:
     * (..., d).
     */
    default Tensor embedding(Tensor table, Tensor ids, int paddingId) {
        return ComposedOps.embedding(this, table, ids, paddingId);
    }

    /** The exact (erf) GELU, as torch's nn.GELU(): 0.5·x·(1 + erf(x/√2)). */
    default Tensor gelu(Tensor x) {
        return ComposedOps.gelu(this, x);
    }

    /** Layer normalisation over the last axis with biased variance: x (..., d), weight and bias (d). */
    default Tensor layerNorm(Tensor x, Tensor weight, Tensor bias, float eps) {
        return ComposedOps.layerNorm(this, x, weight, bias, eps);
    }

    /** One LSTM layer over a sequence from zero states: x (B, S, d_in) -> hidden states (B, S, d_h). */
    default Tensor lstmLayer(Tensor x, LstmGates gates) {
        return ComposedOps.lstmLayer(this, x, gates);
    }
}
