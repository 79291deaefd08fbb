package org.polygrok.api.train;

import org.polygrok.api.DType;
import org.polygrok.api.HostArray;

/**
 * A batch as the loss sees it: tokens (B, S) INT32 inputs, targets (B, S) INT32, and rhsWeights
 * (B, S) FLOAT32 — 1 at the right-hand-side positions that count in the loss (PROTOCOL §4), else 0.
 */
public record Batch(HostArray tokens, HostArray targets, HostArray rhsWeights) {
    public Batch {
        if (tokens.rank() != 2 || !java.util.Arrays.equals(tokens.shape(), targets.shape())
                || !java.util.Arrays.equals(tokens.shape(), rhsWeights.shape())) {
            throw new IllegalArgumentException("tokens, targets and rhsWeights must share one (B, S) shape");
        }
    }

    public int size() {
        return (int) tokens.shape()[0];
    }

    /**
     * The first position any sample scores (rhsWeights ≠ 0): the loss reads the logits from there on
     * only, so a model may skip the rest (see {@link org.polygrok.api.model.LanguageModel#scoredLogits}).
     */
    public int firstScoredPosition() {
        float[] w = rhsWeights.floats();
        int seq = (int) rhsWeights.shape()[1];
        int first = seq;
        for (int i = 0; i < w.length && first > 0; i++) {
            if (w[i] != 0) {
                first = Math.min(first, i % seq);
            }
        }
        return first == seq ? 0 : first; // nothing scored: the whole sequence, as the loss would see it
    }

    /** targets (B, S) -> (B, S − first): the scored window. */
    public HostArray targetsFrom(int first) {
        return columnsFrom(targets, first);
    }

    /** rhsWeights (B, S) -> (B, S − first): the scored window. */
    public HostArray rhsWeightsFrom(int first) {
        return columnsFrom(rhsWeights, first);
    }

    private static HostArray columnsFrom(HostArray a, int first) {
        int rows = (int) a.shape()[0];
        int seq = (int) a.shape()[1];
        if (first < 0 || first >= seq) {
            throw new IllegalArgumentException("the scored window must start inside the sequence [0, " + seq
                    + "), got " + first);
        }
        int width = seq - first;
        if (a.dtype() == DType.INT32) {
            int[] out = new int[rows * width];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(a.ints(), r * seq + first, out, r * width, width);
            }
            return HostArray.ofInts(out, rows, width);
        }
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a.floats(), r * seq + first, out, r * width, width);
        }
        return HostArray.of(out, rows, width);
    }
}
