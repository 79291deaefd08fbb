package org.polygrok.experiments.sweep.progress;

import java.io.PrintWriter;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Sweep progress as plain lines, for logs (the output is not a terminal): the experiment's start, each
 * trial's start and end with the sweep's share done and time left, and each running trial's metrics
 * every ten evaluation periods — or every evaluation when verbose.
 */
public final class SweepLogLines implements SweepProgress {
    private final PrintWriter out;
    private final boolean verbose;
    private SweepMeter meter;

    public SweepLogLines(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public synchronized void experimentStarted(SweepPlan plan, int toRun, int done, int failedKept, long steps) {
        meter = new SweepMeter(steps, toRun);
        print("%s (%s, %s scale): %d trials, %d to run (%d steps), %d done, %d failed and not retried", plan.record()
                .experiment(), plan.record().question(), plan.record().scale(), plan.trials().size(), toRun, steps, done,
                failedKept);
    }

    @Override
    public TrainingProgress trialStarted(SweepTrial trial) {
        return new TrainingProgress() {
            private long last;
            private long period;

            @Override
            public void started(TrialConfig config, long fromStep, long lastStep) {
                last = lastStep;
                period = 10 * config.evalPeriod();
                meter.started(trial.id(), fromStep);
                print("%s: %s steps %d..%d", trial.id(), fromStep == 0 ? "training," : "continuing,", fromStep + 1,
                        lastStep);
            }

            @Override
            public void stepped(long step, double loss) {
                meter.stepped(trial.id(), step);
            }

            @Override
            public void evaluated(MetricsRecord r) {
                long t = r.step();
                if (verbose || t == last || (t > 0 && t % period == 0)) {
                    print("%s: step %d/%d  train_loss %.4f  train_acc %.3f  val_loss %.4f  val_acc %.3f", trial.id(), t,
                            last, r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy());
                }
            }
        };
    }

    @Override
    public synchronized void trialEnded(SweepTrial trial, TrialStatus s) {
        meter.ended(trial.id(), trial.effectiveSteps(), s.isDone());
        print("%s: %s at step %d%s  [%d/%d trials ended, %d failed; %d%% of steps; about %s left]",
                trial.id(), s.endLabel(), s.step(), s.reason() == null ? "" : " (" + s.reason() + ")",
                meter.ended(), meter.totalTrials(), meter.failed(),
                meter.totalSteps() == 0 ? 100 : 100 * meter.stepsDone() / meter.totalSteps(),
                SweepMeter.format(meter.eta()));
    }

    @Override
    public synchronized void message(String text) {
        out.println(text);
        out.flush();
    }

    private synchronized void print(String format, Object... args) {
        out.println(String.format(java.util.Locale.ROOT, format, args));
        out.flush();
    }
}
