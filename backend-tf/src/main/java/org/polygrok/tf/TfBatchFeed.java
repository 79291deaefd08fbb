package org.polygrok.tf;

import java.util.ArrayList;
import java.util.List;
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
 * scored window (B, S − first) — and feeding a {@link Batch} into them (checked by
 * {@link org.polygrok.api.backend.BaseTrainSession}: dtypes, ids inside the vocabulary).
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
    void feed(Session.Runner runner, Batch batch) {
        feedTokens(runner, batch.tokens());
        runner.feed(targets, keep(batch.targetsFrom(first))).feed(rhsWeights, keep(batch.rhsWeightsFrom(first)));
    }

    /** Feeds checked tokens (B, S). */
    void feedTokens(Session.Runner runner, HostArray ids) {
        runner.feed(tokens, keep(ids));
    }

    private org.tensorflow.Tensor keep(HostArray value) {
        org.tensorflow.Tensor t = TfArrays.toTensor(value);
        fed.add(t);
        return t;
    }

    @Override
    public void close() {
        fed.forEach(org.tensorflow.Tensor::close);
        fed.clear();
    }
}
