package org.polygrok.nd4j;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.shape.Concat;
import org.nd4j.linalg.api.ops.impl.shape.Slice;
import org.nd4j.linalg.api.ops.impl.shape.bp.SliceBp;

/**
 * Ops that only move floats, as bulk copies ({@link JavaKernels}): {@code concat} along the first
 * axis, and {@code slice} and its backward {@code slice_bp} of matrices. The LSTM stacks its four
 * gates' weights and slices the stack into its input and recurrent parts on every run (forward and
 * backward: ~13 such ops per step); M2.1 copies element by element, 110-350 µs per (512, 256)
 * matrix, where the same bytes take a few memcpy calls. The values are copied, not computed, so
 * they are libnd4j's bit for bit.
 */
final class DenseCopies {
    private DenseCopies() {
    }

    /** The Java kernel for a qualifying op, else {@code null}. */
    static Runnable replacement(DifferentialFunction op, INDArray[] inputs, INDArray[] outputs) {
        if (outputs.length != 1 || !DenseFloats.all(inputs) || !DenseFloats.all(outputs)) {
            return null;
        }
        INDArray out = outputs[0];
        if (op instanceof Concat concat && firstAxis(concat, out) && inputs.length >= 2) {
            return () -> concatenate(inputs, out);
        }
        if ((op instanceof Slice || op instanceof SliceBp) && inputs[0].rank() == 2) {
            int[] region = region((DynamicCustomOp) op, inputs[0].shape());
            if (region == null) {
                return null;
            }
            return op instanceof Slice && inputs.length == 1 ? () -> slice(inputs[0], region, out)
                    : op instanceof SliceBp && inputs.length == 2 ? placeInZeros(inputs[1], region, out) : null;
        }
        return null;
    }

    /** out = [x_1 ; x_2 ; …], each input's elements in turn. */
    private static void concatenate(INDArray[] inputs, INDArray out) {
        FloatBuffer target = DenseFloats.elements(out);
        for (INDArray x : inputs) {
            target.put(DenseFloats.elements(x));
        }
    }

    /** out = x[r0 : r0 + rows, c0 : c0 + cols], row by row. */
    private static void slice(INDArray x, int[] region, INDArray out) {
        int columns = (int) x.size(1);
        FloatBuffer source = DenseFloats.elements(x);
        FloatBuffer target = DenseFloats.elements(out);
        for (int r = 0; r < region[2]; r++) {
            int start = (region[0] + r) * columns + region[1];
            target.put(source.limit(start + region[3]).position(start));
        }
    }

    /** out = zeros of x's shape with {@code grad} in the region: the gradient of a slice. */
    private static Runnable placeInZeros(INDArray grad, int[] region, INDArray out) {
        float[] zeros = new float[(int) out.size(1)];
        return () -> placeInZeros(grad, region, out, zeros);
    }

    private static void placeInZeros(INDArray grad, int[] region, INDArray out, float[] zeros) {
        int rows = (int) out.size(0);
        int columns = zeros.length;
        FloatBuffer source = DenseFloats.elements(grad);
        FloatBuffer target = DenseFloats.elements(out);
        for (int r = 0; r < rows; r++) {
            int inside = r - region[0];
            if (inside < 0 || inside >= region[2]) {
                target.put(zeros);
                continue;
            }
            target.put(zeros, 0, region[1]);
            int start = inside * region[3];
            target.put(source.limit(start + region[3]).position(start));
            target.put(zeros, 0, columns - region[1] - region[3]);
        }
    }

    /** {row, column, rows, columns} of a slice of a (R, C) matrix from its begin and size arguments. */
    private static int[] region(DynamicCustomOp op, long[] shape) {
        long[] args = op.iArgs();
        if (args.length != 4) {
            return null;
        }
        int[] region = new int[4];
        for (int axis = 0; axis < 2; axis++) {
            long begin = args[axis];
            long size = args[2 + axis] < 0 ? shape[axis] - begin : args[2 + axis];
            if (begin < 0 || size < 0 || begin + size > shape[axis]) {
                return null;
            }
            region[axis] = (int) begin;
            region[2 + axis] = (int) size;
        }
        return region;
    }

    /** A concatenation along the first axis (or one whose earlier axes all have length 1). */
    private static boolean firstAxis(Concat concat, INDArray out) {
        long[] args = concat.iArgs();
        if (args.length != 1) {
            return false;
        }
        int axis = (int) (args[0] < 0 ? args[0] + out.rank() : args[0]);
        long[] shape = out.shape();
        return axis >= 0 && axis < shape.length && Arrays.stream(shape, 0, axis).allMatch(d -> d == 1);
    }
}
