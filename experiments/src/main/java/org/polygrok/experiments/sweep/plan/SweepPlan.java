package org.polygrok.experiments.sweep.plan;

import java.nio.file.Path;
import java.util.List;
import org.polygrok.experiments.study.ExperimentPlan;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.ExperimentRecord;

/**
 * A request turned into trials: the experiment's plan at its scale, the models and seeds it trains,
 * every trial (one per backend × model × setting × seed), the horizon T of Q6's α·T, and the record
 * written as {@code experiment.json}.
 */
public record SweepPlan(SweepRequest request, ExperimentPlan plan, List<ModelKind> models, List<Long> seeds,
        List<SweepTrial> trials, long horizon, ExperimentRecord record) {

    public Path dir() {
        return request.experimentDir();
    }

    /** Total optimizer steps of all trials. */
    public long totalSteps() {
        return trials.stream().mapToLong(SweepTrial::effectiveSteps).sum();
    }
}
