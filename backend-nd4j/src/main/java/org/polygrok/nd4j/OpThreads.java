package org.polygrok.nd4j;

import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads each op of a {@link GraphPlan} may use: all the engine's threads for large
 * products and large element-wise ops, the calling thread alone for the rest. At the batch sizes
 * trained here most ops touch a few thousand floats; waking a second thread for them (a futex
 * hand-off through the kernel, both ways) costs more than their arithmetic. Measured on 2 cores
 * (quiet machine, ms per step before -> after): batch 32 LSTM 21.9 -> 12.3, GPT 22.4 -> 15.4 (every
 * op on one thread: 10.9 and 14.5, within the noise of this); batch 480 unchanged within the noise,
 * where large products and element-wise ops keep both threads.
 *
 * <p>The limit is applied per op through libnd4j's "master threads" (its own parallel loops) and
 * the calling thread's OpenMP limit (oneDNN's kernels), and only when it changes.
 */
final class OpThreads {
    /** Products of at least this many multiply-adds (forward, or each of a backward's two) use every thread. */
    static final long PARALLEL_MULTIPLY_ADDS = 1L << 22;
    /** Other ops reading or writing at least this many elements use every thread. */
    static final long PARALLEL_ELEMENTS = 1L << 17;
    /** {@link #forOp} result: every thread the engine is set to use. */
    static final int ALL = 0;

    private static final NativeOps NATIVE = NativeOpsHolder.getInstance().getDeviceNativeOps();
    private final int most;
    private int current = -1;

    /** A limit for one run of a plan whose ops may use at most {@code most} threads ({@link #ALL} means that many). */
    OpThreads(int most) {
        this.most = Math.max(1, Math.min(most, Nd4jEngine.configuredThreads()));
    }

    /** {@link #ALL} or 1 for an op bound to these arrays. */
    static int forOp(DifferentialFunction op, INDArray[] inputs, INDArray[] outputs) {
        if (op instanceof DynamicCustomOp && op.opName().startsWith("matmul")) {
            return multiplyAdds(inputs) >= PARALLEL_MULTIPLY_ADDS ? ALL : 1;
        }
        long elements = 0;
        for (INDArray[] arrays : new INDArray[][] {inputs, outputs}) {
            for (INDArray a : arrays) {
                elements = a == null ? elements : Math.max(elements, a.length());
            }
        }
        return elements >= PARALLEL_ELEMENTS ? ALL : 1;
    }

    /**
     * Multiply-adds of the product A·B of the first two inputs (matmul and matmul_bp; transposed
     * operands contract the same axis length): output elements x contracted length.
     */
    private static long multiplyAdds(INDArray[] inputs) {
        if (inputs.length < 2 || inputs[0].rank() < 2 || inputs[1].rank() < 2) {
            return Long.MAX_VALUE;
        }
        long a = inputs[0].length();
        long b = inputs[1].length();
        long[] sa = inputs[0].shape();
        long[] sb = inputs[1].shape();
        long batch = a / (sa[sa.length - 1] * sa[sa.length - 2]);
        long aMatrix = a / batch;                              // M·K
        long bMatrix = b / Math.max(1, b / (sb[sb.length - 1] * sb[sb.length - 2])); // K·N
        long k = commonAxis(sa, sb);
        return batch * (aMatrix / k) * (bMatrix / k) * k;       // batch · M · N · K
    }

    /** The length both matrices share (the contracted axis), whichever of their last two axes it is. */
    private static long commonAxis(long[] sa, long[] sb) {
        long a0 = sa[sa.length - 2];
        long a1 = sa[sa.length - 1];
        long b0 = sb[sb.length - 2];
        long b1 = sb[sb.length - 1];
        return a1 == b0 || a1 == b1 ? a1 : a0;
    }

    /** Sets the calling thread's limit for the next op ({@link #ALL} or a count), if it differs from the last. */
    void use(int threads) {
        int n = threads == ALL ? most : Math.min(threads, most);
        if (n != current) {
            apply(n);
            current = n;
        }
    }

    /** Back to every thread of the engine's setting (for work outside plans). */
    void restore() {
        if (current != -1 && current != Nd4jEngine.configuredThreads()) {
            apply(Nd4jEngine.configuredThreads());
        }
        current = -1;
    }

    private static void apply(int n) {
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NATIVE.setOmpNumThreads(n);
    }
}
