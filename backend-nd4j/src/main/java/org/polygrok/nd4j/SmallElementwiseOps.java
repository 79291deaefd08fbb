package org.polygrok.nd4j;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.AddOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.bp.MulBpOp;

/**
 * Element-wise {@code add}, {@code subtract}, {@code multiply} and {@code multiply_bp} of
 * same-shaped small arrays as Java loops ({@link JavaKernels}), with the same values bit for bit
 * (one IEEE float operation per element, as libnd4j's). At the small batches of the study an
 * element-wise op reads a few thousand floats, and M2.1's call into a custom op (argument checks,
 * shape descriptors, platform-helper lookups) costs ~20 µs, ten times the arithmetic: the LSTM
 * runs ~210 such ops per training step at B = 32. Here an op is two or three bulk copies into
 * per-thread arrays, a loop C2 vectorises, and one or two bulk copies out.
 *
 * <p>Only ops of at most {@link #MAX_ELEMENTS} elements qualify (the LSTM's gates up to B = 32);
 * larger ones stay with libnd4j.
 */
final class SmallElementwiseOps {
    /**
     * The largest arrays the loops take. Above this, copying the operands in and out costs more than
     * libnd4j's per-call overhead saves: LSTM B = 128, whose gates are (512, 128) = 65 536 floats,
     * paired runs with the limit at 131 071 -> 16 384 (those gates then back on libnd4j), ms per step:
     * 20.3 -> 18.8, 22.5 -> 17.9, 27.3 -> 23.9; GPT 28.7 -> 28.0, 36.4 -> 36.2, 40.6 -> 38.5.
     */
    static final long MAX_ELEMENTS = 1 << 14;
    /** Inputs and outputs of one op at most (multiply_bp: x, y, dz, dx, dy). */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[5][0]);

    private SmallElementwiseOps() {
    }

    /** The Java kernel for a qualifying op, else {@code null}. */
    static Runnable replacement(DifferentialFunction op, INDArray[] inputs, INDArray[] outputs) {
        Operation operation = op instanceof AddOp ? Operation.ADD : op instanceof SubOp ? Operation.SUBTRACT
                : op instanceof MulOp ? Operation.MULTIPLY : null;
        boolean product = op instanceof MulBpOp;
        if (!(operation != null && inputs.length == 2 && outputs.length == 1
                || product && inputs.length == 3 && outputs.length == 2) || !sameDense(inputs, outputs)) {
            return null;
        }
        int n = (int) outputs[0].length();
        return product ? () -> productGradients(inputs, outputs, n) : () -> binary(inputs, outputs[0], n, operation);
    }

    private enum Operation { ADD, SUBTRACT, MULTIPLY }

    /** z = x ∘ y. */
    private static void binary(INDArray[] inputs, INDArray output, int n, Operation operation) {
        float[][] s = scratch(n);
        float[] x = DenseFloats.read(inputs[0], s[0]);
        float[] y = DenseFloats.read(inputs[1], s[1]);
        float[] z = s[2];
        switch (operation) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] + y[i];
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] - y[i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    z[i] = x[i] * y[i];
                }
            }
        }
        DenseFloats.write(z, output);
    }

    /** multiply_bp of z = x ⊙ y: dx = dz ⊙ y, dy = dz ⊙ x. */
    private static void productGradients(INDArray[] inputs, INDArray[] outputs, int n) {
        float[][] s = scratch(n);
        float[] x = DenseFloats.read(inputs[0], s[0]);
        float[] y = DenseFloats.read(inputs[1], s[1]);
        float[] dz = DenseFloats.read(inputs[2], s[2]);
        float[] dx = s[3];
        float[] dy = s[4];
        for (int i = 0; i < n; i++) {
            dx[i] = dz[i] * y[i];
            dy[i] = dz[i] * x[i];
        }
        DenseFloats.write(dx, outputs[0]);
        DenseFloats.write(dy, outputs[1]);
    }

    private static float[][] scratch(int n) {
        float[][] s = SCRATCH.get();
        if (s[0].length < n) {
            for (int i = 0; i < s.length; i++) {
                s[i] = new float[Math.max(n, 4096)];
            }
        }
        return s;
    }

    /** Every array dense, of one length up to {@link #MAX_ELEMENTS}, and of the inputs' shape (no broadcast). */
    private static boolean sameDense(INDArray[] inputs, INDArray[] outputs) {
        long n = outputs[0].length();
        if (n > MAX_ELEMENTS || !DenseFloats.all(inputs) || !DenseFloats.all(outputs)) {
            return false;
        }
        for (INDArray[] arrays : new INDArray[][] {inputs, outputs}) {
            for (INDArray a : arrays) {
                if (a.length() != n || !a.equalShapes(inputs[0])) {
                    return false;
                }
            }
        }
        return true;
    }
}
