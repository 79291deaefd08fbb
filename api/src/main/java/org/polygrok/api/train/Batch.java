package org.polygrok.api.train;

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
}
