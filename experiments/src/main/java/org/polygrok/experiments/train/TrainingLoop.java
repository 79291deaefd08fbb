package org.polygrok.experiments.train;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.polygrok.api.Backend;
import org.polygrok.api.Capability;
import org.polygrok.api.HostArray;
import org.polygrok.api.train.OptimizerState;
import org.polygrok.api.train.TrainSession;
import org.polygrok.experiments.data.SampleSet;
import org.polygrok.experiments.metrics.ParamNorm;
import org.polygrok.experiments.metrics.SetMetrics;
import org.polygrok.experiments.metrics.TrialSummary;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialStatus;

/**
 * The reference's training loop (PROTOCOL §5–§6) on one backend, writing the trial folder as it goes:
 * evaluate at step 0, then step, evaluate on schedule, checkpoint every {@value #CHECKPOINT_PERIOD}
 * steps (by default) and at the end, evaluate once more at last + 1, summarise. A trial with a checkpoint continues
 * from it and logs the same metrics an uninterrupted run would. A non-finite loss ends it FAILED.
 */
public final class TrainingLoop {
    public static final long CHECKPOINT_PERIOD = 1000;

    private final Clock clock;
    private final long checkpointPeriod;

    public TrainingLoop(Clock clock) {
        this(clock, CHECKPOINT_PERIOD);
    }

    /** A loop that checkpoints every {@code checkpointPeriod} steps (and at the end). */
    public TrainingLoop(Clock clock, long checkpointPeriod) {
        if (checkpointPeriod < 1) {
            throw new IllegalArgumentException("the checkpoint period must be at least 1, got " + checkpointPeriod);
        }
        this.clock = clock;
        this.checkpointPeriod = checkpointPeriod;
    }

    /**
     * Runs (or continues) {@code trial} in {@code dir}, whose config.json is already written, reporting to
     * {@code progress} under the folder's name.
     */
    public TrialStatus run(PreparedTrial trial, Backend backend, TrialDirectory dir, ProgressListener progress) {
        org.polygrok.plotting.results.AtomicFiles.removeLeftovers(dir.path()); // of a run killed mid-write
        Optional<Checkpoint> checkpoint = dir.loadCheckpoint();
        Map<String, HostArray> weights = checkpoint.map(Checkpoint::weights).orElse(trial.initialWeights());
        try (TrainSession session = backend.newTrainSession(trial.model(), weights, TrialSpecs.train(trial.config()))) {
            Loop loop = new Loop(trial, backend, dir, session, progress, checkpoint);
            return loop.run();
        }
    }

    /** One execution of the loop; holds the mutable state of a run. */
    private final class Loop {
        private final PreparedTrial trial;
        private final Backend backend;
        private final TrialDirectory dir;
        private final TrainSession session;
        private final ProgressListener progress;
        private final String name;
        private final SampleSet train;
        private final SampleSet val;
        private final TrainBatchSampler sampler;
        private final double elapsedBefore;
        private final long startMillis = clock.millis();
        private long step;

        Loop(PreparedTrial trial, Backend backend, TrialDirectory dir, TrainSession session,
                ProgressListener progress, Optional<Checkpoint> checkpoint) {
            this.trial = trial;
            this.backend = backend;
            this.dir = dir;
            this.session = session;
            this.progress = progress;
            this.name = dir.name();
            this.train = trial.dataset().train();
            this.val = trial.dataset().validation();
            if (checkpoint.isPresent()) {
                Checkpoint c = checkpoint.get();
                session.restore(c.weights(), c.optimizer());
                this.sampler = TrainBatchSampler.restore(trial.plan(), c.info().sampler());
                this.elapsedBefore = c.info().elapsedS();
                this.step = c.step();
                dir.truncateMetrics(step);
            } else {
                this.sampler = new TrainBatchSampler(trial.plan(), trial.config().seed());
                this.elapsedBefore = 0;
                this.step = 0;
                dir.truncateMetrics(-1);
            }
        }

        TrialStatus run() {
            long last = trial.plan().effectiveSteps();
            progress.trialStarted(name, trial.config(), step, last);
            dir.writeStatus(TrialStatus.running(step));
            try {
                if (step == 0 && !evaluate(0)) {
                    return fail("the loss is not finite at step 0");
                }
                while (step < last) {
                    float loss = session.step(train.batch(sampler.next(), TrialSpecs.maskRule(trial.config())));
                    step++;
                    progress.stepped(name, step, loss);
                    if (!Float.isFinite(loss)) {
                        return fail("the training loss became " + loss + " at step " + step);
                    }
                    if (trial.schedule().evaluatesAt(step) && !evaluate(step)) {
                        return fail("the evaluated loss is not finite at step " + step);
                    }
                    if (step % checkpointPeriod == 0 || step == last) {
                        saveCheckpoint();
                    }
                }
                if (!evaluate(trial.schedule().finalStep())) {
                    return fail("the evaluated loss is not finite after the last step");
                }
                dir.writeSummary(TrialSummary.of(dir.readMetrics()).toMap());
                TrialStatus done = TrialStatus.done(step);
                dir.writeStatus(done);
                progress.trialEnded(name, done);
                return done;
            } catch (RuntimeException | Error e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                TrialStatus failed = TrialStatus.failed(step, why);
                try {
                    dir.writeStatus(failed);
                } catch (RuntimeException notRecorded) {
                    e.addSuppressed(notRecorded); // e.g. a full disk: the trial stays resumable from its checkpoint
                }
                progress.trialEnded(name, failed);
                throw e;
            }
        }

        /** Logs one evaluation; false when a loss is not finite. */
        private boolean evaluate(long loggedStep) {
            SetMetrics t = trial.evaluator().evaluate(session, train);
            SetMetrics v = trial.evaluator().evaluate(session, val);
            MetricsRecord record = SetMetrics.record(loggedStep, trial.plan().epochOf(loggedStep), t, v,
                    ParamNorm.of(session.weights()), trial.model().parameterCountWithoutEmbeddings(), elapsed());
            dir.appendMetrics(record);
            progress.evaluated(name, record);
            return t.isFinite() && v.isFinite();
        }

        private void saveCheckpoint() {
            boolean withOptimizer = backend.capabilities().contains(Capability.OPTIMIZER_STATE);
            OptimizerState optimizer = withOptimizer ? session.optimizerState() : null;
            int slots = optimizer == null || optimizer.slots().isEmpty() ? 0
                    : optimizer.slots().values().iterator().next().size();
            dir.saveCheckpoint(new Checkpoint(new Checkpoint.Info(step, sampler.state(), elapsed(), withOptimizer,
                    slots), session.weights(), optimizer));
            dir.writeStatus(TrialStatus.running(step));
        }

        private TrialStatus fail(String reason) {
            TrialStatus failed = TrialStatus.failed(step, reason);
            dir.writeStatus(failed);
            progress.trialEnded(name, failed);
            return failed;
        }

        private double elapsed() {
            return elapsedBefore + (clock.millis() - startMillis) / 1000.0;
        }
    }
}
