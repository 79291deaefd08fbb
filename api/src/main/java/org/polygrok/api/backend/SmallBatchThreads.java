package org.polygrok.api.backend;

/**
 * The intra-op threads of a training step on a small batch: one thread up to
 * {@link #ONE_THREAD_MAX_ROWS} rows, else every thread the backend was given. At that size every
 * matrix product, LSTM step and element-wise op is too small to split: handing half of each to a
 * second thread (woken from a passive wait, a futex hand-off both ways) costs more than it saves.
 *
 * <p>Measured on a 2-core VM, paired runs against the PyTorch reference: DJL steps at B = 32 and 64
 * took 10-30 % less CPU and wall time on one thread (both models); at B = 128 two threads were
 * faster. ND4J steps at B = 32 and 64 took 0-15 % less wall time (7 of 8 pairs shorter, one equal).
 */
public final class SmallBatchThreads {
    /** The largest training batch whose step runs on one thread. */
    public static final long ONE_THREAD_MAX_ROWS = 64;

    private SmallBatchThreads() {
    }

    /** The threads for a training step on {@code rows} samples when the backend may use {@code threads}. */
    public static int threadsForBatch(int threads, long rows) {
        return rows <= ONE_THREAD_MAX_ROWS ? 1 : threads;
    }
}
