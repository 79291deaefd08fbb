package org.polygrok.plotting.figures;

import java.util.Map;
import java.util.Set;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.SummaryMetrics;

/** Display names of models, setting keys and metrics, and figure titles. */
public final class Labels {

    private static final Map<String, String> SETTINGS = Map.of("r_train", "r_train", "dim", "d", "layers", "L",
            "train_batch_size", "B", "weight_decay", "weight decay", "alpha", "α");
    private static final Set<String> LOG2_SETTINGS = Set.of("dim", "train_batch_size");

    private Labels() {
    }

    /** "gpt" → "GPT", "lstm" → "LSTM". */
    public static String model(String model) {
        return SummaryMetrics.model(model);
    }

    /** "dim" → "d", "train_batch_size" → "B"; unknown keys unchanged. */
    public static String setting(String key) {
        return SETTINGS.getOrDefault(key, key);
    }

    /** Whether a setting is drawn on a log2 scale (d and B, PROTOCOL §9). */
    public static boolean log2(String key) {
        return LOG2_SETTINGS.contains(key);
    }

    /** A summary quantity's label ({@link SummaryMetrics#label}), e.g. "t_f(A_val)", "‖θ‖₂". */
    public static String metric(String name) {
        return SummaryMetrics.label(name);
    }

    /** "data-scaling (Q3) — GPT — djl — what". */
    public static String title(ExperimentRecord spec, String model, String backend, String what) {
        StringBuilder b = new StringBuilder(spec.displayName());
        if (!model.isEmpty()) {
            b.append(" — ").append(model(model));
        }
        if (!backend.isEmpty()) {
            b.append(" — backend ").append(backend);
        }
        if (!what.isEmpty()) {
            b.append(" — ").append(what);
        }
        return b.toString();
    }

    /** A file-name-safe fragment: "L1, d64" → "L1-d64". */
    public static String slug(String s) {
        return s.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("(^-|-$)", "");
    }
}
