package org.polygrok.api.tck.reference;

import java.util.Arrays;
import org.polygrok.api.DType;
import org.polygrok.api.HostArray;
import org.polygrok.api.Shapes;
import org.polygrok.api.Tensor;

/**
 * A tensor of {@link ReferenceOps}: row-major values in double precision (INT32 tensors hold whole
 * numbers) and a shape. Immutable; {@link #values()} returns a copy.
 */
public final class ReferenceTensor implements Tensor {
    private final DType dtype;
    private final long[] shape;
    private final double[] values;

    /** Takes ownership of {@code values} (callers in this package never modify them afterwards). */
    ReferenceTensor(DType dtype, double[] values, long... shape) {
        if (values.length != Shapes.size(shape)) {
            throw new IllegalArgumentException(values.length + " values do not fill shape " + Arrays.toString(shape));
        }
        this.dtype = dtype;
        this.shape = shape.clone();
        this.values = values;
    }

    /** A FLOAT32 tensor holding these double values (kept in double precision). */
    public static ReferenceTensor of(double[] values, long... shape) {
        return new ReferenceTensor(DType.FLOAT32, values.clone(), shape);
    }

    /** The values of a host array, widened to double. */
    public static ReferenceTensor of(HostArray array) {
        double[] v = new double[Math.toIntExact(array.size())];
        if (array.dtype() == DType.FLOAT32) {
            float[] f = array.floats();
            for (int i = 0; i < v.length; i++) {
                v[i] = f[i];
            }
        } else {
            int[] n = array.ints();
            for (int i = 0; i < v.length; i++) {
                v[i] = n[i];
            }
        }
        return new ReferenceTensor(array.dtype(), v, array.shape());
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    /** A copy of the double-precision values. */
    public double[] values() {
        return values.clone();
    }

    /** The single value of a one-element tensor. */
    public double item() {
        if (values.length != 1) {
            throw new IllegalStateException("item() needs one element, shape is " + Arrays.toString(shape));
        }
        return values[0];
    }

    /** Direct access for {@link ReferenceOps}; callers must not modify the array. */
    double[] data() {
        return values;
    }

    int size() {
        return values.length;
    }

    /** Rounds to float32 (or int32) values. */
    @Override
    public HostArray toHostArray() {
        if (dtype == DType.INT32) {
            int[] out = new int[values.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) values[i];
            }
            return HostArray.ofInts(out, shape);
        }
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return HostArray.of(out, shape);
    }

    @Override
    public void close() {
        // plain Java memory: nothing to free
    }

    @Override
    public String toString() {
        return "ReferenceTensor[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
