package org.polygrok.nd4j;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;

/**
 * Ops of a {@link GraphPlan} that run as a Java loop instead of libnd4j's kernel: batched products
 * of small matrices ({@link SmallMatrixProducts}), concatenations and slices ({@link DenseCopies}),
 * and the square root, all but the first with the same values bit for bit. (Small same-shaped
 * {@code add}, {@code subtract}, {@code multiply} and {@code multiply_bp} ran here too until session
 * 9, when paired bench runs found libnd4j's own kernels as fast or faster: ND4J LSTM B = 32, ms per
 * step with the loops -> without, 9.5 -> 8.3, 9.7 -> 9.6, 9.7 -> 7.7, 8.8 -> 8.7, 9.8 -> 8.1,
 * 8.9 -> 7.7, 8.1 -> 7.7, 8.6 -> 8.7; the GPT level.) M2.1's legacy {@code sqrt} is a scalar loop of ~4 ns per float (12 cycles,
 * ~10x a multiply's time); the optimizer update takes the square root of every weight's second
 * moment, 406 000 floats for the GPT: 0.8-1.5 ms of a 12-16 ms step at B = 32 on one thread. Java's
 * {@code Math.sqrt} is the IEEE square root (rounded once to float it equals the float square root)
 * and C2 vectorises the loop: 0.15-0.4 ms for the same 406 000 floats, copies in and out included.
 * Gradients are untouched: this only changes which code computes a traced op's values.
 */
final class JavaKernels {
    private JavaKernels() {
    }

    /** The Java kernel for {@code op} bound to these arrays, or {@code null} when libnd4j runs it. */
    static Runnable replacement(DifferentialFunction op, INDArray[] inputs, INDArray[] outputs) {
        if (op instanceof Sqrt && inputs.length == 1 && outputs.length == 1 && DenseFloats.all(inputs[0], outputs[0])
                && inputs[0].length() == outputs[0].length()) {
            return new SquareRoot(inputs[0], outputs[0]);
        }
        Runnable product = SmallMatrixProducts.replacement(op, inputs, outputs);
        if (product != null) {
            return product;
        }
        return DenseCopies.replacement(op, inputs, outputs);
    }

    /** out = sqrt(in), element by element, through a Java array (bulk copies, a loop C2 vectorises). */
    private static final class SquareRoot implements Runnable {
        private final INDArray in;
        private final INDArray out;
        private final float[] values;

        SquareRoot(INDArray in, INDArray out) {
            this.in = in;
            this.out = out;
            this.values = new float[(int) in.length()];
        }

        @Override
        public void run() {
            DenseFloats.read(in, values);
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) Math.sqrt(values[i]);
            }
            DenseFloats.write(values, out);
        }
    }
}
