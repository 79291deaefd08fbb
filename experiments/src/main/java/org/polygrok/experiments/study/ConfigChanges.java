package org.polygrok.experiments.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.Json;

/**
 * Changes to the protocol's trial settings, by {@code config.json} key; a key may be qualified by a
 * model ({@code gpt.lr}) to change that model's trials only. Used for an experiment's fixed settings
 * and for the user's {@code --set KEY=VALUE}.
 */
public final class ConfigChanges {
    /** Keys a sweep decides itself, or that describe the environment: never changed by hand. */
    private static final Set<String> RESERVED = Set.of("model", "backend", "seed", "experiment", "setting", "engine",
            "polygrok_version", "threads", "java_version", "effective_steps", "init_weights", "init_weights_sha256");

    private ConfigChanges() {
    }

    /** The changes that apply to {@code model}: unqualified keys, then keys qualified by that model. */
    public static Map<String, Object> forModel(Map<String, Object> changes, ModelKind model) {
        Map<String, Object> out = new LinkedHashMap<>();
        changes.forEach((k, v) -> {
            if (!k.contains(".")) {
                out.put(k, v);
            }
        });
        String prefix = model.label() + ".";
        changes.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /**
     * Parses one {@code KEY=VALUE}; VALUE is read as JSON when it is JSON (numbers, true, [2,3]),
     * else as text.
     *
     * @throws IllegalArgumentException for a malformed pair, an unknown or reserved key, or a key the
     *     experiment sweeps
     */
    public static Map.Entry<String, Object> parse(String pair, java.util.Collection<String> swept) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set needs KEY=VALUE (e.g. steps=500 or gpt.lr=0.01), got '" + pair + "'");
        }
        String key = pair.substring(0, eq).trim();
        String text = pair.substring(eq + 1).trim();
        String bare = key;
        int dot = key.indexOf('.');
        if (dot >= 0) {
            ModelKind.fromLabel(key.substring(0, dot)); // rejects an unknown model prefix
            bare = key.substring(dot + 1);
        }
        if (RESERVED.contains(bare)) {
            throw new IllegalArgumentException("--set cannot change '" + bare + "': the sweep chooses it (use --models, "
                    + "--backends or --seeds)");
        }
        if (swept.contains(bare)) {
            throw new IllegalArgumentException("--set cannot change '" + bare + "': this experiment sweeps it");
        }
        if (!settableKeys().contains(bare)) {
            throw new IllegalArgumentException("--set " + key + ": unknown setting '" + bare + "'; use one of "
                    + String.join(", ", new java.util.TreeSet<>(settableKeys())));
        }
        return Map.entry(key, value(text));
    }

    /** The config.json keys a user may change (every non-reserved key of the protocol's defaults). */
    @SuppressWarnings("unchecked")
    public static Set<String> settableKeys() {
        Set<String> keys = new java.util.HashSet<>(Json.mapper().convertValue(TrialSpecs.defaults(ModelKind.LSTM),
                Map.class).keySet());
        keys.removeAll(RESERVED);
        return keys;
    }

    private static Object value(String text) {
        try {
            return Json.mapper().readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
