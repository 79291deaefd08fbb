package org.polygrok.plotting.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of an experiment's {@code experiment.json}: which experiment ran, at which scale, what it
 * swept, on which backends, models and seeds; {@code fields} holds every field as read (e.g. Q6's alphas
 * and horizon, the invocation).
 */
public record ExperimentSpec(String experiment, String question, String scale, List<String> sweep,
                             List<String> backends, List<String> models, List<Long> seeds, String notes,
                             Map<String, Object> fields) {

    public ExperimentSpec {
        sweep = List.copyOf(sweep);
        backends = List.copyOf(backends);
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** "data-scaling (Q3)", or the bare name when no question is known. */
    public String displayName() {
        return question.isEmpty() ? experiment : experiment + " (" + question + ")";
    }
}
