package org.polygrok.experiments.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Progress on a terminal: one bar per running trial (step, training loss, latest validation accuracy) and, in
 * a sweep, one bar for the experiment (optimizer steps of all its trials, with trials ended / total and the
 * time left). A trial that does not end DONE gets the line {@link LogLines} ends it with.
 */
public final class ProgressBars implements ProgressListener {
    private final PrintWriter messages;
    private final Map<String, TrialBar> trials = new HashMap<>();
    private ProgressBar experimentBar;
    private SweepMeter meter; // null outside a sweep

    public ProgressBars(PrintWriter messages) {
        this.messages = messages;
    }

    /** One running trial's bar and what its message shows. */
    private static final class TrialBar {
        private final ProgressBar bar;
        private double loss = Double.NaN;
        private double valAccuracy = Double.NaN;

        TrialBar(String trial, long fromStep, long lastStep) {
            bar = new ProgressBarBuilder().setTaskName(trial).setInitialMax(lastStep).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).continuousUpdate().startsFrom(fromStep, Duration.ZERO).build();
        }

        void stepped(long step, double loss) {
            this.loss = loss;
            bar.stepTo(step);
            showMessage();
        }

        void evaluated(MetricsRecord record) {
            valAccuracy = record.valAccuracy();
            showMessage();
        }

        private void showMessage() {
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f  val_acc %.3f", loss, valAccuracy));
        }

        void close() {
            bar.close();
        }
    }

    @Override
    public synchronized void experimentStarted(ExperimentStart e) {
        closeExperimentBar();
        meter = new SweepMeter(e);
        message(e.headline());
        if (!e.toRun().isEmpty()) {
            experimentBar = new ProgressBarBuilder().setTaskName(e.experiment()).setInitialMax(Math.max(1, e.steps()))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate()
                    .setUnit(" steps", 1).showSpeed().build();
            experimentBar.setExtraMessage(trialsEnded());
        }
    }

    private String trialsEnded() {
        return String.format(Locale.ROOT, " trials %d/%d ended, %d failed", meter.ended(), meter.totalTrials(),
                meter.failed());
    }

    @Override
    public synchronized void trialStarted(String trial, TrialConfig config, long fromStep, long lastStep) {
        if (meter != null) {
            meter.started(trial, fromStep);
        }
        TrialBar before = trials.put(trial, new TrialBar(trial, fromStep, lastStep));
        if (before != null) {
            before.close();
        }
    }

    @Override
    public synchronized void stepped(String trial, long step, double loss) {
        TrialBar bar = trials.get(trial);
        if (bar != null) {
            bar.stepped(step, loss);
        }
        if (meter != null) {
            meter.stepped(trial, step);
            showExperimentProgress();
        }
    }

    @Override
    public synchronized void evaluated(String trial, MetricsRecord record) {
        TrialBar bar = trials.get(trial);
        if (bar != null) {
            bar.evaluated(record);
        }
    }

    @Override
    public synchronized void trialEnded(String trial, TrialStatus status) {
        TrialBar bar = trials.remove(trial);
        if (bar != null) {
            bar.close();
        }
        if (meter != null) {
            meter.ended(trial, status.isDone());
            showExperimentProgress();
        }
        if (!status.isDone()) {
            message(LogLines.ending(trial, status));
        }
    }

    private void showExperimentProgress() {
        if (experimentBar != null) {
            experimentBar.stepTo(meter.stepsDone());
            experimentBar.setExtraMessage(trialsEnded());
        }
    }

    @Override
    public synchronized void experimentEnded() {
        closeExperimentBar();
        meter = null;
    }

    @Override
    public synchronized void message(String text) {
        messages.println(text);
        messages.flush();
    }

    private void closeExperimentBar() {
        if (experimentBar != null) {
            experimentBar.close();
            experimentBar = null;
        }
    }

    @Override
    public synchronized void close() {
        trials.values().forEach(TrialBar::close);
        trials.clear();
        closeExperimentBar();
    }
}
