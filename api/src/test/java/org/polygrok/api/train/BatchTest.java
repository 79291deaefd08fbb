package org.polygrok.api.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;

class BatchTest {
    private static final HostArray TOKENS = HostArray.ofInts(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 4);
    private static final HostArray TARGETS = HostArray.ofInts(new int[] {2, 3, 4, 9, 6, 7, 8, 9}, 2, 4);

    @Test
    void theFirstScoredPositionIsTheEarliestOverAllSamples() {
        Batch mixed = new Batch(TOKENS, TARGETS, HostArray.of(new float[] {0, 0, 1, 1, 0, 1, 1, 0}, 2, 4));
        assertThat(mixed.firstScoredPosition()).isEqualTo(1);
        assertThat(mixed.targetsFrom(1).shape()).containsExactly(2, 3);
        assertThat(mixed.targetsFrom(1).ints()).containsExactly(3, 4, 9, 7, 8, 9);
        assertThat(mixed.rhsWeightsFrom(2).floats()).containsExactly(1, 1, 1, 0);
    }

    @Test
    void aBatchThatScoresNothingKeepsTheWholeSequence() {
        Batch none = new Batch(TOKENS, TARGETS, HostArray.zeros(2, 4));
        assertThat(none.firstScoredPosition()).isZero();
    }

    @Test
    void theWindowMustStartInsideTheSequence() {
        Batch batch = new Batch(TOKENS, TARGETS, HostArray.zeros(2, 4));
        assertThatThrownBy(() -> batch.targetsFrom(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inside the sequence [0, 4), got 4");
    }
}
