package org.polygrok.experiments.sweep.progress;

import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Sweep progress on a terminal: one bar for the experiment (optimizer steps of all its trials, with
 * trials ended / total and the time left) and one bar per running trial (step, loss, validation accuracy).
 */
public final class SweepProgressBars implements SweepProgress {
    private final PrintWriter messages;
    private ProgressBar sweepBar;
    private SweepMeter meter;

    public SweepProgressBars(PrintWriter messages) {
        this.messages = messages;
    }

    @Override
    public synchronized void experimentStarted(SweepPlan plan, int toRun, int done, int failedKept, long steps) {
        closeSweepBar();
        meter = new SweepMeter(steps, toRun);
        messages.printf(java.util.Locale.ROOT, "%s (%s, %s scale): %d trials, %d to run, %d done, %d failed and not retried%n",
                plan.record().experiment(), plan.record().question(), plan.record().scale(), plan.trials().size(), toRun,
                done, failedKept);
        if (toRun > 0) {
            sweepBar = new ProgressBarBuilder().setTaskName(plan.record().experiment()).setInitialMax(Math.max(1, steps))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate().setUnit(" steps", 1)
                    .showSpeed().build();
            sweepBar.setExtraMessage(trials());
        }
    }

    private String trials() {
        return String.format(" trials %d/%d ended, %d failed", meter.ended(), meter.totalTrials(), meter.failed());
    }

    @Override
    public TrainingProgress trialStarted(SweepTrial trial) {
        return new TrainingProgress() {
            private ProgressBar bar;
            private double loss = Double.NaN;
            private double valAccuracy = Double.NaN;

            @Override
            public void started(TrialConfig config, long fromStep, long lastStep) {
                meter.started(trial.id(), fromStep);
                bar = new ProgressBarBuilder().setTaskName(trial.id()).setInitialMax(lastStep)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).continuousUpdate()
                        .startsFrom(fromStep, Duration.ZERO).build();
            }

            @Override
            public void stepped(long step, double loss) {
                this.loss = loss;
                meter.stepped(trial.id(), step);
                if (bar != null) {
                    bar.stepTo(step);
                    bar.setExtraMessage(String.format(" loss %.4f  val_acc %.3f", this.loss, valAccuracy));
                }
                updateSweepBar();
            }

            @Override
            public void evaluated(MetricsRecord record) {
                valAccuracy = record.valAccuracy();
            }

            @Override
            public void finished(TrialStatus status) {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }

            @Override
            public void close() {
                finished(null);
            }
        };
    }

    private synchronized void updateSweepBar() {
        if (sweepBar != null) {
            sweepBar.stepTo(meter.stepsDone());
        }
    }

    @Override
    public synchronized void trialEnded(SweepTrial trial, TrialStatus status) {
        meter.ended(trial.id(), trial.effectiveSteps(), status.isDone());
        if (sweepBar != null) {
            sweepBar.stepTo(meter.stepsDone());
            sweepBar.setExtraMessage(trials());
        }
        if (!status.isDone()) {
            message(trial.id() + " " + status.endLabel() + " at step " + status.step()
                    + (status.reason() == null ? "" : ": " + status.reason()));
        }
    }

    @Override
    public synchronized void experimentEnded(SweepPlan plan) {
        closeSweepBar();
    }

    @Override
    public synchronized void message(String text) {
        messages.println(text);
        messages.flush();
    }

    private void closeSweepBar() {
        if (sweepBar != null) {
            sweepBar.close();
            sweepBar = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSweepBar();
    }
}
