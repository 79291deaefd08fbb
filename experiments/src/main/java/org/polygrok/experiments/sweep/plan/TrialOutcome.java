package org.polygrok.experiments.sweep.plan;

import org.polygrok.experiments.train.RunStatus;

/** How a trial ended in this sweep: DONE, FAILED with the reason, or RUNNING when it was stopped (resumable). */
public record TrialOutcome(SweepTrial trial, RunStatus status) {

    public boolean done() {
        return status.status() == RunStatus.State.DONE;
    }

    /** "DONE", "FAILED", or "INTERRUPTED" for a trial stopped before its end. */
    public String label() {
        return status.status() == RunStatus.State.RUNNING ? "INTERRUPTED" : status.status().name();
    }
}
