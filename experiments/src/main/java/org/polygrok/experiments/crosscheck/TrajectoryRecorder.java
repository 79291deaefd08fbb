package org.polygrok.experiments.crosscheck;

import org.polygrok.api.Backend;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.metrics.SetMetrics;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrainBatchSampler;
import org.polygrok.experiments.train.TrialSpecs;

/**
 * Trains a prepared trial on one backend for a fixed number of steps, from the trial's initial weights
 * and with the run seed's batches, recording what {@link BackendTrajectory} holds.
 */
public final class TrajectoryRecorder {
    private TrajectoryRecorder() {
    }

    /** Runs {@code steps} optimizer steps (not rounded to epochs) of {@code trial} on {@code backend}. */
    public static BackendTrajectory record(PreparedTrial trial, Backend backend, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        long start = System.nanoTime();
        SampleSet train = trial.dataset().train();
        SampleSet val = trial.dataset().validation();
        TrainBatchSampler sampler = new TrainBatchSampler(trial.plan(), trial.config().seed());
        try (TrainSession session = backend.newTrainSession(trial.model(), trial.initialWeights(),
                TrialSpecs.train(trial.config()))) {
            SetMetrics train0 = trial.evaluator().evaluate(session, train);
            SetMetrics val0 = trial.evaluator().evaluate(session, val);
            double[] losses = new double[steps];
            for (int i = 0; i < steps; i++) {
                losses[i] = session.step(train.batch(sampler.next(), TrialSpecs.maskRule(trial.config())));
            }
            SetMetrics trainEnd = trial.evaluator().evaluate(session, train);
            SetMetrics valEnd = trial.evaluator().evaluate(session, val);
            return new BackendTrajectory(backend.name(), backend.engineDescription(), train0, val0, losses, trainEnd,
                    valEnd, session.weights(), (System.nanoTime() - start) / 1e9);
        }
    }
}
