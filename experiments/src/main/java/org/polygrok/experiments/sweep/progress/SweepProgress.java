package org.polygrok.experiments.sweep.progress;

import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepTrial;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.plotting.results.TrialStatus;

/** What a running sweep reports: the experiment's trials done out of all, and each running trial. */
public interface SweepProgress extends AutoCloseable {

    SweepProgress SILENT = new SweepProgress() {
    };

    /**
     * The experiment starts: {@code toRun} trials will run ({@code steps} optimizer steps at most),
     * {@code done} are already DONE and {@code failedKept} FAILED ones are not retried.
     */
    default void experimentStarted(SweepPlan plan, int toRun, int done, int failedKept, long steps) {
    }

    /** A trial starts; the returned progress receives its steps and evaluations. */
    default TrainingProgress trialStarted(SweepTrial trial) {
        return TrainingProgress.SILENT;
    }

    /** A trial's run ended: DONE, FAILED, or RUNNING when it was stopped before its end (resumable). */
    default void trialEnded(SweepTrial trial, TrialStatus status) {
    }

    /** The experiment's trials have all ended (or been kept as they were). */
    default void experimentEnded(SweepPlan plan) {
    }

    /** A line for the user (where the summary is, a warning). */
    default void message(String text) {
    }

    @Override
    default void close() {
    }
}
