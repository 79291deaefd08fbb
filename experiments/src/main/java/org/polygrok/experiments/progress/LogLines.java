package org.polygrok.experiments.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import org.polygrok.plotting.results.MetricsRecord;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Progress as plain lines, for logs (the output is not a terminal). Every trial line starts with the trial's
 * name: its start, its metrics at step 0, every evaluation period and the last step (every
 * {@value #SWEEP_PERIODS}th period in a sweep, whose trials' lines interleave; every evaluation when verbose),
 * and its end. A sweep adds a line as each experiment starts, and each trial's end line the sweep's trials
 * ended, share of steps done and time left.
 */
public final class LogLines implements ProgressListener {
    /** In a sweep, a trial's metrics are logged every this many evaluation periods. */
    static final int SWEEP_PERIODS = 10;

    private final PrintWriter out;
    private final boolean verbose;
    private final Map<String, Trial> trials = new HashMap<>();
    private volatile SweepMeter meter; // null outside a sweep

    /** What the lines of one running trial need: its last step and how often its metrics are logged. */
    private record Trial(long lastStep, long period) {
    }

    public LogLines(PrintWriter out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public synchronized void experimentStarted(ExperimentStart e) {
        meter = new SweepMeter(e);
        print("%s", e.headline());
    }

    @Override
    public synchronized void trialStarted(String trial, TrialConfig config, long fromStep, long lastStep) {
        long periods = meter == null ? 1 : SWEEP_PERIODS;
        trials.put(trial, new Trial(lastStep, Math.max(1, config.evalPeriod()) * periods));
        if (meter != null) {
            meter.started(trial, fromStep);
        }
        print("%s: %s steps %d..%d", trial, fromStep == 0 ? "training," : "continuing,", fromStep + 1, lastStep);
    }

    @Override
    public void stepped(String trial, long step, double loss) {
        SweepMeter m = meter;
        if (m != null) {
            m.stepped(trial, step);
        }
    }

    @Override
    public synchronized void evaluated(String trial, MetricsRecord r) {
        Trial t = trials.get(trial);
        long step = r.step();
        if (verbose || t == null || step == t.lastStep() || step % t.period() == 0) {
            print("%s: step %d/%d  train_loss %.4f  train_acc %.3f  val_loss %.4f  val_acc %.3f  norm %.2f  %.1fs",
                    trial, step, t == null ? step : t.lastStep(), r.trainLoss(), r.trainAccuracy(), r.valLoss(),
                    r.valAccuracy(), r.paramNorm(), r.elapsedS());
        }
    }

    @Override
    public synchronized void trialEnded(String trial, TrialStatus s) {
        trials.remove(trial);
        String end = ending(trial, s);
        if (meter == null) {
            print("%s", end);
            return;
        }
        meter.ended(trial, s.isDone());
        print("%s  [%d/%d trials ended, %d failed; %d%% of steps; about %s left]", end, meter.ended(),
                meter.totalTrials(), meter.failed(),
                meter.totalSteps() == 0 ? 100 : 100 * meter.stepsDone() / meter.totalSteps(),
                SweepMeter.format(meter.eta()));
    }

    /** "ID: DONE at step N", or "ID: FAILED at step N (why)". */
    static String ending(String trial, TrialStatus s) {
        return trial + ": " + s.endLabel() + " at step " + s.step()
                + (s.reason() == null ? "" : " (" + s.reason() + ")");
    }

    @Override
    public synchronized void experimentEnded() {
        meter = null;
    }

    @Override
    public synchronized void message(String text) {
        out.println(text);
        out.flush();
    }

    private void print(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
