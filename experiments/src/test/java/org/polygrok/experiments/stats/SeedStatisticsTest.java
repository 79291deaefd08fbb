package org.polygrok.experiments.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SeedComparison;

/** Backends against each other and against the course's numbers, and the summary.md section. */
class SeedStatisticsTest {
    private static SeedGroup gpt(String backend, double lVal, double spread, int seeds) {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String m : SeedStatistics.METRICS) {
            double[] v = new double[seeds];
            for (int i = 0; i < seeds; i++) {
                v[i] = (m.equals("L_val") ? lVal : m.startsWith("A_") ? 1.0 : 100.0) + spread * i;
            }
            values.put(m, v);
        }
        return new SeedGroup(backend, "gpt", Map.of(), null,
                java.util.stream.LongStream.range(0, seeds).boxed().toList(), values);
    }

    @Test
    void publishedNumbersArePerSeedWhereKnown() {
        ReferenceResults.Source rerun = ReferenceResults.find("gpt", ReferenceResults.RERUN).orElseThrow();
        assertThat(rerun.perSeed().get("delta_t_A")).containsExactly(8612, 9923);
        assertThat(rerun.perSeed().get("t_f_A_train")).containsExactly(88, 77);
        assertThat(rerun.published().get("t_f_A_train")).isEqualTo(new MeanStd(82.5, 5.5));
        ReferenceResults.Source table = ReferenceResults.find("gpt", ReferenceResults.TABLE_1).orElseThrow();
        assertThat(table.perSeed().get("L_train")).containsExactly(new double[] {1.409e-4, 1.611e-4}, within(1e-12));
        assertThat(table.perSeed()).doesNotContainKey("t_f_A_val");
        assertThat(ReferenceResults.find("lstm", ReferenceResults.TABLE_1).orElseThrow().perSeed().get("t_f_L_val"))
                .containsExactly(10001, 10001);
        assertThat(ReferenceResults.forModel("mlp")).isEmpty();
    }

    @Test
    void everyBackendAgainstTheOthersAndTheReference() {
        SeedGroup djl = gpt("djl", 0.5, 0.01, 4);
        SeedGroup tf = gpt("tf", 0.9, 0.01, 4);
        SeedGroup alone = gpt("nd4j", 0.5, 0.01, 1);
        SeedStatistics stats = SeedStatistics.of(List.of(djl, tf, alone), true);

        List<SeedComparison> tfRow = stats.row("tf", "gpt", Map.of(), null).orElseThrow().comparisons();
        SeedComparison lVal = tfRow.stream().filter(c -> c.against().equals("djl") && c.metric().equals("L_val"))
                .findFirst().orElseThrow();
        assertThat(lVal.gap()).isCloseTo(0.4, within(1e-12));
        assertThat(lVal.pValue()).isCloseTo(2.0 / 70, within(1e-12));
        assertThat(lVal.beyond()).isTrue();
        assertThat(tfRow.stream().filter(c -> c.against().equals("djl") && c.metric().equals("A_val")).findFirst()
                .orElseThrow().beyond()).isFalse();
        assertThat(tfRow).noneMatch(c -> c.against().equals("nd4j")); // one seed says nothing about seed variation
        assertThat(tfRow).anyMatch(c -> c.against().equals(ReferenceResults.RERUN) && c.metric().equals("delta_t_A"));
        assertThat(tfRow).anyMatch(c -> c.against().equals(ReferenceResults.TABLE_1) && c.metric().equals("L_val"));
        assertThat(tfRow).noneMatch(c -> c.against().equals(ReferenceResults.TABLE_1) && c.metric().equals("t_f_A_val"));
        assertThat(stats.row("nd4j", "gpt", Map.of(), null).orElseThrow().comparisons()).isEmpty();

        String md = SeedStatisticsMarkdown.render(stats, "A caveat.");
        assertThat(md).contains("## Backends and the reference against seed variation", "A caveat.",
                "| tf − djl |", "tf − reference rerun", "| L_val | +0.4, p = 0.0286: **beyond** (4 seeds)",
                "reference Table 1", "5.60e-4 ± 9.11e-5");
    }

    @Test
    void withoutTheReferenceOnlyBackendsAreCompared() {
        SeedStatistics stats = SeedStatistics.of(List.of(gpt("djl", 0.5, 0.01, 2), gpt("tf", 0.5, 0.02, 2)), false);
        assertThat(stats.rows().get(0).comparisons()).allMatch(c -> c.against().equals("tf"));
        assertThat(SeedStatisticsMarkdown.render(stats, "")).contains("## Backends against seed variation")
                .contains("undecided†");
        assertThat(SeedStatisticsMarkdown.render(SeedStatistics.of(List.of(gpt("djl", 0.5, 0.01, 2)), false), ""))
                .isEmpty();
    }
}
