package org.polygrok.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.polygrok.api.BackendProvider;
import org.polygrok.experiments.bench.BenchRow;
import org.polygrok.experiments.bench.BenchRunner;
import org.polygrok.experiments.bench.BenchSettings;
import org.polygrok.experiments.bench.BenchTable;
import org.polygrok.experiments.bench.TorchBaseline;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.plotting.results.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code polygrok bench}: training-step and evaluation speed and peak memory per backend, side by side. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure ms per training step (median, p10, p90 after warm-up), ms per full evaluation "
                + "(train + val), peak RSS and threads of every backend on the default trial, each backend in its own "
                + "JVM; optionally beside the PyTorch baseline script, with ratios to it.")
final class BenchCommand implements Callable<Integer> {
    /** Every available backend unless told otherwise. */
    @Mixin
    BackendsOption backends;

    @Option(names = "--model", paramLabel = "lstm|gpt|both", defaultValue = "both",
            description = "(default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "512",
            description = "Training batch, capped at the training-set size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + BenchSettings.STEPS,
            description = "Timed training steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "" + BenchSettings.WARMUP,
            description = "Untimed training steps before them (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0",
            description = "Engine threads, and torch threads of the baseline; 0 = all cores (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--eval-repeats", paramLabel = "N", defaultValue = "" + BenchSettings.EVAL_REPEATS,
            description = "Timed evaluation passes (default: ${DEFAULT-VALUE}).")
    int evalRepeats;

    @Mixin
    ModelSizeOptions size;

    @Option(names = "--p", paramLabel = "P", defaultValue = "31", description = "(default: ${DEFAULT-VALUE})")
    int p;

    @Option(names = "--baseline", paramLabel = "SCRIPT", arity = "0..1", fallbackValue = TorchBaseline.DEFAULT_SCRIPT,
            description = "Also run the PyTorch baseline script (default when given without a value: "
                    + TorchBaseline.DEFAULT_SCRIPT + ", relative to the working directory).")
    Path baseline;

    @Option(names = "--python", paramLabel = "EXE", defaultValue = TorchBaseline.DEFAULT_PYTHON,
            description = "Interpreter of the baseline script (default: ${DEFAULT-VALUE}).")
    Path python;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as a JSON list.")
    Path json;

    @Option(names = "--verbose", description = "Show everything the measured processes print.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BenchRunner.Request request = request();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        List<BenchRow> rows = BenchRunner.run(request, out::println, line -> {
            if (verbose) {
                err.println("  | " + line);
            }
        });
        out.println(BenchTable.format(rows));
        if (json != null) {
            BenchRunner.writeJson(json, rows);
            out.println("written: " + json);
        }
        return 0;
    }

    /** Every input checked before anything runs (bad input: exit 2). */
    private BenchRunner.Request request() {
        List<BackendProvider> providers = backends.select("all");
        List<ModelKind> models = model.equals("both") ? List.of(ModelKind.LSTM, ModelKind.GPT)
                : List.of(ModelKind.fromLabel(model));
        BenchSettings settings = new BenchSettings(models.get(0), batch, steps, warmup, threads, evalRepeats, size.dim, size.layers,
                p);
        BenchRunner.Request request = new BenchRunner.Request(providers.stream().map(BackendProvider::name).toList(),
                models, settings, baseline, python);
        for (ModelKind m : models) {
            PreparedTrial.prepare(settings.withModel(m).trialConfig()); // e.g. a GPT width the heads do not divide
        }
        if (baseline != null) {
            TorchBaseline.check(python, baseline);
        }
        if (json != null) {
            if (Files.isDirectory(json)) {
                throw new IllegalArgumentException("--json " + json + " is a folder, not a file");
            }
            AtomicFiles.requireWritableDirectory(json.toAbsolutePath().getParent(), "the folder of --json");
        }
        return request;
    }
}
