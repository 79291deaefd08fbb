package org.polygrok.experiments.sweep.plan;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.polygrok.experiments.train.TrialDirectory;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * One trial of a sweep: its id, its configuration, its point of the experiment's grid ({@code setting}),
 * its folder and the steps it takes (rounded to whole epochs).
 */
public record SweepTrial(String id, TrialConfig config, Map<String, Object> setting, Path dir, long effectiveSteps) {

    public TrialDirectory directory() {
        return new TrialDirectory(dir);
    }

    /**
     * Where it stands now, read from its folder: empty when it has not started (no config.json yet);
     * RUNNING when it started and did not end (or has no status.json yet): it continues from its checkpoint.
     */
    public Optional<TrialStatus> status() {
        TrialDirectory d = directory();
        return d.holdsTrial() ? Optional.of(d.readStatus().orElse(TrialStatus.running(0))) : Optional.empty();
    }

    public boolean isDone() {
        return status().map(TrialStatus::isDone).orElse(false);
    }
}
