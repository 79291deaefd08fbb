package org.polygrok.experiments.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * One experiment at one scale: the settings every trial shares ({@code base}, changes to the protocol's
 * defaults, possibly per model as {@code gpt.KEY}), the swept settings (one map per point, {@code {}}
 * when nothing is swept), the default seeds, Q6's budget fractions α (empty elsewhere) and a note
 * saying what the scale changes.
 */
public record ExperimentPlan(Experiment experiment, Scale scale, Map<String, Object> base,
        List<Map<String, Object>> settings, List<Long> seeds, List<Double> alphas, String notes) {

    public ExperimentPlan {
        base = Map.copyOf(base);
        settings = settings.stream().map(ExperimentPlan::ordered).toList();
        seeds = List.copyOf(seeds);
        alphas = List.copyOf(alphas);
    }

    /**
     * The configuration of one trial: the protocol's defaults for {@code model}, then the plan's base,
     * then the user's changes, then the swept {@code setting}; recorded with the experiment's name.
     *
     * @throws IllegalArgumentException when a changed value does not fit its setting
     */
    public TrialConfig config(ModelKind model, Map<String, Object> setting, Map<String, Object> userChanges,
            String backend, long seed) {
        TrialConfig c = TrialSpecs.defaults(model);
        c = apply(c, ConfigChanges.forModel(base, model), "the " + experiment.label() + " plan");
        c = apply(c, ConfigChanges.forModel(userChanges, model), "--set");
        c = apply(c, setting, "the swept setting");
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("experiment", experiment.label());
        identity.put("setting", setting);
        identity.put("backend", backend);
        identity.put("seed", seed);
        return c.with(identity);
    }

    private static TrialConfig apply(TrialConfig c, Map<String, Object> changes, String source) {
        if (changes.isEmpty()) {
            return c;
        }
        try {
            return c.with(changes);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(source + " " + changes + " does not fit a trial: " + why);
        }
    }

    /** Q6's step budget T (the trials' requested steps), against which α·T is measured. */
    public long horizon(Map<String, Object> userChanges, ModelKind model) {
        return config(model, settings.get(0), userChanges, "none", 0).steps();
    }

    private static Map<String, Object> ordered(Map<String, Object> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
