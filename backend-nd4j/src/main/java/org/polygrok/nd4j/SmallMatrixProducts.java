package org.polygrok.nd4j;

import java.util.Arrays;
import org.nd4j.autodiff.functions.DifferentialFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.reduce.MmulBp;

/**
 * Batched products of many small matrices (the attention's per-row, per-head (S × d/H)·(d/H × S)
 * and (S × S)·(S × d/H)) as Java loops, for {@code matmul} and for the {@code matmul_bp} of
 * SameDiff's gradient graph: the same op, inputs and outputs, run by another kernel ({@link
 * JavaKernels}). M2.1 runs a batched product one matrix at a time on one thread, ~1.5 µs per 6 × 32
 * × 6 product and ~3 µs per backward: at batch 480 (1920 matrices) 3 ms per forward and 6 ms per
 * backward op, ~35 ms of the GPT's ~130 ms step.
 *
 * <p>Here the batch becomes the innermost axis: each operand is copied to one row per matrix
 * element, one float per matrix, so that every output element of all matrices at once is a sum
 * over the contracted axis of whole rows, a loop C2 vectorises (0.26 ms for the 1920 (6 × 32)·(32 × 6)
 * products, the copies in and out ~0.3 ms per operand). Each output element is summed over the
 * contracted axis in ascending order. The batch is taken 512 matrices at a time, in per-thread
 * scratch rows (~2 MB) reused by every such op.
 */
final class SmallMatrixProducts {
    /** Products of at most this many multiply-adds per matrix (M·K·N) qualify. */
    static final long MAX_MATRIX_WORK = 1L << 15;
    /** And at least this many matrices: fewer leave libnd4j's per-matrix cost small. */
    static final long MIN_BATCH = 64;
    /** Matrices per pass: a pass's rows (~190 elements x 512 floats per operand) stay in the core's cache. */
    private static final int CHUNK = 512;
    /** Operands of one op at most (matmul_bp: A, B, dC, dA, dB), each with its rows; one staging array. */
    private static final ThreadLocal<Scratch[]> SCRATCH = ThreadLocal.withInitial(() -> {
        float[][] staging = {new float[0]};
        return new Scratch[] {new Scratch(staging), new Scratch(staging), new Scratch(staging), new Scratch(staging),
            new Scratch(staging)};
    });

    private SmallMatrixProducts() {
    }

    /** The Java kernel for a qualifying {@code matmul} or {@code matmul_bp}, else {@code null}. */
    static Runnable replacement(DifferentialFunction op, INDArray[] inputs, INDArray[] outputs) {
        boolean forward = op instanceof Mmul;
        if (!(forward || op instanceof MmulBp) || !plain((DynamicCustomOp) op)
                || inputs.length != (forward ? 2 : 3) || outputs.length != (forward ? 1 : 2)
                || !DenseFloats.all(inputs) || !DenseFloats.all(outputs)) {
            return null;
        }
        Dims d = Dims.of(inputs[0], inputs[1]);
        if (d == null || d.batch < MIN_BATCH || (long) d.m * d.k * d.n > MAX_MATRIX_WORK) {
            return null;
        }
        return forward ? () -> forward(d, inputs[0], inputs[1], outputs[0])
                : () -> backward(d, inputs[0], inputs[1], inputs[2], outputs[0], outputs[1]);
    }

    /** C = A·B: C[i, j] = Σ_q A[i, q]·B[q, j]. */
    private static void forward(Dims d, INDArray a, INDArray b, INDArray c) {
        Scratch[] s = SCRATCH.get();
        for (int from = 0; from < d.batch; from += CHUNK) {
            int count = Math.min(CHUNK, d.batch - from);
            float[][] as = s[0].load(a, d.batch, from, count);
            float[][] bs = s[1].load(b, d.batch, from, count);
            multiply(as, d.k, 1, bs, d.n, 1, s[2].rows(d.m * d.n), d.m, d.n, d.k, count);
            s[2].store(c, d.batch, from, count);
        }
    }

    /** dA = dC·Bᵀ and dB = Aᵀ·dC. */
    private static void backward(Dims d, INDArray a, INDArray b, INDArray dc, INDArray da, INDArray db) {
        Scratch[] s = SCRATCH.get();
        for (int from = 0; from < d.batch; from += CHUNK) {
            int count = Math.min(CHUNK, d.batch - from);
            float[][] as = s[0].load(a, d.batch, from, count);
            float[][] bs = s[1].load(b, d.batch, from, count);
            float[][] dcs = s[2].load(dc, d.batch, from, count);
            multiply(dcs, d.n, 1, bs, 1, d.n, s[3].rows(d.m * d.k), d.m, d.k, d.n, count); // dA[i, q] = Σ_j dC[i, j]·B[q, j]
            multiply(as, 1, d.k, dcs, d.n, 1, s[4].rows(d.k * d.n), d.k, d.n, d.m, count); // dB[q, j] = Σ_i A[i, q]·dC[i, j]
            s[3].store(da, d.batch, from, count);
            s[4].store(db, d.batch, from, count);
        }
    }

