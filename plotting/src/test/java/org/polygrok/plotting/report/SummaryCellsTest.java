package org.polygrok.plotting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SeedComparison;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/** Table cells as summary.md and report.html both write them, the best rule, and the "≠" mark (the permutation test's verdict). */
class SummaryCellsTest {

    @Test
    void cellsHaveOneFormat() {
        assertThat(SummaryMetrics.cell("L_train", new MeanStd(1.51e-4, 1.01e-5))).isEqualTo("1.51e-4 ± 1.01e-5");
        assertThat(SummaryMetrics.cell("L_val", new MeanStd(0.421, 0))).isEqualTo("0.4210");
        assertThat(SummaryMetrics.cell("A_val", new MeanStd(1.0, 0.0))).isEqualTo("1.000");
        assertThat(SummaryMetrics.cell("A_val", new MeanStd(0.5, 0.25))).isEqualTo("0.500 ± 0.250");
        assertThat(SummaryMetrics.cell("t_f_A_val", new MeanStd(8800, 0))).isEqualTo("8800");
        assertThat(SummaryMetrics.cell("delta_t_A", new MeanStd(8717.5, 82.5))).isEqualTo("8717.5 ± 82.5");
        assertThat(SummaryMetrics.cell("param_norm", new MeanStd(35.123, 0))).isEqualTo("35.12");
        assertThat(SummaryMetrics.cell("A_val", MeanStd.UNKNOWN)).isEqualTo("–");
        assertThat(SummaryMetrics.label("binary_t_f_A_val")).isEqualTo("binary t_f(A_val)");
        assertThat(SummaryMetrics.label("param_norm")).isEqualTo("‖θ‖₂");
    }

    @Test
    void bestIsTheLowestLossOrHighestAccuracyAsDisplayed() {
        MeanStd a = new MeanStd(0.99996, 0);
        MeanStd b = new MeanStd(1.0, 0);
        MeanStd c = new MeanStd(0.5, 0);
        assertThat(SummaryMetrics.isBest("A_val", a, List.of(a, b, c))).isTrue(); // both read 1.000
        assertThat(SummaryMetrics.isBest("A_val", c, List.of(a, b, c))).isFalse();
        assertThat(SummaryMetrics.isBest("binary_L_val", c, List.of(b, c))).isTrue();
        assertThat(SummaryMetrics.isBest("t_f_A_val", c, List.of(b, c))).isFalse(); // steps are not ranked
        assertThat(SummaryMetrics.isBest("A_val", b, List.of(b))).isFalse(); // nothing to compare with
        assertThat(SummaryMetrics.isBest("A_val", b, List.of(b, MeanStd.UNKNOWN))).isFalse();
    }

    /** The ≠ mark is the permutation test's verdict in summary.json, against backends only, and nothing else. */
    @Test
    void aCellIsMarkedOnlyWhereTheTestSaysBeyondAnotherBackend() {
        Set<String> backends = Set.of("djl", "tf");
        SummaryRow djl = row("djl", 1.00e-3, 0.2e-3, List.of(
                comparison("L_val", "tf", 1.5e-3, SeedComparison.Verdict.BEYOND),
                comparison("A_val", "tf", 1.5e-3, SeedComparison.Verdict.WITHIN),
                comparison("t_f_A_val", "tf", 1.5e-3, SeedComparison.Verdict.UNDECIDED),
                comparison("L_train", "reference rerun", 1.5e-3, SeedComparison.Verdict.BEYOND)));
        assertThat(SummaryTables.beyondSeedVariation(djl, "L_val", backends))
                .isEqualTo("tf: 1.50e-3 (gap -5.00e-4, p = 0.0286)");
        assertThat(SummaryTables.beyondSeedVariation(djl, "A_val", backends)).isEmpty();
        assertThat(SummaryTables.beyondSeedVariation(djl, "t_f_A_val", backends)).isEmpty();
        assertThat(SummaryTables.beyondSeedVariation(djl, "L_train", backends)).isEmpty(); // the reference is no backend
        assertThat(SummaryTables.beyondSeedVariation(djl, "L_val", Set.of("djl"))).isEmpty();
    }

    /**
     * Rows without comparisons (one seed, one backend, results older than the seed statistics) get no mark,
     * however far apart: the old rule (gap > seed std) is gone.
     */
    @Test
    void noComparisonsNoMark() {
        SummaryRow djl = row("djl", 1.00e-3, 0.2e-3, List.of());
        SummaryRow tf = row("tf", 1.5e-3, 0.1e-3, List.of());
        assertThat(SummaryTables.beyondSeedVariation(djl, "L_val", Set.of("djl", "tf"))).isEmpty();
        assertThat(SummaryTables.beyondSeedVariation(tf, "L_val", Set.of("djl", "tf"))).isEmpty();
    }

    private static SeedComparison comparison(String metric, String against, double otherMean,
            SeedComparison.Verdict verdict) {
        return new SeedComparison(metric, against, 4, 4, 1.0e-3, otherMean, 1.0e-3 - otherMean, 2.0 / 70, verdict, 4);
    }

    private static SummaryRow row(String backend, double mean, double std, List<SeedComparison> comparisons) {
        return new SummaryRow(backend, "gpt", Map.of("r_train", 0.5), null, List.of(0L, 42L), null, List.of(),
                Map.of("L_val", new MeanStd(mean, std)), Map.of(), comparisons, Map.of());
    }
}
