package org.polygrok.plotting.results;

import java.util.List;

/**
 * The contents of an experiment's {@code experiment.json}: which experiment ran, at which scale, what it
 * swept, on which backends, models and seeds.
 */
public record ExperimentSpec(String experiment, String question, String scale, List<String> sweep,
                             List<String> backends, List<String> models, List<Long> seeds, String notes) {

    public ExperimentSpec {
        sweep = List.copyOf(sweep);
        backends = List.copyOf(backends);
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
    }

    /** "data-scaling (Q3)", or the bare name when no question is known. */
    public String displayName() {
        return question.isEmpty() ? experiment : experiment + " (" + question + ")";
    }
}
