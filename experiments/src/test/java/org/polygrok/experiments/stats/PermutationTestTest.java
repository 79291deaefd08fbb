package org.polygrok.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.polygrok.plotting.results.Json;
import org.polygrok.plotting.results.SeedComparison;

/** The permutation test, the seeds-needed rule and one comparison, against values counted by hand. */
class PermutationTestTest {
    @Test
    void twoAgainstTwoCanNeverGoBelowOneThird() {
        // splits of {1,2,3,4} into pairs: |Δmean| = 2, 1, 0, 0, 1, 2 -> 2 of 6 reach the observed 2
        PermutationTest.Result r = PermutationTest.of(new double[] {1, 2}, new double[] {3, 4});
        assertThat(r.pValue()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.difference()).isEqualTo(2.0);
        assertThat(r.smallestP()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.exact()).isTrue();
    }

    @Test
    void exactPValuesMatchABruteForceCount() {
        // itertools.combinations over the 70 splits: 4 reach |Δ| = 2.275
        PermutationTest.Result r = PermutationTest.of(new double[] {12.1, 14.3, 13.5, 15.0},
                new double[] {16.2, 15.8, 17.1, 14.9});
        assertThat(r.pValue()).isCloseTo(4.0 / 70, within(1e-12));
        // unequal sizes: 1 of the 10 splits of {3,5,4 | 6,9} is as extreme
        assertThat(PermutationTest.of(new double[] {3, 5, 4}, new double[] {6, 9}).pValue()).isCloseTo(0.1, within(1e-12));
        assertThat(PermutationTest.of(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}).pValue())
                .isCloseTo(2.0 / 70, within(1e-12));
    }

    @Test
    void identicalGroupsGiveOneAndTiesCountAsExtreme() {
        assertThat(PermutationTest.of(new double[] {1, 1, 1}, new double[] {1, 1, 1}).pValue()).isEqualTo(1.0);
        assertThat(PermutationTest.of(new double[] {0.1, 0.2}, new double[] {0.2, 0.1}).pValue()).isEqualTo(1.0);
    }

    @Test
    void largeGroupsAreSampledWithAFixedSeed() {
        double[] low = new double[11];
        double[] high = new double[11];
        for (int i = 0; i < 11; i++) {
            low[i] = i;
            high[i] = 100 + i;
        }
        PermutationTest.Result r = PermutationTest.of(low, high);
        assertThat(r.exact()).isFalse();
        assertThat(r.pValue()).isCloseTo(1.0 / (PermutationTest.DRAWS + 1), within(1e-9));
        assertThat(PermutationTest.of(low, low.clone()).pValue()).isEqualTo(1.0);
        assertThat(PermutationTest.of(low, high).pValue()).isEqualTo(r.pValue());
    }

    @Test
    void smallestPValuesAndTheFloorOfSeeds() {
        assertThat(PermutationTest.smallestP(2, 4)).isCloseTo(1.0 / 15, within(1e-12));
        assertThat(PermutationTest.smallestP(3, 3)).isCloseTo(0.1, within(1e-12));
        assertThat(PermutationTest.smallestP(4, 4)).isCloseTo(2.0 / 70, within(1e-12));
        assertThat(SeedsNeeded.FLOOR).isEqualTo(4);
        assertThat(PermutationTest.binomial(22, 11)).isEqualTo(705_432);
        assertThat(PermutationTest.binomial(200, 100)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void seedsNeededFollowTheNormalApproximation() {
        double[] a = {0, 2};
        double[] b = {10, 12};
        assertThat(SeedsNeeded.pooledVariance(a, b)).isEqualTo(2.0);
        // n = 2 (1.95996 + 0.84162)^2 * 2 / 1^2 = 31.40 -> 32
        assertThat(SeedsNeeded.forGap(1.0, a, b)).isEqualTo(32);
        assertThat(SeedsNeeded.forGap(10.0, a, b)).isEqualTo(SeedsNeeded.FLOOR);
        assertThat(SeedsNeeded.forGap(0.0, a, b)).isNull();
        assertThat(SeedsNeeded.forGap(3.0, new double[] {1, 1}, new double[] {4, 4})).isEqualTo(SeedsNeeded.FLOOR);
    }

    @Test
    void againstTwoFixedReferenceSeedsTheFloorIsFiveAndSomeGapsNeverResolve() {
        // 1 / C(7, 2) = 0.048 is the first smallest p <= 0.05 against 2 fixed values
        assertThat(SeedsNeeded.forGapAgainstFixed(100.0, new double[] {0, 1}, new double[] {100, 101})).isEqualTo(5);
        // var = (0.5 + 0.5) / 2 = 0.5; 1/n = 1 / (7.8489 * 0.5) - 1/2 = -0.245 < 0: no n is enough
        assertThat(SeedsNeeded.forGapAgainstFixed(1.0, new double[] {0, 1}, new double[] {1, 2}))
                .isEqualTo(Integer.MAX_VALUE);
        // gap 2, var 0.5: 1/n = 4 / 3.9244 - 0.5 = 0.519 -> n = 1.93 -> the floor, 5
        assertThat(SeedsNeeded.forGapAgainstFixed(2.0, new double[] {0, 1}, new double[] {2, 3})).isEqualTo(5);
        assertThat(SeedsNeeded.forGapAgainstFixed(0.0, new double[] {0, 1}, new double[] {2, 3})).isNull();
    }

    @Test
    void aComparisonIsMineMinusTheirsAndSaysWhetherItCouldDecide() {
        SeedComparison c = SeedComparisons.of("L_val", "tf", new double[] {5, 6, 7, 8}, new double[] {1, 2, 3, 4});
        assertThat(c.gap()).isEqualTo(4.0);
        assertThat(c.mean()).isEqualTo(6.5);
        assertThat(c.otherMean()).isEqualTo(2.5);
        assertThat(c.beyond()).isTrue();
        assertThat(c.decidable()).isTrue();
        assertThat(c.verdict()).isEqualTo(SeedComparison.Verdict.BEYOND);
        assertThat(c.seedsNeeded()).isEqualTo(4);
        assertThat(Json.line(c)).contains("\"verdict\":\"beyond\"", "\"decidable\":true", "\"seeds_needed\":4")
                .doesNotContain("\"beyond\":");

        SeedComparison few = SeedComparisons.of("L_val", "tf", new double[] {5, 6}, new double[] {1, 2});
        assertThat(few.beyond()).isFalse();
        assertThat(few.decidable()).isFalse();
        assertThat(few.verdict()).isEqualTo(SeedComparison.Verdict.UNDECIDED);
        assertThat(Json.line(few)).contains("\"verdict\":\"undecided\"", "\"decidable\":false");
        assertThat(Json.readLine(Json.line(few), SeedComparison.class)).isEqualTo(few);
        assertThat(SeedStatisticsMarkdown.difference(few)).isEqualTo("+4, p = 0.333: undecided† (4 seeds)");
    }

    @Test
    void badInputIsOneSentence() {
        assertThatThrownBy(() -> PermutationTest.of(new double[0], new double[] {1}))
                .hasMessage("the first group has no value to compare");
        assertThatThrownBy(() -> PermutationTest.of(new double[] {1}, new double[] {Double.NaN}))
                .hasMessageContaining("non-finite");
    }
}
