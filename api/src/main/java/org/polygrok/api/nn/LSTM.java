package org.polygrok.api.nn;

import java.util.ArrayList;
import java.util.List;
import org.polygrok.api.HostArray;
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
        long batch = x.shape()[0];
        long steps = x.shape()[1];
        Tensor sequence = x;
        for (LSTMCell cell : layers.modules()) {
            Tensor zeros = ops.constant(HostArray.zeros(batch, cell.hiddenSize())); // (B, d_h)
            LSTMCell.State state = new LSTMCell.State(zeros, zeros);
            List<Tensor> outputs = new ArrayList<>();
            for (long t = 0; t < steps; t++) {
                Tensor step = ops.slice(sequence, 1, t, t + 1); // (B, 1, d_in)
                Tensor xt = ops.reshape(step, batch, cell.inputSize()); // (B, 1, d_in) -> (B, d_in)
                state = cell.forward(ops, xt, state);
                outputs.add(state.h());
            }
            sequence = ops.stack(outputs, 1); // S x (B, d_h) -> (B, S, d_h)
        }
        return sequence;
    }

    public int layerCount() {
        return layers.size();
    }
}
