package org.polygrok.experiments.train;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.io.SafeTensors;
import org.polygrok.experiments.PolygrokVersion;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.plotting.results.AtomicFiles;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;

/**
 * Runs one trial in a folder, in this JVM, from scratch or from its checkpoint: {@link #check} checks every
 * setting and the folders first (so bad input leaves nothing behind), then {@link #run} creates the engine,
 * records config.json and runs the {@link TrainingLoop}.
 */
public final class TrialRunner {
    private final Clock clock;
    private final long checkpointPeriod;

    @Inject
    public TrialRunner(Clock clock) {
        this(clock, TrainingLoop.CHECKPOINT_PERIOD);
    }

    /** A runner whose trials checkpoint every {@code checkpointPeriod} steps (and at the end). */
    public TrialRunner(Clock clock, long checkpointPeriod) {
        this.clock = clock;
        this.checkpointPeriod = checkpointPeriod;
    }

    /** What {@link #check} found: the prepared trial, and whether the folder already holds it. */
    public record Checked(PreparedTrial trial, TrialDirectory dir, TrialStatus existingStatus) {
        public boolean alreadyDone() {
            return existingStatus != null && existingStatus.status() == TrialStatus.State.DONE;
        }
    }

    /**
     * Validates a trial for {@code provider} in {@code out} without writing anything.
     *
     * @throws IllegalArgumentException with one sentence for bad settings, an unusable folder, or a
     *     folder that holds a different trial
     */
    public Checked check(TrialConfig config, Path out, BackendProvider provider, BackendOptions options,
            Path saveWeights) {
        TrialDirectory dir = new TrialDirectory(out);
        dir.requireUsable();
        TrialConfig resolved = config.with(java.util.Map.of("backend", provider.name(), "engine",
                provider.engineDescription(), "polygrok_version", PolygrokVersion.get(), "threads",
                options.effectiveThreads(), "java_version", System.getProperty("java.version")));
        PreparedTrial trial = PreparedTrial.prepare(resolved);
        TrialStatus existing = null;
        if (dir.holdsTrial()) {
            TrialConfig before = dir.readConfig();
            List<String> differences = before.differencesFrom(trial.config());
            if (!differences.isEmpty()) {
                throw new IllegalArgumentException("the output folder " + out + " holds another trial ("
                        + String.join(", ", differences) + "); choose another folder or the same settings");
            }
            existing = dir.readStatus().filter(st -> !st.isDone() || dir.metricsComplete())
                    .orElse(null); // DONE with its last metrics line cut off: continue from the checkpoint
        }
        if (saveWeights != null) {
            if (Files.isDirectory(saveWeights)) {
                throw new IllegalArgumentException("--save-weights " + saveWeights + " is a folder, not a file");
            }
            Path parent = saveWeights.toAbsolutePath().getParent();
            AtomicFiles.requireWritableDirectory(parent, "the folder of --save-weights");
        }
        return new Checked(trial, dir, existing);
    }

    /** Runs a checked trial: creates the engine, writes config.json and the initial weights, trains. */
    public TrialStatus run(Checked checked, BackendProvider provider, BackendOptions options, Path saveWeights,
            ProgressListener progress) {
        if (checked.alreadyDone()) {
            progress.trialEnded(checked.dir().name(), checked.existingStatus());
            return checked.existingStatus();
        }
        try (Backend backend = provider.create(options)) {
            PreparedTrial trial = checked.trial();
            TrialConfig recorded = trial.config().with("engine", backend.engineDescription());
            trial = new PreparedTrial(recorded, trial.dataset(), trial.model(), trial.plan(), trial.schedule(),
                    trial.evaluator(), trial.initialWeights());
            TrialDirectory dir = checked.dir();
            try {
                Files.createDirectories(dir.path());
                if (saveWeights != null) {
                    Files.createDirectories(saveWeights.toAbsolutePath().getParent());
                    SafeTensors.write(saveWeights, trial.initialWeights());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write to " + dir.path() + ": " + e.getMessage(), e);
            }
            if (!dir.holdsTrial()) {
                dir.writeConfig(recorded);
            }
            return new TrainingLoop(clock, checkpointPeriod).run(trial, backend, dir, progress);
        }
    }
}
