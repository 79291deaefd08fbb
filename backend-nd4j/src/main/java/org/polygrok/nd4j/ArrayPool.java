package org.polygrok.nd4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The array memory of one SameDiff graph's session, recycled run after run. SameDiff M2.1 returns
 * only a few of a run's intermediate arrays to its memory manager and leaves the rest to the
 * garbage collector, so native memory grows by hundreds of MB per step. Here every array the
 * session allocates is remembered, and once the caller has copied a run's results out,
 * {@link #recycle()} makes all of them available again: a graph run every step allocates nothing
 * after its first run and its memory stays flat.
 */
final class ArrayPool extends AbstractMemoryMgr {
    private record Key(DataType type, char order, long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && type == k.type && order == k.order && Arrays.equals(shape, k.shape);
        }

        @Override
        public int hashCode() {
            return (type.hashCode() * 31 + order) * 31 + Arrays.hashCode(shape);
        }
    }

    private final Map<Key, ArrayDeque<INDArray>> free = new HashMap<>();
    private final List<INDArray> lent = new ArrayList<>();

    /**
     * Gives {@code sd}'s session on the calling thread a new pool (SameDiff keeps one session per
     * thread; the training session calls its graphs from one thread).
     */
    static ArrayPool install(SameDiff sd) {
        ArrayPool pool = new ArrayPool();
        InferenceSession session = new InferenceSession(sd);
        session.setMmgr(pool);
        sd.getSessions().put(Thread.currentThread().getId(), session);
        return pool;
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return take(new Key(dataType, 'c', shape.clone()));
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            return Nd4j.create(descriptor);
        }
        return take(new Key(descriptor.dataType(), descriptor.getOrder(), descriptor.getShape().clone()));
    }

    /** SameDiff's early release; the array is reused after {@link #recycle()} like every other. */
    @Override
    public void release(INDArray array) {
        // kept until recycle(): results handed to the caller are released here too
    }

    /** Makes every array lent since the last call available again; the caller no longer reads any of them. */
    void recycle() {
        for (INDArray a : lent) {
            free.computeIfAbsent(new Key(a.dataType(), a.ordering(), a.shape()), k -> new ArrayDeque<>()).push(a);
        }
        lent.clear();
    }

    @Override
    public void close() {
        recycle();
        free.values().forEach(list -> list.forEach(Nd4jArrays::release));
        free.clear();
    }

    private INDArray take(Key key) {
        ArrayDeque<INDArray> list = free.get(key);
        INDArray array = list == null ? null : list.poll();
        if (array == null) {
            array = Nd4j.createUninitializedDetached(key.type(), key.order(), key.shape());
        }
        lent.add(array);
        return array;
    }
}
