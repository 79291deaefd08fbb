package org.polygrok.experiments.study;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.polygrok.experiments.train.ModelKind;

/** The experiments of the study (PROTOCOL §8), by their command-line names, in the order {@code all} runs them. */
public enum Experiment {
    SANITY("sanity", "Q1", List.of(), EnumSet.allOf(ModelKind.class)),
    DATA_SCALING("data-scaling", "Q3", List.of("r_train"), EnumSet.allOf(ModelKind.class)),
    ORDERS("orders", "Q4", List.of(), EnumSet.allOf(ModelKind.class)),
    MODEL_SIZE("model-size", "Q5", List.of("layers", "dim"), EnumSet.allOf(ModelKind.class)),
    COMPUTE("compute", "Q6", List.of("train_batch_size"), EnumSet.allOf(ModelKind.class)),
    REGULARIZATION("regularization", "Q7", List.of("weight_decay"), EnumSet.of(ModelKind.LSTM)),
    ATTENTION("attention", "Q8", List.of(), EnumSet.of(ModelKind.GPT));

    /** The name that runs every experiment. */
    public static final String ALL = "all";

    private final String label;
    private final String question;
    private final List<String> sweep;
    private final Set<ModelKind> models;

    Experiment(String label, String question, List<String> sweep, Set<ModelKind> models) {
        this.label = label;
        this.question = question;
        this.sweep = sweep;
        this.models = models;
    }

    public String label() {
        return label;
    }

    /** The handout's question, e.g. "Q3". */
    public String question() {
        return question;
    }

    /** The {@code config.json} keys whose values vary between the trials (the {@code setting} keys). */
    public List<String> sweep() {
        return sweep;
    }

    /** The models the protocol trains in this experiment. */
    public Set<ModelKind> models() {
        return models;
    }

    /** Every name {@code polygrok run} accepts, {@code all} last. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Experiment e : values()) {
            out.add(e.label);
        }
        out.add(ALL);
        return out;
    }

    /**
     * The experiments a command-line name stands for: one, or all of them for {@code all}.
     *
     * @throws IllegalArgumentException listing the known names
     */
    public static List<Experiment> resolve(String name) {
        if (ALL.equals(name)) {
            return List.of(values());
        }
        for (Experiment e : values()) {
            if (e.label.equals(name)) {
                return List.of(e);
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name + "'; use one of " + String.join(", ", names()));
    }
}
