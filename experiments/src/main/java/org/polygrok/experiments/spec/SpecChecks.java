package org.polygrok.experiments.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.polygrok.api.Backends;
import org.polygrok.experiments.study.ConfigChanges;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.ExperimentPlan;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.train.ModelKind;

/**
 * What makes a spec runnable, checked before anything is planned: a folder-safe name; known, settable
 * keys in {@code base} and {@code grid}; no empty grid or list; known models and backends; α in (0, 1];
 * a quick grid over the same keys; and every grid point of every model, at each scale, a valid trial
 * configuration (so a value of the wrong type is refused here).
 */
final class SpecChecks {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** Keys the sweep itself decides, with the spec field that does. */
    private static final Map<String, String> AXES = Map.of("model", "models", "backend", "backends", "seed", "seeds");

    private SpecChecks() {
    }

    /** @throws IllegalArgumentException with one sentence saying what is wrong */
    static void check(SweepSpec spec) {
        if (spec.name() == null || !spec.name().matches(NAME)) {
            throw new IllegalArgumentException(spec.name() == null ? "'name' is missing (it names the results folder)"
                    : "name '" + spec.name() + "' must be letters, digits, '.', '_' or '-' (it names the results folder)");
        }
        if (Experiment.ALL.equals(spec.name())) {
            throw new IllegalArgumentException("name 'all' is reserved for the whole study");
        }
        baseKeys(spec.base(), "base");
        grid(spec.grid(), spec.base(), "grid");
        if (spec.models().isEmpty()) {
            throw new IllegalArgumentException("'models' is empty; name at least one of lstm, gpt");
        }
        spec.models().forEach(ModelKind::fromLabel);
        nonEmpty(spec.seeds(), "seeds");
        backends(spec.backends());
        alphas(spec.alphas(), "alphas");
        SweepSpec.Quick quick = spec.quick();
        if (quick != null) {
            baseKeys(quick.base(), "quick.base");
            grid(quick.grid(), spec.base(), "quick.grid");
            if (quick.grid() != null && !List.copyOf(quick.grid().keySet()).equals(spec.sweep())) {
                throw new IllegalArgumentException("quick.grid sweeps " + quick.grid().keySet() + " but grid sweeps "
                        + spec.sweep() + "; both scales must sweep the same keys");
            }
            nonEmpty(quick.seeds(), "quick.seeds");
            if (quick.alphas() != null) {
                alphas(quick.alphas(), "quick.alphas");
            }
        }
        Experiment experiment = Experiment.unchecked(spec);
        for (Scale scale : quick == null ? List.of(Scale.FULL) : List.of(Scale.values())) {
            ExperimentPlan plan = experiment.plan(scale);
            for (ModelKind model : experiment.models()) {
                for (Map<String, Object> point : plan.settings()) {
                    plan.config(model, point, Map.of(), "none", 0); // a wrong type or value is refused here
                }
            }
        }
    }

    private static void baseKeys(Map<String, Object> base, String where) {
        for (String key : base.keySet()) {
            int dot = key.indexOf('.');
            if (dot >= 0) {
                String model = key.substring(0, dot);
                if (!List.of("lstm", "gpt").contains(model)) {
                    throw new IllegalArgumentException(where + " key '" + key + "' names no model (use lstm.KEY or gpt.KEY)");
                }
            }
            settable(dot >= 0 ? key.substring(dot + 1) : key, where);
        }
    }

    private static void grid(Map<String, List<Object>> grid, Map<String, Object> base, String where) {
        if (grid == null) {
            return;
        }
        if (grid.isEmpty()) {
            throw new IllegalArgumentException(where + " is empty; give each swept key a list of values, or leave "
                    + where + " out for a single point");
        }
        for (Map.Entry<String, List<Object>> axis : grid.entrySet()) {
            settable(axis.getKey(), where);
            if (axis.getValue() == null || axis.getValue().isEmpty()) {
                throw new IllegalArgumentException(where + " key '" + axis.getKey() + "' has no values");
            }
            if (axis.getValue().contains(null)) {
                throw new IllegalArgumentException(where + " key '" + axis.getKey() + "' has an empty value");
            }
            if (base.containsKey(axis.getKey())) {
                throw new IllegalArgumentException("'" + axis.getKey() + "' is both in base and in " + where
                        + "; keep it in one");
            }
        }
    }

    private static void settable(String key, String where) {
        if (AXES.containsKey(key)) {
            throw new IllegalArgumentException(where + " cannot set '" + key + "': the sweep chooses it from the spec's '"
                    + AXES.get(key) + "' list");
        }
        Set<String> keys = ConfigChanges.settableKeys();
        if (!keys.contains(key)) {
            throw new IllegalArgumentException(where + " has an unknown setting '" + key + "'; use one of "
                    + String.join(", ", new TreeSet<>(keys)));
        }
    }

    private static void nonEmpty(List<?> list, String where) {
        if (list != null && list.isEmpty()) {
            throw new IllegalArgumentException("'" + where + "' is empty; leave it out for the default, or name at least one");
        }
    }

    private static void backends(List<String> names) {
        nonEmpty(names, "backends");
        if (names == null) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            if (Backends.find(name).isEmpty()) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown backend '" + String.join("', '", unknown) + "'; use "
                    + String.join(", ", Backends.providers().stream().map(p -> p.name()).toList()));
        }
    }

    private static void alphas(List<Double> alphas, String where) {
        for (Double a : alphas) {
            if (a == null || !(a > 0 && a <= 1)) {
                throw new IllegalArgumentException(where + " must lie in (0, 1], got " + a);
            }
        }
    }
}
