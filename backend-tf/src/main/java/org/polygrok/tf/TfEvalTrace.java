package org.polygrok.tf;

import org.polygrok.api.Tensor;
import org.polygrok.api.model.LanguageModel;
import org.polygrok.api.train.Batch;
import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.RhsLoss;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Evaluation for one batch shape and scored window, traced once: a gradient-free forward that
 * reads the training variables and yields each sample's RHS loss and correctness.
 */
final class TfEvalTrace {
    private final TfBatchFeed feed;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> correct;

    private TfEvalTrace(TfBatchFeed feed, Operand<TFloat32> loss, Operand<TFloat32> correct) {
        this.feed = feed;
        this.loss = loss;
        this.correct = correct;
    }

    static TfEvalTrace trace(org.tensorflow.op.Ops base, LanguageModel model, TfVariableStore variables,
            long[] batchShape, int first) {
        org.tensorflow.op.Ops tf = base.withSubScope(TfTrainSession.key("eval", batchShape, first));
        TfBatchFeed feed = TfBatchFeed.placeholders(tf, batchShape, first);
        TfOps ops = new TfOps(tf, variables.readPieces(tf));
        Tensor logits = model.scoredLogits(ops, feed.tokens(), first); // (B, S − first, V)
        Tensor loss = RhsLoss.perSample(ops, logits, feed.targets(), feed.rhsWeights());
        Tensor correct = RhsLoss.correct(ops, logits, feed.targets(), feed.rhsWeights());
        return new TfEvalTrace(feed, TfTensor.of(loss).floats(), TfTensor.of(correct).floats());
    }

    Evaluation run(Session session, Batch batch) {
        Session.Runner runner = session.runner();
        try {
            feed.feed(runner, batch);
            try (Result result = runner.fetch(loss).fetch(correct).run()) {
                return new Evaluation(TfArrays.toHost(result.get(0)).floats(), TfArrays.toHost(result.get(1)).floats());
            }
        } finally {
            feed.close();
        }
    }
}
