package org.polygrok.cli;

import java.io.PrintWriter;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Plain progress lines for logs (stdout is not a terminal): one per evaluation at the first, periodic
 * and last steps — every evaluation when verbose.
 */
final class LogLineReporter implements TrainingProgress {
    private final PrintWriter out;
    private final boolean verbose;
    private long lastStep;
    private long period;

    LogLineReporter(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void started(TrialConfig config, long fromStep, long lastStep) {
        this.lastStep = lastStep;
        this.period = config.evalPeriod();
        out.printf("%s on %s: %s steps %d..%d%n", config.model(), config.backend(),
                fromStep == 0 ? "training," : "continuing,", fromStep + 1, lastStep);
        out.flush();
    }

    @Override
    public void evaluated(MetricsRecord r) {
        long t = r.step();
        if (verbose || t <= 1 || t >= lastStep || t % period == 0) {
            out.printf("step %d/%d  train_loss %.4f  train_acc %.3f  val_loss %.4f  val_acc %.3f  norm %.2f  %.1fs%n",
                    t, lastStep, r.trainLoss(), r.trainAccuracy(), r.valLoss(), r.valAccuracy(), r.paramNorm(),
                    r.elapsedS());
            out.flush();
        }
    }

    @Override
    public void finished(TrialStatus status) {
        out.println(status.status() + " at step " + status.step() + (status.reason() == null ? "" : ": "
                + status.reason()));
        out.flush();
    }
}
