package org.polygrok.experiments.bench;

import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.metrics.SetMetrics;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrainBatchSampler;
import org.polygrok.experiments.train.TrialSpecs;

/**
 * Times one backend on one model in this process: the steps and evaluations of a real trial (same
 * batches, same evaluator), then this process's peak memory. Meant to run alone in its JVM
 * ({@link BenchChild}) so that memory and engine thread pools are the backend's own.
 */
public final class BenchMeasurement {
    private BenchMeasurement() {
    }

    public static BenchRow measure(BackendProvider provider, BenchSettings settings) {
        PreparedTrial trial = PreparedTrial.prepare(settings.trialConfig());
        SampleSet train = trial.dataset().train();
        SampleSet val = trial.dataset().validation();
        TrainBatchSampler sampler = new TrainBatchSampler(trial.plan(), trial.config().seed());
        try (Backend backend = provider.create(new BackendOptions(settings.threads(), false));
                TrainSession session = backend.newTrainSession(trial.model(), trial.initialWeights(),
                        TrialSpecs.train(trial.config()))) {
            SetMetrics start = trial.evaluator().evaluate(session, train);
            for (int i = 0; i < settings.warmup(); i++) {
                session.step(train.batch(sampler.next(), TrialSpecs.maskRule(trial.config())));
            }
            double[] stepMs = new double[settings.steps()];
            double[] stepCpuMs = new double[settings.steps()];
            for (int i = 0; i < stepMs.length; i++) {
                long c0 = ProcessStatus.cpuNanos();
                long t0 = System.nanoTime();
                session.step(train.batch(sampler.next(), TrialSpecs.maskRule(trial.config())));
                stepMs[i] = (System.nanoTime() - t0) / 1e6;
                stepCpuMs[i] = (ProcessStatus.cpuNanos() - c0) / 1e6;
            }
            trial.evaluator().evaluate(session, val); // warm-up of the validation shape
            double[] evalMs = new double[settings.evalRepeats()];
            for (int i = 0; i < evalMs.length; i++) {
                long t0 = System.nanoTime();
                trial.evaluator().evaluate(session, train);
                trial.evaluator().evaluate(session, val);
                evalMs[i] = (System.nanoTime() - t0) / 1e6;
            }
            ProcessStatus status = ProcessStatus.self();
            return new BenchRow(backend.name(), backend.engineDescription(), settings.model().label(),
                    trial.plan().batchSize(), settings.steps(), settings.warmup(), Percentiles.of(stepMs, 50),
                    Percentiles.of(stepMs, 10), Percentiles.of(stepMs, 90), Percentiles.of(evalMs, 50),
                    status.peakRssMb(), settings.effectiveThreads(), status.threads(), start.loss(),
                    ProcessHandle.current().pid(), Percentiles.of(stepCpuMs, 50));
        }
    }
}
