package org.polygrok.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendProvider;
import org.polygrok.experiments.spec.SpecReader;
import org.polygrok.experiments.study.ConfigChanges;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepPlanner;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.train.ModelKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polygrok sweep SPEC}: any sweep written as a YAML or JSON spec (docs/SPECS.md), run as {@code run} runs the study's. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a sweep written as a spec file (YAML, or JSON for .json): name, base settings, a grid "
                + "(cartesian product), models, seeds, backends, alphas (docs/SPECS.md).",
            "Results go to DIR/<name>/ as for 'polygrok run'; running the same command again (or 'polygrok resume DIR') "
                + "finishes an interrupted sweep. 'polygrok sweep --print sanity' writes a spec of the study to start from."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "The spec file (.yaml, .yml or .json).")
    Path specFile;

    @Option(names = "--print", paramLabel = "NAME",
            description = "Write the study's spec NAME (sanity, data-scaling, orders, model-size, compute, "
                    + "regularization, attention) to standard output and exit.")
    String print;

    /** Overrides the spec's backends; without either, the spec's list, else the default backend. */
    @Mixin
    BackendsOption backends;

    @Option(names = "--models", paramLabel = "LIST", split = ",",
            description = "Train only these of the spec's models (default: all of them).")
    List<String> models;

    @Option(names = "--seeds", paramLabel = "LIST", split = ",", description = "Seeds (default: the spec's).")
    List<Long> seeds;

    @Option(names = "--scale", paramLabel = "full|quick", defaultValue = "full",
            description = "quick applies the spec's 'quick' section (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Results folder (default: ${DEFAULT-VALUE}).")
    Path out;

    /** --parallel, --retry-failed, --verbose. */
    @Mixin
    SweepRunOptions running;

    /** Where the trials run: this machine, or Spark. */
    @Mixin
    ExecutorOptions executor;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Change a setting in every trial, on top of the spec's base (e.g. --set steps=200). Repeatable.")
    List<String> set;

    /** --dry-run [--no-estimate]: the plan and its expected wall time. */
    @Mixin
    DryRunOptions dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SweepConsole console;

    @Inject
    SweepCommand(SweepConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (print != null) {
            if (!Experiment.names().contains(print) || Experiment.ALL.equals(print)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no spec named '" + print + "' ships with "
                        + "polygrok; use one of " + String.join(", ", Experiment.names().subList(0, Experiment.names().size() - 1)));
            }
            spec.commandLine().getOut().print(SpecReader.resourceText(print));
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (specFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a SPEC file, or --print NAME");
        }
        Experiment experiment = Experiment.of(SpecReader.read(specFile));
        SweepRequest request = new SweepRequest(experiment, Scale.fromLabel(scale), backendNames(experiment),
                modelKinds(experiment), seeds, changes(experiment),
                running.parallelOrDefault(), running.retryFailed, out);
        if (dryRun.dryRun) {
            return dryRun.print(spec.commandLine(), List.of(SweepPlanner.plan(request, "polygrok sweep")));
        }
        return console.run(spec.commandLine(), List.of(request), running.verbose, executor, running.parallelGiven());
    }

    private List<String> backendNames(Experiment e) {
        String fromSpec = e.spec().backends() == null ? null : String.join(",", e.spec().backends());
        return backends.select(fromSpec).stream().map(BackendProvider::name).toList();
    }

    private List<ModelKind> modelKinds(Experiment e) {
        if (models == null) {
            return List.copyOf(e.models());
        }
        return models.stream().map(m -> ModelKind.fromLabel(m.trim())).distinct().toList();
    }

    private Map<String, Object> changes(Experiment e) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (set != null) {
            for (String pair : set) {
                Map.Entry<String, Object> kv = ConfigChanges.parse(pair, e.sweep());
                changes.put(kv.getKey(), kv.getValue());
            }
        }
        return changes;
    }
}
