package org.polygrok.experiments.cost;

import java.util.Arrays;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrainBatchSampler;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Measures one trial shape in this process, on the real trial's model, batches and evaluator:
 * {@value #WARMUP} untimed steps and one untimed evaluation (they trace and compile), then
 * {@value #TIMED} timed steps (median) and one timed evaluation. Seconds per shape.
 */
public final class CostProbe {
    static final int WARMUP = 2;
    static final int TIMED = 3;

    private CostProbe() {
    }

    /** @param config a trial of the shape (its seed and optimizer settings do not matter) */
    public static ShapeCost measure(TrialConfig config, int threads) {
        PreparedTrial trial = PreparedTrial.prepare(config);
        SampleSet train = trial.dataset().train();
        SampleSet val = trial.dataset().validation();
        TrainBatchSampler sampler = new TrainBatchSampler(trial.plan(), config.seed());
        long t0 = System.nanoTime();
        try (Backend backend = Backends.select(config.backend()).create(new BackendOptions(threads, false));
                TrainSession session = backend.newTrainSession(trial.model(), trial.initialWeights(),
                        TrialSpecs.train(config))) {
            for (int i = 0; i < WARMUP; i++) {
                session.step(train.batch(sampler.next(), TrialSpecs.maskRule(config)));
            }
            trial.evaluator().evaluate(session, train);
            trial.evaluator().evaluate(session, val);
            double startMs = (System.nanoTime() - t0) / 1e6;
            double[] steps = new double[TIMED];
            for (int i = 0; i < TIMED; i++) {
                long s0 = System.nanoTime();
                session.step(train.batch(sampler.next(), TrialSpecs.maskRule(config)));
                steps[i] = (System.nanoTime() - s0) / 1e6;
            }
            long e0 = System.nanoTime();
            trial.evaluator().evaluate(session, train);
            trial.evaluator().evaluate(session, val);
            double evalMs = (System.nanoTime() - e0) / 1e6;
            Arrays.sort(steps);
            return new ShapeCost(startMs, steps[TIMED / 2], evalMs);
        }
    }
}
