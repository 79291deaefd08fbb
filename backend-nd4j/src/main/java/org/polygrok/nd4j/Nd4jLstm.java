package org.polygrok.nd4j;

import java.util.Arrays;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One LSTM layer traced for SameDiff with few, large ops (the composed form in the api costs ~20
 * small ops per time step, each a libnd4j call with its own backward op). Same equations as
 * PROTOCOL §2 and PyTorch's nn.LSTM: the four gates' weights are stacked once per layer into one
 * matrix and split into its input part W_x and recurrent part W_h, so that
 * <pre>
 *   [i f o g]_t = x_t·W_xᵀ + b  (every t in one product, before the loop)  +  h_{t−1}·W_hᵀ
 * </pre>
 * z·Wᵀ with z = [x_t ; h_{t−1}] is x_t·W_xᵀ + h_{t−1}·W_hᵀ exactly in real arithmetic; in float the
 * two partial sums are rounded separately (as in PyTorch's LSTM). Per time step: one product, one
 * add, one tanh over all four gates, one affine map and one split into them, and the cell update
 * (h_0 = c_0 = 0 drop the first step's product and f⊙c). The sigmoid gates use σ(x) = ½·tanh(x/2) + ½
 * with the i, f, o columns of the stacked weights and bias halved once per run (exact in float): the
 * oneDNN build runs tanh and its gradient as vectorised kernels, libnd4j's sigmoid and sigmoid_bp are
 * scalar loops (~6 and ~13 ns per float here).
 */
final class Nd4jLstm {
    private Nd4jLstm() {
    }

    /**
     * x (B, S, d_in) -> h_1..h_S (B, S, d_h).
     *
     * @param weights the gates' weights (d_h, d_in + d_h), in the order i, f, o, g
     * @param biases their biases (d_h), in the same order
     */
    static SDVariable layer(SameDiff sd, SDVariable x, long[] xShape, SDVariable[] weights, SDVariable[] biases,
            long hidden) {
        long batch = xShape[0];
        int steps = Math.toIntExact(xShape[1]);
        long input = xShape[2];
        // the i, f, o columns halved (exact in float): one tanh over all four gates gives tanh(x_i/2), tanh(x_f/2),
        // tanh(x_o/2) and tanh(x_g), and σ(x) = ½·tanh(x/2) + ½
        SDVariable stackedT = sd.permute(sd.concat(0, weights), 1, 0)            // 4 x (d_h, d_in+d_h) -> (d_in+d_h, 4d_h)
                .mul(gateColumns(sd, input + hidden, hidden, 0.5f, 1f));
        SDVariable inputT = sd.slice(stackedT, new int[] {0, 0}, (int) input, (int) (4 * hidden));        // (d_in, 4d_h)
        SDVariable recurrentT = sd.slice(stackedT, new int[] {(int) input, 0}, (int) hidden, (int) (4 * hidden)); // (d_h, 4d_h)
        SDVariable bias = sd.concat(0, biases).mul(gateColumns(sd, 0, hidden, 0.5f, 1f)); // 4 x (d_h) -> (4d_h)
        SDVariable gateScale = gateColumns(sd, batch, hidden, 0.5f, 1f);          // (B, 4d_h)
        SDVariable gateShift = gateColumns(sd, batch, hidden, 0.5f, 0f);          // (B, 4d_h)
        SDVariable timeMajor = sd.reshape(sd.permute(x, 1, 0, 2), steps * batch, input); // (B, S, d_in) -> (S·B, d_in)
        SDVariable projected = BiasRows.add(sd, sd.mmul(timeMajor, inputT), bias, steps * batch, 4 * hidden); // (S·B, d_in) x (d_in, 4d_h) -> (S·B, 4d_h)
        SDVariable[] perStep = steps == 1 ? new SDVariable[] {projected} : sd.split(projected, steps, 0); // S x (B, 4d_h)
        SDVariable h = null;
        SDVariable c = null;
        SDVariable[] outputs = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable pre = h == null ? perStep[t] : perStep[t].add(sd.mmul(h, recurrentT)); // (B, 4d_h), i f o halved
            SDVariable activated = sd.math.tanh(pre).mul(gateScale).add(gateShift); // [σ(i) σ(f) σ(o) tanh(g)]
            SDVariable[] gate = sd.split(activated, 4, 1);                         // (B, 4d_h) -> 4 x (B, d_h)
            SDVariable i = gate[0];
            SDVariable o = gate[2];
            SDVariable g = gate[3];
            c = c == null ? i.mul(g) : gate[1].mul(c).add(i.mul(g));               // c_t = f⊙c_{t−1} + i⊙g
            h = o.mul(sd.math.tanh(c));                                            // h_t = o⊙tanh(c_t)
            outputs[t] = h;
        }
        SDVariable timeMajorOut = steps == 1 ? sd.reshape(h, 1, batch, hidden) : sd.stack(0, outputs); // (S, B, d_h)
        return sd.permute(timeMajorOut, 1, 0, 2);                                 // (S, B, d_h) -> (B, S, d_h)
    }

    /**
     * A constant of {@code rows} rows (a vector when 0) of 4 gate blocks of {@code hidden} columns:
     * {@code sigmoidValue} in the i, f, o blocks, {@code tanhValue} in the g block. Full-shape, so that
     * products with it need no broadcast (M2.1's broadcast backward is slow).
     */
    private static SDVariable gateColumns(SameDiff sd, long rows, long hidden, float sigmoidValue, float tanhValue) {
        int width = Math.toIntExact(4 * hidden);
        float[] row = new float[width];
        Arrays.fill(row, 0, 3 * (int) hidden, sigmoidValue);
        Arrays.fill(row, 3 * (int) hidden, width, tanhValue);
        INDArray values = rows == 0 ? Nd4j.create(row, new long[] {width}, 'c')
                : Nd4j.create(row, new long[] {1, width}, 'c').repeat(0, rows);
        return sd.constant(values);
    }
}
