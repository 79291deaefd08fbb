package org.polygrok.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.api.UnknownBackendException;
import org.polygrok.experiments.crosscheck.Agreement;
import org.polygrok.experiments.crosscheck.Crosscheck;
import org.polygrok.experiments.crosscheck.CrosscheckReport;
import org.polygrok.experiments.crosscheck.Tolerances;
import org.polygrok.experiments.data.DatasetSpec;
import org.polygrok.experiments.train.TrialConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygrok crosscheck}: one trial's first steps on several backends, compared with the first backend. */
@Command(name = "crosscheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the same model from the same initial weights on the same batches on several backends "
                + "and compare every step's training loss, the step-0 losses and the final weights with the first "
                + "backend. Writes DIR/crosscheck.json and DIR/crosscheck.png (and .svg); exit 0 when all agree within the "
                + "tolerances, 1 when not.")
final class CrosscheckCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "lstm|gpt", defaultValue = "lstm", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--backends", paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated backends, the first is the reference, or all (default: ${DEFAULT-VALUE}).")
    String backends;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "50", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for crosscheck.json and the plot.")
    Path out;

    @Option(names = "--init-weights", paramLabel = "FILE",
            description = "Start from these weights (safetensors, PyTorch state_dict names) instead of seeded ones.")
    Path initWeights;

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

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adamw",
            description = "adamw, adam, sgd or momentum (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-3", description = "(default: ${DEFAULT-VALUE})")
    double lr;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "1.0", description = "(default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--legacy-mask", description = "Count the reference code's PAD target in the loss of binary "
            + "samples of mixed orders (PROTOCOL §4).")
    boolean legacyMask;

    @Option(names = "--step0-tolerance", paramLabel = "X", defaultValue = "" + Tolerances.STEP0_LOSS,
            description = "Largest |difference| of the step-0 train and val losses (default: ${DEFAULT-VALUE}).")
    double step0Tolerance;

    @Option(names = "--loss-tolerance", paramLabel = "X", defaultValue = "" + Tolerances.STEP_LOSS,
            description = "Largest |difference| of any step's training loss (default: ${DEFAULT-VALUE}).")
    double lossTolerance;

    @Option(names = "--weight-tolerance", paramLabel = "X", defaultValue = "" + Tolerances.PARAMETER,
            description = "Largest |difference| of any weight after the last step (default: ${DEFAULT-VALUE}).")
    double weightTolerance;

    @Mixin
    EngineOptions engine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<BackendProvider> providers;
        try {
            providers = Backends.selectAll(backends);
        } catch (UnknownBackendException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        BackendOptions options = engine.backendOptions();
        Tolerances tolerances = new Tolerances(step0Tolerance, lossTolerance, weightTolerance);
        TrialConfig config = config();
        Crosscheck.check(config, providers, steps, out);
        var console = spec.commandLine().getOut();
        Agreement agreement = Crosscheck.run(config, providers, options, steps, tolerances,
                line -> console.println(line));
        Crosscheck.write(out, config, agreement);
        console.println(CrosscheckReport.summary(agreement));
        console.println("written: " + out.resolve(Crosscheck.JSON) + ", " + out.resolve(Crosscheck.PLOT));
        return agreement.agrees() ? 0 : Polygrok.FAILED;
    }

    private TrialConfig config() {
        DatasetSpec d = data.spec();
        return new TrialConfig(model, null, null, null, d.seed(), d.p(), d.operator().symbol(), d.orders(), d.rTrain(),
                trainBatchSize, evalBatchSize, layers, dim, heads, multiplier, 0.0, optimizer, lr, weightDecay, 1.0,
                steps, 0, 0, Math.max(1, steps), "crosscheck", Map.of(), engine.backendOptions().effectiveThreads(),
                d.split().label(), legacyMask, initWeights == null ? null : initWeights.toString(), null, null);
    }
}
