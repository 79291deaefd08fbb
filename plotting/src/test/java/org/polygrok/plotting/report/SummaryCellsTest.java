package org.polygrok.plotting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.plotting.results.MeanStd;
import org.polygrok.plotting.results.SummaryMetrics;
import org.polygrok.plotting.results.SummaryRow;

/** Table cells as summary.md and report.html both write them, the best rule, and the backend-difference rule. */
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

    @Test
    void backendsDifferOnlyBeyondTheSeedSpread() {
        SummaryRow djl = row("djl", 1.00e-3, 0.2e-3);
        SummaryRow tfClose = row("tf", 1.15e-3, 0.1e-3);
        assertThat(new BackendDiffs(List.of(djl, tfClose)).differs(djl, "L_val")).isEmpty();
        SummaryRow tfFar = row("tf", 1.5e-3, 0.1e-3);
        BackendDiffs diffs = new BackendDiffs(List.of(djl, tfFar));
        assertThat(diffs.differs(djl, "L_val")).hasValueSatisfying(s -> assertThat(s).isEqualTo("tf: 1.5e-3 (gap 5e-4 > seed std 2e-4)"));
        assertThat(diffs.differs(tfFar, "L_val")).isPresent();
        assertThat(new BackendDiffs(List.of(djl)).differs(djl, "L_val")).isEmpty();
    }

    private static SummaryRow row(String backend, double mean, double std) {
        return new SummaryRow(backend, "gpt", Map.of("r_train", 0.5), null, List.of(0L, 42L), null, List.of(),
                Map.of("L_val", new MeanStd(mean, std)));
    }
}
