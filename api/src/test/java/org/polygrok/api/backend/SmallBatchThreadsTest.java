package org.polygrok.api.backend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallBatchThreadsTest {

    @Test
    void batchesUpToTheLimitRunOnOneThread() {
        assertThat(SmallBatchThreads.threadsForBatch(2, 1)).isEqualTo(1);
        assertThat(SmallBatchThreads.threadsForBatch(2, 32)).isEqualTo(1);
        assertThat(SmallBatchThreads.threadsForBatch(8, SmallBatchThreads.ONE_THREAD_MAX_ROWS)).isEqualTo(1);
    }

    @Test
    void largerBatchesKeepEveryThread() {
        assertThat(SmallBatchThreads.threadsForBatch(2, SmallBatchThreads.ONE_THREAD_MAX_ROWS + 1)).isEqualTo(2);
        assertThat(SmallBatchThreads.threadsForBatch(8, 480)).isEqualTo(8);
    }

    @Test
    void oneThreadStaysOne() {
        assertThat(SmallBatchThreads.threadsForBatch(1, 480)).isEqualTo(1);
    }
}
