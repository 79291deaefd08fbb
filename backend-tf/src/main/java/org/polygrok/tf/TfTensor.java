package org.polygrok.tf;

import java.util.Arrays;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.OpShapes;
import org.polygrok.api.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A node of a TensorFlow graph being traced, with its static shape. Symbolic: it has no values, so
 * {@link #toHostArray()} throws; values come back from a session run as {@link HostArray}s.
 */
final class TfTensor implements Tensor {
    private final Operand<?> operand;
    private final long[] shape;
    private final DType dtype;

    TfTensor(Operand<?> operand) {
        this.operand = operand;
        this.shape = operand.shape().asArray();
        this.dtype = TfArrays.dtypeOf(operand.type());
        if (shape == null || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            throw new IllegalStateException("TensorFlow could not infer a static shape for " + operand);
        }
    }

    /** The tensor of an api {@link Tensor} made by {@link TfOps}. */
    static TfTensor of(Tensor tensor) {
        if (tensor instanceof TfTensor t) {
            return t;
        }
        throw OpShapes.foreignTensor(TfBackendProvider.NAME, tensor);
    }

    Operand<?> operand() {
        return operand;
    }

    @SuppressWarnings("unchecked")
    Operand<TFloat32> floats() {
        if (dtype != DType.FLOAT32) {
            throw new IllegalArgumentException("expected a FLOAT32 tensor, got " + dtype + " " + Arrays.toString(shape));
        }
        return (Operand<TFloat32>) operand;
    }

    @SuppressWarnings("unchecked")
    Operand<TInt32> ints() {
        if (dtype != DType.INT32) {
            throw new IllegalArgumentException("expected an INT32 tensor, got " + dtype + " " + Arrays.toString(shape));
        }
        return (Operand<TInt32>) operand;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public HostArray toHostArray() {
        throw new IllegalStateException("a traced TensorFlow tensor has no values yet; return it from the function instead");
    }

    @Override
    public void close() {
        // graph nodes live as long as their graph
    }

    @Override
    public String toString() {
        return "TfTensor[" + dtype + " " + Arrays.toString(shape) + " " + operand.asOutput().name() + "]";
    }
}
