package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Tensor;
import org.polygrok.api.train.Batch;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The placeholders of one (B, S) batch shape — tokens (B, S), and targets and rhsWeights of the
 * scored window (B, S − first) — and feeding a {@link Batch} into them, after checking what
 * TensorFlow would not (dtypes, ids inside the vocabulary: an out-of-range target would silently
 * one-hot to zeros).
 */
final class TfBatchFeed implements AutoCloseable {
    private final Placeholder<TInt32> tokens;
    private final Placeholder<TInt32> targets;
    private final Placeholder<TFloat32> rhsWeights;
    private final int first;
    private final List<org.tensorflow.Tensor> fed = new ArrayList<>();

    private TfBatchFeed(Placeholder<TInt32> tokens, Placeholder<TInt32> targets, Placeholder<TFloat32> rhsWeights,
            int first) {
        this.tokens = tokens;
        this.targets = targets;
        this.rhsWeights = rhsWeights;
        this.first = first;
    }

    /** Placeholders for a (B, S) batch whose loss reads positions {@code first}..S−1. */
    static TfBatchFeed placeholders(org.tensorflow.op.Ops tf, long[] shape, int first) {
        Placeholder.Options window = Placeholder.shape(Shape.of(shape[0], shape[1] - first)); // (B, S − first)
        return new TfBatchFeed(tf.withName("tokens").placeholder(TInt32.class, Placeholder.shape(Shape.of(shape))),
                tf.withName("targets").placeholder(TInt32.class, window),
                tf.withName("rhs_weights").placeholder(TFloat32.class, window), first);
    }

    /** A tokens placeholder (B, S) alone, for a forward pass. */
    static TfBatchFeed tokensOnly(org.tensorflow.op.Ops tf, long[] shape) {
        return new TfBatchFeed(tf.withName("tokens").placeholder(TInt32.class, Placeholder.shape(Shape.of(shape))),
                null, null, 0);
    }


    Tensor tokens() {
        return new TfTensor(tokens);
    }

    Tensor targets() {
        return new TfTensor(targets);
    }

    Tensor rhsWeights() {
        return new TfTensor(rhsWeights);
    }

    /** Feeds a checked batch (its scored window); the fed tensors stay open until {@link #close()}. */
    void feed(Session.Runner runner, Batch batch, int vocabSize) {
        feedTokens(runner, batch.tokens(), vocabSize);
        checkIds("target", batch.targets(), vocabSize);
        if (batch.rhsWeights().dtype() != DType.FLOAT32) {
            throw new IllegalArgumentException("rhsWeights must be FLOAT32, got " + batch.rhsWeights().dtype());
        }
        runner.feed(targets, keep(batch.targetsFrom(first))).feed(rhsWeights, keep(batch.rhsWeightsFrom(first)));
    }

    void feedTokens(Session.Runner runner, HostArray ids, int vocabSize) {
        if (ids.rank() != 2) {
            throw new IllegalArgumentException("tokens must be shaped (batch, sequence), got rank " + ids.rank());
        }
        checkIds("token", ids, vocabSize);
        runner.feed(tokens, keep(ids));
    }

    private org.tensorflow.Tensor keep(HostArray value) {
        org.tensorflow.Tensor t = TfArrays.toTensor(value);
        fed.add(t);
        return t;
    }

    static void checkIds(String what, HostArray ids, int vocabSize) {
        if (ids.dtype() != DType.INT32) {
            throw new IllegalArgumentException(what + " ids must be INT32, got " + ids.dtype());
        }
        int[] values = ids.ints();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] >= vocabSize) {
                throw new IllegalArgumentException(what + " id " + values[i] + " at flat index " + i
                        + " is outside the vocabulary [0, " + vocabSize + ")");
            }
        }
    }

    @Override
    public void close() {
        fed.forEach(org.tensorflow.Tensor::close);
        fed.clear();
    }
}
