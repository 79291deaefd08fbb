package org.polygrok.experiments.sweep.plan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polygrok.experiments.data.ArithmeticDataset;
import org.polygrok.experiments.train.EvaluationSchedule;
import org.polygrok.experiments.train.TrialSpecs;
import org.polygrok.plotting.results.TrialConfig;

/**
 * What a sweep would train, as text for {@code polygrok run --dry-run}: per experiment the trial and
 * step counts, and per model and setting the steps, the batch actually used (min(B, N_train)) and the
 * number of full evaluations — the quantities a run's wall time scales with. A trial an earlier
 * experiment of the same run already trains (same id) is counted as reused, not again.
 */
public final class SweepPlanText {
    private SweepPlanText() {
    }

    public static String format(List<SweepPlan> plans) {
        StringBuilder out = new StringBuilder();
        long trials = 0;
        long steps = 0;
        Set<String> seen = new HashSet<>();
        for (SweepPlan plan : plans) {
            List<SweepTrial> toTrain = plan.trials().stream().filter(t -> seen.add(TrialId.hash(t.config()))).toList();
            long planSteps = toTrain.stream().mapToLong(SweepTrial::effectiveSteps).sum();
            int reused = plan.trials().size() - toTrain.size();
            out.append(plan.record().experiment()).append(" (").append(plan.record().question()).append(", ")
                    .append(plan.record().scale()).append(" scale): ").append(toTrain.size()).append(" trials, ")
                    .append(planSteps).append(" steps")
                    .append(reused > 0 ? " (" + reused + " more trained by an earlier experiment)" : "").append('\n');
            groups(toTrain).forEach((label, g) -> out.append(String.format("  %-40s %3d trials × %6d steps, batch %4d, "
                    + "%4d evaluations of %d + %d samples%n", label, g.trials, g.steps, g.batch, g.evaluations,
                    g.trainSize, g.valSize)));
            trials += toTrain.size();
            steps += planSteps;
        }
        if (plans.size() > 1) {
            out.append("in all: ").append(trials).append(" trials, ").append(steps).append(" steps\n");
        }
        return out.toString();
    }

    /** Trials that differ only by seed or backend cost the same: one line per model and setting. */
    private static Map<String, Group> groups(List<SweepTrial> trials) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (SweepTrial t : trials) {
            TrialConfig c = t.config();
            String label = c.model() + (t.setting().isEmpty() ? "" : " " + t.setting());
            Group g = groups.get(label);
            if (g == null) {
                ArithmeticDataset data = ArithmeticDataset.build(TrialSpecs.dataset(c));
                int train = data.train().size();
                int evaluations = new EvaluationSchedule(t.effectiveSteps(), c.evalFirst(), c.evalPeriod()).steps().size();
                g = new Group(t.effectiveSteps(), Math.min(c.trainBatchSize(), train), evaluations, train,
                        data.validation().size());
                groups.put(label, g);
            }
            g.trials++;
        }
        return groups;
    }

    private static final class Group {
        final long steps;
        final int batch;
        final int evaluations;
        final int trainSize;
        final int valSize;
        int trials;

        Group(long steps, int batch, int evaluations, int trainSize, int valSize) {
            this.steps = steps;
            this.batch = batch;
            this.evaluations = evaluations;
            this.trainSize = trainSize;
            this.valSize = valSize;
        }
    }
}
