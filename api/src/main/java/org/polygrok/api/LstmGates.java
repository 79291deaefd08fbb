package org.polygrok.api;

/**
 * One LSTM layer's four gates (PROTOCOL §2), each a dense layer over z = [x_t ; h_{t−1}] (x first):
 * weight (d_h, d_in + d_h) and bias (d_h), as torch's nn.Linear stores them.
 * i, f, o = σ(z·Wᵀ + b) of {@code input}, {@code forget}, {@code output}; c̃ = tanh(z·Wᵀ + b) of
 * {@code candidate}.
 */
public record LstmGates(Gate input, Gate forget, Gate candidate, Gate output) {

    /** One gate's weight (d_h, d_in + d_h) and bias (d_h). */
    public record Gate(Tensor weight, Tensor bias) {
    }

    /** d_h, the width of the hidden and cell state. */
    public long hiddenSize() {
        return input.weight().shape()[0];
    }

    /** d_in, the width of each time step's input. */
    public long inputSize() {
        return input.weight().shape()[1] - hiddenSize();
    }
}
