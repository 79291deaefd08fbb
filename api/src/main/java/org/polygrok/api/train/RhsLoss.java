package org.polygrok.api.train;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * The study's loss and accuracy (PROTOCOL §4), written once on {@link Ops}: only the
 * right-hand-side positions of each sample count, each sample weighs the same in the batch mean.
 *
 * <p>Inputs everywhere: logits (B, S, V) FLOAT32, targets (B, S) INT32, rhsWeights (B, S)
 * FLOAT32 with 1 at the RHS positions and 0 elsewhere; every sample needs at least one RHS position.
 */
public final class RhsLoss {
    private RhsLoss() {
    }

    /** Per sample: mean over its RHS positions of −log softmax(logits)[target]; shape (B,). */
    public static Tensor perSample(Ops ops, Tensor logits, Tensor targets, Tensor rhsWeights) {
        int vocab = checkShapes(logits, targets, rhsWeights);
        Tensor logProbs = ops.logSoftmax(logits);                                // (B, S, V)
        Tensor picked = ops.sum(ops.mul(logProbs, ops.oneHot(targets, vocab)), -1, false); // (B, S)
        Tensor rhsLogProbs = ops.sum(ops.mul(picked, rhsWeights), -1, false);    // (B,)
        Tensor rhsCount = ops.sum(rhsWeights, -1, false);                        // (B,)
        return ops.neg(ops.div(rhsLogProbs, rhsCount));
    }

    /** The batch loss: mean over samples of {@link #perSample}; a scalar (shape []). */
    public static Tensor mean(Ops ops, Tensor logits, Tensor targets, Tensor rhsWeights) {
        return ops.mean(perSample(ops, logits, targets, rhsWeights), 0, false);
    }

    /**
     * Per sample: 1.0 when the argmax over the vocabulary (lowest index on ties) equals the target
     * at every RHS position, else 0.0; shape (B,). A constant (no gradient).
     */
    public static Tensor correct(Ops ops, Tensor logits, Tensor targets, Tensor rhsWeights) {
        checkShapes(logits, targets, rhsWeights);
        Tensor hits = ops.equal(ops.argMax(logits), targets);                   // (B, S) 1/0
        Tensor misses = ops.mul(ops.sub(ops.scalar(1f), hits), rhsWeights);      // (B, S) 1 at a wrong RHS token
        Tensor missCount = ops.sum(misses, -1, false);                           // (B,)
        return ops.equal(missCount, ops.scalar(0f));
    }

    private static int checkShapes(Tensor logits, Tensor targets, Tensor rhsWeights) {
        long[] l = logits.shape();
        long[] t = targets.shape();
        long[] w = rhsWeights.shape();
        if (l.length != 3 || t.length != 2 || w.length != 2 || l[0] != t[0] || l[1] != t[1]
                || t[0] != w[0] || t[1] != w[1]) {
            throw new IllegalArgumentException("the loss needs logits (B, S, V) with targets and rhsWeights (B, S), got "
                    + java.util.Arrays.toString(l) + ", " + java.util.Arrays.toString(t) + " and "
                    + java.util.Arrays.toString(w));
        }
        return Math.toIntExact(l[2]);
    }
}
