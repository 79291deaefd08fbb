package org.polygrok.experiments.train;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.Backends;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/** Small trials on the DJL backend for the training tests. */
final class DjlTrials {
    private DjlTrials() {
    }

    static Backend backend() {
        return Backends.select("djl").create(new BackendOptions(2, false));
    }

    /** p = 11, "+", r_train 0.5 (60 train / 61 val equations, full batch), one small layer. */
    static TrialConfig small(ModelKind model, Map<String, ?> changes) {
        TrialConfig base = TrialSpecs.defaults(model).with(Map.of("backend", "djl", "p", 11, "dim", 32, "layers", 1,
                "steps", 300, "eval_first", 5, "eval_period", 25));
        return base.with(changes);
    }

    static TrialStatus run(Backend backend, TrialConfig config, Path dir, long checkpointPeriod,
            ProgressListener progress) {
        PreparedTrial trial = PreparedTrial.prepare(config);
        TrialDirectory d = new TrialDirectory(dir);
        if (!d.holdsTrial()) {
            d.writeConfig(trial.config());
        }
        return new TrainingLoop(Clock.systemUTC(), checkpointPeriod).run(trial, backend, d, progress);
    }
}
