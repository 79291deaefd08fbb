package org.polygrok.experiments.study;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polygrok.experiments.spec.SpecGrid;
import org.polygrok.experiments.spec.SpecReader;
import org.polygrok.experiments.spec.SweepSpec;
import org.polygrok.experiments.train.ModelKind;

/**
 * An experiment: a sweep spec (docs/SPECS.md) with its name, question, swept keys and models. The
 * seven of the study (PROTOCOL §8), in the order {@code all} runs them, are specs shipped as resources
 * ({@code org/polygrok/experiments/spec/NAME.yaml}); {@code polygrok sweep SPEC} runs any other.
 */
public final class Experiment {
    public static final Experiment SANITY = builtIn("sanity");
    public static final Experiment DATA_SCALING = builtIn("data-scaling");
    public static final Experiment ORDERS = builtIn("orders");
    public static final Experiment MODEL_SIZE = builtIn("model-size");
    public static final Experiment COMPUTE = builtIn("compute");
    public static final Experiment REGULARIZATION = builtIn("regularization");
    public static final Experiment ATTENTION = builtIn("attention");

    private static final List<Experiment> STUDY = List.of(SANITY, DATA_SCALING, ORDERS, MODEL_SIZE, COMPUTE,
            REGULARIZATION, ATTENTION);

    /** The name that runs every experiment. */
    public static final String ALL = "all";
    /** The question recorded for a spec that names none. */
    public static final String NO_QUESTION = "spec";

    private final SweepSpec spec;
    private final Set<ModelKind> models;

    private Experiment(SweepSpec spec) {
        this.spec = spec;
        Set<ModelKind> kinds = EnumSet.noneOf(ModelKind.class);
        spec.models().forEach(m -> kinds.add(ModelKind.fromLabel(m)));
        this.models = kinds;
    }

    private static Experiment builtIn(String name) {
        return new Experiment(SpecReader.builtIn(name));
    }

    /**
     * The experiment a checked spec describes: one of the study's when the spec is its spec exactly (so
     * that a printed spec runs as {@code polygrok run} does), else a new one.
     */
    public static Experiment of(SweepSpec spec) {
        return STUDY.stream().filter(e -> e.spec.equals(spec)).findFirst().orElseGet(() -> new Experiment(spec));
    }

    /** An experiment for a spec that {@link SpecReader} has not checked yet (the checks build its plans). */
    public static Experiment unchecked(SweepSpec spec) {
        return new Experiment(spec);
    }

    public String label() {
        return spec.name();
    }

    /** The handout's question, e.g. "Q3"; {@link #NO_QUESTION} for a spec without one. */
    public String question() {
        return spec.question().isEmpty() ? NO_QUESTION : spec.question();
    }

    /** The {@code config.json} keys whose values vary between the trials (the {@code setting} keys). */
    public List<String> sweep() {
        return spec.sweep();
    }

    /** The models this experiment trains. */
    public Set<ModelKind> models() {
        return models;
    }

    /** The spec this experiment was read from. */
    public SweepSpec spec() {
        return spec;
    }

    /** Whether this is one of the study's experiments. */
    public boolean inStudy() {
        return STUDY.contains(this);
    }

    /**
     * The plan at {@code scale}: the quick scale applies the spec's {@code quick} changes.
     *
     * @throws IllegalArgumentException when the quick scale is asked of a spec without a quick section
     */
    public ExperimentPlan plan(Scale scale) {
        Map<String, Object> base = new LinkedHashMap<>(spec.base());
        Map<String, List<Object>> grid = spec.grid();
        List<Long> seeds = spec.seeds();
        List<Double> alphas = spec.alphas();
        String notes = spec.notes();
        if (scale == Scale.QUICK) {
            SweepSpec.Quick q = spec.quick();
            if (q == null) {
                throw new IllegalArgumentException(label() + " has no quick section; run it with --scale full");
            }
            base.putAll(q.base());
            grid = q.grid() != null ? q.grid() : grid;
            seeds = q.seeds() != null ? q.seeds() : seeds;
            alphas = q.alphas() != null ? q.alphas() : alphas;
            notes = q.notes() != null ? q.notes() : notes;
        }
        return new ExperimentPlan(this, scale, base, SpecGrid.points(grid),
                seeds != null ? seeds : SweepSpec.PROTOCOL_SEEDS, alphas, notes);
    }

    /** The study's experiments, in the order {@code all} runs them. */
    public static Experiment[] values() {
        return STUDY.toArray(new Experiment[0]);
    }

    /** Every name {@code polygrok run} accepts, {@code all} last. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Experiment e : STUDY) {
            out.add(e.label());
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
            return STUDY;
        }
        for (Experiment e : STUDY) {
            if (e.label().equals(name)) {
                return List.of(e);
            }
        }
        throw new IllegalArgumentException("unknown experiment '" + name + "'; use one of " + String.join(", ", names()));
    }

    /** Where {@code all} runs this experiment ({@link Integer#MAX_VALUE} for one outside the study). */
    public int order() {
        int i = STUDY.indexOf(this);
        return i >= 0 ? i : Integer.MAX_VALUE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e && e.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec);
    }

    @Override
    public String toString() {
        return label();
    }
}
