package org.polygrok.nd4j;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Ops of a {@link GraphPlan} that run as a Java loop instead of libnd4j's kernel: batched products
 * of small matrices ({@link SmallMatrixProducts}, summed in ascending order) and concatenations and
 * slices ({@link DenseCopies}, libnd4j's values bit for bit). Gradients are untouched: this only
 * changes which code computes a traced op's values.
 *
 * <p>Two kinds ran here before and were measured out in session 9. Small same-shaped {@code add},
 * {@code subtract}, {@code multiply} and {@code multiply_bp}: libnd4j's own kernels were as fast or
 * faster (ND4J LSTM B = 32, ms per step with the loops -> without: 9.5 -> 8.3, 9.7 -> 9.6, 9.7 ->
 * 7.7, 8.8 -> 8.7, 9.8 -> 8.1, 8.9 -> 7.7, 8.1 -> 7.7, 8.6 -> 8.7; the GPT level). And {@code sqrt},
 * whose use was the optimizer update's square root of every second moment (M2.1's legacy loop, ~4 ns
 * per float): the update is now one Java pass ({@link HostUpdate}), and the square roots left in the
 * graphs (layer norm's, one per row) are a few thousand floats: 4 per GPT step at B = 480, 29 µs each
 * on libnd4j, 0.1 % of the step.
 */
final class JavaKernels {
    private JavaKernels() {
    }

    /** The Java kernel for {@code op} bound to these arrays, or {@code null} when libnd4j runs it. */
    static Runnable replacement(DifferentialFunction op, INDArray[] inputs, INDArray[] outputs) {
        Runnable product = SmallMatrixProducts.replacement(op, inputs, outputs);
        return product != null ? product : DenseCopies.replacement(op, inputs, outputs);
    }
}
