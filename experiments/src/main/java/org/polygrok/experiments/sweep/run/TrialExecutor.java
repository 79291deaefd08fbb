package org.polygrok.experiments.sweep.run;

import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Executes one trial of a sweep: runs it to its end somewhere other than this JVM (a child process, a Spark
 * task) and says how it ended: DONE, FAILED with the reason, or RUNNING when it was stopped before its end
 * (resumable).
 */
public interface TrialExecutor {

    /**
     * Runs or continues {@code trial} with {@code threads} engine threads, reporting its start, steps and
     * evaluations to {@code progress} (its end is the value returned, which the sweep reports); blocks until it
     * ends.
     *
     * @throws InterruptedException when the sweep is stopped while the trial runs (the trial is stopped too)
     */
    TrialStatus execute(SweepTrial trial, int threads, ProgressListener progress) throws InterruptedException;

    /** Stops every running trial at once (the sweep is ending); their folders stay resumable. */
    void stopAll();
}
