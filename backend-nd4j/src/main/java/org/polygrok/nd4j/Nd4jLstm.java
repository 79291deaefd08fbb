package org.polygrok.nd4j;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

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
 * add, one split into the four gates, four activations and the cell update (h_0 = c_0 = 0 drop the
 * first step's product and f⊙c).
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
        SDVariable stackedT = sd.permute(sd.concat(0, weights), 1, 0);           // 4 x (d_h, d_in+d_h) -> (d_in+d_h, 4d_h)
        SDVariable inputT = sd.slice(stackedT, new int[] {0, 0}, (int) input, (int) (4 * hidden));        // (d_in, 4d_h)
        SDVariable recurrentT = sd.slice(stackedT, new int[] {(int) input, 0}, (int) hidden, (int) (4 * hidden)); // (d_h, 4d_h)
        SDVariable bias = sd.concat(0, biases);                                    // 4 x (d_h) -> (4d_h)
        SDVariable timeMajor = sd.reshape(sd.permute(x, 1, 0, 2), steps * batch, input); // (B, S, d_in) -> (S·B, d_in)
        SDVariable projected = sd.mmul(timeMajor, inputT).add(bias);               // (S·B, d_in) x (d_in, 4d_h) -> (S·B, 4d_h)
        SDVariable[] perStep = steps == 1 ? new SDVariable[] {projected} : sd.split(projected, steps, 0); // S x (B, 4d_h)
        SDVariable h = null;
        SDVariable c = null;
        SDVariable[] outputs = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable pre = h == null ? perStep[t] : perStep[t].add(sd.mmul(h, recurrentT)); // (B, 4d_h)
            SDVariable[] gate = sd.split(pre, 4, 1);                               // (B, 4d_h) -> 4 x (B, d_h)
            SDVariable i = sd.nn.sigmoid(gate[0]);
            SDVariable o = sd.nn.sigmoid(gate[2]);
            SDVariable g = sd.math.tanh(gate[3]);
            c = c == null ? i.mul(g) : sd.nn.sigmoid(gate[1]).mul(c).add(i.mul(g)); // c_t = f⊙c_{t−1} + i⊙g
            h = o.mul(sd.math.tanh(c));                                            // h_t = o⊙tanh(c_t)
            outputs[t] = h;
        }
        SDVariable timeMajorOut = steps == 1 ? sd.reshape(h, 1, batch, hidden) : sd.stack(0, outputs); // (S, B, d_h)
        return sd.permute(timeMajorOut, 1, 0, 2);                                 // (S, B, d_h) -> (B, S, d_h)
    }
}
