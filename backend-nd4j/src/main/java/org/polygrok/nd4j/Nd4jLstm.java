package org.polygrok.nd4j;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One LSTM layer traced for SameDiff with few, large ops (the composed form in the api costs ~20
 * small ops per time step, each a libnd4j call with its own backward op). Same equations as
 * PROTOCOL §2: each gate is one linear map of z_t = [x_t ; h_{t−1}], as in the reference. The four
 * gates' weights are stacked once per layer into one matrix W = [W_x W_h] (4d_h, d_in + d_h), and
 * the layer runs on transposed activations (features × batch), one (d, B) block per time step
 * ({@link StepInputs}), so that
 * <pre>
 *   [i f o g]_tᵀ = W·z_tᵀ + b·1ᵀ     (W_x·x_tᵀ + b·1ᵀ alone at t = 0, where h_0 = c_0 = 0)
 * </pre>
 * Every per-step piece (a time step's input, a gate) is a block of consecutive rows: {@link
 * GraphPlan} binds the splits as views ({@link ViewOps}) and computes the inputs of z_t straight
 * into its blocks ({@link ConcatPlacement}), and a layer hands its per-step states to the next
 * layer without a transpose. When the input is an embedding of tokens (one-hot rows times a table
 * E), the input part of the product is reassociated: W_x·(Eᵀ·onehot_t) = (W_x·Eᵀ)·onehot_t, with
 * W_x·Eᵀ (4d_h, V) formed once per run, so layer 0 multiplies V ≈ 30 rows instead of d_in = 128
 * per step (selecting a column of a product by a one-hot column is exact). The bias stays a
 * per-step sum, not a column added to W_x·Eᵀ: folded in, its gradient was summed in another order,
 * and AdamW's first steps magnified that rounding (losses parted from DJL's by 2e-3 at step 3
 * instead of 1e-6).
 *
 * <p>The sigmoid gates use σ(x) = ½·tanh(x/2) + ½ with the i, f, o rows of the stacked weights and
 * bias halved once per run (exact in float): the oneDNN build runs tanh and its gradient as
 * vectorised kernels, libnd4j's sigmoid and sigmoid_bp are scalar loops (~6 and ~13 ns per float
 * here).
 */
final class Nd4jLstm {
    private Nd4jLstm() {
    }

    /**
     * A layer's input as one (K, B) block per time step, and the map from the layer's input weights
     * W_x (4d_h, d_in) to the (4d_h, K) matrix that multiplies a block.
     */
    interface StepInputs {
        /** S x (K, B). */
        SDVariable[] blocks();

        /**
         * The matrix (4d_h, K) that multiplies a block to give W_x·x_tᵀ.
         *
         * @param inputW W_x (4d_h, d_in), gate rows already scaled
         */
        SDVariable weights(SameDiff sd, SDVariable inputW);

        /** Whether the blocks are the inputs x_tᵀ themselves (K = d_in, weighted by W_x). */
        boolean blocksAreInputs();
    }

    /** A sequence x (B, S, d_in) as S transposed blocks: one copy (a permute) per run. */
    static StepInputs ofSequence(SameDiff sd, SDVariable x, long[] xShape) {
        int steps = Math.toIntExact(xShape[1]);
        long input = xShape[2];
        long batch = xShape[0];
        SDVariable stepMajor = sd.permute(x, 1, 2, 0);                              // (B, S, d_in) -> (S, d_in, B)
        return new Dense(blocks(sd, stepMajor, steps, input, batch));
    }

    /** Earlier per-step states (S x (d, B), e.g. the layer below's h_t), used as they are. */
    static StepInputs ofStates(SDVariable[] states) {
        return new Dense(states);
    }

    /**
     * The embedding rows E[ids] (B, S, d_in), zero at the padding id, as one-hot blocks onehot_t
     * (V, B), with W_x·E₀ᵀ (4d_h, V) as their weights, E₀ being E with its padding row zeroed.
     */
    static StepInputs ofTokens(SameDiff sd, SDVariable ids, long[] idShape, SDVariable table, long[] tableShape,
            int paddingId) {
        int vocab = Math.toIntExact(tableShape[0]);
        int steps = Math.toIntExact(idShape[1]);
        long batch = idShape[0];
        SDVariable stepMajorIds = sd.permute(ids, 1, 0);                                   // (B, S) -> (S, B)
        SDVariable hot = sd.oneHot(stepMajorIds, vocab, 1, 1.0, 0.0, DataType.FLOAT);      // (S, B) -> (S, V, B)
        SDVariable[] blocks = blocks(sd, hot, steps, vocab, batch);
        return new StepInputs() {
            @Override
            public SDVariable[] blocks() {
                return blocks;
            }

            @Override
            public SDVariable weights(SameDiff graph, SDVariable inputW) {
                SDVariable padless = table.mul(paddingMask(graph, tableShape, paddingId)); // (V, d_in), padding row 0
                return graph.mmul(inputW, padless, false, true, false);                   // (4d_h, d_in) x (V, d_in)ᵀ -> (4d_h, V)
            }

            @Override
            public boolean blocksAreInputs() {
                return false;
            }
        };
    }

