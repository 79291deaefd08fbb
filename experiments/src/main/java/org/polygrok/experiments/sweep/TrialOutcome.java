package org.polygrok.experiments.sweep;

import org.polygrok.experiments.train.RunStatus;

/** How a trial ended in this sweep: DONE, or FAILED with the reason. */
public record TrialOutcome(SweepTrial trial, RunStatus status) {

    public boolean done() {
        return status.status() == RunStatus.State.DONE;
    }
}
