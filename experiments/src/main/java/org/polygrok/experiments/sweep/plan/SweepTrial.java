package org.polygrok.experiments.sweep.plan;

import java.nio.file.Path;
import java.util.Map;
import org.polygrok.experiments.train.TrialConfig;
import org.polygrok.experiments.train.TrialDirectory;

/**
 * One trial of a sweep: its id, its configuration, its point of the experiment's grid ({@code setting}),
 * its folder and the steps it takes (rounded to whole epochs).
 */
public record SweepTrial(String id, TrialConfig config, Map<String, Object> setting, Path dir, long effectiveSteps) {

    public TrialDirectory directory() {
        return new TrialDirectory(dir);
    }

    /** Where it stands now, read from its folder. */
    public TrialState state() {
        return TrialState.of(directory());
    }
}
