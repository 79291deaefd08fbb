package org.polygrok.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendProvider;
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

/** {@code polygrok run EXPERIMENT}: one experiment of the study (or all) as a resumable sweep. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an experiment of the study as a sweep of trials: sanity (Q1), data-scaling (Q3), orders (Q4), "
                + "model-size (Q5), compute (Q6), regularization (Q7), attention (Q8), or all.",
            "Results go to DIR/<experiment>/: experiment.json, trials/<trial-id>/, summary.json, summary.csv, summary.md. "
                + "Running the same command again (or 'polygrok resume DIR') finishes an interrupted sweep."})
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "EXPERIMENT",
            description = "sanity, data-scaling, orders, model-size, compute, regularization, attention or all.")
    String experiment;

    /** With --backends, the same sweep runs on each and the summaries compare them side by side. */
    @Mixin
    BackendsOption backends;

    @Option(names = "--models", paramLabel = "LIST", split = ",", defaultValue = "lstm,gpt",
            description = "Models to train (default: ${DEFAULT-VALUE}); regularization trains the LSTM only, attention the GPT.")
    List<String> models;

    @Option(names = "--seeds", paramLabel = "LIST", split = ",", description = "Seeds (default: 0,42).")
    List<Long> seeds;

    @Option(names = "--scale", paramLabel = "full|quick", defaultValue = "full",
            description = "full = the protocol exactly; quick = a reduced version that finishes in minutes "
                    + "(default: ${DEFAULT-VALUE}).")
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
            description = "Change a protocol setting in every trial (e.g. --set steps=2000, --set gpt.lr=0.0005); "
                    + "recorded in experiment.json. Repeatable.")
    List<String> set;

    /** --dry-run [--no-estimate]: the plan and its expected wall time. */
    @Mixin
    DryRunOptions dryRun;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final SweepConsole console;

    @Inject
    RunCommand(SweepConsole console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        List<Experiment> experiments = Experiment.resolve(experiment);
        Scale s = Scale.fromLabel(scale);
        List<String> backendNames = backendNames();
        List<ModelKind> kinds = models.stream().map(m -> ModelKind.fromLabel(m.trim())).distinct().toList();
        boolean all = experiments.size() > 1;
        List<SweepRequest> requests = new ArrayList<>();
        for (Experiment e : experiments) {
            if (all && e.models().stream().noneMatch(kinds::contains)) {
                continue; // e.g. regularization (LSTM only) in 'all --models gpt'
            }
            requests.add(new SweepRequest(e, s, backendNames, kinds, seeds, changes(e, all),
                    running.parallelOrDefault(), running.retryFailed, out));
        }
        if (dryRun.dryRun) {
            return dryRun.print(spec.commandLine(),
                    requests.stream().map(r -> SweepPlanner.plan(r, "polygrok run")).toList());
        }
        return console.run(spec.commandLine(), requests, running.verbose, executor, running.parallelGiven());
    }

    private List<String> backendNames() {
        return backends.select(null).stream().map(BackendProvider::name).toList();
    }

    /** The --set changes for {@code e}; under 'all', a key that {@code e} sweeps is left to its sweep. */
    private Map<String, Object> changes(Experiment e, boolean all) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (set != null) {
            for (String pair : set) {
                Map.Entry<String, Object> kv = ConfigChanges.parse(pair, all ? List.of() : e.sweep());
                String bare = kv.getKey().substring(kv.getKey().indexOf('.') + 1);
                if (!(all && e.sweep().contains(bare))) {
                    out.put(kv.getKey(), kv.getValue());
                }
            }
        }
        return out;
    }
}
