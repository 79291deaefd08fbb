package org.polygrok.cli;

import jakarta.inject.Inject;
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
import org.polygrok.experiments.crosscheck.CurveAgreement;
import org.polygrok.experiments.crosscheck.CurveCrosscheck;
import org.polygrok.experiments.crosscheck.CurveReport;
import org.polygrok.experiments.crosscheck.CurveTolerances;
import org.polygrok.experiments.crosscheck.Tolerances;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.plotting.results.TrialConfig;
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
                + "loss series alone; rounding-level differences that grew steadily with no spike; or a difference "
                + "beyond rounding level from the first steps). The verdict is one of:",
            "  agree over the whole run (exit 0);",
            "  agree until an instability at step N, then part, as float32 training through memorisation and "
                + "grokking does: a loss spike, or float32 rounding differences (at most 1e-5 of the loss in the "
                + "first 10 steps) amplified steadily until they pass the tolerance (exit 0);",
            "  disagree from the start: differing step-0 losses, or a difference beyond rounding level in the first "
                + "steps that grew with no spike to explain it - a defect (exit 1).",
            "With --curves it trains one whole trial per backend (10001 steps by default) from the same initial weights "
                + "(seeded, or --init-weights) in parallel processes, as a resumable sweep in DIR/sanity/, and compares "
                + "the evaluation curves: mean and max |dA_train|, |dA_val|, |dlog L_val| and t_f per backend; writes "
                + "DIR/curves.json and DIR/curves.png (and .svg); exit 0 when every backend is within the curve "
                + "tolerances, 1 when not."})
final class CrosscheckCommand implements Callable<Integer> {
    static final int DEFAULT_STEPS = 50;
    static final int CURVE_STEPS = 10001;
    /** eval_first and eval_period of the protocol (PROTOCOL §6). */
    private static final int PROTOCOL_EVAL = 100;

    @Mixin
    TrialOptions trial;

    /** The first backend is the reference; --backend NAME compares NAME with every other available backend. */
    @Mixin
    BackendsOption backends;

    @Option(names = "--steps", paramLabel = "N", description = "Training steps (default: 50; with --curves, 10001).")
    Integer steps;

    @Option(names = "--curves", description = "Curve mode: whole runs from the same weights, compared as curves.")
    boolean curves;

    @Option(names = "--curve-accuracy-tolerance", paramLabel = "X", defaultValue = "" + CurveTolerances.ACCURACY,
            description = "--curves: largest mean |dA_train| and |dA_val| over the evaluations (default: ${DEFAULT-VALUE}).")
    double curveAccuracy;

    @Option(names = "--curve-loss-tolerance", paramLabel = "X", defaultValue = "" + CurveTolerances.LOG_LOSS,
            description = "--curves: largest mean |dlog L_val| over the evaluations (default: ${DEFAULT-VALUE}).")
    double curveLogLoss;

    @Option(names = "--curve-grokking-tolerance", paramLabel = "F", defaultValue = "" + CurveTolerances.GROKKING_STEP,
            description = "--curves: largest |d t_f(A_val)| as a fraction of the steps (default: ${DEFAULT-VALUE}).")
    double curveGrokking;

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

    private final SweepConsole console;

    @Inject
    CrosscheckCommand(SweepConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (curves) {
            return curves();
        }
        int steps = this.steps == null ? DEFAULT_STEPS : this.steps;
        List<BackendProvider> providers = providers();
        BackendOptions options = engine.backendOptions();
        Tolerances tolerances = new Tolerances(step0Tolerance, lossTolerance, weightTolerance);
        TrialConfig config = trial.config(new TrialOptions.Run(null, 0.0, steps, 0, Math.max(1, steps), "crosscheck",
                engine.backendOptions().effectiveThreads()));
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

    /** Curve mode: a sweep of one trial per backend from the same weights, then the curves compared. */
    private int curves() {
        int steps = this.steps == null ? CURVE_STEPS : this.steps;
        CurveTolerances tolerances = new CurveTolerances(curveAccuracy, curveLogLoss, curveGrokking);
        TrialConfig config = trial.config(new TrialOptions.Run(null, 0.0, steps, PROTOCOL_EVAL, PROTOCOL_EVAL,
                "sanity", 0));
        List<String> names = providers().stream().map(BackendProvider::name).toList();
        SweepRequest request = CurveCrosscheck.request(config, names, out);
        CurveCrosscheck.plan(request); // every trial's settings checked before anything is written
        int code = console.runLocal(spec.commandLine(), List.of(request), engine.verbose());
        if (code != 0) {
            return code;
        }
        CurveAgreement agreement = CurveCrosscheck.compareAndWrite(CurveCrosscheck.plan(request), tolerances, out);
        var printer = spec.commandLine().getOut();
        printer.println(CurveReport.summary(agreement));
        printer.println("written: " + out.resolve(CurveCrosscheck.JSON) + ", " + out.resolve(CurveCrosscheck.PLOT));
        return agreement.passed() ? 0 : Polygrok.FAILED;
    }
}