    /**
     * One layer over all time steps: S x (d_h, B), the states h_1..h_S transposed.
     *
     * @param weights the gates' weights (d_h, d_in + d_h), in the order i, f, o, g
     * @param biases their biases (d_h), in the same order
     */
    static SDVariable[] layer(SameDiff sd, StepInputs in, long inputSize, SDVariable[] weights, SDVariable[] biases,
            long hidden, long batch) {
        int gates = Math.toIntExact(4 * hidden);
        int input = Math.toIntExact(inputSize);
        // the i, f, o rows halved (exact in float): one tanh over all four gates gives tanh(x_i/2), tanh(x_f/2),
        // tanh(x_o/2) and tanh(x_g), and σ(x) = ½·tanh(x/2) + ½
        SDVariable stacked = sd.concat(0, weights).mul(gateRows(sd, hidden, input + hidden, 0.5f, 1f)); // 4 x (d_h, d_in+d_h) -> (4d_h, d_in+d_h)
        SDVariable bias = sd.reshape(sd.concat(0, biases).mul(gateRows(sd, hidden, 0, 0.5f, 1f)), gates, 1); // 4 x (d_h) -> (4d_h) -> (4d_h, 1)
        SDVariable inputW = sd.slice(stacked, new int[] {0, 0}, gates, input);                // (4d_h, d_in)
        SDVariable blockW = in.weights(sd, inputW);                                            // (4d_h, K)
        SDVariable biasColumns = BiasRows.columns(sd, bias, batch);                             // (4d_h, 1) -> (4d_h, B)
        // z_t = [x_t ; h_{t−1}] in one product when the two blocks have one shape (their concatenation is then
        // computed in place); a product per part otherwise
        boolean joined = in.blocksAreInputs() && input == hidden;
        SDVariable recurrentW = joined ? null : sd.slice(stacked, new int[] {0, input}, gates, (int) hidden); // (4d_h, d_h)
        SDVariable gateScale = gateRows(sd, hidden, batch, 0.5f, 1f);                          // (4d_h, B)
        SDVariable gateShift = gateRows(sd, hidden, batch, 0.5f, 0f);                          // (4d_h, B)
        SDVariable[] x = in.blocks();
        SDVariable h = null;
        SDVariable c = null;
        SDVariable[] outputs = new SDVariable[x.length];
        for (int t = 0; t < x.length; t++) {
            SDVariable pre;                                                        // (4d_h, B), i f o halved
            if (h == null) {
                pre = sd.mmul(blockW, x[t]);                                       // (4d_h, K) x (K, B)
            } else if (joined) {
                pre = sd.mmul(stacked, sd.concat(0, x[t], h));                     // (4d_h, 2d_h) x (2d_h, B)
            } else {
                pre = sd.mmul(blockW, x[t]).add(sd.mmul(recurrentW, h));           // (4d_h, K) x (K, B) + (4d_h, d_h) x (d_h, B)
            }
            pre = pre.add(biasColumns);
            SDVariable activated = sd.math.tanh(pre).mul(gateScale).add(gateShift); // [σ(i) σ(f) σ(o) tanh(g)]ᵀ
            SDVariable[] gate = sd.split(activated, 4, 0);                         // (4d_h, B) -> 4 x (d_h, B)
            SDVariable i = gate[0];
            SDVariable o = gate[2];
            SDVariable g = gate[3];
            c = c == null ? i.mul(g) : gate[1].mul(c).add(i.mul(g));               // c_tᵀ = f⊙c_{t−1} + i⊙g
            h = o.mul(sd.math.tanh(c));                                            // h_tᵀ = o⊙tanh(c_t)
            outputs[t] = h;
        }
        return outputs;
    }

    /** The states S x (d_h, B) as the layer's output (B, S, d_h). */
    static SDVariable batchMajor(SameDiff sd, SDVariable[] states, long hidden, long batch) {
        SDVariable stepMajor = states.length == 1 ? sd.reshape(states[0], 1, hidden, batch)
                : sd.stack(0, states);                                             // S x (d_h, B) -> (S, d_h, B)
        return sd.permute(stepMajor, 2, 0, 1);                                     // (S, d_h, B) -> (B, S, d_h)
    }

    /** (V, d_in) like the table: ones, with a row of zeros at {@code paddingId} (full-shape: M2.1's broadcast backward is slow). */
    private static SDVariable paddingMask(SameDiff sd, long[] tableShape, int paddingId) {
        INDArray mask = Nd4j.ones(DataType.FLOAT, tableShape[0], tableShape[1]);
        mask.getRow(paddingId).assign(0);
        return sd.constant(mask);
    }

    /** (S, K, B) as S dense (K, B) blocks (views, once the plan binds the split). */
    private static SDVariable[] blocks(SameDiff sd, SDVariable stepMajor, int steps, long rows, long batch) {
        SDVariable[] parts = steps == 1 ? new SDVariable[] {stepMajor} : sd.split(stepMajor, steps, 0); // (S, K, B) -> S x (1, K, B)
        return Arrays.stream(parts).map(p -> sd.reshape(p, rows, batch)).toArray(SDVariable[]::new);    // (1, K, B) -> (K, B)
    }

    /**
     * A constant of 4 gate blocks of {@code hidden} rows (a vector when {@code columns} is 0):
     * {@code sigmoidValue} in the i, f, o blocks, {@code tanhValue} in the g block. Full-shape, so that
     * products with it need no broadcast (M2.1's broadcast backward is slow).
     */
    private static SDVariable gateRows(SameDiff sd, long hidden, long columns, float sigmoidValue, float tanhValue) {
        int height = Math.toIntExact(4 * hidden);
        float[] column = new float[height];
        Arrays.fill(column, 0, 3 * (int) hidden, sigmoidValue);
        Arrays.fill(column, 3 * (int) hidden, height, tanhValue);
        INDArray values = columns == 0 ? Nd4j.create(column, new long[] {height}, 'c')
                : Nd4j.create(column, new long[] {height, 1}, 'c').repeat(1, columns);
        return sd.constant(values);
    }

    /** Blocks used as they are, weighted by W_x. */
    private record Dense(SDVariable[] blocks) implements StepInputs {
        @Override
        public SDVariable weights(SameDiff sd, SDVariable inputW) {
            return inputW;
        }

        @Override
        public boolean blocksAreInputs() {
            return true;
        }
    }
}
