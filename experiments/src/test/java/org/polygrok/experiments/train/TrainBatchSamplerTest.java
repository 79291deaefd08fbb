package org.polygrok.experiments.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainBatchSamplerTest {

    @Test
    void eachEpochIsAFreshPermutationCutIntoBatchesWithASmallerLastOne() {
        StepPlan plan = StepPlan.of(10, 4, 9); // 3 batches per epoch: 4, 4, 2
        TrainBatchSampler s = new TrainBatchSampler(plan, 42);
        List<int[]> epoch1 = List.of(s.next(), s.next(), s.next());
        List<int[]> epoch2 = List.of(s.next(), s.next(), s.next());
        assertThat(epoch1.stream().map(b -> b.length)).containsExactly(4, 4, 2);
        assertThat(flatten(epoch1)).containsExactlyInAnyOrder(IntStream.range(0, 10).toArray());
        assertThat(flatten(epoch2)).containsExactlyInAnyOrder(IntStream.range(0, 10).toArray());
        assertThat(flatten(epoch1)).isNotEqualTo(flatten(epoch2));
        assertThat(flatten(epoch1)).isEqualTo(new org.polygrok.api.random.Mt19937(42).permutation(10));
    }

    @Test
    void sameSeedSameBatchesOtherSeedOtherBatches() {
        StepPlan plan = StepPlan.of(480, 32, 100);
        assertThat(draw(new TrainBatchSampler(plan, 7), 40)).isEqualTo(draw(new TrainBatchSampler(plan, 7), 40));
        assertThat(draw(new TrainBatchSampler(plan, 7), 40)).isNotEqualTo(draw(new TrainBatchSampler(plan, 8), 40));
    }

    @Test
    void aRestoredSamplerContinuesExactly() {
        StepPlan plan = StepPlan.of(100, 32, 1000); // 4 batches per epoch
        for (int k : new int[] {0, 1, 3, 4, 5, 17}) {
            TrainBatchSampler original = new TrainBatchSampler(plan, 3);
            draw(original, k);
            SamplerState state = original.state();
            TrainBatchSampler restored = TrainBatchSampler.restore(plan, state);
            assertThat(restored.state()).isEqualTo(state);
            assertThat(draw(restored, 9)).isEqualTo(draw(original, 9));
        }
    }

    @Test
    void fullBatchUsesTheWholeSetEachStep() {
        StepPlan plan = StepPlan.of(480, 512, 3);
        TrainBatchSampler s = new TrainBatchSampler(plan, 0);
        assertThat(s.next()).hasSize(480).containsExactlyInAnyOrder(IntStream.range(0, 480).toArray());
        assertThat(s.state()).isEqualTo(new SamplerState(0, 1, 1));
    }

    private static List<String> draw(TrainBatchSampler s, int steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            out.add(Arrays.toString(s.next()));
        }
        return out;
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
