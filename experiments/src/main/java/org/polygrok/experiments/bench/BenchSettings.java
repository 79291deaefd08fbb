package org.polygrok.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * What one benchmark measures: the protocol's default trial of a model (PROTOCOL §8) with the given
 * training batch, width, depth and modulus; {@code warmup} untimed then {@code steps} timed training steps,
 * one untimed then {@code evalRepeats} timed full evaluations (train + val); {@code threads} engine
 * threads (0 = all cores).
 */
public record BenchSettings(ModelKind model, int batch, int steps, int warmup, int threads, int evalRepeats, int dim,
        int layers, int p) {
    public static final int STEPS = 100;
    public static final int WARMUP = 10;
    public static final int EVAL_REPEATS = 10;

    /** @throws IllegalArgumentException with one sentence for an impossible setting */
    public BenchSettings {
        positive("--batch", batch);
        positive("--steps", steps);
        positive("--eval-repeats", evalRepeats);
        positive("--dim", dim);
        positive("--layers", layers);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more, got " + warmup);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (all cores) or more, got " + threads);
        }
        if (p < 2) {
            throw new IllegalArgumentException("--p must be at least 2, got " + p);
        }
    }

    /** The same settings for another model. */
    public BenchSettings withModel(ModelKind other) {
        return new BenchSettings(other, batch, steps, warmup, threads, evalRepeats, dim, layers, p);
    }

    /** The default trial of {@link #model} with these settings (its dataset and model are validated on use). */
    public TrialConfig trialConfig() {
        return TrialSpecs.defaults(model).with(Map.of("train_batch_size", batch, "dim", dim, "layers", layers, "p", p,
                "experiment", "bench", "threads", effectiveThreads()));
    }

    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The same settings as {@link BenchChild} arguments. */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>();
        a.addAll(List.of("--model", model.label(), "--batch", "" + batch, "--steps", "" + steps, "--warmup", "" + warmup,
                "--threads", "" + threads, "--eval-repeats", "" + evalRepeats, "--dim", "" + dim, "--layers", "" + layers,
                "--p", "" + p));
        return a;
    }

    private static void positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
    }
}
