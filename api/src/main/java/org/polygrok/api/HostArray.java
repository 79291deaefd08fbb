package org.polygrok.api;

import java.util.Arrays;

/**
 * A dense, row-major array in Java memory: how values enter and leave a backend (inputs, weights,
 * results). Exactly one of {@link #floats()} and {@link #ints()} is non-null, chosen by the dtype.
 */
public record HostArray(DType dtype, long[] shape, float[] floats, int[] ints) {

    public HostArray {
        shape = shape.clone();
        long size = Shapes.size(shape);
        if (dtype == DType.FLOAT32 && (floats == null || ints != null || floats.length != size)
                || dtype == DType.INT32 && (ints == null || floats != null || ints.length != size)) {
            throw new IllegalArgumentException("data does not fit " + dtype + " of shape " + Arrays.toString(shape));
        }
    }

    public static HostArray of(float[] values, long... shape) {
        return new HostArray(DType.FLOAT32, shape, values, null);
    }

    public static HostArray ofInts(int[] values, long... shape) {
        return new HostArray(DType.INT32, shape, null, values);
    }

    public static HostArray scalar(float value) {
        return of(new float[] {value});
    }

    public static HostArray zeros(long... shape) {
        return of(new float[Math.toIntExact(Shapes.size(shape))], shape);
    }

    public long size() {
        return Shapes.size(shape);
    }

    public int rank() {
        return shape.length;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The values as floats (int arrays are converted). */
    public float[] toFloatArray() {
        if (floats != null) {
            return floats.clone();
        }
        float[] out = new float[ints.length];
        for (int i = 0; i < ints.length; i++) {
            out[i] = ints[i];
        }
        return out;
    }

    /** The single value of a one-element array. */
    public float item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs one element, shape is " + Arrays.toString(shape));
        }
        return floats != null ? floats[0] : ints[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostArray h && dtype == h.dtype && Arrays.equals(shape, h.shape)
                && Arrays.equals(floats, h.floats) && Arrays.equals(ints, h.ints);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(floats) + Arrays.hashCode(ints);
    }

    @Override
    public String toString() {
        return "HostArray[" + dtype + " " + Arrays.toString(shape) + "]";
    }
}
