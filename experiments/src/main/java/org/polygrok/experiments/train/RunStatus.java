package org.polygrok.experiments.train;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A trial's {@code status.json}: RUNNING, DONE or FAILED, the last step reached and, when FAILED, why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunStatus(State status, long step, String reason) {

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    public static RunStatus running(long step) {
        return new RunStatus(State.RUNNING, step, null);
    }

    public static RunStatus done(long step) {
        return new RunStatus(State.DONE, step, null);
    }

    public static RunStatus failed(long step, String reason) {
        return new RunStatus(State.FAILED, step, reason);
    }
}
