package org.polygrok.experiments.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.train.ModelKind;

/**
 * One experiment to run as a sweep: which experiment at which scale, on which backends, models and
 * seeds ({@code null} = the experiment's default seeds), the user's changes to the protocol's settings
 * ({@code --set}), how many trials run at once, whether FAILED trials are rerun, and the results folder
 * ({@code out}; the experiment writes {@code out/<experiment>/}).
 */
public record SweepRequest(Experiment experiment, Scale scale, List<String> backends, List<ModelKind> models,
        List<Long> seeds, Map<String, Object> changes, int parallel, boolean retryFailed, Path out) {

    public SweepRequest {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("at least one backend is needed");
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model is needed");
        }
        if (seeds != null && seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        backends = List.copyOf(backends);
        models = List.copyOf(models);
        seeds = seeds == null ? null : List.copyOf(seeds);
        changes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changes));
    }

    /** The experiment's folder. */
    public Path experimentDir() {
        return out.resolve(experiment.label());
    }

    public SweepRequest withExperiment(Experiment e) {
        return new SweepRequest(e, scale, backends, models, seeds, changes, parallel, retryFailed, out);
    }
}
