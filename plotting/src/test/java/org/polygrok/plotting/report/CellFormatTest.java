package org.polygrok.plotting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.plotting.results.Setting;
import org.polygrok.plotting.results.Stat;
import org.polygrok.plotting.results.SummaryRow;

/** Table cells in the seed report's style, best direction, and the backend-difference rule. */
class CellFormatTest {

    @Test
    void cellsLookLikeTheSeedReport() {
        assertThat(CellFormat.format("L_train", new Stat(1.51e-4, 1.01e-5))).isEqualTo("1.51e-4 ± 1.01e-5");
        assertThat(CellFormat.format("L_val", new Stat(0.421, 0))).isEqualTo("0.421");
        assertThat(CellFormat.format("A_val", new Stat(1.0, 0.0))).isEqualTo("1.00");
        assertThat(CellFormat.format("t_f_A_val", new Stat(8800, 0))).isEqualTo("8800");
        assertThat(CellFormat.format("delta_t_A", new Stat(8717.5, 82.5))).isEqualTo("8717.5 ± 82.5");
        assertThat(CellFormat.format("A_val", Stat.UNKNOWN)).isEqualTo("–");
        assertThat(CellFormat.best("binary_L_val")).isEqualTo(CellFormat.Best.MIN);
        assertThat(CellFormat.best("A_train")).isEqualTo(CellFormat.Best.MAX);
        assertThat(CellFormat.best("param_norm")).isEqualTo(CellFormat.Best.NONE);
        assertThat(CellFormat.best("delta_t_A")).isEqualTo(CellFormat.Best.NONE);
        assertThat(CellFormat.format("A_val", new Stat(0.99, 0.002))).isEqualTo("0.99 ± 0.002");
        assertThat(CellFormat.format("A_val", new Stat(0.5, 0.25))).isEqualTo("0.50 ± 0.25");
        assertThat(CellFormat.displayed("A_val", new Stat(0.99999, 0))).isEqualTo(1.0);
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
        return new SummaryRow(backend, "gpt", new Setting(Map.of("r_train", 0.5)), Double.NaN, List.of(0L, 42L), 0,
                List.of(), Map.of("L_val", new Stat(mean, std)));
    }
}
