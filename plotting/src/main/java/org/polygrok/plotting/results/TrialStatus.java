package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A trial's {@code status.json}, the one status type of a trial: RUNNING (training, or stopped before its
 * end and resumable), DONE or FAILED, the last step reached and, when FAILED, why. A trial folder without
 * status.json has not started training.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialStatus(State status, long step, String reason) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    public static TrialStatus running(long step) {
        return new TrialStatus(State.RUNNING, step, null);
    }

    public static TrialStatus done(long step) {
        return new TrialStatus(State.DONE, step, null);
    }

    public static TrialStatus failed(long step, String reason) {
        return new TrialStatus(State.FAILED, step, reason);
    }

    @JsonIgnore
    public boolean isDone() {
        return status == State.DONE;
    }

    @JsonIgnore
    public boolean isFailed() {
        return status == State.FAILED;
    }

    /** "DONE", "FAILED", or "INTERRUPTED" for a trial whose run ended before its last step. */
    public String endLabel() {
        return status == State.RUNNING ? "INTERRUPTED" : status.name();
    }
}
