package org.polygrok.plotting.results;

/** A trial's {@code status.json}: RUNNING, DONE or FAILED, the last step reached, and why it failed. */
public record TrialStatus(String status, long step, String reason) {

    public static final TrialStatus MISSING = new TrialStatus("MISSING", 0, "");

    public boolean failed() {
        return "FAILED".equals(status);
    }
}
