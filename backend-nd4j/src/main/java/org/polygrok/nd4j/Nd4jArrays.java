package org.polygrok.nd4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;

/** Copies between polygrok's {@link HostArray} and ND4J arrays, and maps dtypes. */
final class Nd4jArrays {
    private Nd4jArrays() {
    }

    static DataType dataType(DType dtype) {
        return dtype == DType.INT32 ? DataType.INT : DataType.FLOAT;
    }

    static DType dtype(DataType dataType) {
        return switch (dataType) {
            case FLOAT -> DType.FLOAT32;
            case INT -> DType.INT32;
            default -> throw new IllegalArgumentException("polygrok has no dtype for ND4J's " + dataType);
        };
    }

    /** A new row-major ND4J array holding a copy of the values. */
    static INDArray toNd4j(HostArray host) {
        long[] shape = host.shape();
        return host.dtype() == DType.INT32
                ? Nd4j.create(host.ints(), shape, DataType.INT)
                : Nd4j.create(host.floats(), shape, 'c');
    }

    /** Copies an ND4J array (FLOAT, INT, LONG or BOOL) to Java memory; LONG and BOOL become INT32 and FLOAT32. */
    static HostArray toHost(INDArray array) {
        long[] shape = array.shape();
        boolean integral = array.dataType() == DataType.INT || array.dataType() == DataType.LONG;
        INDArray packed = contiguous(array, integral ? DataType.INT : DataType.FLOAT);
        try {
            return integral ? HostArray.ofInts(packed.data().asInt(), shape)
                    : HostArray.of(packed.data().asFloat(), shape);
        } finally {
            if (packed != array) {
                release(packed);
            }
        }
    }

    /** Copies the values of {@code source} into the existing array {@code target}, which must have its shape. */
    static void copyInto(HostArray source, INDArray target) {
        if (!java.util.Arrays.equals(source.shape(), target.shape())) {
            throw new IllegalArgumentException("values of shape " + java.util.Arrays.toString(source.shape())
                    + " do not fit an array of shape " + java.util.Arrays.toString(target.shape()));
        }
        try (INDArray values = toNd4j(source)) {
            target.assign(values);
        }
    }

    /** Frees an array's native memory now when it owns it (views and workspace arrays are left alone). */
    static void release(INDArray array) {
        if (array != null && array.closeable()) {
            array.close();
        }
    }

    private static INDArray contiguous(INDArray array, DataType type) {
        INDArray typed = array.dataType() == type ? array : array.castTo(type);
        boolean packed = !typed.isView() && typed.ordering() == 'c' && typed.offset() == 0
                && typed.data().length() == typed.length();
        return packed ? typed : typed.dup('c');
    }
}
