package org.polygrok.api.nn;

import org.polygrok.api.LstmGates;
import org.polygrok.api.Ops;

/**
 * One LSTM layer's cell (PROTOCOL §2): four gate Linears over z = [x_t ; h_{t−1}] (x first),
 * {@code input_gate}, {@code forget_gate}, {@code output_gate}, {@code candidate_cell}, each
 * (d_in + d_h) → d_h with bias, Xavier-uniform weights and zero biases.
 * i, f, o = σ(·), c̃ = tanh(·); c_t = f⊙c_{t−1} + i⊙c̃; h_t = o⊙tanh(c_t). The recurrence itself is
 * {@link Ops#lstmLayer}, so an engine may run it as one fused kernel.
 */
public final class LSTMCell extends Module {
    private final int inputSize;
    private final int hiddenSize;
    private final Linear inputGate;
    private final Linear forgetGate;
    private final Linear outputGate;
    private final Linear candidateCell;

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

    /** The four gates' current parameters, for {@link Ops#lstmLayer}. */
    public LstmGates gates(Ops ops) {
        return new LstmGates(gate(ops, inputGate), gate(ops, forgetGate), gate(ops, candidateCell),
                gate(ops, outputGate));
    }

    private static LstmGates.Gate gate(Ops ops, Linear linear) {
        return new LstmGates.Gate(ops.param(linear.weight()), ops.param(linear.bias()));
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }
}
