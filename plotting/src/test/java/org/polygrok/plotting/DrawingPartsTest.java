package org.polygrok.plotting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.plotting.draw.ColorScale;
import org.polygrok.plotting.draw.Curve;
import org.polygrok.plotting.draw.NumberLabels;
import org.polygrok.plotting.draw.Viridis;
import org.polygrok.plotting.figures.Labels;
import org.polygrok.plotting.figures.SeedAverage;
import org.polygrok.plotting.results.MetricsTable;
import org.polygrok.plotting.results.Trial;

/** Colour maps, scales, labels and seed averaging. */
class DrawingPartsTest {

    @Test
    void viridisEndsAndMiddle() {
        assertThat(Viridis.at(0)).isEqualTo(new Color(0x440154));
        assertThat(Viridis.at(1)).isEqualTo(new Color(0xFDE725));
        assertThat(Viridis.at(0.5)).isEqualTo(new Color(0x21908C));
        assertThat(Viridis.at(-3)).isEqualTo(Viridis.at(0));
    }

    @Test
    void log2ScalePlacesPowersOfTwoEvenly() {
        ColorScale b = ColorScale.forValues("B", List.of(32.0, 64.0, 128.0, 256.0, 512.0), true);
        assertThat(b.position(32)).isZero();
        assertThat(b.position(128)).isCloseTo(0.5, within(1e-12));
        assertThat(b.position(512)).isEqualTo(1.0);
        assertThat(b.ticks()).containsExactly(32.0, 64.0, 128.0, 256.0, 512.0);
        assertThat(b.color(512)).isEqualTo(Viridis.at(ColorScale.LINE_TOP));
        ColorScale r = ColorScale.forValues("r_train", List.of(0.5, 0.1, 0.9), false);
        assertThat(r.position(0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(ColorScale.forValues("L", List.of(2.0), false).position(2)).isEqualTo(0.5);
        assertThatThrownBy(() -> ColorScale.forValues("d", List.of(0.0, 64.0), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    @Test
    void numberLabels() {
        assertThat(NumberLabels.compact(64)).isEqualTo("64");
        assertThat(NumberLabels.compact(0.25)).isEqualTo("0.25");
        assertThat(NumberLabels.compact(1.5e-4)).isEqualTo("1.5e-4");
        assertThat(NumberLabels.scientific(1.5123e-4, 3)).isEqualTo("1.51e-4");
        assertThat(NumberLabels.significant(3.5512, 3)).isEqualTo("3.55");
        assertThat(NumberLabels.significant(9900.5, 3)).isEqualTo("9901");
    }

    @Test
    void metricAndSettingLabels() {
        assertThat(Labels.metric("t_f_A_val")).isEqualTo("t_f(A_val)");
        assertThat(Labels.metric("delta_t_L")).isEqualTo("Δt(L)");
        assertThat(Labels.metric("binary_L_train")).isEqualTo("binary L_train");
        assertThat(Labels.setting("train_batch_size")).isEqualTo("B");
        assertThat(Labels.log2("dim")).isTrue();
        assertThat(Labels.log2("r_train")).isFalse();
    }

    @Test
    void seedAverageIsTheMeanAndPopulationStdAtEachStepWithXOneAhead() {
        Trial a = trial(new double[] {0, 1, 2}, new double[] {3.0, 2.0, 1.0});
        Trial b = trial(new double[] {0, 1}, new double[] {1.0, 4.0});
        Curve c = SeedAverage.of(List.of(a, b), "train_loss");
        assertThat(c.x()).containsExactly(1, 2, 3);
        assertThat(c.mean()).containsExactly(2.0, 3.0, 1.0);
        assertThat(c.std()).containsExactly(1.0, 1.0, 0.0);
        assertThat(SeedAverage.of(List.of(a), "val_loss").isEmpty()).isTrue();
    }

    @Test
    void curveDropsMissingPointsAndLogAxesDropNonPositiveOnes() {
        Curve c = new Curve(new double[] {1, 2, 3}, new double[] {Double.NaN, 0, 2}, new double[] {1, Double.NaN, 1});
        assertThat(c.x()).containsExactly(2, 3);
        assertThat(c.std()).containsExactly(0, 1);
        assertThat(c.positiveOnly().x()).containsExactly(3);
    }

    private static Trial trial(double[] steps, double[] loss) {
        return new Trial("t", Path.of("t"), SyntheticResults.config("gpt", "djl", 0, Map.of()),
                new MetricsTable(steps, Map.of("train_loss", loss)), null);
    }
}
