package org.polygrok.experiments.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polygrok.experiments.study.Experiment;
import org.polygrok.experiments.study.Scale;
import org.polygrok.experiments.sweep.plan.SweepPlan;
import org.polygrok.experiments.sweep.plan.SweepPlanner;
import org.polygrok.experiments.sweep.plan.SweepRequest;
import org.polygrok.experiments.train.ModelKind;
import org.polygrok.plotting.results.TrialConfig;

class StudyEstimateTest {
    @TempDir
    Path tmp;

    @Test
    void trialsAreDealtOntoTheParallelSlotsInOrder() {
        assertThat(StudyEstimate.makespanMs(List.of(1.0, 1.0, 1.0), 2)).isEqualTo(2.0);
        assertThat(StudyEstimate.makespanMs(List.of(3.0, 1.0, 1.0, 1.0), 2)).isEqualTo(3.0);
        assertThat(StudyEstimate.makespanMs(List.of(2.0, 2.0), 1)).isEqualTo(4.0);
        assertThat(StudyEstimate.makespanMs(List.of(), 2)).isZero();
    }

    @Test
    void eachShapeIsProbedOnceAndTrialTimesAddUpFromStepsAndEvaluations() {
        List<TrialConfig> probed = new ArrayList<>();
        StudyEstimate estimate = fixedCost((config, threads) -> probed.add(config));
        SweepPlan sanity = plan("sanity", 2, Map.of("steps", 1000, "eval_first", 2, "eval_period", 100));
        List<StudyEstimate.Line> lines = estimate.estimate(List.of(sanity), line -> { });

        // sanity: 2 models x 2 seeds, one shape per model (the seeds cost the same)
        assertThat(probed).hasSize(2);
        assertThat(estimate.costs().keySet()).allSatisfy(s -> assertThat(s.threads()).isEqualTo(1));
        StudyEstimate.Line line = lines.get(0);
        assertThat(line.trials()).isEqualTo(4);
        assertThat(line.parallel()).isEqualTo(2);
        long steps = sanity.trials().get(0).effectiveSteps();
        int evaluations = new org.polygrok.experiments.train.EvaluationSchedule(steps, 2, 100).steps().size();
        double trialMs = 50 + 100 + steps * 1.0 + evaluations * 10.0;
        assertThat(line.hours() * 3.6e6).isCloseTo(2 * trialMs, within(1e-6)); // 4 equal trials on 2 slots
        assertThat(StudyEstimate.format(lines)).contains("sanity", "4 trials, --parallel 2 (1 thread each)", "in all");
    }

    @Test
    void aSingleTrialIsProbedAndEstimatedWithEveryCore() {
        List<Integer> probedThreads = new ArrayList<>();
        StudyEstimate estimate = fixedCost((config, threads) -> probedThreads.add(threads));
        List<StudyEstimate.Line> lines = estimate.estimate(List.of(plan("attention", 2, Map.of())), line -> { });

        assertThat(probedThreads).containsExactly(2);
        assertThat(lines.get(0).trials()).isEqualTo(1);
        assertThat(lines.get(0).threads()).isEqualTo(2);
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(StudyEstimate.duration(10 / 3600.0)).isEqualTo("10 s");
        assertThat(StudyEstimate.duration(0.5)).isEqualTo("30 min");
        assertThat(StudyEstimate.duration(2.25)).isEqualTo("2.3 h (2 h 15 min)");
    }

    /**
     * An estimate on 2 cores, 50 ms of process start, whose probe reports each call to {@code probed} and
     * costs 1 ms per step, 10 ms per evaluation and 100 ms to start: a fixed cost instead of a measurement.
     */
    private static StudyEstimate fixedCost(java.util.function.BiConsumer<TrialConfig, Integer> probed) {
        return new StudyEstimate((config, threads) -> {
            probed.accept(config, threads);
            return new ShapeCost(100, 1, 10);
        }, 50, 2);
    }

    private SweepPlan plan(String experiment, int parallel, Map<String, Object> changes) {
        Experiment e = Experiment.resolve(experiment).get(0);
        Map<String, Object> all = new java.util.TreeMap<>(Map.of("p", 7, "dim", 16, "layers", 1));
        all.putAll(changes);
        SweepRequest request = new SweepRequest(e, Scale.fromLabel("full"), List.of("djl"),
                List.of(ModelKind.LSTM, ModelKind.GPT), null, all, parallel, false, tmp);
        return SweepPlanner.plan(request, "polygrok run");
    }
}
