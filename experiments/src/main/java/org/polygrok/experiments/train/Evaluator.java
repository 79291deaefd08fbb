package org.polygrok.experiments.train;

import org.polygrok.api.train.Evaluation;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.MaskRule;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.metrics.SetMetrics;

/** Evaluates a whole set, without gradients, in fixed-order chunks of eval_batch_size (PROTOCOL §6). */
public final class Evaluator {
    private final int batchSize;
    private final MaskRule rule;
    private final boolean perOrder;

    public Evaluator(int batchSize, MaskRule rule, boolean perOrder) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the eval batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.rule = rule;
        this.perOrder = perOrder;
    }

    public SetMetrics evaluate(TrainSession session, SampleSet set) {
        int n = set.size();
        float[] loss = new float[n];
        float[] correct = new float[n];
        int[] orders = perOrder ? new int[n] : null;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(from + batchSize, n);
            Evaluation e = session.evaluate(set.batch(from, to, rule));
            if (e.loss().length != to - from || e.correct().length != to - from) {
                throw new IllegalStateException("the backend returned " + e.loss().length + " losses for a batch of "
                        + (to - from));
            }
            System.arraycopy(e.loss(), 0, loss, from, to - from);
            System.arraycopy(e.correct(), 0, correct, from, to - from);
        }
        if (perOrder) {
            for (int i = 0; i < n; i++) {
                orders[i] = set.order(i);
            }
        }
        return SetMetrics.of(loss, correct, orders);
    }
}
