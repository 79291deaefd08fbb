package org.polygrok.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepPlanAndScheduleTest {

    /** PROTOCOL §5.7. */
    @ParameterizedTest
    @CsvSource({
        "480, 512, 10001, 480, 1, 10001",
        "577, 512, 10001, 512, 2, 10002",
        "726, 512, 10001, 512, 2, 10002",
        "480, 32, 20001, 32, 15, 20010",
        "480, 64, 20001, 64, 8, 20008",
        "480, 128, 20001, 128, 4, 20004",
        "480, 256, 20001, 256, 2, 20002",
        "480, 512, 20001, 480, 1, 20001",
        "480, 512, 40001, 480, 1, 40001"})
    void effectiveStepsAreWholeEpochs(int n, int b, long steps, int bEff, int perEpoch, long effective) {
        StepPlan plan = StepPlan.of(n, b, steps);
        assertThat(plan.batchSize()).isEqualTo(bEff);
        assertThat(plan.batchesPerEpoch()).isEqualTo(perEpoch);
        assertThat(plan.effectiveSteps()).isEqualTo(effective);
        assertThat(plan.epochs() * perEpoch).isEqualTo(effective);
    }

    @Test
    void epochOfAStepFollowsTheReference() {
        StepPlan plan = StepPlan.of(480, 32, 20001); // 15 batches per epoch, 1334 epochs
        assertThat(plan.epochOf(0)).isZero();
        assertThat(plan.epochOf(1)).isEqualTo(1);
        assertThat(plan.epochOf(15)).isEqualTo(1);
        assertThat(plan.epochOf(16)).isEqualTo(2);
        assertThat(plan.epochOf(20010)).isEqualTo(1334);
        assertThat(plan.epochOf(20011)).isEqualTo(1334);
    }

    @Test
    void defaultScheduleHas202EntriesEndingTwiceAtTheEnd() {
        EvaluationSchedule s = new EvaluationSchedule(10001, 100, 100);
        List<Long> steps = s.steps();
        assertThat(steps).hasSize(202);
        assertThat(steps.subList(0, 102)).isEqualTo(java.util.stream.LongStream.rangeClosed(0, 101)
                .map(t -> t == 101 ? 200 : t).boxed().toList());
        assertThat(steps.subList(199, 202)).containsExactly(10000L, 10001L, 10002L);
        assertThat(s.evaluatesAt(150)).isFalse();
        assertThat(s.evaluatesAt(10003)).isFalse();
        assertThat(s.finalStep()).isEqualTo(10002);
    }

    @Test
    void scheduleWithoutDenseStartStillEvaluatesTheFirstAndLastSteps() {
        assertThat(new EvaluationSchedule(10, 0, 4).steps()).containsExactly(0L, 1L, 4L, 8L, 10L, 11L);
        assertThat(new EvaluationSchedule(1, 0, 100).steps()).containsExactly(0L, 1L, 2L);
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new EvaluationSchedule(10, 0, 0)).hasMessage("eval_period must be at least 1, got 0");
        assertThatThrownBy(() -> StepPlan.of(480, 0, 10)).hasMessage("the train batch size must be at least 1, got 0");
        assertThatThrownBy(() -> StepPlan.of(480, 512, 0)).hasMessage("steps must be at least 1, got 0");
    }
}
