package org.polygrok.plotting.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything that defines a trial and is needed to rerun it: the trial's {@code config.json}
 * (docs/RESULTS.md). Engine, versions and thread count are recorded but do not change the trial's identity.
 * What the settings mean to an engine (dataset, optimizer, model) is the experiments' {@code TrialSpecs}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialConfig(String model, String backend, String engine, String polygrokVersion, long seed, int p,
        String operator, List<Integer> orders, double rTrain, int trainBatchSize, int evalBatchSize, int layers,
        int dim, int heads, int multiplier, double dropout, String optimizer, double lr, double weightDecay,
        double clipNorm, long steps, long effectiveSteps, long evalFirst, long evalPeriod, String experiment,
        Map<String, Object> setting, int threads, String split, boolean legacyMask, String initWeights,
        String initWeightsSha256, String javaVersion) {

    /** Fields that describe where a trial ran, not what it computes. */
    private static final Set<String> ENVIRONMENT = Set.of("engine", "polygrok_version", "threads", "java_version",
            "effective_steps", "init_weights", "experiment", "setting");

    public TrialConfig {
        Objects.requireNonNull(model, "model");
        orders = orders == null ? List.of() : List.copyOf(orders);
        setting = setting == null ? Map.of() : Map.copyOf(setting);
        split = split == null ? DEFAULT_SPLIT : split;
    }

    /** The split rule of a config.json written before the field existed. */
    public static final String DEFAULT_SPLIT = "plain";

    /**
     * A copy with some settings replaced, named by their {@code config.json} keys (e.g.
     * {@code {"r_train": 0.3}} or {@code {"layers": 2, "dim": 64}}).
     *
     * @throws IllegalArgumentException for an unknown key or a value of the wrong type
     */
    @SuppressWarnings("unchecked")
    public TrialConfig with(Map<String, ?> changes) {
        Map<String, Object> m = new LinkedHashMap<>(Json.mapper().convertValue(this, Map.class));
        for (Map.Entry<String, ?> e : changes.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown trial setting '" + e.getKey() + "'");
            }
            m.put(e.getKey(), e.getValue());
        }
        return Json.mapper().convertValue(m, TrialConfig.class);
    }

    public TrialConfig with(String key, Object value) {
        Map<String, Object> one = new HashMap<>(); // Map.of refuses null values
        one.put(key, value);
        return with(one);
    }

    private static final Set<String> KEYS = Arrays.stream(TrialConfig.class.getRecordComponents())
            .map(c -> ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(c.getName()))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The settings in which {@code now} computes something else than this trial, as
     * "lr: 0.001 before, 0.01 now" (empty when a run of one can continue as the other).
     */
    public List<String> differencesFrom(TrialConfig now) {
        Map<String, Object> a = identity(this);
        Map<String, Object> b = identity(now);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                out.add(key + ": " + a.get(key) + " before, " + b.get(key) + " now");
            }
        }
        return out;
    }

    /** Every field as written in config.json (nulls left out), in file order. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        return Json.mapper().convertValue(this, LinkedHashMap.class);
    }

    /** The settings that decide what this trial computes: config.json without its environment fields, by key. */
    public Map<String, Object> identity() {
        return identity(this);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> identity(TrialConfig c) {
        Map<String, Object> m = new TreeMap<>(Json.mapper().convertValue(c, Map.class));
        m.keySet().removeAll(ENVIRONMENT);
        return m;
    }
}
