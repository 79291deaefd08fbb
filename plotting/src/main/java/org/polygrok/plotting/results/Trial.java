package org.polygrok.plotting.results;

import java.nio.file.Path;

/** One trial directory as read: its configuration, evaluations and status ({@code null}: no status.json yet). */
public record Trial(String id, Path dir, TrialConfig config, MetricsTable metrics, TrialStatus status) {

    public boolean failed() {
        return status != null && status.isFailed();
    }

    /** RUNNING, DONE, FAILED, or MISSING without a status.json. */
    public String statusLabel() {
        return status == null ? "MISSING" : status.status().name();
    }

    /** The trial's setting as a point of the experiment's grid. */
    public Setting point() {
        return new Setting(config.setting());
    }
}
