package org.polygrok.tf;

import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/** Copies between {@link HostArray}s and TensorFlow tensors. */
final class TfArrays {
    private TfArrays() {
    }

    /** A new TensorFlow tensor holding a copy of {@code host}; the caller closes it. */
    static Tensor toTensor(HostArray host) {
        Shape shape = Shape.of(host.shape());
        return host.dtype() == DType.FLOAT32
                ? TFloat32.tensorOf(shape, DataBuffers.of(host.floats(), true, false))
                : TInt32.tensorOf(shape, DataBuffers.of(host.ints(), true, false));
    }

    /** A copy of a FLOAT32 or INT32 TensorFlow tensor. */
    static HostArray toHost(Tensor tensor) {
        long[] shape = tensor.shape().asArray();
        int size = Math.toIntExact(tensor.shape().size());
        if (tensor instanceof TFloat32 f) {
            float[] values = new float[size];
            f.copyTo(DataBuffers.of(values, false, false));
            return HostArray.of(values, shape);
        }
        if (tensor instanceof TInt32 i) {
            int[] values = new int[size];
            i.copyTo(DataBuffers.of(values, false, false));
            return HostArray.ofInts(values, shape);
        }
        throw new IllegalStateException("unexpected TensorFlow result type " + tensor.dataType());
    }

    static DType dtypeOf(Class<? extends TType> type) {
        if (type == TFloat32.class) {
            return DType.FLOAT32;
        }
        if (type == TInt32.class) {
            return DType.INT32;
        }
        throw new IllegalStateException("unexpected TensorFlow type " + type.getSimpleName());
    }

    static Class<? extends TType> typeOf(DType dtype) {
        return dtype == DType.FLOAT32 ? TFloat32.class : TInt32.class;
    }
}
