package org.polygrok.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A DJL {@link GradientCollector} held under a JVM-wide lock: PyTorch through DJL allows one open
 * collector per JVM, so concurrent sessions take turns for their forward-backward passes.
 */
final class DjlGradientScope implements AutoCloseable {
    private static final ReentrantLock ONE_COLLECTOR = new ReentrantLock();

    private final GradientCollector collector;

    private DjlGradientScope(GradientCollector collector) {
        this.collector = collector;
    }

    static DjlGradientScope open(Engine engine) {
        ONE_COLLECTOR.lock();
        try {
            return new DjlGradientScope(engine.newGradientCollector());
        } catch (RuntimeException e) {
            ONE_COLLECTOR.unlock();
            throw e;
        }
    }

    /** Back-propagates from a scalar into the gradients of every array that requires one. */
    void backward(NDArray scalar) {
        collector.backward(scalar);
    }

    @Override
    public void close() {
        try {
            collector.close();
        } finally {
            ONE_COLLECTOR.unlock();
        }
    }
}
