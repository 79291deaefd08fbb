package org.polygrok.experiments.sweep.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.ExperimentPlan;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.experiments.train.PreparedTrial;
import org.polygrok.plotting.results.ExperimentRecord;
import org.polygrok.plotting.results.TrialConfig;

/**
 * Turns a {@link SweepRequest} into its trials, checking every trial's settings before anything is
 * written. Q8 (attention) plans one GPT trial per backend — the sanity GPT of seed 42 (or of the first
 * seed) — and uses a finished twin of it (sanity's) in place when the results folder holds one.
 */
public final class SweepPlanner {
    /** The trials' folder inside an experiment's folder. */
    public static final String TRIALS = "trials";

    private SweepPlanner() {
    }

    /**
     * @throws IllegalArgumentException with one sentence for a request that cannot run (e.g. no model
     *     of the experiment requested, or a setting that does not fit)
     */
    public static SweepPlan plan(SweepRequest request, String command) {
        Experiment experiment = request.experiment();
        ExperimentPlan plan = experiment.plan(request.scale());
        List<ModelKind> models = request.models().stream().filter(experiment.models()::contains).toList();
        if (models.isEmpty()) {
            throw new IllegalArgumentException(experiment.label() + " trains the "
                    + experiment.models().stream().map(ModelKind::label).collect(Collectors.joining(" and "))
                    + " only (PROTOCOL §8); --models " + labels(request.models()) + " leaves nothing to run");
        }
        List<Long> seeds = request.seeds() != null ? request.seeds() : plan.seeds();
        if (experiment == Experiment.ATTENTION) {
            seeds = List.of(seeds.contains(42L) ? 42L : seeds.get(0));
        }
        List<SweepTrial> trials = new ArrayList<>();
        for (String backend : request.backends()) {
            for (ModelKind model : models) {
                for (Map<String, Object> setting : plan.settings()) {
                    for (long seed : seeds) {
                        trials.add(trial(request, plan, model, setting, backend, seed));
                    }
                }
            }
        }
        requireDistinct(trials);
        long horizon = plan.horizon(request.changes(), models.get(0));
        boolean compute = !plan.alphas().isEmpty();
        ExperimentRecord record = new ExperimentRecord(experiment.label(), experiment.question(),
                request.scale().label(), experiment.sweep(), request.backends(), labels(models), seeds,
                plan.notes() + notesOnChanges(request.changes()), compute ? plan.alphas() : null,
                compute ? horizon : null,
                new ExperimentRecord.Invocation(command, request.changes(), request.parallel()),
                experiment.inStudy() ? null : experiment.spec());
        return new SweepPlan(request, plan, models, seeds, List.copyOf(trials), horizon, record);
    }

    private static SweepTrial trial(SweepRequest request, ExperimentPlan plan, ModelKind model,
            Map<String, Object> setting, String backend, long seed) {
        TrialConfig config = plan.config(model, setting, request.changes(), backend, seed);
        PreparedTrial prepared;
        try {
            prepared = PreparedTrial.prepare(config);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + model.label() + " trial " + (setting.isEmpty() ? "" : setting + " ")
                    + "of " + request.experiment().label() + " cannot run: " + e.getMessage());
        }
        String id = TrialId.of(config);
        Path dir = request.experimentDir().resolve(TRIALS).resolve(id);
        SweepTrial trial = new SweepTrial(id, config, setting, dir, prepared.plan().effectiveSteps());
        if (request.experiment() == Experiment.ATTENTION && !trial.isDone()) {
            // Q8 only reads the GPT's weights: use a finished twin (sanity's) where it is
            Path twin = TrialReuse.findDoneTwin(trial, request.out()).orElse(null);
            if (twin != null) {
                trial = new SweepTrial(twin.getFileName().toString(), config, setting, twin, trial.effectiveSteps());
            }
        }
        return trial;
    }

    private static void requireDistinct(List<SweepTrial> trials) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (SweepTrial t : trials) {
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException("two trials of this sweep would be the same trial (" + t.id()
                        + "); check --seeds and --set for repeated values");
            }
        }
    }

    private static String notesOnChanges(Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return "";
        }
        return " Changed by --set for every trial: " + new java.util.TreeMap<>(changes).entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", ")) + ".";
    }

    static List<String> labels(List<ModelKind> models) {
        return models.stream().map(ModelKind::label).toList();
    }
}
