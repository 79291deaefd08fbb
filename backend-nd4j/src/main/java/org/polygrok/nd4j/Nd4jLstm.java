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
 * matrix W = [W_x W_h] (4d_h, d_in + d_h), and the layer runs on transposed activations (features
 * × batch), so that
 * <pre>
 *   [i f o g]_tᵀ = W_x·x_tᵀ + b  (every t in one product, before the loop)  +  W_h·h_{t−1}ᵀ
 * </pre>
 * z·Wᵀ with z = [x_t ; h_{t−1}] is x_t·W_xᵀ + h_{t−1}·W_hᵀ exactly in real arithmetic; in float the
 * two partial sums are rounded separately (as in PyTorch's LSTM). In this layout every per-step
 * piece (a time step's projection, a gate) is a block of consecutive rows: {@link GraphPlan} binds
 * the splits as views ({@link ViewOps}), their backward concatenations copy whole blocks, and the
 * weights need no transpose. Per time step: one product, one add, one tanh over all four gates, one
 * affine map and one split into them, and the cell update (h_0 = c_0 = 0 drop the first step's
 * product and f⊙c). The sigmoid gates use σ(x) = ½·tanh(x/2) + ½ with the i, f, o rows of the
 * stacked weights and bias halved once per run (exact in float): the oneDNN build runs tanh and its
 * gradient as vectorised kernels, libnd4j's sigmoid and sigmoid_bp are scalar loops (~6 and ~13 ns
 * per float here).
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
        int batch = Math.toIntExact(xShape[0]);
        int steps = Math.toIntExact(xShape[1]);
        int input = Math.toIntExact(xShape[2]);
        int gates = Math.toIntExact(4 * hidden);
        // the i, f, o rows halved (exact in float): one tanh over all four gates gives tanh(x_i/2), tanh(x_f/2),
        // tanh(x_o/2) and tanh(x_g), and σ(x) = ½·tanh(x/2) + ½
        SDVariable stacked = sd.concat(0, weights).mul(gateRows(sd, hidden, input + hidden, 0.5f, 1f)); // 4 x (d_h, d_in+d_h) -> (4d_h, d_in+d_h)
        SDVariable inputW = sd.slice(stacked, new int[] {0, 0}, gates, input);                // (4d_h, d_in)
        SDVariable recurrentW = sd.slice(stacked, new int[] {0, input}, gates, (int) hidden); // (4d_h, d_h)
        SDVariable bias = sd.concat(0, biases).mul(gateRows(sd, hidden, 0, 0.5f, 1f));         // 4 x (d_h) -> (4d_h)
        SDVariable gateScale = gateRows(sd, hidden, batch, 0.5f, 1f);                          // (4d_h, B)
        SDVariable gateShift = gateRows(sd, hidden, batch, 0.5f, 0f);                          // (4d_h, B)
        SDVariable inputs = sd.reshape(sd.permute(x, 2, 1, 0), input, steps * batch);        // (B, S, d_in) -> (d_in, S, B) -> (d_in, S·B)
        SDVariable projected = BiasRows.addToColumns(sd, sd.mmul(inputW, inputs), bias, gates, steps * batch); // (4d_h, d_in) x (d_in, S·B) -> (4d_h, S·B)
        SDVariable stepMajor = sd.reshape(sd.permute(sd.reshape(projected, gates, steps, batch), 1, 0, 2), // (4d_h, S·B) -> (4d_h, S, B) -> (S, 4d_h, B)
                steps * gates, batch);                                                         // (S, 4d_h, B) -> (S·4d_h, B)
        SDVariable[] perStep = steps == 1 ? new SDVariable[] {stepMajor} : sd.split(stepMajor, steps, 0); // S x (4d_h, B)
        SDVariable h = null;
        SDVariable c = null;
        SDVariable[] outputs = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable pre = h == null ? perStep[t] : perStep[t].add(sd.mmul(recurrentW, h)); // (4d_h, B), i f o halved
            SDVariable activated = sd.math.tanh(pre).mul(gateScale).add(gateShift); // [σ(i) σ(f) σ(o) tanh(g)]ᵀ
            SDVariable[] gate = sd.split(activated, 4, 0);                         // (4d_h, B) -> 4 x (d_h, B)
            SDVariable i = gate[0];
            SDVariable o = gate[2];
            SDVariable g = gate[3];
            c = c == null ? i.mul(g) : gate[1].mul(c).add(i.mul(g));               // c_tᵀ = f⊙c_{t−1} + i⊙g
            h = o.mul(sd.math.tanh(c));                                            // h_tᵀ = o⊙tanh(c_t)
            outputs[t] = h;
        }
        SDVariable stepsOut = steps == 1 ? sd.reshape(h, 1, hidden, batch) : sd.stack(0, outputs); // S x (d_h, B) -> (S, d_h, B)
        return sd.permute(stepsOut, 2, 0, 1);                                      // (S, d_h, B) -> (B, S, d_h)
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
}
