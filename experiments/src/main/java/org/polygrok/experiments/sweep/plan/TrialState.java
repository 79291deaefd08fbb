package org.polygrok.experiments.sweep.plan;

import org.polygrok.experiments.train.RunStatus;
import org.polygrok.experiments.train.TrialDirectory;

/** Where a sweep's trial stands, read from its folder. */
public enum TrialState {
    /** Never started: no config.json yet. */
    NEW,
    /** Started but not finished (RUNNING, or killed): continues from its last checkpoint. */
    INTERRUPTED,
    DONE,
    /** Ended FAILED: rerun (from scratch) only when asked to retry failed trials. */
    FAILED;

    public static TrialState of(TrialDirectory dir) {
        if (!dir.holdsTrial()) {
            return NEW;
        }
        return dir.readStatus().map(s -> switch (s.status()) {
            case DONE -> DONE;
            case FAILED -> FAILED;
            case RUNNING -> INTERRUPTED;
        }).orElse(INTERRUPTED);
    }

    /** The recorded status, when the folder has one. */
    public static java.util.Optional<RunStatus> status(TrialDirectory dir) {
        return dir.holdsTrial() ? dir.readStatus() : java.util.Optional.empty();
    }
}
