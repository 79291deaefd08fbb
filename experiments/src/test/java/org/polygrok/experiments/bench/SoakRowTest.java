package org.polygrok.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The soak verdict: growth of the last sample against the first after warm-up, within 5 % or not. */
class SoakRowTest {

    @Test
    void warmUpIsTheFirstTenthRoundedToASamplingPeriod() {
        assertThat(SoakMeasurement.warmup(10_000, 500)).isEqualTo(1_000);
        assertThat(SoakMeasurement.warmup(1_200, 500)).isEqualTo(500);
        assertThat(SoakMeasurement.warmup(100, 500)).isEqualTo(100);
    }

    @Test
    void growthIsMeasuredFromTheFirstSampleAfterWarmUp() {
        SoakRow flat = row(new SoakSample(0, 500, 10, 100), new SoakSample(1000, 800, 10, 300),
                new SoakSample(2000, 820, 10, 309));
        assertThat(flat.afterWarmup().step()).isEqualTo(1000);
        assertThat(flat.rssGrowthPercent()).isEqualTo(2.5);
        assertThat(flat.nativeGrowthPercent()).isEqualTo(3.0);
        assertThat(flat.withinLimit()).isTrue();

        SoakRow leaking = row(new SoakSample(0, 500, 10, 100), new SoakSample(1000, 800, 10, 300),
                new SoakSample(2000, 830, 10, 330));
        assertThat(leaking.nativeGrowthPercent()).isEqualTo(10.0);
        assertThat(leaking.withinLimit()).isFalse();
        assertThat(SoakRunner.table(List.of(flat, leaking))).contains(" ok\n").contains(" GROWS\n");
    }

    private static SoakRow row(SoakSample... samples) {
        return new SoakRow("djl", "gpt", 2000, 1000, 1000, 10.0, List.of(samples));
    }
}
