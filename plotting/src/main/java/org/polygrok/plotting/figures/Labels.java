package org.polygrok.plotting.figures;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.polygrok.plotting.results.ExperimentSpec;

/** Display names of models, setting keys and metrics, and figure titles. */
public final class Labels {

    private static final Map<String, String> SETTINGS = Map.of("r_train", "r_train", "dim", "d", "layers", "L",
            "train_batch_size", "B", "weight_decay", "weight decay", "alpha", "α");
    private static final Set<String> LOG2_SETTINGS = Set.of("dim", "train_batch_size");

    private Labels() {
    }

    /** "gpt" → "GPT", "lstm" → "LSTM". */
    public static String model(String model) {
        return model.toUpperCase(Locale.ROOT);
    }

    /** "dim" → "d", "train_batch_size" → "B"; unknown keys unchanged. */
    public static String setting(String key) {
        return SETTINGS.getOrDefault(key, key);
    }

    /** Whether a setting is drawn on a log2 scale (d and B, PROTOCOL §9). */
    public static boolean log2(String key) {
        return LOG2_SETTINGS.contains(key);
    }

    /** "t_f_A_val" → "t_f(A_val)", "delta_t_L" → "Δt(L)", "param_norm" → "‖θ‖₂"; prefixes such as binary_ kept. */
    public static String metric(String name) {
        for (String prefix : new String[] {"binary_", "ternary_"}) {
            if (name.startsWith(prefix)) {
                return prefix.substring(0, prefix.length() - 1) + " " + metric(name.substring(prefix.length()));
            }
        }
        if (name.startsWith("t_f_")) {
            return "t_f(" + name.substring(4) + ")";
        }
        if (name.startsWith("delta_t_")) {
            return "Δt(" + name.substring(8) + ")";
        }
        if (name.equals("param_norm")) {
            return "‖θ‖₂";
        }
        return name;
    }

    /** "data-scaling (Q3) — GPT — djl — what". */
    public static String title(ExperimentSpec spec, String model, String backend, String what) {
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
