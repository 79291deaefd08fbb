package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;

/** Copies between Java {@link HostArray}s and DJL arrays, and maps dtypes. */
final class DjlArrays {
    private DjlArrays() {
    }

    static DType dtype(DataType type) {
        return switch (type) {
            case FLOAT32 -> DType.FLOAT32;
            case INT32 -> DType.INT32;
            default -> throw new IllegalStateException("the DJL backend produced a " + type
                    + " array; polygrok tensors are FLOAT32 or INT32");
        };
    }

    /** Uploads a host array into {@code manager}. */
    static NDArray upload(NDManager manager, HostArray host) {
        Shape shape = new Shape(host.shape());
        if (host.dtype() == DType.FLOAT32) {
            return manager.create(host.floats(), shape);
        }
        return manager.create(host.ints(), shape);
    }

    /** Copies an array's values to Java memory (FLOAT32 or INT32). */
    static HostArray toHost(NDArray array) {
        long[] shape = array.getShape().getShape();
        ByteBuffer bytes = array.toByteBuffer().order(ByteOrder.nativeOrder());
        return switch (array.getDataType()) {
            case FLOAT32 -> {
                float[] values = new float[bytes.remaining() / Float.BYTES];
                bytes.asFloatBuffer().get(values);
                yield HostArray.of(values, shape);
            }
            case INT32 -> {
                int[] values = new int[bytes.remaining() / Integer.BYTES];
                bytes.asIntBuffer().get(values);
                yield HostArray.ofInts(values, shape);
            }
            default -> throw new IllegalStateException("cannot copy a " + array.getDataType()
                    + " array back; polygrok tensors are FLOAT32 or INT32");
        };
    }
}
