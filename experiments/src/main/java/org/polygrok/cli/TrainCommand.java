package org.polygrok.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.experiments.progress.ConsoleProgress;
import org.polygrok.experiments.progress.ProgressListener;
import org.polygrok.experiments.train.TrialRunner;
import org.polygrok.plotting.results.TrialConfig;
import org.polygrok.plotting.results.TrialStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygrok train}: one trial with the reference's options; --out becomes the trial folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train one model on one backend with the reference's options. DIR receives config.json, "
                + "metrics.jsonl, status.json, summary.json and checkpoint/; run again on the same DIR to continue.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    TrialOptions trial;

    @Mixin
    BackendOption backend;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The trial folder.")
    Path out;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0.0",
            description = "Only 0 is supported, as in every experiment (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "10001",
            description = "Optimizer steps, rounded up to whole epochs (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--eval-first", paramLabel = "N", defaultValue = "100",
            description = "Evaluate after every one of the first N steps (default: ${DEFAULT-VALUE}).")
    long evalFirst;

    @Option(names = "--eval-period", paramLabel = "N", defaultValue = "100",
            description = "Evaluate every N steps (default: ${DEFAULT-VALUE}).")
    long evalPeriod;

    @Option(names = "--save-weights", paramLabel = "FILE", description = "Also write the initial weights here (safetensors).")
    Path saveWeights;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TrialRunner runner;

    @Inject
    TrainCommand(TrialRunner runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        BackendProvider provider = backend.select();
        BackendOptions options = engine.backendOptions();
        TrialConfig config = trial.config(
                new TrialOptions.Run(provider.name(), dropout, steps, evalFirst, evalPeriod, "train", 0));
        TrialRunner.Checked checked = runner.check(config, out, provider, options, saveWeights);
        TrialStatus status;
        try (ProgressListener progress = ConsoleProgress.create(spec.commandLine().getOut(), engine.verbose())) {
            status = runner.run(checked, provider, options, saveWeights, progress);
        } catch (IllegalArgumentException e) { // the input was checked: from here on it is a failure (exit 1)
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (status.status() == TrialStatus.State.FAILED) {
            spec.commandLine().getErr().println("error: the run FAILED at step " + status.step() + ": " + status.reason());
            return Polygrok.FAILED;
        }
        spec.commandLine().getOut().println("done: " + out.resolve("summary.json"));
        return 0;
    }
}
