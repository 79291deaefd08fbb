package org.polygrok.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.experiments.train.TrainBatchSampler;

/**
 * A long run of one backend in this process ({@link SoakChild}): {@code steps} training steps of the bench
 * trial, with a full evaluation (train + val) and a memory sample every {@code every} steps, so that a leak
 * in training, evaluation or weight export shows as growth.
 */
public final class SoakMeasurement {
    private SoakMeasurement() {
    }

    /** @param progress receives each sample as it is taken */
    public static SoakRow measure(BackendProvider provider, BenchSettings settings, long steps, long every,
            Consumer<SoakSample> progress) {
        PreparedTrial trial = PreparedTrial.prepare(settings.trialConfig());
        SampleSet train = trial.dataset().train();
        SampleSet val = trial.dataset().validation();
        TrainBatchSampler sampler = new TrainBatchSampler(trial.plan(), trial.config().seed());
        List<SoakSample> samples = new ArrayList<>();
        double[] stepMs = new double[(int) steps];
        try (Backend backend = provider.create(new BackendOptions(settings.threads(), false));
                TrainSession session = backend.newTrainSession(trial.model(), trial.initialWeights(),
                        TrialSpecs.train(trial.config()))) {
            for (long step = 0; step <= steps; step++) {
                if (step % every == 0 || step == steps) {
                    trial.evaluator().evaluate(session, train);
                    trial.evaluator().evaluate(session, val);
                    session.weights(); // the export a checkpoint does
                    SoakSample s = SoakSample.now(step);
                    samples.add(s);
                    progress.accept(s);
                }
                if (step < steps) {
                    long t0 = System.nanoTime();
                    session.step(train.batch(sampler.next(), TrialSpecs.maskRule(trial.config())));
                    stepMs[(int) step] = (System.nanoTime() - t0) / 1e6;
                }
            }
            return new SoakRow(backend.name(), settings.model().label(), steps, every, warmup(steps, every),
                    Percentiles.of(stepMs, 50), samples);
        }
    }

    /** Warm-up: the first tenth of the run, at least one sampling period (1 000 of 10 000 steps). */
    static long warmup(long steps, long every) {
        long tenth = steps / 10;
        return Math.min(steps, Math.max(every, tenth - tenth % every));
    }
}
