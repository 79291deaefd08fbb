package org.polygrok.nd4j;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * FLOAT arrays whose elements are one run of consecutive floats of their buffer (dense, in
 * row-major order, at any offset), which a {@link JavaKernels} kernel reads and writes with bulk
 * copies.
 */
final class DenseFloats {
    private DenseFloats() {
    }

    /** Whether every array is such a run (none null or empty, every index within an int). */
    static boolean all(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a == null || a.dataType() != DataType.FLOAT || a.isEmpty()
                    || !(a.ordering() == 'c' || a.rank() <= 1) // ND4J calls 1-D views 'f'
                    || !Shape.hasDefaultStridesForShape(a) || a.offset() + a.length() > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    /** The array's elements as a buffer whose index 0 is its first element. */
    static FloatBuffer elements(INDArray a) {
        return elements(a, 0, a.length());
    }

    /** Elements {@code from} to {@code from + count} of the array, as a buffer whose index 0 is element {@code from}. */
    static FloatBuffer elements(INDArray a, long from, long count) {
        int start = (int) (a.offset() + from);
        return a.data().asNioFloat().limit(start + (int) count).position(start).slice();
    }
}
