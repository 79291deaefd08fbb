package org.polygrok.cli;

import java.nio.file.Path;
import java.util.Map;
import org.polygrok.experiments.data.DatasetSpec;
import org.polygrok.plotting.results.TrialConfig;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The reference's model, data and optimizer options, shared by {@code train} and {@code crosscheck}. */
public final class TrialOptions {
    @Option(names = "--model", paramLabel = "lstm|gpt", defaultValue = "lstm", description = "Model (default: ${DEFAULT-VALUE}).")
    String model;

    @Mixin
    DatasetOptions data;

    @Option(names = "--train-batch-size", paramLabel = "B", defaultValue = "512", description = "(default: ${DEFAULT-VALUE})")
    int trainBatchSize;

    @Option(names = "--eval-batch-size", paramLabel = "B", defaultValue = "4096", description = "(default: ${DEFAULT-VALUE})")
    int evalBatchSize;

    @Mixin
    ModelSizeOptions size;

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

    @Option(names = "--init-weights", paramLabel = "FILE",
            description = "Start from these weights (safetensors, PyTorch state_dict names) instead of seeded ones.")
    Path initWeights;

    @Option(names = "--legacy-mask", description = "Count the reference code's PAD target in the loss of binary "
            + "samples of mixed orders (PROTOCOL §4).")
    boolean legacyMask;

    /** What the command adds to these options: its schedule and where the trial runs. */
    public record Run(String backend, double dropout, long steps, long evalFirst, long evalPeriod, String experiment,
            int threads) {
    }

    /** The trial these options describe (invalid values are reported when the trial is prepared). */
    public TrialConfig config(Run run) {
        DatasetSpec d = data.spec();
        return new TrialConfig(model, run.backend(), null, null, d.seed(), d.p(), d.operator().symbol(), d.orders(),
                d.rTrain(), trainBatchSize, evalBatchSize, size.layers, size.dim, heads, multiplier, run.dropout(), optimizer, lr,
                weightDecay, 1.0, run.steps(), 0, run.evalFirst(), run.evalPeriod(), run.experiment(), Map.of(),
                run.threads(), d.split().label(), legacyMask, initWeights == null ? null : initWeights.toString(), null,
                null);
    }
}
