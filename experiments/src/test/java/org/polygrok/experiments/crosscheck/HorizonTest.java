package org.polygrok.experiments.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.experiments.metrics.SetMetrics;

/** The agreement horizon, its cause and the verdict, on hand-made loss series (no engine involved). */
class HorizonTest {
    private static BackendTrajectory run(String name, double train0, double[] losses, float weight) {
        SetMetrics train = new SetMetrics(train0, 0.0, null, null, null, null);
        SetMetrics val = new SetMetrics(3.1, 0.5, null, null, null, null);
        return new BackendTrajectory(name, name, train, val, losses, train, val,
                Map.of("w", HostArray.of(new float[] {weight}, 1)), 1.0);
    }

    /** 3.0 decaying towards 1e-3 over {@code steps} steps, with a spike to 2.0 from {@code spike} (1-based) on. */
    private static double[] grokking(int steps, int spike, double wobble) {
        double[] l = new double[steps];
        for (int i = 0; i < steps; i++) {
            l[i] = 1e-3 + 3.0 * Math.exp(-i / 5.0) + wobble * i;
            if (i + 1 >= spike) {
                l[i] = 2.0 / (1 + (i + 1 - spike)) + wobble * 1000; // jumps, then decays differently per engine
            }
        }
        return l;
    }

    @Test
    void spikesAreFoundFromTheLossSeriesAlone() {
        assertThat(LossSpikes.onsets(grokking(80, 50, 0))).containsExactly(50);
        assertThat(LossSpikes.onsets(new double[] {3, 2, 1, 0.5, 0.4, 0.41, 0.3})).isEmpty(); // a wobble is no spike
        assertThat(LossSpikes.onsets(new double[] {0.01, 0.01, 0.04, 0.01})).isEmpty(); // too small a rise
        assertThat(LossSpikes.onsets(new double[] {0.01, 0.01, Double.NaN, 0.01, 0.5})).containsExactly(3, 5);
    }

    @Test
    void aSpikeOnTheEnginesEndsTheAgreementWithoutADefect() {
        BackendTrajectory ref = run("djl", 3.0, grokking(80, 50, 0), 0.5f);
        BackendTrajectory tf = run("tf", 3.0, grokking(80, 52, 1e-7), 0.9f); // weights part after the spike
        Agreement a = Agreement.of(List.of(ref, tf), Tolerances.defaults());

        Horizon h = a.horizons().get(0);
        assertThat(h.cause()).isEqualTo(Horizon.Cause.INSTABILITY);
        assertThat(h.lastAgreeing()).isEqualTo(49);
        assertThat(h.spikes()).containsExactlyInAnyOrderEntriesOf(Map.of("djl", 50, "tf", 52));
        assertThat(h.instabilityStep()).isEqualTo(50);
        assertThat(a.agrees()).isFalse();
        assertThat(a.verdict()).isEqualTo(Verdict.AGREE_UNTIL_INSTABILITY);
        assertThat(a.verdict().exitCode()).isZero();
        assertThat(CrosscheckReport.summary(a)).contains("tf agrees with djl until step 49; a loss spike (step 50 on "
                + "djl, step 52 on tf)").contains("agree until an instability at step 50");
        Agreement three = Agreement.of(List.of(ref, tf, run("nd4j", 3.0, grokking(80, 51, 2e-7), 0.9f)),
                Tolerances.defaults());
        assertThat(DifferencePlot.chart(three).getSeriesMap()).containsKeys("horizon tf (step 49)",
                "tf: spike on djl (step 50)", "nd4j: spike on djl (step 50)", "nd4j: spike on nd4j (step 51)");
    }

    @Test
    void aSingleStepBeyondToleranceThatReturnsAtOnceIsABriefExcursion() {
        double[] ref = grokking(80, 50, 0);
        double[] other = grokking(80, 52, 1e-7);
        other[9] += 2e-3; // step 10 only, as ND4J's reduction order gives on the GPT near loss 0.2
        Agreement a = Agreement.of(List.of(run("djl", 3.0, ref, 0.5f), run("nd4j", 3.0, other, 0.5f)),
                Tolerances.defaults());
        Horizon h = a.horizons().get(0);
        assertThat(h.cause()).isEqualTo(Horizon.Cause.INSTABILITY);
        assertThat(h.lastAgreeing()).isEqualTo(49);
        assertThat(h.excursions()).isEqualTo(1);
        assertThat(h.describe("djl")).contains("1 brief excursion beyond tolerance");
    }

