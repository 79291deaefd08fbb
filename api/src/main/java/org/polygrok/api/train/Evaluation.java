package org.polygrok.api.train;

/** Per-sample results of a gradient-free forward pass: RHS loss and 1/0 all-RHS-tokens-right. */
public record Evaluation(float[] loss, float[] correct) {
}
