package org.polygrok.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/** A terminal progress bar: step, training loss and the latest validation accuracy. */
final class ProgressBarReporter implements TrainingProgress {
    private ProgressBar bar;
    private double loss = Double.NaN;
    private double valAccuracy = Double.NaN;

    @Override
    public void started(TrialConfig config, long fromStep, long lastStep) {
        bar = new ProgressBarBuilder().setTaskName(config.model() + "@" + config.backend())
                .setInitialMax(lastStep).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .continuousUpdate().startsFrom(fromStep, java.time.Duration.ZERO).build();
    }

    @Override
    public void stepped(long step, double loss) {
        this.loss = loss;
        if (bar != null) {
            bar.stepTo(step);
            bar.setExtraMessage(message());
        }
    }

    @Override
    public void evaluated(MetricsRecord record) {
        valAccuracy = record.valAccuracy();
        if (bar != null) {
            bar.setExtraMessage(message());
        }
    }

    private String message() {
        return String.format(" loss %.4f  val_acc %.3f", loss, valAccuracy);
    }

    @Override
    public void finished(TrialStatus status) {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
