package org.polygrok.experiments.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.api.HostArray;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.MetricsRecord;

class MetricsTest {

    private static MetricsRecord rec(long step, double trainLoss, double trainAcc, double valLoss, double valAcc) {
        return SetMetrics.record(step, 0, new SetMetrics(trainLoss, trainAcc, null, null, null, null),
                new SetMetrics(valLoss, valAcc, null, null, null, null), 10.0 - step / 1000.0, 100, 0);
    }

    @Test
    void setMetricsAreExactPerSampleMeansAlsoPerOrder() {
        SetMetrics m = SetMetrics.of(new float[] {1, 2, 3, 6}, new float[] {1, 0, 1, 1}, new int[] {2, 3, 3, 2});
        assertThat(m.loss()).isEqualTo(3.0);
        assertThat(m.accuracy()).isEqualTo(0.75);
        assertThat(m.binaryLoss()).isEqualTo(3.5);
        assertThat(m.binaryAccuracy()).isEqualTo(1.0);
        assertThat(m.ternaryLoss()).isEqualTo(2.5);
        assertThat(m.ternaryAccuracy()).isEqualTo(0.5);
        assertThat(SetMetrics.of(new float[] {1, 2}, new float[] {0, 1}, null).binaryLoss()).isNull();
    }

    @Test
    void paramNormIsTheL2NormOfEveryParameter() {
        assertThat(ParamNorm.of(Map.of("a", HostArray.of(new float[] {3}, 1), "b",
                HostArray.of(new float[] {0, 4}, 2)))).isEqualTo(5.0);
    }

    @Test
    void summaryTakesExtremaAndTheirFirstSteps() {
        List<MetricsRecord> r = List.of(
                rec(0, 3.0, 0.0, 3.0, 0.0),
                rec(1, 2.0, 0.5, 3.5, 0.0),
                rec(2, 1.0, 1.0, 2.5, 0.2),
                rec(3, 1.0, 1.0, 1.5, 1.0),
                rec(4, 1.5, 1.0, 1.5, 1.0),
                rec(5, 1.5, 1.0, 1.5, 1.0));
        TrialSummary s = TrialSummary.of(r);
        Map<String, Number> m = s.toMap();
        assertThat(m).containsEntry("L_train", 1.0).containsEntry("t_f_L_train", 2L)
                .containsEntry("L_val", 1.5).containsEntry("t_f_L_val", 3L)
                .containsEntry("A_train", 1.0).containsEntry("t_f_A_train", 2L)
                .containsEntry("A_val", 1.0).containsEntry("t_f_A_val", 3L)
                .containsEntry("delta_t_L", 1L).containsEntry("delta_t_A", 1L)
                .containsEntry("steps", 5L);
        assertThat(m.keySet()).startsWith("L_train", "L_val", "A_train", "A_val", "t_f_L_train");
        assertThat(s.finalParamNorm()).isEqualTo(10.0 - 0.005);
        assertThat(m).doesNotContainKey("binary_L_train");
    }

    @Test
    void tMaxRestrictionKeepsStepsUpToAlphaTimesT() {
        List<MetricsRecord> r = new ArrayList<>();
        for (long t : new long[] {0, 1000, 2000, 2100, 20000, 20010, 20011}) {
            r.add(rec(t, 10.0 / (t + 1), t >= 2100 ? 1.0 : 0.1, 5.0 / (t + 1), t >= 20010 ? 1.0 : 0.0));
        }
        TrialSummary alpha01 = TrialSummary.of(r, 0.1 * 20001); // 2000.1
        assertThat(alpha01.steps()).isEqualTo(2000);
        assertThat(alpha01.overall().tfLTrain()).isEqualTo(2000);
        assertThat(alpha01.overall().aTrain()).isEqualTo(0.1);
        assertThat(alpha01.overall().tfATrain()).isEqualTo(0);
        TrialSummary alpha1 = TrialSummary.of(r, 1.0 * 20001); // the effective last steps lie above T
        assertThat(alpha1.steps()).isEqualTo(20000);
        assertThat(alpha1.overall().aVal()).isEqualTo(0.0);
        assertThat(TrialSummary.of(r).overall().tfAVal()).isEqualTo(20010);
    }

    @Test
    void perOrderExtremaAppearWhenOrdersMix() {
        SetMetrics a = SetMetrics.of(new float[] {1, 3}, new float[] {1, 0}, new int[] {2, 3});
        SetMetrics b = SetMetrics.of(new float[] {0.5f, 2}, new float[] {1, 1}, new int[] {2, 3});
        TrialSummary s = TrialSummary.of(List.of(SetMetrics.record(0, 0, a, a, 1, 1, 0),
                SetMetrics.record(1, 1, b, a, 1, 1, 0)));
        assertThat(s.toMap()).containsEntry("binary_L_train", 0.5).containsEntry("binary_t_f_L_train", 1L)
                .containsEntry("ternary_A_train", 1.0).containsEntry("ternary_t_f_A_train", 1L)
                .containsEntry("ternary_A_val", 0.0).containsEntry("ternary_L_val", 3.0);
    }

    @Test
    void seedAggregateUsesPopulationStdAndPerSeedDifferencesForDeltaT() {
        // seed 1: t_f(L_train)=100, t_f(L_val)=300 -> Δ 200; seed 2: 200, 300 -> Δ 100
        TrialSummary s1 = new TrialSummary(new Extrema(1e-4, 5e-4, 1, 1, 100, 300, 80, 8800), null, null, 60, 10002);
        TrialSummary s2 = new TrialSummary(new Extrema(3e-4, 7e-4, 1, 0.5, 200, 300, 90, 8700), null, null, 58, 10002);
        Map<String, MeanStd> agg = SeedAggregate.of(List.of(s1, s2));
        assertThat(agg.get("L_train").mean()).isCloseTo(2e-4, within(1e-12));
        assertThat(agg.get("L_train").std()).isCloseTo(1e-4, within(1e-12)); // |x1 - x2| / 2
        assertThat(agg.get("A_val")).isEqualTo(new MeanStd(0.75, 0.25));
        assertThat(agg.get("delta_t_L").mean()).isEqualTo(agg.get("t_f_L_val").mean() - agg.get("t_f_L_train").mean());
        assertThat(agg.get("delta_t_L")).isEqualTo(new MeanStd(150, 50));
        // std of differences (50) differs from the difference of stds (0 - 50)
        assertThat(agg.get("t_f_L_val").std()).isZero();
        assertThat(agg.get("delta_t_A")).isEqualTo(new MeanStd(8665, 55));
        assertThat(agg).doesNotContainKey("steps").containsKey("final_param_norm");
        assertThat(MeanStd.of(1, 2, 3, 4).std()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    }

    @Test
    void restrictedAggregateFiltersEachSeed() {
        List<MetricsRecord> a = List.of(rec(0, 3, 0, 3, 0), rec(100, 1, 1, 2, 0.5), rec(200, 0.5, 1, 1, 1));
        List<MetricsRecord> b = List.of(rec(0, 3, 0, 3, 0), rec(100, 2, 0.5, 2, 0), rec(200, 0.1, 1, 0.2, 1));
        Map<String, MeanStd> agg = SeedAggregate.ofRestricted(List.of(a, b), 150);
        assertThat(agg.get("L_train")).isEqualTo(new MeanStd(1.5, 0.5));
        assertThat(agg.get("A_val")).isEqualTo(new MeanStd(0.25, 0.25));
    }
}
