package org.polygrok.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import org.polygrok.api.LstmGates;

/**
 * One LSTM layer as libtorch's fused {@code torch::lstm}, differentiated by torch's autograd. The
 * protocol's four gate Linears over [x_t ; h_{t−1}] are the same math as torch's LSTM once their
 * weights are stacked in torch's gate order (input, forget, candidate, output) and split by
 * column into the input and recurrent parts; torch's second bias is zero.
 */
final class DjlLstm {
    private DjlLstm() {
    }

    /** x (B, S, d_in) -> hidden states (B, S, d_h); every array made here belongs to {@code scope}. */
    static NDArray layer(NDManager scope, PtNDArray x, LstmGates gates) {
        long batch = x.getShape().get(0);
        long inputSize = gates.inputSize();
        long hiddenSize = gates.hiddenSize();
        PtNDArray stacked = inScope(scope, JniUtils.cat(new PtNDArray[] {
            weight(gates.input()), weight(gates.forget()), weight(gates.candidate()), weight(gates.output())},
                0)); // 4 x (d_h, d_in + d_h) -> (4·d_h, d_in + d_h)
        PtNDArray inputWeights = inScope(scope, JniUtils.slice(stacked, 1, 0, inputSize, 1)); // (4·d_h, d_in)
        PtNDArray recurrentWeights = inScope(scope,
                JniUtils.slice(stacked, 1, inputSize, inputSize + hiddenSize, 1)); // (4·d_h, d_h)
        PtNDArray inputBias = inScope(scope, JniUtils.cat(new PtNDArray[] {
            bias(gates.input()), bias(gates.forget()), bias(gates.candidate()), bias(gates.output())},
                0)); // 4 x (d_h) -> (4·d_h)
        NDArray recurrentBias = scope.zeros(new Shape(4 * hiddenSize), DataType.FLOAT32); // (4·d_h)
        NDArray zeroState = scope.zeros(new Shape(1, batch, hiddenSize), DataType.FLOAT32); // (layers, B, d_h)
        NDList out = JniUtils.lstm(x, new NDList(zeroState, zeroState),
                new NDList(inputWeights, recurrentWeights, inputBias, recurrentBias),
                true, 1, 0.0, JniUtils.isGradMode(), false, true);
        out.attach(scope); // hidden states (B, S, d_h), h_S and c_S (1, B, d_h)
        return out.get(0);
    }

    private static PtNDArray weight(LstmGates.Gate gate) {
        return (PtNDArray) DjlTensor.unwrap(gate.weight());
    }

    private static PtNDArray bias(LstmGates.Gate gate) {
        return (PtNDArray) DjlTensor.unwrap(gate.bias());
    }

    private static PtNDArray inScope(NDManager scope, PtNDArray array) {
        array.attach(scope);
        return array;
    }
}
