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
    void theCoresAreDividedAmongTheTrialsRunningAtOnce() {
        assertThat(ParallelTrials.threadsPerTrial(2, 2, 10)).isEqualTo(1);
        assertThat(ParallelTrials.threadsPerTrial(2, 2, 1)).isEqualTo(2); // a single trial gets both cores
        assertThat(ParallelTrials.threadsPerTrial(8, 4, 2)).isEqualTo(4);
        assertThat(ParallelTrials.threadsPerTrial(2, 3, 3)).isEqualTo(1);
        assertThat(ParallelTrials.threadsPerTrial(2, 1, 0)).isEqualTo(2);
    }

    @Test
    void thisMachineGetsAtLeastOne() {
        assertThat(ParallelTrials.byDefault()).isBetween(1, Runtime.getRuntime().availableProcessors());
    }
}
