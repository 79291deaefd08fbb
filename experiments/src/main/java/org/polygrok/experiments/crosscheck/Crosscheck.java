package org.polygrok.experiments.crosscheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.polygrok.api.Backend;
import org.polygrok.api.BackendOptions;
import org.polygrok.api.BackendProvider;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.plotting.results.AtomicFiles;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Trains one trial — same initial weights, same batches — on several backends in turn and compares them
 * with the first ({@link Agreement}); writes {@value #JSON}, {@value #PLOT} and {@value #PLOT_SVG} into an
 * output folder.
 */
public final class Crosscheck {
    public static final String JSON = "crosscheck.json";
    public static final String PLOT = "crosscheck.png";
    /** The same figure as a vector graphic. */
    public static final String PLOT_SVG = "crosscheck.svg";

    private Crosscheck() {
    }

    /**
     * Checks the settings and the output folder without running an engine or writing anything.
     *
     * @throws IllegalArgumentException with one sentence for the first problem found
     */
    public static void check(TrialConfig config, List<BackendProvider> providers, int steps, Path out) {
        if (providers.size() < 2) {
            throw new IllegalArgumentException("a crosscheck needs at least two backends, got "
                    + providers.stream().map(BackendProvider::name).toList());
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        }
        PreparedTrial.prepare(config);
        AtomicFiles.requireWritableDirectory(out, "the output folder");
    }

    /** Runs {@code steps} steps on every backend, in the order given; the first is the reference. */
    public static Agreement run(TrialConfig config, List<BackendProvider> providers, BackendOptions options,
            int steps, Tolerances tolerances, Consumer<String> log) {
        List<BackendTrajectory> runs = new ArrayList<>();
        for (BackendProvider provider : providers) {
            log.accept("training on " + provider.name() + " (" + steps + " steps)");
            PreparedTrial trial = PreparedTrial.prepare(config); // a fresh model object per engine
            try (Backend backend = provider.create(options)) {
                runs.add(TrajectoryRecorder.record(trial, backend, steps));
            } catch (RuntimeException e) {
                throw new IllegalStateException("backend " + provider.name() + " failed: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
        }
        return Agreement.of(runs, tolerances);
    }

    /** Writes {@value #JSON}, {@value #PLOT} and {@value #PLOT_SVG} into {@code out} (created if needed). */
    public static void write(Path out, TrialConfig config, Agreement agreement) {
        Json.write(out.resolve(JSON), CrosscheckReport.toJson(config, agreement));
        DifferencePlot.write(agreement, config.model(), out, PLOT.replace(".png", ""));
    }
}
