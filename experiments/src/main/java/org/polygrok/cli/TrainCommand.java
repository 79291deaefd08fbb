package org.polygrok.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.experiments.data.DatasetSpec;
import org.polygrok.experiments.train.RunStatus;
import org.polygrok.experiments.train.TrainingProgress;
import org.polygrok.experiments.train.TrialConfig;
import org.polygrok.experiments.train.TrialLauncher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygrok train}: one trial with the reference's options; --out becomes the trial folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train one model on one backend with the reference's options. DIR receives config.json, "
                + "metrics.jsonl, status.json, summary.json and checkpoint/; run again on the same DIR to continue.")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "lstm|gpt", defaultValue = "lstm", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    BackendOption backend;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The trial folder.")
    Path out;

    @Mixin
    DatasetOptions data;

    @Option(names = "--train-batch-size", paramLabel = "B", defaultValue = "512", description = "(default: ${DEFAULT-VALUE})")
    int trainBatchSize;

    @Option(names = "--eval-batch-size", paramLabel = "B", defaultValue = "4096", description = "(default: ${DEFAULT-VALUE})")
    int evalBatchSize;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "2", description = "(default: ${DEFAULT-VALUE})")
    int layers;

    @Option(names = "--dim", paramLabel = "D", defaultValue = "128",
            description = "Embedding = hidden width (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--heads", paramLabel = "H", defaultValue = "4", description = "GPT heads (default: ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--multiplier", paramLabel = "M", defaultValue = "4",
            description = "GPT feed-forward multiplier (default: ${DEFAULT-VALUE}).")
    int multiplier;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0.0",
            description = "Only 0 is supported, as in every experiment (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adamw",
            description = "adamw, adam, sgd or momentum (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3", description = "(default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "1.0", description = "(default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--steps", paramLabel = "T", defaultValue = "10001",
            description = "Optimizer steps, rounded up to whole epochs (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--eval-first", paramLabel = "N", defaultValue = "100",
            description = "Evaluate after every one of the first N steps (default: ${DEFAULT-VALUE}).")
    long evalFirst;

    @Option(names = "--eval-period", paramLabel = "N", defaultValue = "100",
            description = "Evaluate every N steps (default: ${DEFAULT-VALUE}).")
    long evalPeriod;

    @Option(names = "--init-weights", paramLabel = "FILE",
            description = "Start from these weights (safetensors, PyTorch state_dict names) instead of seeded ones.")
    Path initWeights;

    @Option(names = "--save-weights", paramLabel = "FILE", description = "Also write the initial weights here (safetensors).")
    Path saveWeights;

    @Option(names = "--legacy-mask", description = "Count the reference code's PAD target in the loss of binary "
            + "samples of mixed orders (PROTOCOL §4).")
    boolean legacyMask;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final TrialLauncher launcher;

    @Inject
    TrainCommand(TrialLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() {
        BackendProvider provider = backend.select();
        BackendOptions options = engine.backendOptions();
        DatasetSpec d = data.spec();
        TrialConfig config = new TrialConfig(model, provider.name(), null, null, d.seed(), d.p(), d.operator().symbol(),
                d.orders(), d.rTrain(), trainBatchSize, evalBatchSize, layers, dim, heads, multiplier, dropout,
                optimizer, lr, weightDecay, 1.0, steps, 0, evalFirst, evalPeriod, "train", Map.of(), 0,
                d.split().label(), legacyMask, initWeights == null ? null : initWeights.toString(), null, null);
        TrialLauncher.Checked checked = launcher.check(config, out, provider, options, saveWeights);
        RunStatus status;
        try (TrainingProgress progress = ConsoleProgress.create(spec.commandLine().getOut(), engine.verbose())) {
            status = launcher.run(checked, provider, options, saveWeights, progress);
        } catch (IllegalArgumentException e) { // the input was checked: from here on it is a failure (exit 1)
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (status.status() == RunStatus.State.FAILED) {
            spec.commandLine().getErr().println("error: the run FAILED at step " + status.step() + ": " + status.reason());
            return Polygrok.FAILED;
        }
        spec.commandLine().getOut().println("done: " + out.resolve("summary.json"));
        return 0;
    }
}
