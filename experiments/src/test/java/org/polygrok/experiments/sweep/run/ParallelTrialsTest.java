package org.polygrok.experiments.sweep.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParallelTrialsTest {
    private static final long GIB = 1L << 30;

    @Test
    void oneTrialPerCoreWhenMemoryAllows() {
        assertThat(ParallelTrials.byDefault(2, 24 * GIB)).isEqualTo(2);
        assertThat(ParallelTrials.byDefault(1, 24 * GIB)).isEqualTo(1);
    }

    @Test
    void memoryCapsTheTrialsAndAtLeastOneRuns() {
        assertThat(ParallelTrials.byDefault(64, 16 * GIB)).isEqualTo(8);
        assertThat(ParallelTrials.byDefault(4, GIB)).isEqualTo(1);
    }

    @Test
    void thisMachineGetsAtLeastOne() {
        assertThat(ParallelTrials.byDefault()).isBetween(1, Runtime.getRuntime().availableProcessors());
    }
}
