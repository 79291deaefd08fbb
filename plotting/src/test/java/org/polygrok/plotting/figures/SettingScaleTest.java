package org.polygrok.plotting.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polygrok.plotting.results.ExperimentRecord;

/** Log axes: d and B always; in a sweep from a spec file, powers of two over a factor 4 and ranges over a decade. */
class SettingScaleTest {
    private static ExperimentRecord spec(boolean fromSpecFile) {
        return new ExperimentRecord("x", "", "full", List.of("lr"), List.of("djl"), List.of("gpt"), List.of(0L), "",
                null, null, null, fromSpecFile ? Map.of("name", "x") : null);
    }

    @Test
    void powersOfTwoAndDecadesGetLogAxesInSpecSweepsOnly() {
        assertThat(SettingScale.of(spec(true), "heads", List.of(1.0, 2.0, 4.0, 8.0))).isEqualTo(SettingScale.LOG2);
        assertThat(SettingScale.of(spec(true), "heads", List.of(2.0, 4.0))).isEqualTo(SettingScale.LINEAR);
        assertThat(SettingScale.of(spec(true), "lr", List.of(1e-4, 1e-3, 1e-2))).isEqualTo(SettingScale.LOG10);
        assertThat(SettingScale.of(spec(true), "lr", List.of(0.001, 0.003))).isEqualTo(SettingScale.LINEAR);
        assertThat(SettingScale.of(spec(true), "r_train", List.of(0.1, 0.5, 0.9))).isEqualTo(SettingScale.LINEAR);
        assertThat(SettingScale.of(spec(false), "lr", List.of(1e-4, 1e-3, 1e-2))).isEqualTo(SettingScale.LINEAR);
        assertThat(SettingScale.of(spec(false), "weight_decay", List.of(0.25, 0.5, 1.0))).isEqualTo(SettingScale.LINEAR);
        assertThat(SettingScale.of(spec(false), "dim", List.of(64.0, 128.0))).isEqualTo(SettingScale.LOG2);
        assertThat(SettingScale.LOG10.x(1e-3)).isEqualTo(-3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(SettingScale.LOG10.tick(-3.0)).isNotEmpty();
        assertThat(SettingScale.LOG10.tick(-2.5)).isEmpty();
        assertThat(SettingScale.LOG2.tick(5.0)).isEqualTo("32");
    }
}
