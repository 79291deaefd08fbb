package org.polygrok.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.api.Backends;
import org.polygrok.experiments.crosscheck.Agreement;
import org.polygrok.experiments.crosscheck.Crosscheck;
import org.polygrok.experiments.crosscheck.CrosscheckReport;
import org.polygrok.experiments.crosscheck.Tolerances;
import org.polygrok.experiments.train.TrialConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygrok crosscheck}: one trial's first steps on several backends, compared with the first backend. */
@Command(name = "crosscheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the same model from the same initial weights on the same batches on several backends "
                + "and compare every step's training loss, the step-0 losses and the final weights with the first "
                + "backend. Writes DIR/crosscheck.json and DIR/crosscheck.png (and .svg).",
            "Per backend it reports the agreement horizon: the last step up to which the losses agree within "
                + "--loss-tolerance, and what ended it (a loss spike on which engines at which step, found from the "
                + "loss series alone; or a difference that grew with no spike). The verdict is one of:",
            "  agree over the whole run (exit 0);",
            "  agree until an instability at step N, then part, as float32 training through memorisation and "
                + "grokking does (exit 0);",
            "  disagree from the start: differing step-0 losses, or a drift with no spike to explain it - a defect "
                + "(exit 1)."})
final class CrosscheckCommand implements Callable<Integer> {
    @Mixin
    TrialOptions trial;

    /** The first backend is the reference; --backend NAME compares NAME with every other available backend. */
    @Mixin
    BackendsOption backends;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "50", description = "Training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for crosscheck.json and the plot.")
    Path out;

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
        List<BackendProvider> providers = providers();
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
        return agreement.verdict().exitCode();
    }

    /** --backends in order; --backend NAME first, then every other available backend; else all. */
    private List<BackendProvider> providers() {
        List<BackendProvider> chosen = backends.select("all");
        if (!backends.single()) {
            return chosen;
        }
        List<BackendProvider> out = new ArrayList<>(chosen);
        Backends.selectAll("all").stream().filter(p -> !p.name().equals(chosen.get(0).name())).forEach(out::add);
        if (out.size() < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "crosscheck needs a second available backend to compare " + chosen.get(0).name() + " with");
        }
        return out;
    }

    private TrialConfig config() {
        return trial.config(new TrialOptions.Run(null, 0.0, steps, 0, Math.max(1, steps), "crosscheck",
                engine.backendOptions().effectiveThreads()));
    }
}
