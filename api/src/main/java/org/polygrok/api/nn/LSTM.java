package org.polygrok.api.nn;

import org.polygrok.api.Ops;
import org.polygrok.api.Tensor;

/**
 * A stack of L {@link LSTMCell}s, child {@code layers} (names {@code layers.{i}.…}): layer by
 * layer, each over the time steps in order, from zero states; a layer's outputs are the next
 * layer's inputs. Layer 0 reads d_in, the others d_h.
 */
public final class LSTM extends Module {
    private final ModuleList<LSTMCell> layers;

    public LSTM(int inputSize, int hiddenSize, int layerCount) {
        if (layerCount < 1) {
            throw new IllegalArgumentException("an LSTM needs at least one layer, got " + layerCount);
        }
        this.layers = child("layers", new ModuleList<>(layerCount,
                i -> new LSTMCell(i == 0 ? inputSize : hiddenSize, hiddenSize)));
    }

    /** x (B, S, d_in) -> the last layer's hidden states (B, S, d_h). */
    public Tensor forward(Ops ops, Tensor x) {
        Tensor sequence = x;
        for (LSTMCell cell : layers.modules()) {
            sequence = ops.lstmLayer(sequence, cell.gates(ops)); // (B, S, d_in) -> (B, S, d_h)
        }
        return sequence;
    }

    public int layerCount() {
        return layers.size();
    }
}
