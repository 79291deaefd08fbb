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
 * {@value #WARMUP} untimed steps and one untimed evaluation (they trace and compile), then timed
 * steps until there are at least {@value #MIN_TIMED} of them and {@value #MIN_TIMED_MS} ms of them
 * (at most {@value #MAX_TIMED}; their median counts), and one timed evaluation. Seconds per shape.
 * Three timed steps were too few: one slow step beside a busy neighbour moved the median, and a
 * full Q8 trial estimated at 30 min took 16.
 */
public final class CostProbe {
    static final int WARMUP = 2;
    static final int MIN_TIMED = 5;
    static final double MIN_TIMED_MS = 1500;
    static final int MAX_TIMED = 40;

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
            double[] steps = new double[MAX_TIMED];
            int timed = 0;
            double timedMs = 0;
            while (timed < MAX_TIMED && (timed < MIN_TIMED || timedMs < MIN_TIMED_MS)) {
                long s0 = System.nanoTime();
                session.step(train.batch(sampler.next(), TrialSpecs.maskRule(config)));
                steps[timed] = (System.nanoTime() - s0) / 1e6;
                timedMs += steps[timed++];
            }
            long e0 = System.nanoTime();
            trial.evaluator().evaluate(session, train);
            trial.evaluator().evaluate(session, val);
            double evalMs = (System.nanoTime() - e0) / 1e6;
            double[] measured = Arrays.copyOf(steps, timed);
            Arrays.sort(measured);
            return new ShapeCost(startMs, measured[timed / 2], evalMs);
        }
    }
}