    @Test
    void roundingDifferencesThatGrowSteadilyWithoutASpikeAreAmplifiedRoundingNotADefect() {
        double[] base = grokking(120, 1000, 0);
        double[] amplified = base.clone();
        for (int i = 0; i < amplified.length; i++) {
            amplified[i] += 1e-6 * Math.pow(1.12, i); // as the default GPT measured: ~1e-6 at first, x10 per ~20 steps
        }
        Agreement a = Agreement.of(List.of(run("djl", 3.0, base, 0.5f), run("nd4j", 3.0, amplified, 0.9f)),
                Tolerances.defaults());
        Horizon h = a.horizons().get(0);
        int firstBeyond = (int) Math.ceil(Math.log(1e-3 / 1e-6) / Math.log(1.12)); // 0-based index of the first step > 1e-3
        assertThat(h.cause()).isEqualTo(Horizon.Cause.AMPLIFIED_ROUNDING);
        assertThat(h.lastAgreeing()).isEqualTo(firstBeyond);
        assertThat(h.instabilityStep()).isEqualTo(firstBeyond + 1);
        assertThat(a.verdict()).isEqualTo(Verdict.AGREE_UNTIL_INSTABILITY);
        assertThat(a.verdict().exitCode()).isZero();
        assertThat(CrosscheckReport.summary(a)).contains("agree until an instability at step " + (firstBeyond + 1))
                .contains("grew steadily");
    }

    @Test
    void aDifferenceThatJumpsFromRoundingLevelWithoutASpikeIsADrift() {
        double[] base = grokking(80, 1000, 0);
        double[] jumping = base.clone();
        for (int i = 0; i < jumping.length; i++) {
            jumping[i] += i < 40 ? 1e-7 : 5e-3; // a rule that switches at step 41 (a schedule defect, say)
        }
        Agreement a = Agreement.of(List.of(run("djl", 3.0, base, 0.5f), run("nd4j", 3.0, jumping, 0.5f)),
                Tolerances.defaults());
        assertThat(a.horizons().get(0).cause()).isEqualTo(Horizon.Cause.DRIFT);
        assertThat(a.verdict().exitCode()).isEqualTo(1);
    }

    @Test
    void aDifferenceGrowingWithoutASpikeIsADriftFromTheStart() {
        double[] base = grokking(80, 1000, 0);
        double[] drifting = base.clone();
        for (int i = 0; i < drifting.length; i++) {
            drifting[i] += 1.05e-4 * (i + 1); // 1.05e-3 > tolerance at step 10
        }
        Agreement a = Agreement.of(List.of(run("djl", 3.0, base, 0.5f), run("nd4j", 3.0, drifting, 0.5f)),
                Tolerances.defaults());
        assertThat(a.horizons().get(0).cause()).isEqualTo(Horizon.Cause.DRIFT);
        assertThat(a.horizons().get(0).lastAgreeing()).isEqualTo(9);
        assertThat(a.verdict()).isEqualTo(Verdict.DISAGREE_FROM_START);
        assertThat(a.verdict().exitCode()).isEqualTo(1);
    }

    @Test
    void differingStepZeroLossesOrFinalWeightsAreDefectsAndFullAgreementIsTheFirstVerdict() {
        double[] l = grokking(30, 1000, 0);
        Agreement start = Agreement.of(List.of(run("djl", 3.0, l, 0.5f), run("tf", 3.1, l, 0.5f)),
                Tolerances.defaults());
        assertThat(start.horizons().get(0).cause()).isEqualTo(Horizon.Cause.START);
        assertThat(start.verdict()).isEqualTo(Verdict.DISAGREE_FROM_START);
        Agreement weights = Agreement.of(List.of(run("djl", 3.0, l, 0.5f), run("tf", 3.0, l, 0.7f)),
                Tolerances.defaults());
        assertThat(weights.horizons().get(0).cause()).isEqualTo(Horizon.Cause.DRIFT);
        Agreement same = Agreement.of(List.of(run("djl", 3.0, l, 0.5f), run("tf", 3.0, l, 0.5f),
                run("nd4j", 3.0, grokking(30, 20, 0), 0.5f)), Tolerances.defaults());
        assertThat(same.horizons().get(0).cause()).isEqualTo(Horizon.Cause.NONE);
        assertThat(same.horizons().get(0).lastAgreeing()).isEqualTo(30);
        assertThat(same.verdict()).isEqualTo(Verdict.AGREE_UNTIL_INSTABILITY); // the worst backend counts
        assertThat(Agreement.of(List.of(run("djl", 3.0, l, 0.5f), run("tf", 3.0, l, 0.5f)), Tolerances.defaults())
                .verdict()).isEqualTo(Verdict.AGREE);
    }
}
