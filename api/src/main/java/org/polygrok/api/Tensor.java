package org.polygrok.api;

/**
 * A value inside a backend: an engine array (eager backends) or a node of a traced graph
 * (graph backends). Created by {@link Ops}; never constructed by model code.
 *
 * <p>{@link #shape()} is always known: graph backends trace with fully specified input shapes.
 * Reading values back ({@link #toHostArray()}) works on concrete tensors; a symbolic tensor of a
 * graph being traced throws {@link IllegalStateException}, because it has no values yet.
 */
public interface Tensor extends AutoCloseable {

    long[] shape();

    DType dtype();

    default int rank() {
        return shape().length;
    }

    /** Copies the values to Java memory. */
    HostArray toHostArray();

    default float[] toFloatArray() {
        return toHostArray().toFloatArray();
    }

    default int[] toIntArray() {
        HostArray h = toHostArray();
        if (h.ints() != null) {
            return h.ints().clone();
        }
        throw new IllegalStateException("tensor is " + h.dtype() + ", not INT32");
    }

    /** Frees native memory now (a no-op for graph nodes, which live as long as their graph). */
    @Override
    void close();
}
