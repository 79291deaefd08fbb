package org.polygrok.experiments.sweep.plan;

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
 * ({@code out}; the experiment writes {@code out/<experiment>/}), and {@code onlyBackend}: when not null, only
 * that backend's trials are trained now (the others are left for a later resume; the summary covers all).
 */
public record SweepRequest(Experiment experiment, Scale scale, List<String> backends, List<ModelKind> models,
        List<Long> seeds, Map<String, Object> changes, int parallel, boolean retryFailed, Path out,
        String onlyBackend) {

    public SweepRequest(Experiment experiment, Scale scale, List<String> backends, List<ModelKind> models,
            List<Long> seeds, Map<String, Object> changes, int parallel, boolean retryFailed, Path out) {
        this(experiment, scale, backends, models, seeds, changes, parallel, retryFailed, out, null);
    }

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
        if (onlyBackend != null && !backends.contains(onlyBackend)) {
            throw new IllegalArgumentException("the sweep in " + out.resolve(experiment.label()) + " runs on "
                    + String.join(", ", backends) + ", not on " + onlyBackend);
        }
        backends = List.copyOf(backends);
        models = List.copyOf(models);
        seeds = seeds == null ? null : List.copyOf(seeds);
        changes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(changes));
    }

    /** Whether this request runs {@code trial} now (see {@code onlyBackend}). */
    public boolean runsNow(SweepTrial trial) {
        return onlyBackend == null || onlyBackend.equals(trial.config().backend());
    }

    /** The experiment's folder. */
    public Path experimentDir() {
        return out.resolve(experiment.label());
    }

    public SweepRequest withExperiment(Experiment e) {
        return new SweepRequest(e, scale, backends, models, seeds, changes, parallel, retryFailed, out, onlyBackend);
    }
}