    /**
     * out[r·cols + c] = Σ_t x[r·xRow + t·xStep] ⊙ y[t·yStep + c·yCol], t ascending, over the first
     * {@code count} floats of each row (one per matrix).
     */
    private static void multiply(float[][] x, int xRow, int xStep, float[][] y, int yStep, int yCol,
            float[][] out, int rows, int cols, int sum, int count) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Arrays.fill(out[r * cols + c], 0, count, 0f);
            }
            for (int t = 0; t < sum; t++) {
                float[] xt = x[r * xRow + t * xStep];
                for (int c = 0; c < cols; c++) {
                    multiplyAdd(out[r * cols + c], xt, y[t * yStep + c * yCol], count);
                }
            }
        }
    }

    /** o += x ⊙ y over [0, count): the same index in three arrays, which C2 vectorises. */
    private static void multiplyAdd(float[] o, float[] x, float[] y, int count) {
        for (int q = 0; q < count; q++) {
            o[q] += x[q] * y[q];
        }
    }

    /** No transposes, alpha 1 and beta 0. */
    private static boolean plain(DynamicCustomOp op) {
        for (long flag : op.iArgs()) {
            if (flag != 0) {
                return false;
            }
        }
        double[] t = op.tArgs();
        return t.length == 0 || t.length == 2 && t[0] == 1.0 && t[1] == 0.0;
    }

    /** (batch, M, K) · (batch, K, N): the shared leading axes flattened into one batch axis. */
    private record Dims(int batch, int m, int k, int n) {
        static Dims of(INDArray a, INDArray b) {
            long[] sa = a.shape();
            long[] sb = b.shape();
            if (sa.length < 3 || sa.length != sb.length || sa[sa.length - 1] != sb[sb.length - 2]) {
                return null;
            }
            for (int i = 0; i < sa.length - 2; i++) {
                if (sa[i] != sb[i]) {
                    return null;
                }
            }
            long batch = a.length() / (sa[sa.length - 2] * sa[sa.length - 1]);
            return new Dims((int) batch, (int) sa[sa.length - 2], (int) sa[sa.length - 1], (int) sb[sb.length - 1]);
        }
    }

    /**
     * One operand's chunk of {@link #CHUNK} matrices as rows (elements) x (matrices), and the staging
     * array (shared by a thread's operands, used by one copy at a time) that holds the chunk as
     * stored, (matrices, elements).
     */
    private static final class Scratch {
        private static final int BLOCK = 16;
        private final float[][] staging;
        private float[][] rows = new float[0][CHUNK];

        Scratch(float[][] staging) {
            this.staging = staging;
        }

        /** Rows for {@code elements} elements of a chunk. */
        float[][] rows(int elements) {
            if (rows.length < elements) {
                rows = new float[elements][CHUNK];
            }
            return rows;
        }

        /** rows[e][p − from] = array[p, e] for the {@code count} matrices from {@code from}. */
        float[][] load(INDArray array, int batch, int from, int count) {
            int elements = (int) (array.length() / batch);
            float[] values = staging(elements);
            DenseFloats.elements(array, (long) from * elements, (long) count * elements).get(values, 0, count * elements);
            float[][] r = rows(elements);
            for (int p0 = 0; p0 < count; p0 += BLOCK) {
                int p1 = Math.min(count, p0 + BLOCK);
                for (int e = 0; e < elements; e++) {
                    float[] row = r[e];
                    for (int p = p0; p < p1; p++) {
                        row[p] = values[p * elements + e];
                    }
                }
            }
            return r;
        }

        /** array[p, e] = rows[e][p − from] for the {@code count} matrices from {@code from}. */
        void store(INDArray array, int batch, int from, int count) {
            int elements = (int) (array.length() / batch);
            float[] values = staging(elements);
            for (int p0 = 0; p0 < count; p0 += BLOCK) {
                int p1 = Math.min(count, p0 + BLOCK);
                for (int e = 0; e < elements; e++) {
                    float[] row = rows[e];
                    for (int p = p0; p < p1; p++) {
                        values[p * elements + e] = row[p];
                    }
                }
            }
            DenseFloats.elements(array, (long) from * elements, (long) count * elements).put(values, 0, count * elements);
        }

        private float[] staging(int elements) {
            if (staging[0].length < CHUNK * elements) {
                staging[0] = new float[CHUNK * elements];
            }
            return staging[0];
        }
    }
}
