package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.OpShapes;
import org.polygrok.api.Tensor;

/** A polygrok {@link Tensor} backed by one DJL {@link NDArray} (a PyTorch tensor). */
public final class DjlTensor implements Tensor {
    private final NDArray array;

    public DjlTensor(NDArray array) {
        this.array = array;
    }

    /** The engine array; closing it is the owner's business (usually a step's NDManager). */
    public NDArray array() {
        return array;
    }

    @Override
    public long[] shape() {
        return array.getShape().getShape().clone(); // DJL hands out the Shape's own array
    }

    @Override
    public DType dtype() {
        return DjlArrays.dtype(array.getDataType());
    }

    @Override
    public HostArray toHostArray() {
        return DjlArrays.toHost(array);
    }

    @Override
    public void close() {
        array.close();
    }

    /** The NDArray behind a tensor made by a {@link DjlOps}; anything else is a caller error. */
    static NDArray unwrap(Tensor t) {
        if (t instanceof DjlTensor d) {
            return d.array;
        }
        throw OpShapes.foreignTensor(DjlBackendProvider.NAME, t);
    }

    @Override
    public String toString() {
        return "DjlTensor" + array.getShape() + " " + array.getDataType();
    }
}
