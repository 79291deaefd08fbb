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
 *
 * <p>The layer always runs with torch's grad mode on, also when the caller evaluates without
 * gradients: libtorch then runs oneDNN's {@code forward_training} kernel, which also keeps a
 * workspace for a backward pass (dropout is 0, so the values are those of inference). The {@code
 * forward_inference} AVX-512 kernel of libtorch 2.7.1 gave wrong values on one AMD EPYC VM (a
 * one-layer LSTM of batch 3, hidden 5 off by up to 0.34, the model's logits by 0.12; {@code
 * DjlOpValuesTest}, {@code DjlModelTest}), while training on the same VM followed TensorFlow's
 * curves. Capping oneDNN at AVX2 also avoided it, but made the training step at batch 480 47 %
 * slower (49.6 against 33.7 ms, paired).
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
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(true); // oneDNN's forward_training kernel, also when evaluating (see above)
        NDList out;
        try {
            out = JniUtils.lstm(x, new NDList(zeroState, zeroState),
                    new NDList(inputWeights, recurrentWeights, inputBias, recurrentBias),
                    true, 1, 0.0, true, false, true); // has biases, 1 layer, dropout 0, train, not bidirectional, batch first
        } finally {
            JniUtils.setGradMode(gradMode);
        }
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
