package org.polygrok.api.nn;

import java.util.List;
import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * One LSTM layer's cell (PROTOCOL §2): four gate Linears over z = [x_t ; h_{t−1}] (x first),
 * {@code input_gate}, {@code forget_gate}, {@code output_gate}, {@code candidate_cell}, each
 * (d_in + d_h) → d_h with bias, Xavier-uniform weights and zero biases.
 * i, f, o = σ(·), c̃ = tanh(·); c_t = f⊙c_{t−1} + i⊙c̃; h_t = o⊙tanh(c_t).
 */
public final class LSTMCell extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Linear inputGate;
    private final Linear forgetGate;
    private final Linear outputGate;
    private final Linear candidateCell;

    /** The hidden and cell state, each (B, d_h). */
    public record State(Tensor h, Tensor c) {
    }

    public LSTMCell(int inputSize, int hiddenSize) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("an LSTM cell needs positive sizes, got input " + inputSize
                    + " and hidden " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.inputGate = child("input_gate", gate());
        this.forgetGate = child("forget_gate", gate());
        this.outputGate = child("output_gate", gate());
        this.candidateCell = child("candidate_cell", gate());
    }

    private Linear gate() {
        return new Linear(inputSize + hiddenSize, hiddenSize, true, Init.xavierUniform(), Init.zeros());
    }

    /** x_t (B, d_in) and the previous state -> the next state. */
    public State forward(Ops ops, Tensor x, State previous) {
        Tensor z = ops.concat(List.of(x, previous.h()), -1); // (B, d_in + d_h)
        Tensor i = ops.sigmoid(inputGate.forward(ops, z)); // (B, d_h)
        Tensor f = ops.sigmoid(forgetGate.forward(ops, z));
        Tensor o = ops.sigmoid(outputGate.forward(ops, z));
        Tensor candidate = ops.tanh(candidateCell.forward(ops, z));
        Tensor c = ops.add(ops.mul(f, previous.c()), ops.mul(i, candidate));
        return new State(ops.mul(o, ops.tanh(c)), c);
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }
}
